import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PatchLines } from '../../../src/explore/patch-lines';
import { runScenario } from '../../../src/explore/run-scenario';
import type { ScenarioJson } from '../../../src/explore';
import { faultSites } from '../../../src/runtime';
import { Session } from '../../../src/stepper/session';
import { samplePatch } from '../mapping/sample';
import { MODEL_CODE } from '../../../src/kernel/run';

const lines = new PatchLines(samplePatch);

const nestedParentFull: ScenarioJson = {
  variant: 'patched', depth: 2,
  namespaces: [{ last_pid: 32767, used: [[1, 32767]] }],
  ops: [{ op: 'set_next', value: 500 }, { op: 'fork' }, { op: 'fork' }],
};
const scenarios: ScenarioJson[] = [
  nestedParentFull,
  { variant: 'patched', depth: 1, ops: [{ op: 'set_next', value: 299 }, { op: 'fork' }] },
  { variant: 'patched', pid_max: 65536, ops: [{ op: 'set_next', value: 32768 }, { op: 'fork' }], fail: { kzalloc: [1] } },
  { variant: 'patched', namespaces: [{ used: [300] }], ops: [{ op: 'set_next', value: 300 }, { op: 'fork' }] },
];

test('the coverage tracer places every fault where the recording stepper\'s faultSites does', () => {
  for (const scenario of scenarios) {
    const observation = runScenario(scenario, MODEL_CODE, new Set(), lines.isShown.patched);
    const created = Session.create(scenario);
    assert.ok(observation && created.ok);
    const session = created.session;
    const sites = faultSites(session, (site) => site.stepId !== null && lines.isShown.patched(site.stepId));
    assert.deepEqual(observation.faults.map((f) => [f.fork, f.kind, f.stepId]), sites.map((s) => [s.fault.fork, s.fault.kind, s.site.stepId]), JSON.stringify(scenario));
  }
});

test('the coverage tracer marks as executed exactly the steps the recording stepper records', () => {
  for (const scenario of scenarios) {
    const executed = new Set<string>();
    runScenario(scenario, MODEL_CODE, executed, lines.isShown.patched);
    const created = Session.create(scenario);
    assert.ok(created.ok);
    const recorded = new Set<string | null>();
    for (let i = 0; i < created.session.length; i++) recorded.add(created.session.summary(i).stepId);
    assert.deepEqual([...executed].sort(), [...recorded].sort(), JSON.stringify(scenario));
  }
});

test('a failed fork\'s origin is the first failing return: alloc_fixed_pidmap\'s return -EINVAL for 299', () => {
  const observation = runScenario(scenarios[1], MODEL_CODE, new Set(), lines.isShown.patched);
  const origin = observation?.origins[0];
  assert.equal(origin?.chain.at(-1), 'alloc_fixed_pidmap/return-einval');
  assert.equal(origin?.level, 1);
});

test('a failed allocation is an origin too: the kzalloc of alloc_fixed_pidmap\'s page', () => {
  const observation = runScenario(scenarios[2], MODEL_CODE, new Set(), lines.isShown.patched);
  const chain = observation?.origins[0]?.chain ?? [];
  assert.equal(chain.at(-1), 'alloc_pidmap_page/kzalloc');
  assert.ok(chain.includes('alloc_fixed_pidmap/if-page'));
});

test('next_syscall_data is recorded as each fork begins', () => {
  const observation = runScenario(nestedParentFull, MODEL_CODE, new Set(), lines.isShown.patched);
  assert.deepEqual(observation?.nextAtFork, [500, null]);
});

test('a scenario whose exit names no live child is skipped, not reported', () => {
  assert.equal(runScenario({ variant: 'baseline', ops: [{ op: 'exit', pid: 7 }] }, MODEL_CODE, new Set(), () => true), undefined);
});
