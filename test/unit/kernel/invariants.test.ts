// Properties every run must keep, whatever the scenario.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { countSetBits } from '../../../src/kernel/bitmap';
import { outcomeToJson } from '../../../src/kernel/outcome';
import { runOps, simulate } from '../../../src/kernel/run';
import type { Scenario } from '../../../src/kernel/scenario';
import { createKernel } from '../../../src/kernel/setup';
import { scenarioArb } from './support/scenario-arbitrary';

test('nr_free plus the set bits is 32768 on every allocated page after any run', () => {
  fc.assert(
    fc.property(scenarioArb(), (scenario) => {
      const k = createKernel(scenario);
      if (!runOps(k, scenario).ok) return;
      for (const ns of k.namespaces) {
        ns.pages.forEach((page, entry) => {
          if (page !== null) assert.equal(ns.nrFree[entry] + countSetBits(page), 32768, `level ${ns.level} entry ${entry}`);
        });
      }
    }),
    { numRuns: 200 },
  );
});

test('no number is handed to two live children at any level', () => {
  fc.assert(
    fc.property(scenarioArb(), (scenario) => {
      const r = simulate(scenario);
      if (!r.ok) return;
      const o = outcomeToJson(r.outcome);
      // Track live children in order: an exit frees a number, which may then be handed out again.
      const live: number[][] = [];
      let fork = 0;
      for (const op of scenario.ops) {
        if (op.op === 'exit') {
          const index = live.findIndex((pids) => pids[scenario.depth] === op.pid);
          live.splice(index, 1);
        } else if (op.op === 'fork') {
          for (let n = 0; n < op.repeat; n++, fork++) {
            const result = o.forks[fork];
            if (!('pids' in result)) continue;
            for (let level = 0; level <= scenario.depth; level++) {
              assert.ok(!live.some((pids) => pids[level] === result.pids[level]), `level ${level} number ${result.pids[level]} given twice`);
            }
            live.push([...result.pids]);
          }
        }
      }
    }),
    { numRuns: 200 },
  );
});

test('no child gets a number that was in use at the start', () => {
  fc.assert(
    fc.property(scenarioArb(), (scenario) => {
      const r = simulate(scenario);
      if (!r.ok) return;
      const o = outcomeToJson(r.outcome);
      const inUse = scenario.namespaces.map((ns) => (nr: number) =>
        nr === 0 || ns.used.some((u) => (typeof u === 'number' ? u === nr : u[0] <= nr && nr <= u[1])));
      for (const fork of o.forks) {
        if ('pids' in fork) fork.pids.forEach((nr, level) => assert.ok(!inUse[level](nr), `level ${level} got used number ${nr}`));
      }
    }),
    { numRuns: 200 },
  );
});

test('every successful fork sets last_pid at each automatically allocated level to its number', () => {
  fc.assert(
    fc.property(scenarioArb().filter((s) => s.ops.every((op) => op.op !== 'set_next')), (scenario) => {
      const single: Scenario = { ...scenario, ops: scenario.ops.filter((op) => op.op === 'fork').slice(0, 1).map(() => ({ op: 'fork', repeat: 1 })) };
      const r = simulate(single);
      if (!r.ok || r.outcome.forks.length === 0) return;
      const o = outcomeToJson(r.outcome);
      const first = o.forks[0];
      if ('pids' in first) first.pids.forEach((nr, level) => assert.equal(o.final[level].last_pid, nr));
    }),
    { numRuns: 200 },
  );
});

test('handed-out numbers are never reserved after a wrap: a number below 300 needs last_pid below 299', () => {
  fc.assert(
    fc.property(scenarioArb().filter((s) => s.ops.every((op) => op.op !== 'set_next' && op.op !== 'exit')), (scenario) => {
      const r = simulate({ ...scenario, ops: [{ op: 'fork', repeat: 1 }] });
      if (!r.ok) return;
      const first = outcomeToJson(r.outcome).forks[0];
      if (!('pids' in first)) return;
      first.pids.forEach((nr, level) => {
        if (nr < 300) assert.ok(scenario.namespaces[level].lastPid < nr, `level ${level}: ${nr} after last_pid ${scenario.namespaces[level].lastPid}`);
      });
    }),
    { numRuns: 200 },
  );
});

test('baseline and patched agree wherever the patch should not matter', () => {
  // Without next_syscall_data the variants differ only from the first fork whose alloc_pidmap
  // fails (the patched out_free then faults and may leak numbers); up to it they are identical,
  // and a run with no such fork is identical throughout.
  fc.assert(
    fc.property(scenarioArb().filter((s) => s.ops.every((op) => op.op !== 'set_next')), (scenario) => {
      const base = simulate({ ...scenario, variant: 'baseline' });
      const patched = simulate({ ...scenario, variant: 'patched' });
      if (!base.ok || !patched.ok) return;
      const b = outcomeToJson(base.outcome);
      const p = outcomeToJson(patched.outcome);
      assert.deepEqual(b.faults, []);
      if (p.faults.length === 0) {
        assert.deepEqual(p, b);
        return;
      }
      const firstFaulty = p.faults[0].fork;
      assert.deepEqual(p.forks.slice(0, firstFaulty + 1), b.forks.slice(0, firstFaulty + 1));
      assert.deepEqual(p.forks[firstFaulty], { errno: 'ENOMEM' });
    }),
    { numRuns: 300 },
  );
});

test('at depth 0 the variants leave the same maps even when forks fail', () => {
  fc.assert(
    fc.property(scenarioArb({ maxDepth: 0 }).filter((s) => s.ops.every((op) => op.op !== 'set_next')), (scenario) => {
      const base = simulate({ ...scenario, variant: 'baseline' });
      const patched = simulate({ ...scenario, variant: 'patched' });
      if (!base.ok || !patched.ok) return;
      assert.deepEqual(outcomeToJson(patched.outcome).final, outcomeToJson(base.outcome).final);
    }),
    { numRuns: 200 },
  );
});
