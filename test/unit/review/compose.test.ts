// Compose Review Reply: headers, trimming, comment placement and trailers, on the seed sample
// (an archive copy without Message-Id, To or Cc) and a clean git format-patch mail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePatchDocument } from '../../../src/patch/parse';
import { mailIndexAt, replyFileName, replySubject } from '../../../src/review/compose';
import { bodyOf, compose, headersOf, lineOf, readSample, readSeries, RING_PART_1 } from './support/inputs';

const sample = readSample();
const ring = readSeries(...RING_PART_1);

test('a reply to the clean mail is addressed to the author with the original To and Cc copied', () => {
  const reply = compose(ring, [{ line: lineOf(ring, '+\tif (!size'), body: 'Why 4096?' }]);
  const headers = new Map(headersOf(reply.text));
  assert.equal(headers.get('To'), 'Ada Author <ada@example.org>');
  assert.equal(headers.get('Cc'), 'Lina Maintainer <lina@example.org>, ring-devel@lists.example.org, Bob Maintainer <bob@example.org>, Carol Acker <carol@example.org>');
});

test('the reply threads under the original: In-Reply-To is its Message-Id, References end with it', () => {
  const reply = compose(ring, [{ line: lineOf(ring, '+\tif (!size'), body: 'Why 4096?' }]);
  const headers = new Map(headersOf(reply.text));
  const id = '<0f8b97484f17035ecb72f7ed15701ebab70f13b2.1795916678.git.ada@example.org>';
  assert.equal(headers.get('In-Reply-To'), id);
  assert.equal(headers.get('References'), `<cover.1795916678.git.ada@example.org> ${id}`);
});

test('the reply carries Subject "Re: …", the reviewer as From, a Date and plain-text MIME headers, and no Message-Id', () => {
  const reply = compose(ring, [{ line: lineOf(ring, '+\tif (!size'), body: 'Why 4096?' }]);
  const keys = headersOf(reply.text).map(([k]) => k);
  assert.deepEqual(keys, ['From', 'To', 'Cc', 'Subject', 'Date', 'In-Reply-To', 'References', 'MIME-Version', 'Content-Type', 'Content-Transfer-Encoding']);
  const headers = new Map(headersOf(reply.text));
  assert.equal(headers.get('Subject'), 'Re: [PATCH 1/3] ring: refuse a zero or huge size');
  assert.equal(headers.get('From'), 'Rita Reviewer <rita@example.org>');
  assert.equal(headers.get('Date'), 'Sun, 29 Nov 2026 02:02:03 +0100');
});

test('the reviewer is not copied on their own reply', () => {
  const reply = compose(ring, [{ line: lineOf(ring, '+\tif (!size'), body: 'Nit.' }], { identity: { name: 'Bob', email: 'BOB@example.org' } });
  const headers = new Map(headersOf(reply.text));
  assert.doesNotMatch(`${headers.get('To')} ${headers.get('Cc')}`, /bob@example\.org/i);
  assert.match(headers.get('Cc') ?? '', /carol@example\.org/);
});

test('the clean mail is quoted with its diff headers, three lines before each comment, and cuts marked', () => {
  const reply = compose(ring, [
    { line: lineOf(ring, '+#define RING_MAX_SIZE'), body: 'Is 4096 a limit the callers know about?' },
    { line: lineOf(ring, '+\t\treturn NULL;'), body: 'A size of zero is a caller bug: WARN_ON_ONCE() would tell them.' },
  ]);
  assert.equal(bodyOf(reply.text), [
    'On Mon, 4 Mar 2024 09:00:00 +0100, Ada Author wrote:',
    '> [...]',
    '> diff --git a/include/linux/ring.h b/include/linux/ring.h',
    '> index e816652..701290d 100644',
    '> --- a/include/linux/ring.h',
    '> +++ b/include/linux/ring.h',
    '> @@ -2,6 +2,8 @@',
    '>  #ifndef _LINUX_RING_H',
    '>  #define _LINUX_RING_H',
    '>  ',
    '> +#define RING_MAX_SIZE 4096',
    '',
    'Is 4096 a limit the callers know about?',
    '',
    '> [...]',
    '> diff --git a/lib/ring.c b/lib/ring.c',
    '> index a4a000c..a8e64d9 100644',
    '> --- a/lib/ring.c',
    '> +++ b/lib/ring.c',
    '> @@ -9,6 +9,8 @@ struct ring *ring_alloc(unsigned int size)',
    '> [...]',
    '>  \tstruct ring *r;',
    '>  ',
    '> +\tif (!size || size > RING_MAX_SIZE)',
    '> +\t\treturn NULL;',
    '',
    'A size of zero is a caller bug: WARN_ON_ONCE() would tell them.',
    '',
    '> [...]',
    '',
    'Reviewed-by: Rita Reviewer <rita@example.org>',
    '',
  ].join('\n'));
});

test('a hunk without a comment is not quoted', () => {
  const reply = compose(ring, [{ line: lineOf(ring, '+\tif (!size'), body: 'Why 4096?' }]);
  assert.doesNotMatch(reply.text, /RING_MAX_SIZE 4096/);
  assert.doesNotMatch(reply.text, /include\/linux\/ring\.h/);
});

test('the archive sample is quoted as repaired: quilt headers rebuilt, no fences, escapes or page text', () => {
  const reply = compose(sample, [
    { line: lineOf(sample, '+ if (unlikely(alloc_pidmap_page(map)))'), body: 'This returns -1 for a failed page: break leaves pid = -1?' },
    { line: lineOf(sample, '- pid = NULL;'), body: 'With pid = NULL gone, out: returns the ERR_PTR set above. Good.' },
  ]);
  assert.equal(bodyOf(reply.text), [
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
    'This returns -1 for a failed page: break leaves pid = -1?',
    '',
    '> [...]',
    '> @@ -284,7 +363,6 @@ out_free:',
    '>  free_pidmap(pid->numbers + i);',
    '>  ',
    '>  kmem_cache_free(ns->pid_cachep, pid);',
    '> - pid = NULL;',
    '',
    'With pid = NULL gone, out: returns the ERR_PTR set above. Good.',
    '',
    '> [...]',
    '',
    'Reviewed-by: Rita Reviewer <rita@example.org>',
    '',
  ].join('\n'));
});

test('the archive sample has no address to reply to: To, Cc and threading are left out, never invented', () => {
  const reply = compose(sample, [{ line: lineOf(sample, '- pid = NULL;'), body: 'Good.' }]);
  const keys = headersOf(reply.text).map(([k]) => k);
  assert.deepEqual(keys, ['From', 'Subject', 'Date', 'MIME-Version', 'Content-Type', 'Content-Transfer-Encoding']);
});

test('each header left out of the sample reply is explained in a notice', () => {
  const reply = compose(sample, [{ line: lineOf(sample, '- pid = NULL;'), body: 'Good.' }]);
  assert.equal(reply.notices.length, 3);
  assert.match(reply.notices[0], /^To: left out: the original's From \("Nadia Derby"\) holds no mail address/);
  assert.match(reply.notices[1], /^Cc: left out/);
  assert.match(reply.notices[2], /^In-Reply-To: left out: the original has no Message-Id, and kpr does not invent one/);
});

test('a comment on a commit message line quotes that part of the message, repaired of its markdown escapes', () => {
  const reply = compose(sample, [{ line: lineOf(sample, 'This patch uses the value written'), body: 'Which proc file?' }]);
  const body = bodyOf(reply.text);
  assert.match(body, /^> This patch uses the value written into the next_syscall_data proc file as a target upid nr for the next process to be created\.\n\nWhich proc file\?\n/m);
  assert.doesNotMatch(body, /\\_/);
});

test('comments on the same line appear in the order given, each in its own paragraph', () => {
  const line = lineOf(ring, '+\tif (!size');
  const body = bodyOf(compose(ring, [{ line, body: 'First.' }, { line, body: 'Second.' }]).text);
  assert.match(body, /> \+\tif \(!size \|\| size > RING_MAX_SIZE\)\n\nFirst\.\n\nSecond\.\n\n> \[\.\.\.\]/);
});

test('a comment on a context line is placed under that context line', () => {
  const body = bodyOf(compose(ring, [{ line: lineOf(ring, ' \tstruct ring *r;'), body: 'Context remark.' }]).text);
  assert.ok(body.includes('> @@ -9,6 +9,8 @@ struct ring *ring_alloc(unsigned int size)\n>  {\n>  \tstruct ring *r;\n\nContext remark.\n\n> [...]\n'), body);
});

test('a comment on a hunk header quotes the header and no hunk line', () => {
  const body = bodyOf(compose(ring, [{ line: lineOf(ring, '@@ -9,6 +9,8 @@'), body: 'About this hunk.' }]).text);
  assert.match(body, /> @@ -9,6 \+9,8 @@ struct ring \*ring_alloc\(unsigned int size\)\n\nAbout this hunk\.\n\n> \[\.\.\.\]/);
});

test('a comment on a line outside the patch (a mail header) goes first, before the quote', () => {
  const body = bodyOf(compose(ring, [{ line: lineOf(ring, '+\tif (!size'), body: 'X.' }, { line: lineOf(ring, 'Subject: '), body: 'The subject says refuse, the code returns NULL.' }]).text);
  assert.match(body, /^The subject says refuse, the code returns NULL\.\n\nOn Mon, 4 Mar 2024/);
});

test('more context before and after a comment is quoted when asked for', () => {
  const body = bodyOf(compose(ring, [{ line: lineOf(ring, '+\tif (!size'), body: 'X.' }], { trim: { contextBefore: 1, contextAfter: 2 } }).text);
  assert.ok(body.includes('> [...]\n>  \n> +\tif (!size || size > RING_MAX_SIZE)\n\nX.\n\n> +\t\treturn NULL;\n>  \tr = kzalloc(sizeof(*r), GFP_KERNEL);\n> [...]'), body);
});

test('the chosen trailers close the reply, one per line, in the order chosen', () => {
  const reply = compose(ring, [{ line: lineOf(ring, '+\tif (!size'), body: 'X.' }], { trailers: ['Acked-by', 'Tested-by'] });
  assert.match(reply.text, /\n\nAcked-by: Rita Reviewer <rita@example\.org>\nTested-by: Rita Reviewer <rita@example\.org>\n$/);
});

test('without an e-mail address the reply has no From and no trailers, and says why', () => {
  const reply = compose(ring, [{ line: lineOf(ring, '+\tif (!size'), body: 'X.' }], { identity: { name: 'Rita' } });
  assert.doesNotMatch(reply.text, /^From:/m);
  assert.doesNotMatch(reply.text, /Reviewed-by/);
  assert.ok(reply.notices.some((n) => n.startsWith('From: left out')));
  assert.ok(reply.notices.some((n) => n.startsWith('Trailers left out')));
});

test('long prose in a comment is wrapped at 72 columns; indented code in it is not', () => {
  const prose = 'This check runs before the allocation, which is right, but the limit should be documented in the header where callers read it.';
  const code = '\tif (WARN_ON_ONCE(!size || size > RING_MAX_SIZE)) return NULL; /* a long line of code stays as it is */';
  const body = bodyOf(compose(ring, [{ line: lineOf(ring, '+\tif (!size'), body: `${prose}\n\n${code}` }]).text);
  const commentPart = body.slice(body.indexOf('\n\nThis check') + 2, body.indexOf('\n\n> [...]'));
  const lines = commentPart.split('\n');
  assert.ok(lines.filter((l) => !l.startsWith('\t')).every((l) => l.length <= 72), commentPart);
  assert.ok(lines.includes(code));
});

test('a comment on another mail of the document is left out of this reply and counted in a notice', () => {
  const mbox = readSeries('ring-v1.mbox');
  const second = lineOf(mbox, '+void ring_reset(struct ring *r);');
  const reply = compose(mbox, [{ line: lineOf(mbox, '+\tif (!size'), body: 'One.' }, { line: second, body: 'Two.' }], { mailIndex: 1 });
  assert.doesNotMatch(reply.text, /Two\./);
  assert.ok(reply.notices.some((n) => /^1 comment\(s\) on other mails/.test(n)));
});

test('mailIndexAt finds the mail of an mbox that holds a document line', () => {
  const mbox = readSeries('ring-v1.mbox');
  const patch = parsePatchDocument(mbox);
  assert.equal(patch.mails[mailIndexAt(patch, lineOf(mbox, '+void ring_reset(struct ring *r);'))!].subject, '[PATCH 2/3] ring: add ring_reset()');
});

test('a non-ASCII reviewer name is RFC 2047-encoded in From, and kept as typed in the trailer', () => {
  const reply = compose(ring, [{ line: lineOf(ring, '+\tif (!size'), body: 'X.' }], { identity: { name: 'Zoë Ærø', email: 'zoe@example.org' } });
  assert.match(reply.text, /^From: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= <zoe@example\.org>$/m);
  assert.match(reply.text, /^Reviewed-by: Zoë Ærø <zoe@example\.org>$/m);
});

test('replySubject adds one "Re: " and keeps an existing one', () => {
  assert.equal(replySubject('[PATCH] x'), 'Re: [PATCH] x');
  assert.equal(replySubject('Re: [PATCH] x'), 'Re: [PATCH] x');
});

test('the reply file name is the subject made safe, ending in .eml', () => {
  assert.equal(replyFileName('[RFC PATCH 3/5] use next syscall data'), 'Re-RFC-PATCH-3-5-use-next-syscall-data.eml');
  assert.equal(replyFileName('../../etc/passwd'), 'Re-etc-passwd.eml');
});

test('a reply without comments is the trailers alone, with no attribution line', () => {
  const reply = compose(ring, []);
  assert.equal(bodyOf(reply.text), 'Reviewed-by: Rita Reviewer <rita@example.org>\n');
});
