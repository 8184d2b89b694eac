import { test } from 'node:test';
import assert from 'node:assert/strict';
import { smallerScenario, type ScenarioJson } from '../../../src/explore/scenario-json';

const fork: ScenarioJson = { variant: 'patched', ops: [{ op: 'fork' }] };

test('a scenario with fewer ops is smaller, whatever its depth', () => {
  assert.ok(smallerScenario({ ...fork, depth: 3 }, { ...fork, ops: [{ op: 'fork' }, { op: 'fork' }] }));
});

test('a repeat counts as that many forks', () => {
  assert.ok(smallerScenario({ ...fork, ops: [{ op: 'fork' }, { op: 'fork' }] }, { ...fork, ops: [{ op: 'fork', repeat: 3 }] }));
});

test('with equal ops the shallower scenario is smaller', () => {
  assert.ok(smallerScenario({ ...fork, depth: 1 }, { ...fork, depth: 2 }));
});

test('with equal ops and depth, fewer used entries, then the default pid_max, make it smaller', () => {
  assert.ok(smallerScenario({ ...fork, namespaces: [{ used: [[1, 5]] }] }, { ...fork, namespaces: [{ used: [1, 2] }] }));
  assert.ok(smallerScenario(fork, { ...fork, pid_max: 65536 }));
  assert.ok(smallerScenario({ ...fork, pid_max: 32768 }, { ...fork, pid_max: 65536 }));
});

test('a set_next value nearer 0 is smaller than a far one', () => {
  const set = (value: number): ScenarioJson => ({ ...fork, ops: [{ op: 'set_next', value }, { op: 'fork' }] });
  assert.ok(smallerScenario(set(1), set(2147483647)));
  assert.ok(!smallerScenario(set(5), set(5)));
});
