import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors } from './helpers';
import type { DebuggerSnapshot } from '../../../src/vscode/debugger-panel/controller';

// A patch to a file the model does not implement (written for this test).
const OTHER_FILE_PATCH = [
  'Subject: [PATCH] ipc: say which id was refused',
  '---',
  '--- a/ipc/util.c',
  '+++ b/ipc/util.c',
  '@@ -260,6 +260,7 @@ int ipc_addid(struct ipc_ids* ids, struct kern_ipc_perm* new, int size)',
  ' \tif (id < 0)',
  ' \t\treturn id;',
  '+\tpr_debug("ipc: id %d\\n", id);',
  ' \tids->in_use++;',
  ' ',
  ' \tnew->cuid = new->uid = current->euid;',
  '',
].join('\n');

describe('debugger: "Debug alloc_pid…" on a patch the model does not implement', () => {
  afterEach(closeAllEditors);

  it('does not debug the sample\'s code in place of the patch in view', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'kernel-patch', content: OTHER_FILE_PATCH });
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('kpr.debugAllocPid', 500);
    const snapshot = await vscode.commands.executeCommand<DebuggerSnapshot>('kpr.debugger.inspect');
    assert.notEqual(snapshot.documentUri, document.uri.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString(), 'the patch stays in view: the sample is only offered');
  });
});
