// The document's lines are places in its text (DocumentLines), not a string per line; they must
// be the lines an editor counts, which is what splitting at every "\n" gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DocumentLines } from '../../../src/patch/document-lines';

const unit = fc.constantFrom('a', ' ', '\n', '\r', 'F', '\u2028', '\ufffd');

test('DocumentLines has the lines, lengths and first characters of splitting the text at every "\\n"', () => {
  fc.assert(
    fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
      const lines = new DocumentLines(text);
      const split = text.split('\n');
      assert.equal(lines.count, split.length);
      for (let i = 0; i < split.length; i++) {
        assert.equal(lines.text(i), split[i]);
        assert.equal(lines.length(i), split[i].length);
        assert.ok(Object.is(lines.firstCharCode(i), split[i].charCodeAt(0)));
      }
    }),
    { numRuns: 5_000 },
  );
});

test('DocumentLines.longest is the length of the longest line of splitting the text at every "\\n"', () => {
  fc.assert(
    fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
      assert.equal(new DocumentLines(text).longest, Math.max(...text.split('\n').map((line) => line.length)));
    }),
    { numRuns: 2_000 },
  );
});

test('an empty document is one empty line', () => {
  const lines = new DocumentLines('');
  assert.equal(lines.count, 1);
  assert.equal(lines.text(0), '');
});
