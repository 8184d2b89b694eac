// The optimised model against the naive reference (support/reference-model.ts) on generated
// scenarios aimed at the edges: any difference in forks, faults, next_syscall_data or maps fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { outcomeToJson } from '../../../src/kernel/outcome';
import { simulate } from '../../../src/kernel/run';
import { referenceRun } from './support/reference-model';
import { scenarioArb } from './support/scenario-arbitrary';

test('the model agrees with the naive reference on generated scenarios', () => {
  fc.assert(
    fc.property(scenarioArb(), (scenario) => {
      const model = simulate(scenario);
      const reference = referenceRun(scenario);
      assert.equal(model.ok, reference.ok);
      if (model.ok && reference.ok) assert.deepEqual(outcomeToJson(model.outcome), reference.outcome);
    }),
    { numRuns: 400 },
  );
});

test('the model agrees with the naive reference in deep namespaces', () => {
  fc.assert(
    fc.property(scenarioArb({ maxDepth: 31 }).filter((s) => s.depth >= 8), (scenario) => {
      const model = simulate(scenario);
      const reference = referenceRun(scenario);
      assert.equal(model.ok, reference.ok);
      if (model.ok && reference.ok) assert.deepEqual(outcomeToJson(model.outcome), reference.outcome);
    }),
    { numRuns: 60 },
  );
});
