// Review like on the list, in the real editor: draft comments through the Comments API, the
// composed reply (headers, quoting, trailers) opened as a new .eml document and read back by
// kpr's parser; the series view with review states kept in workspace state; git apply --check.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parsePatchDocument } from '../../../src/patch/parse';
import { replyTrailers } from '../../../src/review/trailers';
import { closeAllEditors, kprExtension, lineStartingWith, openSample } from './helpers';

interface ComposeResult {
  readonly uri: string;
  readonly text: string;
  readonly notices: readonly string[];
}

const SAMPLE_BODY = [
  'On Tue, 08 Jul 2008 11:24:25 GMT, Nadia Derby wrote:',
  '> [...]',
  '> Index: linux-2.6.26-rc8-mm1/kernel/pid.c',
  '> ===================================================================',
  '> --- linux-2.6.26-rc8-mm1.orig/kernel/pid.c',
  '> +++ linux-2.6.26-rc8-mm1/kernel/pid.c',
  '> [...]',
  '> @@ -134,21 +154,8 @@ static int alloc_pidmap(struct pid_names',
  '> [...]',
  '> - if (unlikely(!map->page))',
  '> - break;',
  '> - }',
  '> + if (unlikely(alloc_pidmap_page(map)))',
  '',
  'alloc_pidmap_page() returns -1 when the page cannot be had: the loop',
  'breaks and pid stays -1.',
  '',
  '> [...]',
  '> @@ -284,7 +363,6 @@ out_free:',
  '>  free_pidmap(pid->numbers + i);',
  '>  ',
  '>  kmem_cache_free(ns->pid_cachep, pid);',
  '> - pid = NULL;',
  '',
  'Good: out: now returns the ERR_PTR set above.',
  '',
  '> [...]',
  '',
];

function headerBlock(text: string): Map<string, string> {
  const block = text.slice(0, text.indexOf('\n\n')).replace(/\n[ \t]+/g, ' ');
  return new Map(block.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

async function withTimeout<T>(promise: Thenable<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} did not finish in ${ms} ms`)), ms); });
  try {
    return await Promise.race([Promise.resolve(promise), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function fixture(...parts: string[]): vscode.Uri {
  return vscode.Uri.file(path.join(kprExtension().extensionPath, 'test', 'fixtures', 'series', ...parts));
}

describe('review: comments, reply, series and apply check', () => {
  before(async () => {
    // A fallback identity for hosts without git config: git config still wins where it is set.
    const config = vscode.workspace.getConfiguration('kpr.review');
    await config.update('name', 'Rita Reviewer', vscode.ConfigurationTarget.Global);
    await config.update('email', 'rita@example.org', vscode.ConfigurationTarget.Global);
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('kpr.review.discardComments');
    await closeAllEditors();
  });

  async function commentOnSample(): Promise<vscode.TextDocument> {
    const editor = await openSample();
    const document = editor.document;
    const uri = document.uri.toString();
    await vscode.commands.executeCommand('kpr.review.discardComments', uri);
    assert.equal(await vscode.commands.executeCommand('kpr.review.addCommentAt', uri, lineStartingWith(document, '+ if (unlikely(alloc_pidmap_page(map)))'),
      'alloc_pidmap_page() returns -1 when the page cannot be had: the loop breaks and pid stays -1.'), true);
    assert.equal(await vscode.commands.executeCommand('kpr.review.addCommentAt', uri, lineStartingWith(document, '- pid = NULL;'),
      'Good: out: now returns the ERR_PTR set above.'), true);
    return document;
  }

  it('keeps comments on two lines of the sample as drafts, a context line included', async () => {
    const document = await commentOnSample();
    const uri = document.uri.toString();
    const context = lineStartingWith(document, '    map = &pid_ns->pidmap[pid/BITS_PER_PAGE];');
    assert.equal(await vscode.commands.executeCommand('kpr.review.addCommentAt', uri, context, 'Context remark.'), true);
    const listed = await vscode.commands.executeCommand<{ line: number; body: string }[]>('kpr.review.listComments', uri);
    assert.deepEqual(listed.map((c) => c.line), [context, lineStartingWith(document, '+ if (unlikely(alloc_pidmap_page(map)))'), lineStartingWith(document, '- pid = NULL;')]);
  });

  it('composes the sample reply with the expected quoting, comments and trailer', async () => {
    const document = await commentOnSample();
    const [reply] = await vscode.commands.executeCommand<ComposeResult[]>('kpr.review.composeReply', document.uri.toString(), { trailers: ['Reviewed-by'] });
    const headers = headerBlock(reply.text);
    const from = headers.get('From');
    assert.ok(from && /^[^<>]+ <[^<>]+@[^<>]+>$/.test(from), `From: ${from}`);
    const body = reply.text.slice(reply.text.indexOf('\n\n') + 2);
    assert.equal(body, [...SAMPLE_BODY, `Reviewed-by: ${from}`, ''].join('\n'));
  });

  it('gives the sample reply only the headers the archive copy supports, and says why', async () => {
    const document = await commentOnSample();
    const [reply] = await vscode.commands.executeCommand<ComposeResult[]>('kpr.review.composeReply', document.uri.toString(), { trailers: [] });
    assert.deepEqual([...headerBlock(reply.text).keys()], ['From', 'Subject', 'Date', 'MIME-Version', 'Content-Type', 'Content-Transfer-Encoding']);
    assert.equal(headerBlock(reply.text).get('Subject'), 'Re: [RFC PATCH 3/5] use next syscall data to predefine process ids');
    assert.ok(reply.notices.some((n) => /no Message-Id, and kpr does not invent one/.test(n)));
  });

  it('opens the reply as a new .eml patch-mail document that kpr\'s parser reads back', async () => {
    const document = await commentOnSample();
    const [reply] = await vscode.commands.executeCommand<ComposeResult[]>('kpr.review.composeReply', document.uri.toString(), { trailers: ['Reviewed-by', 'Tested-by'] });
    const opened = vscode.window.activeTextEditor?.document;
    assert.ok(opened);
    assert.equal(opened.uri.toString(), reply.uri);
    assert.equal(opened.languageId, 'kernel-patch');
    // -N when an earlier test's reply still holds the name (see openReply).
    assert.match(opened.uri.path, /\/Re-RFC-PATCH-3-5-use-next-syscall-data-to-predefine-process-ids(-\d+)?\.eml$/);
    const back = parsePatchDocument(opened.getText());
    const hunks = back.mails[0].files.flatMap((f) => f.hunks.map((h) => `${f.newPath} -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines}`));
    assert.deepEqual(hunks, ['kernel/pid.c -134,21 +154,8', 'kernel/pid.c -284,7 +363,6']);
    assert.deepEqual(replyTrailers(opened.getText().split('\n'), back.mails[0]).map((t) => t.key), ['Reviewed-by', 'Tested-by']);
  });

  it('saves the composed reply as an .eml file', async () => {
    const document = await commentOnSample();
    const [reply] = await vscode.commands.executeCommand<ComposeResult[]>('kpr.review.composeReply', document.uri.toString(), { trailers: [] });
    const saved = await withTimeout(vscode.workspace.save(vscode.Uri.parse(reply.uri)), 10_000, 'saving the reply');
    assert.ok(saved, 'the reply was not saved');
    assert.equal(saved.scheme, 'file');
    assert.ok(saved.fsPath.endsWith('.eml'));
    const bytes = await vscode.workspace.fs.readFile(saved);
    assert.equal(Buffer.from(bytes).toString('utf8'), reply.text);
    await vscode.workspace.fs.delete(saved);
  });

  it('replies to a clean format-patch mail: To the author, Cc its To and Cc, threaded by its Message-Id', async () => {
    const document = await vscode.workspace.openTextDocument(fixture('ring-v1', '0001-ring-refuse-a-zero-or-huge-size.patch'));
    await vscode.window.showTextDocument(document);
    const uri = document.uri.toString();
    await vscode.commands.executeCommand('kpr.review.addCommentAt', uri, lineStartingWith(document, '+\tif (!size'), 'Why 4096?');
    const [reply] = await vscode.commands.executeCommand<ComposeResult[]>('kpr.review.composeReply', uri, { trailers: ['Acked-by'] });
    const headers = headerBlock(reply.text);
    const id = '<0f8b97484f17035ecb72f7ed15701ebab70f13b2.1795916678.git.ada@example.org>';
    assert.equal(headers.get('To'), 'Ada Author <ada@example.org>');
    assert.match(headers.get('Cc') ?? '', /^Lina Maintainer <lina@example\.org>, ring-devel@lists\.example\.org, /);
    assert.equal(headers.get('Subject'), 'Re: [PATCH 1/3] ring: refuse a zero or huge size');
    assert.equal(headers.get('In-Reply-To'), id);
    assert.equal(headers.get('References'), `<cover.1795916678.git.ada@example.org> ${id}`);
    assert.match(reply.text, /\n> \+\tif \(!size \|\| size > RING_MAX_SIZE\)\n\nWhy 4096\?\n\n> \[\.\.\.\]\n\nAcked-by: .+ <.+>\n$/);
  });

  interface InspectedSeries {
    readonly key: string;
    readonly title: string;
    readonly total: number;
    readonly missing: readonly number[];
    readonly parts: readonly { key: string; index: number; title: string; state: string; trailers: string[] }[];
  }

  async function ringSeries(): Promise<InspectedSeries> {
    const all = await vscode.commands.executeCommand<InspectedSeries[]>('kpr.review.inspectSeries');
    const ring = all.filter((s) => s.title === 'ring: size checks and ring_reset()');
    assert.equal(ring.length, 1, `series shown: ${JSON.stringify(all.map((s) => s.title))}`);
    return ring[0];
  }

  it('shows the three-part mbox as one series: cover letter, three parts, trailers from the replies', async () => {
    await vscode.commands.executeCommand('kpr.review.openSeries', fixture('ring-v1.mbox').toString());
    const series = await ringSeries();
    assert.equal(series.total, 3);
    assert.deepEqual(series.missing, []);
    assert.deepEqual(series.parts.map((p) => [p.index, p.title, p.trailers]), [
      [0, 'ring: size checks and ring_reset()', ['Acked-by: Carol Acker <carol@example.org>']],
      [1, 'ring: refuse a zero or huge size', ['Reviewed-by: Bob Maintainer <bob@example.org>']],
      [2, 'ring: add ring_reset()', []],
      [3, 'Documentation: describe ring_reset()', ['Tested-by: Lina Maintainer <lina@example.org>']],
    ]);
  });

  it('keeps review states in workspace state: a fresh read shows them, and so does the series read from its folder', async () => {
    await vscode.commands.executeCommand('kpr.review.openSeries', fixture('ring-v1.mbox').toString());
    const before = await ringSeries();
    for (const part of before.parts) await vscode.commands.executeCommand('kpr.review.markNotStarted', part.key);
    assert.equal(await vscode.commands.executeCommand('kpr.review.markDone', before.parts[1].key), true);
    assert.equal(await vscode.commands.executeCommand('kpr.review.markInProgress', before.parts[3].key), true);
    // inspectSeries reads the states through a new reader of context.workspaceState each time.
    assert.deepEqual((await ringSeries()).parts.map((p) => p.state), ['not-started', 'done', 'not-started', 'in-progress']);
    // The keys come from the mails' thread, not the file: the folder of the same mails shares the states.
    await vscode.commands.executeCommand('kpr.review.openSeries', fixture('ring-v1').toString());
    const after = await ringSeries();
    assert.deepEqual(after.parts.map((p) => p.key), before.parts.map((p) => p.key));
    assert.deepEqual(after.parts.map((p) => p.state), ['not-started', 'done', 'not-started', 'in-progress']);
  });

  it('opens the next and previous part at its subject line, marking a part it opens as in progress', async () => {
    await vscode.commands.executeCommand('kpr.review.openSeries', fixture('ring-v1.mbox').toString());
    const series = await ringSeries();
    for (const part of series.parts) await vscode.commands.executeCommand('kpr.review.markNotStarted', part.key);
    await vscode.commands.executeCommand('kpr.review.openPart', series.parts[1].key);
    await vscode.commands.executeCommand('kpr.review.nextPart');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.lineAt(editor.selection.active.line).text, 'Subject: [PATCH 2/3] ring: add ring_reset()');
    await vscode.commands.executeCommand('kpr.review.previousPart');
    assert.equal(vscode.window.activeTextEditor?.document.lineAt(vscode.window.activeTextEditor.selection.active.line).text, 'Subject: [PATCH 1/3] ring: refuse a zero or huge size');
    assert.deepEqual((await ringSeries()).parts.map((p) => p.state), ['not-started', 'in-progress', 'in-progress', 'not-started']);
  });

  interface ApplyCheckResult {
    readonly applies: boolean;
    readonly findings: readonly { severity: string; line: number; path: string; message: string }[];
  }

  /** A scratch git tree holding the series' base files, in a temp folder. */
  function scratchTree(): string {
    const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'kpr-apply-'));
    fs.cpSync(fixture('ring-base').fsPath, tree, { recursive: true });
    execFileSync('git', ['init', '-q', '.'], { cwd: tree });
    return tree;
  }

  it('checks the series with git apply --check in a scratch tree: it applies, and a changed line fails its hunk at the @@ line', async () => {
    const tree = scratchTree();
    try {
      const document = await vscode.workspace.openTextDocument(fixture('ring-v1.mbox'));
      await vscode.window.showTextDocument(document);
      const clean = await vscode.commands.executeCommand<ApplyCheckResult>('kpr.review.applyCheck', document.uri.toString(), tree);
      assert.equal(clean.applies, true);
      assert.deepEqual(clean.findings.filter((f) => f.severity === 'error'), []);

      const ring = path.join(tree, 'lib', 'ring.c');
      fs.writeFileSync(ring, fs.readFileSync(ring, 'utf8').replace('\tstruct ring *r;', '\tstruct ring *ring;'));
      const broken = await vscode.commands.executeCommand<ApplyCheckResult>('kpr.review.applyCheck', document.uri.toString(), tree);
      assert.equal(broken.applies, false);
      const errors = broken.findings.filter((f) => f.severity === 'error');
      assert.deepEqual(errors.map((f) => [f.line, f.path]), [[lineStartingWith(document, '@@ -9,6 +9,8 @@'), 'lib/ring.c']]);
      const shown = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'kpr git apply' && d.severity === vscode.DiagnosticSeverity.Error);
      assert.deepEqual(shown.map((d) => d.range.start.line), [lineStartingWith(document, '@@ -9,6 +9,8 @@')]);
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });
});
