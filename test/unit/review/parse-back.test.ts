// kpr's own parser reads a composed reply back: the quoted hunks (their headers and every
// quoted line, in order), the reply's subject and threading, and the reviewer's trailers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parsePatchDocument } from '../../../src/patch/parse';
import type { Hunk, Patch } from '../../../src/patch/model';
import { replyTrailers } from '../../../src/review/trailers';
import { compose, lineOf, readSample, readSeries, RING_PART_1 } from './support/inputs';

const sample = readSample();
const ring = readSeries(...RING_PART_1);

/** A hunk's quoted lines as read back: those before the first "> [...]" cut, then those after it. */
function quotedLines(hunk: Hunk): string[] {
  return [...hunk.lines, ...(hunk.quotedAfterCut ?? [])].map((l) => l.kind + l.text);
}

function hunkIds(patch: Patch): string[] {
  return patch.mails.flatMap((m) => m.files.flatMap((f) => f.hunks.map((h) => `${f.newPath} -${h.oldStart} +${h.newStart} ${h.section}`)));
}

function linesOfHunk(patch: Patch, path: string, oldStart: number): Hunk {
  const hunk = patch.mails[0].files.find((f) => f.newPath === path)?.hunks.find((h) => h.oldStart === oldStart);
  assert.ok(hunk, `no hunk -${oldStart} of ${path} read back`);
  return hunk;
}

const sampleComments = [
  { line: lineOf(sample, '+ if (unlikely(alloc_pidmap_page(map)))'), body: 'This returns -1 for a failed page.' },
  { line: lineOf(sample, '- pid = NULL;'), body: 'Good.' },
];

test('the sample reply reads back as one mail answering the patch, with its quoted hunks and nothing else', () => {
  const back = parsePatchDocument(compose(sample, sampleComments).text);
  assert.equal(back.mails.length, 1);
  assert.equal(back.mails[0].subject, 'Re: [RFC PATCH 3/5] use next syscall data to predefine process ids');
  assert.deepEqual(hunkIds(back), [
    'kernel/pid.c -134 +154 static int alloc_pidmap(struct pid_names',
    'kernel/pid.c -284 +363 out_free:',
  ]);
});

test('every quoted line of the sample reply reads back in order, as the repaired original lines', () => {
  const original = parsePatchDocument(sample);
  const back = parsePatchDocument(compose(sample, sampleComments).text);
  const originalPid = original.mails[0].files[0];
  const first = quotedLines(linesOfHunk(back, 'kernel/pid.c', 134));
  const commented = originalPid.hunks[1].lines.findIndex((l) => l.text === ' if (unlikely(alloc_pidmap_page(map)))');
  assert.deepEqual(first, originalPid.hunks[1].lines.slice(commented - 3, commented + 1).map((l) => l.kind + l.text));
  const last = quotedLines(linesOfHunk(back, 'kernel/pid.c', 284));
  assert.deepEqual(last, originalPid.hunks[5].lines.slice(0, 4).map((l) => l.kind + l.text));
});

test('the reviewer\'s trailer reads back from the reply\'s own lines, the quoted ones ignored', () => {
  const text = compose(ring, [{ line: lineOf(ring, '+\tif (!size'), body: 'Fine.' }, { line: lineOf(ring, 'Signed-off-by: Ada'), body: 'Ok.' }], { trailers: ['Reviewed-by', 'Tested-by'] }).text;
  const back = parsePatchDocument(text);
  assert.deepEqual(replyTrailers(text.split('\n'), back.mails[0]).map((t) => `${t.key}: ${t.value}`), [
    'Reviewed-by: Rita Reviewer <rita@example.org>',
    'Tested-by: Rita Reviewer <rita@example.org>',
  ]);
});

test('the clean reply reads back with its threading headers and the quoted hunks of both files', () => {
  const text = compose(ring, [{ line: lineOf(ring, '+#define RING_MAX_SIZE'), body: 'A.' }, { line: lineOf(ring, '+\t\treturn NULL;'), body: 'B.' }]).text;
  const back = parsePatchDocument(text);
  const mail = back.mails[0];
  assert.equal(mail.inReplyTo, '<0f8b97484f17035ecb72f7ed15701ebab70f13b2.1795916678.git.ada@example.org>');
  assert.deepEqual(mail.references, ['<cover.1795916678.git.ada@example.org>', '<0f8b97484f17035ecb72f7ed15701ebab70f13b2.1795916678.git.ada@example.org>']);
  assert.deepEqual(hunkIds(back), ['include/linux/ring.h -2 +2 ', 'lib/ring.c -9 +9 struct ring *ring_alloc(unsigned int size)']);
  assert.deepEqual(quotedLines(linesOfHunk(back, 'lib/ring.c', 9)), [' \tstruct ring *r;', ' ', '+\tif (!size || size > RING_MAX_SIZE)', '+\t\treturn NULL;']);
});

test('the quoted trailers of the commit message stay the author\'s: a quoted Signed-off-by is not a reply trailer', () => {
  const text = compose(ring, [{ line: lineOf(ring, 'Signed-off-by: Ada'), body: 'Ok.' }], { trailers: [] }).text;
  assert.match(text, /^> Signed-off-by: Ada Author <ada@example\.org>$/m);
  assert.deepEqual(replyTrailers(text.split('\n'), parsePatchDocument(text).mails[0]), []);
});

test('property: any comments on any lines compose without throwing, and every commented hunk reads back', () => {
  const patch = parsePatchDocument(sample);
  const lineCount = sample.split('\n').length;
  const commentArb = fc.record({
    line: fc.oneof(fc.integer({ min: -5, max: lineCount + 5 }), fc.constantFrom(...patch.mails[0].files.flatMap((f) => f.hunks.flatMap((h) => h.lines.map((l) => l.line))))),
    body: fc.string({ maxLength: 200 }),
  });
  fc.assert(fc.property(fc.array(commentArb, { maxLength: 6 }), (comments) => {
    const reply = compose(sample, comments);
    const back = parsePatchDocument(reply.text);
    const commented = new Set<string>();
    for (const file of patch.mails[0].files) {
      for (const hunk of file.hunks) {
        if (comments.some((c) => c.line === hunk.headerLine || hunk.lines.some((l) => l.line === c.line))) commented.add(`${file.newPath} -${hunk.oldStart}`);
      }
    }
    const readBack = new Set(back.mails.flatMap((m) => m.files.flatMap((f) => f.hunks.map((h) => `${f.newPath} -${h.oldStart}`))));
    for (const id of commented) assert.ok(readBack.has(id), `${id} not read back from:\n${reply.text}`);
  }), { numRuns: 150 });
});
