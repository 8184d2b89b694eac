// The hunk header is read character by character (scanHunkHeader) for speed; HUNK_HEADER, the
// regex every other reader uses, stays the definition. These pin the two to the same answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { HUNK_HEADER, scanHunkHeader } from '../../../src/patch/line-kinds';

const unit = fc.constantFrom('@', ' ', '-', '+', ',', '0', '1', '5', '9', 'x', '\r', '\n', '\u2028', '\u2029');
const count = fc.option(fc.bigInt({ min: 0n, max: 99_999_999_999n }));
const headerLike = fc
  .tuple(count, count, count, count, fc.constantFrom(' @@', '@@', ' @', ' @@ '), fc.string({ unit, maxLength: 8 }))
  .map(([a, b, c, d, close, rest]) => `@@ -${a ?? ''}${b === null ? '' : ',' + b} +${c ?? ''}${d === null ? '' : ',' + d}${close}${rest}`);

function regexFields(text: string) {
  const m = HUNK_HEADER.exec(text);
  if (!m) return undefined;
  return { oldStart: Number(m[1]), oldLines: m[2] === undefined ? 1 : Number(m[2]), newStart: Number(m[3]), newLines: m[4] === undefined ? 1 : Number(m[4]), rest: m[5] };
}

test('scanHunkHeader reads what HUNK_HEADER matches, and nothing it does not', () => {
  fc.assert(
    fc.property(fc.oneof(headerLike, fc.string({ unit, maxLength: 30 })), (text) => {
      assert.deepEqual(scanHunkHeader(text), regexFields(text));
    }),
    { numRuns: 20_000 },
  );
});

test('scanHunkHeader refuses an 11-digit number and a line terminator after the header', () => {
  assert.equal(scanHunkHeader('@@ -12345678901 +1 @@'), undefined);
  assert.equal(scanHunkHeader('@@ -1 +1 @@ f(void)\r'), undefined);
  assert.deepEqual(scanHunkHeader('@@ -1234567890,2 +3 @@ f(void)'), { oldStart: 1234567890, oldLines: 2, newStart: 3, newLines: 1, rest: ' f(void)' });
});
