import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, lineStartingWith, openSample } from './helpers';

async function hoverText(document: vscode.TextDocument, line: number, character = 2): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, character));
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('hover: explanations, model steps, structure and repairs', () => {
  afterEach(closeAllEditors);

  it('explains an added range check, names RESERVED_PIDS = 300 and the model step it runs as', async () => {
    const { document } = await openSample();
    const text = await hoverText(document, lineStartingWith(document, '+ if (next_nr < RESERVED_PIDS || next_nr >= pid_max)'));
    assert.match(text, /RESERVED\\?_PIDS/);
    assert.match(text, /300/);
    assert.match(text, /alloc\\?_fixed\\?_pidmap\/if-range/);
    assert.match(text, /added line/);
  });

  it('offers "Debug to here" and "Show in model" as command links on an executable line', async () => {
    const { document } = await openSample();
    const text = await hoverText(document, lineStartingWith(document, '+ return -EINVAL;'));
    assert.match(text, /\[Debug to here\]\(command:kpr\.debugToHere\?/);
    assert.match(text, /\[Show in model\]\(command:kpr\.showInModel\?/);
  });

  it('says a comment line is not executable', async () => {
    const { document } = await openSample();
    const text = await hoverText(document, lineStartingWith(document, '+ * Free the page if someone raced with us'));
    assert.match(text, /Not executable: a comment/);
  });

  it('gives the series position and the diffstat against the real counts on the subject line', async () => {
    const { document } = await openSample();
    const text = await hoverText(document, lineStartingWith(document, 'Subject: '), 10);
    assert.match(text, /part 3 of 5/);
    assert.match(text, /RFC/);
    assert.match(text, /\+102 −21/);
    assert.match(text, /they agree/);
  });

  it('recounts a hunk header', async () => {
    const { document } = await openSample();
    const text = await hoverText(document, lineStartingWith(document, '@@ -182,6 +189,33 @@'), 3);
    assert.match(text, /lines 182–187/);
    assert.match(text, /lines 189–221/);
    assert.match(text, /27 added/);
  });

  it('says what was repaired on a line the archive damaged', async () => {
    const { document } = await openSample();
    const text = await hoverText(document, lineStartingWith(document, '=====--- linux-2.6.26-rc8-mm1.orig/kernel/pid.c'), 3);
    assert.match(text, /Repaired by kpr/);
    assert.match(text, /merged\\?-separator/);
  });

  it('escapes patch text: hover Markdown trusts only kpr commands', async () => {
    const { document } = await openSample();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(lineStartingWith(document, '+ return -EINVAL;'), 2));
    for (const content of hovers.flatMap((h) => h.contents)) {
      if (typeof content === 'string' || !(content instanceof vscode.MarkdownString)) continue;
      const trusted = content.isTrusted;
      assert.ok(trusted === undefined || trusted === false || (typeof trusted === 'object' && trusted.enabledCommands.every((c) => c.startsWith('kpr.'))));
    }
  });
});

describe('CodeLens and the model view', () => {
  afterEach(closeAllEditors);

  it('puts the function, mapping coverage and "Debug alloc_pid here" above each pid.c hunk', async () => {
    const { document } = await openSample();
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100);
    const header = lineStartingWith(document, '@@ -182,6 +189,33 @@');
    const titles = lenses.filter((l) => l.range.start.line === header).map((l) => l.command?.title ?? '');
    assert.ok(titles.some((t) => t.includes('alloc_pidmap') && t.includes('alloc_fixed_pidmap')), titles.join(' | '));
    assert.ok(titles.some((t) => /^\d+\/\d+ executable lines mapped$/.test(t) && t.split('/')[0] === t.split('/')[1].split(' ')[0]), titles.join(' | '));
    assert.ok(titles.includes('$(debug-alt) Debug alloc_pid here'));
    const headerFile = lineStartingWith(document, '@@ -5,6 +5,7 @@');
    assert.ok(lenses.filter((l) => l.range.start.line === headerFile).some((l) => l.command?.title === 'not modelled'));
  });

  it('"Go to Model" opens the model of alloc_fixed_pidmap with the line\'s step selected', async () => {
    const { document } = await openSample();
    const line = lineStartingWith(document, '+ return -EINVAL;');
    await vscode.commands.executeCommand('kpr.showInModel', document.uri.toString(), line);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.scheme === 'kpr-model', editor?.document.uri.toString());
    assert.match(editor.document.lineAt(0).text, /Model of alloc_fixed_pidmap \(patched variant\)/);
    const selected = editor.document.lineAt(editor.selection.active.line).text;
    assert.match(selected, /^alloc_fixed_pidmap\/return-einval\s+return\s+L\d+\s+return -EINVAL;/);
  });
});
