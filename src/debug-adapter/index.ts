// The debug adapter layer: DAP over the recorded stepper, with file access injected.
export { KprDebugSession, THREAD_ID, THREAD_NAME, type KprDebugSessionOptions, type StopNotice } from './kpr-debug-session';
export type { AdapterFiles } from './files';
export type { KprLaunchArguments } from './launch-config';
