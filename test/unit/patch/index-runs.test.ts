// The run-length sets the hunk reader keeps per line (index-runs.ts) against plain arrays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AscendingIndices, LineSteps } from '../../../src/patch/index-runs';

const ascendingArb = fc.uniqueArray(fc.nat(60), { maxLength: 40 }).map((xs) => xs.sort((a, b) => a - b));

test('ascending indices answer membership as the array of them does, for lookups in ascending order', () => {
  fc.assert(
    fc.property(ascendingArb, fc.boolean(), (indices, descending) => {
      const set = descending ? AscendingIndices.fromDescending([...indices].reverse()) : new AscendingIndices();
      if (!descending) for (const i of indices) set.add(i);
      const has = set.walk();
      for (let i = 0; i <= 61; i++) assert.equal(has(i), indices.includes(i), `index ${i}`);
    }),
    { numRuns: 300 },
  );
});

test('line steps give back every line and step in order, and the span of their lines', () => {
  const stepsArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 })), { maxLength: 40 });
  fc.assert(
    fc.property(fc.nat(5), stepsArb, (start, gapsAndSteps) => {
      const pushed: [number, number][] = [];
      let index = start;
      for (const [gap, step] of gapsAndSteps) {
        index += gap;
        pushed.push([index, step]);
        index++;
      }
      const steps = new LineSteps();
      for (const [i, step] of pushed) steps.push(i, step);
      const seen: [number, number][] = [];
      steps.forEach((i, step) => seen.push([i, step]));
      assert.deepEqual(seen, pushed);
      assert.equal(steps.length, pushed.length);
      assert.deepEqual(steps.span, pushed.length === 0 ? undefined : { first: pushed[0][0], last: pushed[pushed.length - 1][0] });
    }),
    { numRuns: 300 },
  );
});
