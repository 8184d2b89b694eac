import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { countSetBits, findNextZeroBit, newPage, setBitRange, testAndSetBit, testBit, clearBit } from '../../../src/kernel/bitmap';

function naiveNextZero(page: Uint32Array, offset: number): number {
  for (let bit = offset; bit < 32768; bit++) if (!testBit(page, bit)) return bit;
  return 32768;
}

test('find_next_zero_bit on an empty page returns the offset', () => {
  assert.equal(findNextZeroBit(newPage(), 1234), 1234);
});

test('find_next_zero_bit on a full page returns BITS_PER_PAGE', () => {
  const page = newPage();
  setBitRange(page, 0, 32767);
  assert.equal(findNextZeroBit(page, 300), 32768);
});

test('find_next_zero_bit skips set bits across word boundaries', () => {
  const page = newPage();
  setBitRange(page, 30, 100);
  assert.equal(findNextZeroBit(page, 30), 101);
});

test('find_next_zero_bit agrees with a bit-by-bit scan', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(32767), fc.nat(2000)), { maxLength: 8 }), fc.nat(32767), (ranges, offset) => {
      const page = newPage();
      for (const [from, len] of ranges) setBitRange(page, from, Math.min(32767, from + len));
      assert.equal(findNextZeroBit(page, offset), naiveNextZero(page, offset));
    }),
  );
});

test('test_and_set_bit answers the old value and sets the bit', () => {
  const page = newPage();
  assert.equal(testAndSetBit(page, 31), false);
  assert.equal(testAndSetBit(page, 31), true);
  assert.equal(testBit(page, 31), true);
});

test('clear_bit clears only its bit', () => {
  const page = newPage();
  setBitRange(page, 0, 63);
  clearBit(page, 32);
  assert.equal(countSetBits(page), 63);
  assert.equal(testBit(page, 32), false);
});

test('setBitRange sets exactly the inclusive range', () => {
  fc.assert(
    fc.property(fc.nat(32767), fc.nat(32767), (a, b) => {
      const [from, to] = a <= b ? [a, b] : [b, a];
      const page = newPage();
      setBitRange(page, from, to);
      assert.equal(countSetBits(page), to - from + 1);
      assert.equal(testBit(page, from), true);
      assert.equal(testBit(page, to), true);
      if (from > 0) assert.equal(testBit(page, from - 1), false);
      if (to < 32767) assert.equal(testBit(page, to + 1), false);
    }),
  );
});
