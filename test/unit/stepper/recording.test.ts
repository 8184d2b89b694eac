// Recording mode against fast mode, the step cap, and step-id coverage of the statement table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatOutcome } from '../../../src/kernel/outcome';
import { simulate } from '../../../src/kernel/run';
import { STATEMENTS, statementById, statementsOf, type Variant } from '../../../src/kernel/statements';
import { pageRanges } from '../../../src/stepper/pidmap-snapshot';
import { Session } from '../../../src/stepper/session';
import { scenarioArb } from '../kernel/support/scenario-arbitrary';
import { scenarioOf, specExamples } from '../kernel/support/fixtures';

function record(json: unknown, maxSteps?: number): Session {
  const r = Session.record(scenarioOf(json), maxSteps === undefined ? {} : { maxSteps });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.session;
}

test('recording and fast mode give the identical outcome', () => {
  fc.assert(
    fc.property(scenarioArb({ maxOps: 8 }), (scenario) => {
      const fast = simulate(scenario);
      const recorded = Session.record(scenario, { maxSteps: 20_000 });
      assert.equal(recorded.ok, fast.ok);
      if (recorded.ok && fast.ok) assert.equal(formatOutcome(recorded.session.outcome), formatOutcome(fast.outcome));
    }),
    { numRuns: 150 },
  );
});

test('every recorded step is a statement of the variant, in its own function', () => {
  fc.assert(
    fc.property(scenarioArb({ maxOps: 6 }), (scenario) => {
      const r = Session.record(scenario, { maxSteps: 5000 });
      if (!r.ok) return;
      for (let i = 0; i < r.session.length; i++) {
        const p = r.session.summary(i);
        const statement = p.stepId === null ? undefined : statementById(p.stepId);
        assert.ok(statement, String(p.stepId));
        assert.ok(statement.variants.includes(scenario.variant), `${p.stepId} in ${scenario.variant}`);
        assert.equal(statement.fn, p.fn);
      }
    }),
    { numRuns: 100 },
  );
});

test('a capped recording says so, keeps the cap, and still ends with the full outcome', () => {
  const json = { variant: 'baseline', pid_max: 2000, ops: [{ op: 'fork', repeat: 1000 }] };
  const s = record(json, 500);
  assert.equal(s.truncated, true);
  assert.ok(s.length <= 500);
  assert.equal(formatOutcome(s.outcome), formatOutcome((simulate(scenarioOf(json)) as { ok: true; outcome: never }).outcome));
});

test('the last point of a capped recording shows the final pid map', () => {
  const s = record({ variant: 'baseline', pid_max: 2000, ops: [{ op: 'fork', repeat: 1000 }] }, 500);
  const end = s.runToEnd().point;
  assert.equal(end.stepId, 'scenario/end');
  assert.deepEqual(pageRanges(end.pidmaps[0].pages[0]), [[0, 1000]]);
  assert.equal(end.pidmaps[0].lastPid, 1000);
});

test('an uncapped recording is not marked truncated', () => {
  assert.equal(record({ variant: 'baseline', ops: [{ op: 'fork' }] }).truncated, false);
});

/** Scenarios that between them take every reachable path of both variants. */
const coverageScenarios: unknown[] = [
  ...specExamples().map((e) => JSON.parse(e.scenarioText) as unknown),
  { variant: 'baseline', pid_max: 65536, namespaces: [{ last_pid: 32767, used: [[1, 32767]] }], fail: { kzalloc: [1] }, ops: [{ op: 'fork', repeat: 2 }] },
  { variant: 'baseline', pid_max: 1000, namespaces: [{ last_pid: 300, used: [[301, 999]] }], ops: [{ op: 'fork' }] },
  { variant: 'patched', pid_max: 1000, namespaces: [{ last_pid: 300, used: [[301, 999]] }], ops: [{ op: 'fork' }] },
  { variant: 'baseline', fail: { kmem_cache_alloc: [1] }, ops: [{ op: 'fork' }] },
  { variant: 'patched', depth: 1, ops: [{ op: 'fork' }, { op: 'exit', pid: 1 }] },
  { variant: 'baseline', depth: 1, ops: [{ op: 'fork' }, { op: 'exit', pid: 1 }] },
  { variant: 'patched', pid_max: 65536, namespaces: [{ last_pid: 32767, used: [[1, 32767]] }], ops: [{ op: 'fork' }] },
  { variant: 'baseline', pid_max: 65536, namespaces: [{ last_pid: 1000, used: [[1, 32767]] }], ops: [{ op: 'fork' }] },
  { variant: 'patched', pid_max: 65536, namespaces: [{ last_pid: 1000, used: [[1, 32767]] }], ops: [{ op: 'fork' }] },
];

for (const variant of ['baseline', 'patched'] as Variant[]) {
  test(`every reachable ${variant} statement is reached by some scenario`, () => {
    const hit = new Set<string | null>();
    for (const json of coverageScenarios) {
      const r = Session.create(json);
      if (!r.ok || r.session.scenario.variant !== variant) continue;
      for (let i = 0; i < r.session.length; i++) hit.add(r.session.summary(i).stepId);
    }
    const missed = statementsOf(variant).filter((s) => s.reachable && !hit.has(s.id)).map((s) => s.id);
    assert.deepEqual(missed, []);
  });
}

test('statements marked unreachable are never recorded', () => {
  const unreachable = new Set<string | null>(STATEMENTS.filter((s) => !s.reachable).map((s) => s.id));
  for (const json of coverageScenarios) {
    const r = Session.create(json);
    if (!r.ok) continue;
    for (let i = 0; i < r.session.length; i++) assert.ok(!unreachable.has(r.session.summary(i).stepId));
  }
});

test('exhausting a 4194304-pid namespace: a capped recording ends with the fast-mode outcome', () => {
  const json = { variant: 'patched', pid_max: 4194304, ops: [{ op: 'fork', repeat: 4194304 }] };
  const fast = simulate(scenarioOf(json));
  const s = record(json, 10_000);
  assert.ok(fast.ok);
  assert.equal(s.truncated, true);
  assert.equal(s.outcome.forks.length, 4194304);
  assert.equal(formatOutcome(s.outcome), formatOutcome(fast.outcome));
});
