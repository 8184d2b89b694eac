import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, eventually, openSample } from './helpers';
import type { DebuggerSnapshot } from '../../../src/vscode/debugger-panel/controller';
import type { RunView } from '../../../src/shared/debugger-protocol';

async function inspect(): Promise<DebuggerSnapshot> {
  return vscode.commands.executeCommand<DebuggerSnapshot>('kpr.debugger.inspect');
}

async function run(i = 0): Promise<RunView> {
  const state = (await inspect()).state;
  assert.ok(state, 'the debugger has a state');
  return state.runs[i];
}

async function stepInUntil(fn: string, limit = 200): Promise<RunView> {
  for (let i = 0; i < limit; i++) {
    const view = await run();
    if (view.stack[view.stack.length - 1].fn === fn) return view;
    await vscode.commands.executeCommand('kpr.debugger.stepIn');
  }
  throw new Error(`never stepped into ${fn}`);
}

function lineContaining(document: vscode.TextDocument, text: string): number {
  for (let i = 0; i < document.lineCount; i++) if (document.lineAt(i).text.includes(text)) return i;
  throw new Error(`no line contains ${JSON.stringify(text)}`);
}

function debuggerTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('kpr.debugger'));
}

describe('debugger: the alloc_pid panel driven through its commands', () => {
  afterEach(async () => {
    vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
    await closeAllEditors();
  });

  it('"Debug alloc_pid…" with 500 opens the panel beside the sample at the first step', async () => {
    const editor = await openSample();
    await vscode.commands.executeCommand('kpr.debugAllocPid', 500);
    await eventually(() => debuggerTab());
    const snapshot = await inspect();
    assert.equal(snapshot.documentUri, editor.document.uri.toString());
    assert.deepEqual(snapshot.state?.runs.map((r) => [r.variant, r.index]), [['patched', 0]]);
    assert.deepEqual(snapshot.state?.scenario.ops, [{ op: 'set_next', value: 500 }, { op: 'fork' }]);
  });

  it('stepping into alloc_fixed_pidmap highlights its signature line in the patch editor', async () => {
    const editor = await openSample();
    await vscode.commands.executeCommand('kpr.debugAllocPid', 500);
    const view = await stepInUntil('alloc_fixed_pidmap');
    const signature = lineContaining(editor.document, 'static int alloc_fixed_pidmap(struct pid_namespace *pid_ns, int next_nr)');
    assert.deepEqual(view.location.kind === 'patch' ? view.location.line : null, signature);
    assert.deepEqual((await inspect()).decorations.current, [signature]);
  });

  it('inside alloc_fixed_pidmap the level 0 bitmap marks pid 500 as the bit under test', async () => {
    await openSample();
    await vscode.commands.executeCommand('kpr.debugAllocPid', 500);
    const view = await stepInUntil('alloc_fixed_pidmap');
    assert.equal(view.bitmaps[0].test, 500);
    assert.ok(view.bitmaps[0].windowStart <= 500 && 500 < view.bitmaps[0].windowStart + view.bitmaps[0].windowBits.length);
  });

  it('with 299, a gutter breakpoint on out_free\'s kmem_cache_free stops there, and running on shows invalid-free and leak in red on that line', async () => {
    const editor = await openSample();
    const line = lineContaining(editor.document, 'kmem_cache_free(ns->pid_cachep, pid);');
    vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(editor.document.uri, new vscode.Position(line, 0)))]);
    await vscode.commands.executeCommand('kpr.debugAllocPid', 299);
    await vscode.commands.executeCommand('kpr.debugger.continue');
    const stopped = await run();
    assert.equal(stopped.stopReason, 'breakpoint');
    assert.equal(stopped.location.kind === 'patch' && stopped.location.line, line);
    await vscode.commands.executeCommand('kpr.debugger.continue'); // no other breakpoint: to the end
    const after = await run();
    assert.equal(after.stopReason, 'end');
    assert.deepEqual(after.faults.map((f) => [f.kind, f.line]), [['invalid-free', line], ['leak', line]]);
    assert.deepEqual((await inspect()).decorations.faults, [line]);
  });

  it('step back returns to the previous step and its line', async () => {
    await openSample();
    await vscode.commands.executeCommand('kpr.debugAllocPid', 500);
    for (let i = 0; i < 12; i++) await vscode.commands.executeCommand('kpr.debugger.stepIn');
    const before = await run();
    await vscode.commands.executeCommand('kpr.debugger.stepIn');
    await vscode.commands.executeCommand('kpr.debugger.stepBack');
    const back = await run();
    assert.equal(back.index, before.index);
    assert.deepEqual(back.location, before.location);
  });

  it('"Debug to Here" runs to the first step mapped to the line', async () => {
    const editor = await openSample();
    const line = lineContaining(editor.document, 'rc = alloc_fixed_pidmap(ns, next_nr);');
    await vscode.commands.executeCommand('kpr.debugToHere', editor.document.uri.toString(), line);
    const view = await run();
    assert.equal(view.location.kind === 'patch' && view.location.line, line);
    assert.deepEqual((await inspect()).decorations.current, [line]);
  });

  it('"Debug This Scenario" with a broken pid_max reports the rule and records no run', async () => {
    await openSample();
    await vscode.commands.executeCommand('kpr.debugScenario', { variant: 'patched', pid_max: 100, ops: [{ op: 'fork' }] });
    const state = (await inspect()).state;
    assert.deepEqual(state?.errors.map((e) => e.path), ['pid_max']);
    assert.equal(state?.runs.length, 0);
  });
});
