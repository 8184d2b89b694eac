import { test } from 'node:test';
import assert from 'node:assert/strict';
import { patchToJson } from '../../../src/patch/json';
import { parsePatchDocument } from '../../../src/patch/parse';
import { PATHOLOGICAL_SHAPES } from './support/pathological';

// Sizes are ratios of bytes, so they hold on any machine; the time these take is `npm run bench`'s.
const BYTES = 1024 * 1024;
const MAX_RATIO = 20;

for (const shape of PATHOLOGICAL_SHAPES) {
  const input = shape(BYTES);
  test(`the JSON of ${input.name} (1 MB) is at most ${MAX_RATIO}× the input`, () => {
    const json = JSON.stringify(patchToJson(parsePatchDocument(input.text)));
    assert.ok(json.length <= MAX_RATIO * input.text.length, `${(json.length / input.text.length).toFixed(2)}×`);
  });
}

test('repeated repairs are written once, the other places as runs of lines', () => {
  // 100 empty hunks: the last reads the document's final empty line as its blank context line.
  const json = patchToJson(parsePatchDocument('--- a/x\n+++ b/x\n' + '@@ -1 +1 @@\n'.repeat(100)));
  const restored = json.mails[0].repairs.filter((r) => r.kind === 'restored-blank-context');
  assert.equal(restored.length, 1);
  const group = restored[0] as { count?: number; alsoAt?: string[] };
  assert.equal(group.count, 99);
  // Each of the others restores its line at the end of its header (column 11), on lines 3 to 101.
  assert.deepEqual(group.alsoAt, ['4..101:11']);
});

test('a hunk line is [text, docLine], with true added when a repair made it', () => {
  const json = patchToJson(parsePatchDocument('--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n\n-b\n+c\n'));
  assert.deepEqual(json.mails[0].files[0].hunks[0].lines, [[' a', 4], [' ', 5, true], ['-b', 6], ['+c', 7]]);
});
