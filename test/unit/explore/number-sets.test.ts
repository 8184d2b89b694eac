import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { contains, formatRanges, normalise, subtract, type Range } from '../../../src/explore/number-sets';

const ranges = fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 20 })).map(([from, len]): Range => [from, from + len]), { maxLength: 8 });

function members(list: readonly Range[]): Set<number> {
  const out = new Set<number>();
  for (const [from, to] of list) for (let n = from; n <= to; n++) out.add(n);
  return out;
}

test('normalise merges overlapping and adjacent ranges into sorted disjoint ones with the same members', () => {
  fc.assert(fc.property(ranges, (list) => {
    const merged = normalise(list);
    assert.deepEqual(members(merged), members(list));
    for (let i = 1; i < merged.length; i++) assert.ok(merged[i][0] > merged[i - 1][1] + 1);
  }));
});

test('subtract keeps exactly the numbers of a that are not in b', () => {
  fc.assert(fc.property(ranges, ranges, (a, b) => {
    const got = members(subtract(normalise(a), normalise(b)));
    const inB = members(b);
    assert.deepEqual(got, new Set([...members(a)].filter((n) => !inB.has(n))));
  }));
});

test('contains answers membership of a range list', () => {
  assert.equal(contains([[0, 0], [300, 302]], 301), true);
  assert.equal(contains([[0, 0], [300, 302]], 1), false);
});

test('formatRanges writes single numbers bare and shortens long lists', () => {
  assert.equal(formatRanges([[1, 1], [5, 9]]), '1, 5-9');
  assert.equal(formatRanges([[1, 1], [3, 3], [5, 5], [7, 7], [9, 9]]), '1, 3, 5, 7, …');
});
