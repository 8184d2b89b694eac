import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, eventually, kprExtension, lineStartingWith, openSample } from '../suite/helpers';
import type { DebuggerSnapshot } from '../../../src/vscode/debugger-panel/controller';
import type { ApplyCheckResult } from '../../../src/vscode/review/apply-check';

describe('Restricted Mode: kpr in an untrusted workspace', () => {
  afterEach(closeAllEditors);

  it('runs in an untrusted workspace (the harness opened it in Restricted Mode)', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('activates and reads the sample: problems, hover with the model step', async () => {
    const { document } = await openSample();
    assert.equal(kprExtension().isActive, true);
    // A development extension runs untrusted whatever it declares; an installed one needs this.
    assert.equal(kprExtension().packageJSON.capabilities?.untrustedWorkspaces?.supported, 'limited');
    await eventually(() => {
      const kpr = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'kpr');
      return kpr.length > 0 ? kpr : undefined;
    });
    const line = lineStartingWith(document, '+ if (next_nr < RESERVED_PIDS || next_nr >= pid_max)');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /alloc\\?_fixed\\?_pidmap\/if-range/);
  });

  it('debugs alloc_pid on the sample', async () => {
    const editor = await openSample();
    await vscode.commands.executeCommand('kpr.debugAllocPid', 500);
    const snapshot = await vscode.commands.executeCommand<DebuggerSnapshot>('kpr.debugger.inspect');
    assert.equal(snapshot.documentUri, editor.document.uri.toString());
    assert.deepEqual(snapshot.state?.runs.map((r) => r.variant), ['patched']);
  });

  it('refuses git apply --check, saying that it needs trust, and reports no apply finding', async () => {
    const { document } = await openSample();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder);
    const result = await vscode.commands.executeCommand<ApplyCheckResult>('kpr.review.applyCheck', document.uri.toString(), folder);
    assert.equal(result?.failure, 'untrusted workspace');
    assert.equal(result.applies, false);
    assert.deepEqual(vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'kpr git apply'), []);
  });

  it('ignores a kernel tree named by the workspace settings (kpr.review.applyTree is restricted)', async () => {
    const config = () => vscode.workspace.getConfiguration('kpr.review');
    await config().update('applyTree', '/tmp/a-tree-the-workspace-chose', vscode.ConfigurationTarget.Workspace);
    try {
      // Restricted Mode hides the workspace's value: kpr sees the default (or the user's own).
      assert.equal(config().get<string>('applyTree'), '');
      assert.equal(config().inspect<string>('applyTree')?.workspaceValue, undefined);
    } finally {
      await config().update('applyTree', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
