import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, eventually, lineStartingWith, openSample } from './helpers';

describe('editor: outline, folding, diagnostics and navigation on the sample', () => {
  afterEach(closeAllEditors);

  it('outlines the sample as one mail with three files and their hunks named by function', async () => {
    const editor = await openSample();
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    assert.equal(symbols.length, 1);
    assert.match(symbols[0].name, /use next syscall data to predefine process ids/);
    assert.equal(symbols[0].detail, 'RFC 3/5');
    const files = symbols[0].children.map((f) => [f.name, f.children.length]);
    assert.deepEqual(files, [['kernel/pid.c', 6], ['kernel/fork.c', 1], ['include/linux/next_syscall_data.h', 2]]);
    const pidHunks = symbols[0].children[0].children.map((h) => h.name);
    assert.deepEqual(pidHunks.slice(0, 4), ['free_pidmap', 'alloc_pidmap', 'alloc_pidmap', 'free_pid']);
    assert.equal(symbols[0].children[1].children[0].name, 'copy_process');
    assert.equal(symbols[0].children[0].detail, '+97 −19');
  });

  it('folds each hunk without swallowing the next file header', async () => {
    const editor = await openSample();
    const document = editor.document;
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    const hunkStarts = new Set<number>();
    for (let i = 0; i < document.lineCount; i++) if (document.lineAt(i).text.startsWith('@@ ')) hunkStarts.add(i);
    const hunkFolds = folds.filter((f) => hunkStarts.has(f.start));
    assert.equal(hunkFolds.length, 9);
    const forkIndex = lineStartingWith(document, 'Index: linux-2.6.26-rc8-mm1/kernel/fork.c');
    const pidLastHunk = hunkFolds.filter((f) => f.start < forkIndex).pop();
    assert.ok(pidLastHunk && pidLastHunk.end < forkIndex, `last pid.c hunk fold ends at ${pidLastHunk?.end}, fork.c header at ${forkIndex}`);
    for (const fold of hunkFolds) {
      for (let line = fold.start + 1; line <= fold.end; line++) {
        assert.ok(!document.lineAt(line).text.startsWith('Index: '), `hunk fold at ${fold.start} covers the file header at ${line}`);
      }
    }
  });

  it('lists the repairs as information and no error in the Problems panel', async () => {
    const editor = await openSample();
    const diagnostics = await eventually(() => {
      const all = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'kpr');
      return all.length > 0 ? all : undefined;
    });
    assert.ok(diagnostics.some((d) => d.severity === vscode.DiagnosticSeverity.Information && /Repaired \(markdown-escape\)/.test(d.message)));
    assert.deepEqual(diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message), []);
  });

  it('moves to the next and previous hunk and file', async () => {
    const editor = await openSample();
    const document = editor.document;
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('kpr.nextHunk');
    assert.equal(editor.selection.active.line, lineStartingWith(document, '@@ -122,6 +122,26 @@'));
    await vscode.commands.executeCommand('kpr.nextHunk');
    assert.equal(editor.selection.active.line, lineStartingWith(document, '@@ -134,21 +154,8 @@'));
    await vscode.commands.executeCommand('kpr.previousHunk');
    assert.equal(editor.selection.active.line, lineStartingWith(document, '@@ -122,6 +122,26 @@'));
    await vscode.commands.executeCommand('kpr.nextFile');
    const forkHeader = editor.selection.active.line;
    assert.ok(forkHeader > lineStartingWith(document, '@@ -284,7 +363,6 @@'));
    assert.ok(forkHeader < lineStartingWith(document, '@@ -1118,10 +1118,11 @@'));
  });

  it('opens the pre- and post-image of kernel/pid.c in the diff editor with real line numbers', async () => {
    const editor = await openSample();
    const line = lineStartingWith(editor.document, '@@ -122,6 +122,26 @@');
    await vscode.commands.executeCommand('kpr.openFileImages', editor.document.uri, line);
    const tab = await eventually(() => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input : undefined;
    });
    const pre = await vscode.workspace.openTextDocument(tab.original);
    const post = await vscode.workspace.openTextDocument(tab.modified);
    assert.equal(pre.lineAt(121).text.trim(), 'atomic_inc(&map->nr_free);');
    assert.equal(post.lineAt(124).text.trim(), 'static inline int alloc_pidmap_page(struct pidmap *map)');
    assert.match(post.uri.path, /kernel\/pid\.c$/);
  });
});
