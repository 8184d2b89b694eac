// Mail boundaries in an mbox follow git mailsplit: a "From " line with a time and a year starts
// a mail wherever it stands; other lines starting "From " are body text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePatchDocument } from '../../../src/patch/parse';
import { DocumentLines } from '../../../src/patch/document-lines';
import { isMbox, splitMails } from '../../../src/patch/mbox';
import { readFixture } from './support/fixtures';

const doc = (lines: readonly string[]) => new DocumentLines(lines.join('\n'));

test('a format-patch "From <sha>" line right after the previous signature starts a new mail', () => {
  const patch = parsePatchDocument(readFixture('hand', 'signature-then-from.mbox'));
  assert.deepEqual(patch.mails.map((m) => m.subject), ['[PATCH 1/2] docs: mention the origin', '[PATCH 2/2] docs: drop the stale note']);
  assert.deepEqual(patch.mails.map((m) => m.files.map((f) => f.newPath)), [['docs/origin.txt'], ['docs/note.txt']]);
});

test('a body line "From the start: … 12:00 …" without a year is not a separator', () => {
  const lines = ['From alice@example.org Mon Jan  1 00:00:00 2024', 'Subject: x', '', 'From the start: at 12:00 on day one.', 'text'];
  assert.deepEqual(splitMails(doc(lines)).map((s) => [s.start, s.end]), [[1, 5]]);
});

test('"From " lines with a time but a year of 90 or less, or no time at all, are not separators', () => {
  assert.equal(isMbox(doc(['From someone Mon Jan  1 00:00:00 0090', 'Subject: x'])), false);
  assert.equal(isMbox(doc(['From someone without a date at all', 'Subject: x'])), false);
  assert.equal(isMbox(doc(['From x 1:00:00 2001'])), false);
});

test('an mboxrd separator with CRLF line ends is recognised', () => {
  assert.equal(isMbox(doc(['From 0123456789abcdef Mon Sep 17 00:00:00 2001\r', 'From: A <a@b>\r'])), true);
});
