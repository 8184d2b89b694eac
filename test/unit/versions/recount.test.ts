// An edit that adds or removes hunk lines leaves the @@ counts stale; kpr recounts them from the
// sent counts and the edit's own lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePatchDocument } from '../../../src/patch/parse';
import { applyHeaderEdits, recountEditedHeaders } from '../../../src/versions/recount';
import { readSample, readV2 } from './support/inputs';

const sentText = readSample();
const sent = parsePatchDocument(sentText);
const stale = readV2().replace('[RFC PATCH v2 3/5]', '[RFC PATCH 3/5]').replace('+300,42', '+300,41').replace('+364,7', '+363,6');

test('a line added to a hunk recounts its header and moves the next hunk\'s new start', () => {
  assert.deepEqual(recountEditedHeaders(sentText, sent, stale).map((e) => e.after), [
    '@@ -248,14 +300,42 @@ struct pid *alloc_pid(struct pid_namespa',
    '@@ -284,7 +364,7 @@ out_free:',
  ]);
});

test('the recounted text parses without a count problem', () => {
  const text = applyHeaderEdits(stale, recountEditedHeaders(sentText, sent, stale));
  const codes = parsePatchDocument(text).problems.map((p) => p.code);
  assert.ok(!codes.includes('hunk-count-mismatch') && !codes.includes('truncated-hunk'), codes.join(', '));
});

test('a stale header reads as a count problem before the recount (the parser is the evidence)', () => {
  assert.ok(parsePatchDocument(stale).problems.some((p) => p.code === 'hunk-count-mismatch'));
});

test('a removed + line lowers the new count', () => {
  const edited = sentText.replace('+ pid = ERR_PTR(rc);\n', '');
  assert.deepEqual(recountEditedHeaders(sentText, sent, edited).map((e) => e.after), [
    '@@ -248,14 +300,40 @@ struct pid *alloc_pid(struct pid_namespa',
    '@@ -284,7 +362,6 @@ out_free:',
  ]);
});

test('a changed line in place needs no recount', () => {
  assert.deepEqual(recountEditedHeaders(sentText, sent, sentText.replace('+ pid = ERR_PTR(rc);', '+ err = rc;')), []);
});

test('a header the reviewer rewrote is theirs and left alone', () => {
  const edited = stale.replace('@@ -284,7 +363,6 @@', '@@ -284,7 +364,7 @@');
  assert.deepEqual(recountEditedHeaders(sentText, sent, edited).map((e) => e.line), [159]);
});

test('a recounted text needs no second recount (the editor recounts after every edit: it must settle)', () => {
  const once = applyHeaderEdits(stale, recountEditedHeaders(sentText, sent, stale));
  assert.deepEqual(recountEditedHeaders(sentText, sent, once), []);
});

test('a later hunk moves by an earlier hunk\'s recounted lines even when that header was already recounted', () => {
  const firstOnly = stale.replace('+300,41', '+300,42');
  assert.deepEqual(recountEditedHeaders(sentText, sent, firstOnly).map((e) => e.after), ['@@ -284,7 +364,7 @@ out_free:']);
});
