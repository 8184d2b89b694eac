import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('the packaged .vsix, installed with --install-extension', () => {
  it('is installed from the extensions folder, not loaded as a development extension', () => {
    const extension = vscode.extensions.getExtension('kpr.kernel-patch-review');
    assert.ok(extension, 'kpr.kernel-patch-review is installed');
    assert.match(extension.extensionUri.path, /\/ext\/kpr\.kernel-patch-review-/);
  });

  it('activates and opens its bundled sample', async () => {
    await vscode.commands.executeCommand('kpr.openSample');
    const extension = vscode.extensions.getExtension('kpr.kernel-patch-review');
    assert.equal(extension?.isActive, true);
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /\[RFC PATCH 3\/5\]/);
  });
});
