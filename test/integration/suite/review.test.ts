// Review like on the list, in the real editor: draft comments through the Comments API, the
// composed reply (headers, quoting, trailers) opened as a new .eml document and read back by
// kpr's parser; the series view with review states kept in workspace state; git apply --check.
import * as assert from 'node:assert/strict';
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
    assert.ok(opened.uri.path.endsWith('/Re-RFC-PATCH-3-5-use-next-syscall-data-to-predefine-process-ids.eml'), opened.uri.path);
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
});
