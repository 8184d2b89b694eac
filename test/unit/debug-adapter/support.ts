// Runs the kpr debug adapter in this process on a 127.0.0.1 socket (one session per connection)
// and connects @vscode/debugadapter-testsupport's DebugClient to it: the same protocol VS Code
// speaks, without starting VS Code.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { diskFiles, type AdapterFiles } from '../../../src/debug-adapter/files';
import { KprDebugSession, type StopNotice } from '../../../src/debug-adapter/kpr-debug-session';
import type { KprLaunchArguments } from '../../../src/debug-adapter/launch-config';

export const SAMPLE = join(__dirname, '..', '..', '..', '..', 'samples', 'rfc-3-5-next-syscall-data-pids.txt');

export interface Adapter {
  readonly client: DebugClient;
  /** Every stop the adapter reported to its onStop listener. */
  readonly notices: StopNotice[];
  close(): Promise<void>;
}

export async function startAdapter(files: AdapterFiles = diskFiles): Promise<Adapter> {
  const notices: StopNotice[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    const session = new KprDebugSession(files, { onStop: (n) => notices.push(n) });
    session.setRunAsServer(true);
    session.start(socket, socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new DebugClient('node', '', 'kpr');
  await client.start((server.address() as AddressInfo).port);
  return {
    client,
    notices,
    close: async () => {
      // A test that failed mid-request may leave the adapter silent: never wait long for it.
      await Promise.race([client.stop(), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * initialize, launch, breakpoints on the given document lines (as the client counts them),
 * configurationDone; resolves with the first stop.
 */
export async function launchToStop(
  client: DebugClient,
  args: KprLaunchArguments,
  lines: readonly number[] = [],
  initialize?: DebugProtocol.InitializeRequestArguments,
): Promise<DebugProtocol.StoppedEvent> {
  const initialized = client.waitForEvent('initialized');
  const stopped = nextStop(client);
  await client.initializeRequest(initialize);
  await client.launchRequest(args as DebugProtocol.LaunchRequestArguments);
  await initialized;
  if (lines.length > 0) await client.setBreakpointsRequest({ source: { path: String(args.patch) }, breakpoints: lines.map((line) => ({ line })) });
  await client.configurationDoneRequest();
  return stopped;
}

/** The next stopped event; rejects at once if the run ends instead. */
export function nextStop(client: DebugClient): Promise<DebugProtocol.StoppedEvent> {
  return Promise.race([
    client.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>,
    client.waitForEvent('terminated').then(() => Promise.reject(new Error('the run ended without stopping'))),
  ]);
}

export async function topFrame(client: DebugClient): Promise<DebugProtocol.StackFrame> {
  return (await client.stackTraceRequest({ threadId: 1 })).body.stackFrames[0];
}

/** The variables of a frame's scope, by scope name prefix ("Locals", "Pid maps", "Heap", "Faults"). */
export async function scopeVariables(client: DebugClient, frameId: number, scope: string): Promise<DebugProtocol.Variable[]> {
  const scopes = (await client.scopesRequest({ frameId })).body.scopes;
  const found = scopes.find((s) => s.name.startsWith(scope));
  if (!found) throw new Error(`no scope ${scope} in ${scopes.map((s) => s.name).join(', ')}`);
  return (await client.variablesRequest({ variablesReference: found.variablesReference })).body.variables;
}

/** Waits for a stop that a request (sent after the wait is armed) causes. */
export async function stopAfter(client: DebugClient, request: () => Promise<unknown>): Promise<DebugProtocol.StoppedEvent> {
  const stopped = nextStop(client);
  await request();
  return stopped;
}
