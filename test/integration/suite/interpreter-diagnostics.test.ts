import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, eventually, lineStartingWith, openSample } from './helpers';

const SOURCE = 'kpr interpreter';

function refusals(document: vscode.TextDocument): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === SOURCE);
}

describe('interpreter refusals in the Problems panel', () => {
  afterEach(closeAllEditors);

  it('an edit that adds `goto nowhere;` is an error at the goto, and the sample itself has none', async () => {
    const sample = (await openSample()).document;
    const document = await vscode.workspace.openTextDocument({ language: 'kernel-patch', content: sample.getText() });
    await vscode.window.showTextDocument(document);
    const line = lineStartingWith(document, '+ reset_next_syscall_data(current);');
    const column = document.lineAt(line).text.indexOf('reset_next_syscall_data');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(line, column, line, document.lineAt(line).text.length), 'goto nowhere;');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const found = await eventually(() => {
      const list = refusals(document);
      return list.length > 0 ? list : undefined;
    }, 30_000);
    assert.equal(found.length, 1, found.map((d) => d.message).join(' | '));
    const [error] = found;
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(error.range.start.line, line);
    assert.equal(error.range.start.character, column);
    assert.match(error.message, /patched .*goto nowhere: no label nowhere in alloc_pid/);
    assert.deepEqual(refusals(sample), []);
  });
});
