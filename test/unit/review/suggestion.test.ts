// Compose Review Reply with the reviewer's change: "Something like this" and a diff below the
// quoted review, which reads back with kpr's parser and applies with git.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePatchDocument } from '../../../src/patch/parse';
import { readEdited } from '../../../src/versions/edited-text';
import { shownPostImages } from '../../../src/versions/shown-images';
import { suggestedChange } from '../../../src/versions/suggested-change';
import { bodyOf, compose, lineOf, readSample } from './support/inputs';
import { gitApply, readV2 } from '../versions/support/inputs';

const sample = readSample();
const sent = parsePatchDocument(sample);
const edited = readEdited(sample, sent, readV2().replace('[RFC PATCH v2 3/5]', '[RFC PATCH 3/5]')).patch;
const diff = suggestedChange(sent, edited).text;
const comments = [{ line: lineOf(sample, '+ goto out_free;'), body: 'This frees an ERR_PTR.' }];

function reply(tested?: string): string {
  return compose(sample, comments, { suggestion: { diff, ...(tested ? { tested } : {}) } }).text;
}

/** The suggested diff as the reply carries it: from its `diff --git` line to the blank line before the trailers. */
function suggestionIn(text: string): string {
  const body = bodyOf(text);
  const from = body.indexOf('diff --git');
  const to = body.indexOf('\n\nReviewed-by:');
  return `${body.slice(from, to)}\n`;
}

test('the suggestion follows the quoted review, led by "Something like this:"', () => {
  const body = bodyOf(reply());
  const lead = body.indexOf('Something like this:\n\ndiff --git a/kernel/pid.c b/kernel/pid.c\n');
  assert.ok(lead > body.indexOf('> + goto out_free;'), body);
  assert.ok(lead < body.indexOf('Reviewed-by:'));
});

test('without a tested claim the reply says nothing about testing', () => {
  assert.doesNotMatch(reply(), /tested/i);
});

test('a tested claim, when given, is in the lead', () => {
  assert.match(reply('tested in kpr against 12 scenarios: invalid-free no longer reported'), /^Something like this \(tested in kpr against 12 scenarios: invalid-free no longer reported\):$/m);
});

test('the suggested diff in the reply is the diff, byte for byte', () => {
  assert.equal(suggestionIn(reply()), diff);
});

test('the reply reads back with kpr\'s parser: the suggestion\'s hunks are read as a patch of kernel/pid.c', () => {
  const back = parsePatchDocument(reply());
  assert.equal(back.mails.length, 1);
  const files = back.mails[0].files.filter((f) => f.headerLine > lineOf(reply(), 'Something like this'));
  assert.deepEqual(files.map((f) => f.newPath), ['kernel/pid.c']);
  assert.deepEqual(files[0].hunks.map((h) => `-${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines}`), ['-300,4 +300,5', '-318,7 +319,7', '-332,7 +333,7', '-363,6 +364,7']);
  assert.ok(!back.problems.some((p) => p.severity === 'error'), back.problems.map((p) => p.message).join('\n'));
});

test('the suggested diff cut from the reply applies with git to the sent post-image', () => {
  const applied = gitApply(shownPostImages(sent).files, suggestionIn(reply()));
  assert.ok(applied.ok, applied.stderr);
});
