import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleLine } from '../mapping/sample';
import { normalise, subtract } from '../../../src/explore/number-sets';
import { sampleReport, simulateJson } from './support';

async function differences(kind: string) {
  return (await sampleReport()).differences.filter((d) => d.kind === kind);
}

test('values below 300 cannot be predefined: a free number in a child namespace is refused with EINVAL after the patch', async () => {
  const [d] = await differences('cannot-predefine');
  assert.ok(d, 'a cannot-predefine difference');
  assert.equal(d.line, sampleLine('+ return -EINVAL;'));
  assert.match(d.message, /below 300/);
  assert.match(d.message, /pid 1 of a new namespace/);
});

test('the cannot-predefine scenario is the smallest: set_next 1 then one fork at depth 1 with empty maps', async () => {
  const [d] = await differences('cannot-predefine');
  assert.deepEqual(d.scenario, { variant: 'patched', depth: 1, ops: [{ op: 'set_next', value: 1 }, { op: 'fork' }] });
});

test('simulate confirms cannot-predefine: the baseline forks, the patched kernel returns EINVAL', async () => {
  for (const d of await differences('cannot-predefine')) {
    const baseline = simulateJson(d.scenario, 'baseline');
    const patched = simulateJson(d.scenario, 'patched');
    assert.ok(baseline.forks.every((f) => 'pids' in f));
    assert.ok(patched.forks.some((f) => 'errno' in f && f.errno === 'EINVAL'));
  }
});

test('a pid number leaked only after the patch is found from the final maps, on the free_pidmap line', async () => {
  const [d] = await differences('leaked-pid-number');
  assert.ok(d, 'a leaked-pid-number difference');
  assert.equal(d.line, sampleLine(' free_pidmap(pid->numbers + i);'));
});

test('simulate confirms each leaked number: set in the patched final map, clear in the baseline\'s, held by no child', async () => {
  for (const d of await differences('leaked-pid-number')) {
    const baseline = simulateJson(d.scenario, 'baseline');
    const patched = simulateJson(d.scenario, 'patched');
    const held = new Set(patched.forks.flatMap((f) => ('pids' in f ? f.pids : [])));
    const leaked = patched.final.flatMap((level, i) =>
      subtract(normalise(level.used), normalise(baseline.final[i].used)).filter(([from, to]) => !(from === to && held.has(from))));
    assert.ok(leaked.length > 0, JSON.stringify(d.scenario));
  }
});

test('faults only after the patch are differences, each confirmed by simulate on both variants', async () => {
  const found = await differences('fault-only-patched');
  assert.ok(found.length >= 4);
  for (const d of found) {
    const kind = /reports ([a-z-]+) /.exec(d.message)?.[1];
    assert.ok(kind);
    assert.ok(simulateJson(d.scenario, 'patched').faults.some((f) => f.kind === kind));
    assert.deepEqual(simulateJson(d.scenario, 'baseline').faults, []);
  }
});

test('a fork that fails only because the patch is applied is found with no next_syscall_data set', async () => {
  const [d] = await differences('fork-fails-only-patched');
  assert.ok(d, 'a fork-fails-only-patched difference');
  assert.ok(!d.scenario.ops.some((op) => op.op === 'set_next'));
  assert.match(d.message, /earlier failed fork left a pid number set/);
});

test('simulate confirms fork-fails-only-patched: some fork succeeds before the patch and fails after it', async () => {
  for (const d of await differences('fork-fails-only-patched')) {
    const baseline = simulateJson(d.scenario, 'baseline').forks;
    const patched = simulateJson(d.scenario, 'patched').forks;
    assert.ok(baseline.some((f, i) => 'pids' in f && 'errno' in patched[i]), JSON.stringify(d.scenario));
  }
});
