// VS Code's native debugger for the model (debug type `kpr`): registration, launch
// configurations and stop notices. The alloc_pid webview panel is ../debugger-panel.
export { registerNativeDebugger } from './register';
export { onDidStopInModel, type ModelDebugStop } from './stops';
