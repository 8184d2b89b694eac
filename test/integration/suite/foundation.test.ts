import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, kprExtension } from './helpers';

describe('foundation: kpr in a real VS Code extension host', () => {
  afterEach(closeAllEditors);

  it('runs inside the VS Code version the harness started (1.96.4 unless told otherwise)', () => {
    assert.equal(vscode.version, process.env.KPR_EXPECT_VSCODE_VERSION ?? '1.96.4');
  });

  it('is not activated before one of its contributions is used', () => {
    // activationEvents never contains '*': loading the window must not activate kpr.
    const manifest = kprExtension().packageJSON as { activationEvents?: string[] };
    assert.ok(!(manifest.activationEvents ?? []).includes('*'));
  });

  it('contributes "Kernel Patch Review: Open Sample Patch" to the command palette', () => {
    const manifest = kprExtension().packageJSON as { contributes: { commands: { command: string; title: string; category: string }[] } };
    const entry = manifest.contributes.commands.find((c) => c.command === 'kpr.openSample');
    assert.deepEqual(entry && `${entry.category}: ${entry.title}`, 'Kernel Patch Review: Open Sample Patch');
  });

  it('opens the bundled sample patch and activates on that command', async () => {
    await vscode.commands.executeCommand('kpr.openSample');
    assert.equal(kprExtension().isActive, true);
    assert.ok((await vscode.commands.getCommands(true)).includes('kpr.openSample'));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    assert.equal(editor.document.uri.toString(), 'kpr-sample:/rfc-3-5-next-syscall-data-pids.txt');
    assert.match(editor.document.getText(), /Subject: \[RFC PATCH 3\/5\] use next syscall data to predefine process ids/);
    assert.equal(editor.document.languageId, 'kernel-patch');
  });

  it('opens the sample read-only: an edit cannot be saved over the shipped file', async () => {
    await vscode.commands.executeCommand('kpr.openSample');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    const shipped = vscode.Uri.joinPath(kprExtension().extensionUri, 'samples', 'rfc-3-5-next-syscall-data-pids.txt');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(shipped));
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(editor.document.uri, new TextEncoder().encode('32768'))), /read-only|NoPermissions/i);
    // The editor refuses typing in a read-only document; a workspace edit may apply in memory but never saves.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, new vscode.Position(0, 0), '32768');
    await vscode.workspace.applyEdit(edit);
    assert.equal(await editor.document.save(), false);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(shipped)), before);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('"Review This File as a Patch" turns an archive copy saved as .txt into a patch mail', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpr-it-'));
    const file = path.join(dir, 'archive-copy.txt');
    fs.writeFileSync(file, 'Subject: a patch\n\n--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-a\n+b\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(file)));
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'plaintext');
    await vscode.commands.executeCommand('kpr.reviewAsPatch');
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'kernel-patch');
  });

  it('registers every command its manifest contributes', async () => {
    await vscode.commands.executeCommand('kpr.openSample');
    const manifest = kprExtension().packageJSON as { contributes: { commands: { command: string }[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, []);
  });

  it('reads a .patch file as a kernel patch mail', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpr-it-'));
    const file = path.join(dir, '0001-example.patch');
    fs.writeFileSync(file, 'From: A <a@example.org>\nSubject: [PATCH] x\n\n---\n a | 1 +\n');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    assert.equal(document.languageId, 'kernel-patch');
  });
});
