// The editor marks the lines an edit changed against the patch as sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editedLines } from '../../../src/versions/edited-lines';

test('a changed line is one stretch that replaced one sent line', () => {
  assert.deepEqual(editedLines('a\nb\nc', 'a\nB\nc'), { stretches: [{ first: 1, last: 1, removed: 1 }], deletionsAfter: [] });
});

test('inserted lines are a stretch that replaced nothing', () => {
  assert.deepEqual(editedLines('a\nc', 'a\nb1\nb2\nc').stretches, [{ first: 1, last: 2, removed: 0 }]);
});

test('a removed line leaves a mark after the line before it', () => {
  assert.deepEqual(editedLines('a\nb\nc', 'a\nc'), { stretches: [], deletionsAfter: [0] });
});

test('an unedited copy has no marks, whatever its line endings', () => {
  assert.deepEqual(editedLines('a\r\nb\r\n', 'a\nb\n'), { stretches: [], deletionsAfter: [] });
});
