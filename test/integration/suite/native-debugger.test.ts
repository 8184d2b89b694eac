// VS Code's own debugger on the model: a `kpr` launch configuration with a gutter breakpoint on
// the sample's out_free line, run through vscode.debug like a reviewer pressing F5.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openSample } from './helpers';

interface Stopped {
  readonly session: vscode.DebugSession;
  readonly reason: string;
}

function lineContaining(document: vscode.TextDocument, text: string): number {
  for (let i = 0; i < document.lineCount; i++) if (document.lineAt(i).text.includes(text)) return i;
  throw new Error(`no line contains ${JSON.stringify(text)}`);
}

/** Watches the adapter's messages (a DebugAdapterTracker) and resolves on the next `stopped` event. */
class StopWatcher implements vscode.Disposable {
  private readonly registration: vscode.Disposable;
  private waiters: ((stop: Stopped) => void)[] = [];
  readonly failures: string[] = [];

  constructor() {
    this.registration = vscode.debug.registerDebugAdapterTrackerFactory('kpr', {
      createDebugAdapterTracker: (session) => ({
        onDidSendMessage: (message: { type?: string; event?: string; body?: { reason?: string }; success?: boolean; message?: string }) => {
          if (message.type === 'response' && message.success === false && message.message) this.failures.push(message.message);
          if (message.type !== 'event' || message.event !== 'stopped') return;
          const waiters = this.waiters;
          this.waiters = [];
          for (const resolve of waiters) resolve({ session, reason: message.body?.reason ?? '' });
        },
      }),
    });
  }

  next(timeoutMs = 20_000): Promise<Stopped> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no stop within ${timeoutMs} ms; adapter errors: ${this.failures.join(' | ') || 'none'}`)), timeoutMs);
      this.waiters.push((stop) => {
        clearTimeout(timer);
        resolve(stop);
      });
    });
  }

  dispose(): void {
    this.registration.dispose();
  }
}

async function topFrameLine(session: vscode.DebugSession): Promise<number> {
  const trace = (await session.customRequest('stackTrace', { threadId: 1 })) as { stackFrames: { line: number }[] };
  return trace.stackFrames[0].line;
}

describe('native debugger: the kpr debug type in VS Code\'s Run and Debug', () => {
  let watcher: StopWatcher;

  beforeEach(() => {
    watcher = new StopWatcher();
  });

  afterEach(async () => {
    if (vscode.debug.activeDebugSession) await vscode.debug.stopDebugging();
    watcher.dispose();
    vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
    await closeAllEditors();
  });

  it('a launch with next_syscall_data 299 stops at the gutter breakpoint on out_free\'s kmem_cache_free', async () => {
    const editor = await openSample();
    const line = lineContaining(editor.document, 'kmem_cache_free(ns->pid_cachep, pid);');
    vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(editor.document.uri, new vscode.Position(line, 0)))]);
    const stopped = watcher.next();
    const started = await vscode.debug.startDebugging(undefined, {
      type: 'kpr', request: 'launch', name: 'kpr: out_free with 299', patch: editor.document.uri.toString(), nextSyscallData: 299,
    });
    assert.equal(started, true);
    const stop = await stopped;
    assert.deepEqual([stop.reason, await topFrameLine(stop.session)], ['breakpoint', line + 1]);
  });

  it('step back from the breakpoint, then next, returns to the out_free line', async () => {
    const editor = await openSample();
    const line = lineContaining(editor.document, 'kmem_cache_free(ns->pid_cachep, pid);');
    vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(editor.document.uri, new vscode.Position(line, 0)))]);
    const first = watcher.next();
    await vscode.debug.startDebugging(undefined, { type: 'kpr', request: 'launch', name: 'kpr: step back', patch: editor.document.uri.toString(), nextSyscallData: 299 });
    const { session } = await first;
    const back = watcher.next();
    await session.customRequest('stepBack', { threadId: 1 });
    await back;
    const forward = watcher.next();
    await session.customRequest('next', { threadId: 1 });
    await forward;
    assert.equal(await topFrameLine(session), line + 1);
  });

  it('a configuration without "patch" debugs the active patch editor', async () => {
    const editor = await openSample();
    const line = lineContaining(editor.document, 'kmem_cache_free(ns->pid_cachep, pid);');
    vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(editor.document.uri, new vscode.Position(line, 0)))]);
    const stopped = watcher.next();
    const started = await vscode.debug.startDebugging(undefined, { type: 'kpr', request: 'launch', name: 'kpr: active patch', nextSyscallData: 299 });
    assert.equal(started, true);
    const stop = await stopped;
    assert.equal(await topFrameLine(stop.session), line + 1);
  });

  it('Variables at the out_free stop show the local pid = ERR_PTR(-22)', async () => {
    const editor = await openSample();
    const line = lineContaining(editor.document, 'kmem_cache_free(ns->pid_cachep, pid);');
    vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(editor.document.uri, new vscode.Position(line, 0)))]);
    const stopped = watcher.next();
    await vscode.debug.startDebugging(undefined, { type: 'kpr', request: 'launch', name: 'kpr: locals', patch: editor.document.uri.toString(), nextSyscallData: 299 });
    const { session } = await stopped;
    const frames = (await session.customRequest('stackTrace', { threadId: 1 })) as { stackFrames: { id: number }[] };
    const scopes = (await session.customRequest('scopes', { frameId: frames.stackFrames[0].id })) as { scopes: { name: string; variablesReference: number }[] };
    const locals = scopes.scopes.find((s) => s.name === 'Locals');
    const variables = (await session.customRequest('variables', { variablesReference: locals?.variablesReference })) as { variables: { name: string; value: string }[] };
    assert.equal(variables.variables.find((v) => v.name === 'pid')?.value, 'ERR_PTR(-22)');
  });

  it('a launch whose nextSyscallData is not an int does not start', async () => {
    const editor = await openSample();
    const message = 'kpr: invalid scenario: nextSyscallData: must be a 32-bit signed integer (-2147483648 to 2147483647), got "abc"';
    // The workbench shows the error in a dialog; under test the dialog service refuses and the
    // start rejects with the dialog's contents instead.
    const outcome = await vscode.debug
      .startDebugging(undefined, { type: 'kpr', request: 'launch', name: 'kpr: bad', patch: editor.document.uri.toString(), nextSyscallData: 'abc' })
      .then((started) => `started: ${started}`, (error: Error) => error.message);
    assert.deepEqual([outcome === 'started: false' || outcome.includes(message), watcher.failures], [true, [message]]);
  });

  it('a configuration with only the type, on a patch without breakpoints, stops at the first step of its default run', async () => {
    await openSample();
    const stopped = watcher.next();
    // What F5 does without launch.json once kpr is chosen as the debugger: a configuration with
    // nothing but the type. (A fully empty one makes the workbench ask which debugger to use.)
    await vscode.debug.startDebugging(undefined, { type: 'kpr', request: '', name: '' });
    const stop = await stopped;
    assert.deepEqual([stop.session.type, stop.reason, stop.session.configuration.nextSyscallData], ['kpr', 'entry', 500]);
  });
});
