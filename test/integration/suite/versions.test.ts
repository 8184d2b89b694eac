// Try a Change, Compare Patch Versions and the reply's suggested diff, in the real editor. The
// exploration runs the edited text as written: a fix typed into the copy removes its findings.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parsePatchDocument } from '../../../src/patch/parse';
import { defaultScenario } from '../../../src/kernel/scenario-input';
import { closeAllEditors, eventually, kprExtension, lineStartingWith, openSample } from './helpers';

interface CompareResult { readonly uri: string; readonly text: string; readonly older: string; readonly newer: string }
interface ComposeResult { readonly uri: string; readonly text: string; readonly notices: readonly string[] }
interface DifferencesSnapshot { readonly title?: string; readonly message: string; readonly scenarios: readonly unknown[] }

function v2Fixture(): vscode.Uri {
  return vscode.Uri.file(path.join(kprExtension().extensionPath, 'test', 'fixtures', 'versions', 'rfc-v2-3-5-next-syscall-data-pids.txt'));
}

async function tryChangeOnSample(): Promise<{ sample: vscode.TextDocument; copy: vscode.TextDocument }> {
  const sample = (await openSample()).document;
  const uri = await vscode.commands.executeCommand<string>('kpr.tryChange', sample.uri.toString());
  const copy = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  assert.ok(copy, 'Try a Change opened no document');
  return { sample, copy };
}

/** Types the out_free fix into the copy: `int err;` declared, the errno kept in it, pid made ERR_PTR after the free. */
async function typeOutFreeFix(copy: vscode.TextDocument): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  const replace = (line: number, text: string) => edit.replace(copy.uri, copy.lineAt(line).range, text);
  replace(lineStartingWith(copy, '+ pid = ERR_PTR(rc);'), '+ err = rc;');
  // The second ERR_PTR(-ENOMEM): the one alloc_pidmap's failure sets before `goto out_free`.
  const afterLoop = lineStartingWith(copy, '+ for ( ; i >= 0; i--) {');
  const enomem = Array.from({ length: 8 }, (_, k) => afterLoop + k).find((l) => copy.lineAt(l).text === '+ pid = ERR_PTR(-ENOMEM);');
  assert.ok(enomem !== undefined, 'no ERR_PTR(-ENOMEM) after the loop');
  replace(enomem, '+ err = -ENOMEM;');
  edit.insert(copy.uri, new vscode.Position(lineStartingWith(copy, '    struct upid *upid;') + 1, 0), '+ int err;\n');
  edit.insert(copy.uri, new vscode.Position(lineStartingWith(copy, '- pid = NULL;') + 1, 0), '+ pid = ERR_PTR(err);\n');
  assert.ok(await vscode.workspace.applyEdit(edit));
}

/** Edited copies are untitled and dirty: revert them so that closing asks nothing. */
async function closeWithoutSaving(): Promise<void> {
  for (const editor of vscode.window.visibleTextEditors) {
    if (editor.document.isUntitled) {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await closeAllEditors();
}

describe('Try a Change', () => {
  afterEach(closeWithoutSaving);

  it('opens an editable untitled copy of the read-only sample, in the patch language, with the same text', async () => {
    const { sample, copy } = await tryChangeOnSample();
    assert.equal(copy.uri.scheme, 'untitled');
    assert.equal(copy.languageId, 'kernel-patch');
    assert.equal(copy.getText(), sample.getText());
    assert.equal(vscode.window.activeTextEditor?.document, copy);
  });

  it('an edit updates the outline and the stale @@ header is recounted, leaving no count problem', async () => {
    const { copy } = await tryChangeOnSample();
    const pidDetail = async () => (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', copy.uri))[0].children[0].detail;
    const before = await pidDetail();
    await typeOutFreeFix(copy);
    await eventually(() => (copy.getText().includes('@@ -284,7 +364,7 @@ out_free:') ? true : undefined));
    assert.ok(copy.getText().includes('@@ -248,14 +300,42 @@'), 'the edited hunk\'s header was not recounted');
    const added = (detail: string) => Number(/^\+(\d+)/.exec(detail)?.[1]);
    // Two lines inserted (`int err;`, `pid = ERR_PTR(err);`); the two replaced + lines stay + lines.
    assert.equal(added(await pidDetail()), added(before) + 2);
    const counts = vscode.languages.getDiagnostics(copy.uri).filter((d) => d.code === 'hunk-count-mismatch' || d.code === 'truncated-hunk');
    assert.deepEqual(counts.map((d) => d.message), []);
  });

  it('marks the edited lines with a CodeLens that says they run as written', async () => {
    const { copy } = await tryChangeOnSample();
    await typeOutFreeFix(copy);
    const lenses = await eventually(async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', copy.uri, 100);
      const edited = all.filter((l) => l.command?.title === '$(edit) edited — runs as written');
      return edited.length >= 4 ? edited : undefined;
    }, 30_000);
    assert.ok(lenses.some((l) => l.range.start.line === lineStartingWith(copy, '+ err = rc;')));
  });

  it('re-explores the edited copy: the complete out_free fix takes the four fault kinds out of Problems', async () => {
    const { copy } = await tryChangeOnSample();
    const codes = () => vscode.languages.getDiagnostics(copy.uri).filter((d) => d.source === 'kpr model').map((d) => String(d.code));
    const FAULTS = ['finding-invalid-free', 'finding-leak', 'finding-err-ptr-deref', 'finding-pidmap-leak'];
    // The copy as opened is the sample: its exploration shows the four kinds.
    await eventually(() => (FAULTS.every((c) => codes().includes(c)) ? true : undefined), 30_000);
    await typeOutFreeFix(copy);
    // The recount of the stale headers is an edit of its own: the findings to wait for are those of the text after it.
    await eventually(() => (copy.getText().includes('@@ -284,7 +364,7 @@ out_free:') ? true : undefined));
    // The as sent → as edited comparison is made from the edited text's exploration: once it lists
    // the fixed scenarios, Problems shows that exploration's findings.
    await eventually(async () => {
      const snapshot = await vscode.commands.executeCommand<DifferencesSnapshot>('kpr.exploreDifferences.inspect');
      return snapshot.title?.startsWith('as sent → as edited') && snapshot.scenarios.length > 0 ? snapshot : undefined;
    }, 30_000);
    const left = await eventually(() => {
      const now = codes();
      return FAULTS.some((c) => now.includes(c)) ? undefined : now;
    }, 30_000);
    assert.deepEqual(left.filter((c) => FAULTS.includes(c)), []);
  });

  it('the Explore Differences view lists the scenarios the edit fixed', async () => {
    const { copy } = await tryChangeOnSample();
    await typeOutFreeFix(copy);
    const shown = await eventually(async () => {
      const snapshot = await vscode.commands.executeCommand<DifferencesSnapshot>('kpr.exploreDifferences.inspect');
      return snapshot.title?.startsWith('as sent → as edited') && snapshot.scenarios.length > 0 ? snapshot : undefined;
    }, 30_000);
    assert.doesNotMatch(shown.message, /could not run/);
  });

  it('composes the reply to the mail as sent, with the edit as "Something like this" and a diff that reads back', async () => {
    const { copy } = await tryChangeOnSample();
    await typeOutFreeFix(copy);
    const [reply] = await vscode.commands.executeCommand<ComposeResult[]>('kpr.review.composeReply', copy.uri.toString(), { trailers: [] });
    assert.ok(reply, 'no reply composed');
    assert.match(reply.text, /^Subject: Re: \[RFC PATCH 3\/5\] use next syscall data/m);
    assert.match(reply.text, /\nSomething like this( \(tested in kpr [^\n]*\))?:\n\ndiff --git a\/kernel\/pid\.c b\/kernel\/pid\.c\n--- a\/kernel\/pid\.c\n\+\+\+ b\/kernel\/pid\.c\n@@ -300,4 \+300,5 @@\n/);
    // Both texts run as written: the suggestion says what the exploration no longer finds, unless
    // the editor's time budget cut an exploration short on a loaded machine (then it says so).
    const partial = reply.notices.some((n) => /says nothing about testing: an exploration was cut short/.test(n));
    if (!partial) assert.match(reply.text, /tested in kpr against \d+ scenarios: .*invalid-free.* no longer reported/, reply.notices.join('\n'));
    assert.ok(!reply.notices.some((n) => /could not run both texts/.test(n)), reply.notices.join('\n'));
    const back = parsePatchDocument(reply.text);
    const suggested = back.mails[0].files.flatMap((f) => f.hunks.map((h) => `${f.newPath} -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines}`));
    assert.deepEqual(suggested, ['kernel/pid.c -300,4 +300,5', 'kernel/pid.c -318,7 +319,7', 'kernel/pid.c -332,7 +333,7', 'kernel/pid.c -363,6 +364,7']);
  });
});

describe('Compare Patch Versions', () => {
  afterEach(closeWithoutSaving);

  it('shows the interdiff of the sample and its v2 (the out_free fix), older version first', async () => {
    const sample = (await openSample()).document;
    const opened = await vscode.workspace.openTextDocument(v2Fixture());
    const v2 = await vscode.languages.setTextDocumentLanguage(opened, 'kernel-patch');
    const result = await vscode.commands.executeCommand<CompareResult>('kpr.compareVersions', v2.uri.toString(), sample.uri.toString());
    assert.ok(result, 'no comparison');
    assert.equal(result.older, sample.uri.toString());
    const diff = result.text.slice(result.text.indexOf('diff --git'));
    assert.deepEqual(diff.split('\n').filter((l) => l.startsWith('@@')), ['@@ -300,4 +300,5 @@', '@@ -318,7 +319,7 @@', '@@ -332,7 +333,7 @@', '@@ -363,6 +364,7 @@']);
    assert.deepEqual(diff.split('\n').filter((l) => /^[-+][^-+]/.test(l)), ['+ int err;', '- pid = ERR_PTR(rc);', '+ err = rc;', '- pid = ERR_PTR(-ENOMEM);', '+ err = -ENOMEM;', '+ pid = ERR_PTR(err);']);
    assert.match(result.text, /^Behaviour: \d+ gone, 0 new/m);
    for (const kind of ['invalid-free', 'leak', 'err-ptr-deref', 'pidmap-leak']) assert.match(result.text, new RegExp(`^  gone: ${kind} \\(patched\\)`, 'm'));
    const shown = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result.uri);
    assert.equal(shown?.getText(), result.text);
  });

  it('finds the other version among the open documents by subject and series tags', async () => {
    const opened = await vscode.workspace.openTextDocument(v2Fixture());
    await vscode.languages.setTextDocumentLanguage(opened, 'kernel-patch');
    const sample = (await openSample()).document;
    const result = await vscode.commands.executeCommand<CompareResult>('kpr.compareVersions');
    assert.ok(result, 'no comparison');
    assert.equal(result.older, sample.uri.toString());
    assert.equal(result.newer, opened.uri.toString());
  });
});

describe('Debugger: as sent vs as edited', () => {
  afterEach(closeWithoutSaving);

  it('on the copy with out_free fixed, next_syscall_data 299: the sent run commits invalid-free and leak, the edited none, and the comparison says so', async () => {
    const { copy } = await tryChangeOnSample();
    await typeOutFreeFix(copy);
    const scenario = { ...defaultScenario(299), depth: 1 };
    await vscode.commands.executeCommand('kpr.debugScenario', scenario, copy.uri.toString(), 'sent-edited');
    const state = await eventually(async () => {
      const snapshot = await vscode.commands.executeCommand<{ state: { errors: unknown[]; runs: { text?: string; outcome: { faultCount: number; faults: string[] } }[]; comparison: { pathsPart: string | null; outcomeDifferences: string[] } | null } | null }>('kpr.debugger.inspect');
      return snapshot.state ?? undefined;
    }, 60_000);
    assert.deepEqual(state.errors, []);
    assert.deepEqual(state.runs.map((r) => r.text), ['sent', 'edited']);
    assert.ok(state.runs[0].outcome.faultCount > 0);
    assert.equal(state.runs[1].outcome.faultCount, 0, state.runs[1].outcome.faults.join('\n'));
    assert.match(state.comparison?.pathsPart ?? '', /as sent runs .*, as edited runs /);
    assert.ok(state.comparison?.outcomeDifferences.some((d) => d.startsWith('faults: as sent') && d.endsWith('as edited none')), state.comparison?.outcomeDifferences.join('\n'));
  });
});
