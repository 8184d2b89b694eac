// The alloc_pid panel follows a `kpr` session of VS Code's own debugger.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, eventually, lineStartingWith, openSample } from './helpers';

interface Snapshot {
  readonly state: { readonly runs: readonly { readonly index: number; readonly stepId?: string; readonly variant: string }[] } | null;
  readonly decorations: { readonly current: readonly number[] };
}

describe('the debugger panel follows the native debug session', () => {
  afterEach(async () => {
    if (vscode.debug.activeDebugSession) await vscode.debug.stopDebugging();
    vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await closeAllEditors();
  });

  it('a breakpoint stop of a kpr launch moves the open panel to the same patch line', async () => {
    const editor = await openSample();
    await vscode.commands.executeCommand('kpr.debugAllocPid', 500);
    const line = lineStartingWith(editor.document, 'kmem_cache_free(ns->pid_cachep, pid);');
    vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(editor.document.uri, new vscode.Position(line, 0)))]);
    const started = await vscode.debug.startDebugging(undefined, {
      type: 'kpr', request: 'launch', name: 'kpr: follow', patch: editor.document.uri.toString(), nextSyscallData: 299,
    });
    assert.equal(started, true);
    const snapshot = await eventually(async () => {
      const s = await vscode.commands.executeCommand<Snapshot>('kpr.debugger.inspect');
      return s.decorations.current.includes(line) ? s : undefined;
    }, 20_000);
    assert.ok(snapshot.state && snapshot.state.runs.length === 1 && snapshot.state.runs[0].variant === 'patched');
  });
});
