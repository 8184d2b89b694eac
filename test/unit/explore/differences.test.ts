import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DifferenceCollector } from '../../../src/explore/differences';
import { PatchLines } from '../../../src/explore/patch-lines';
import { runScenario } from '../../../src/explore/run-scenario';
import type { ScenarioJson } from '../../../src/explore';
import { samplePatch } from '../mapping/sample';
import { MODEL_CODE } from '../../../src/kernel/run';

const lines = new PatchLines(samplePatch);

function kindsOf(scenario: Omit<ScenarioJson, 'variant'>): string[] {
  const collector = new DifferenceCollector(lines);
  const baseline = runScenario({ variant: 'baseline', ...scenario }, MODEL_CODE, new Set(), lines.isShown.baseline);
  const patched = runScenario({ variant: 'patched', ...scenario }, MODEL_CODE, new Set(), lines.isShown.patched);
  assert.ok(baseline && patched);
  collector.compare(baseline, patched);
  return collector.differences().map((d) => d.kind).sort();
}

test('a predefined number the patched kernel honours is no difference, though the baseline gives another pid', () => {
  assert.deepEqual(kindsOf({ depth: 1, ops: [{ op: 'set_next', value: 300 }, { op: 'fork' }] }), []);
});

test('a free number refused in a child namespace is cannot-predefine', () => {
  assert.deepEqual(kindsOf({ depth: 1, ops: [{ op: 'set_next', value: 299 }, { op: 'fork' }] }), ['cannot-predefine', 'fault-only-patched', 'fault-only-patched']);
});

test('restoring an exited child\'s pid 1 in a new namespace is cannot-predefine', () => {
  const kinds = kindsOf({ depth: 2, ops: [{ op: 'fork' }, { op: 'exit', pid: 1 }, { op: 'set_next', value: 1 }, { op: 'fork' }] });
  assert.ok(kinds.includes('cannot-predefine'), kinds.join());
});

test('a number held by a live child is not free: refusing it is no cannot-predefine', () => {
  const kinds = kindsOf({ depth: 1, ops: [{ op: 'fork' }, { op: 'set_next', value: 1 }, { op: 'fork' }] });
  assert.ok(!kinds.includes('cannot-predefine'), kinds.join());
});

test('in init_pid_ns numbers below 300 stay reserved: refusing them is no cannot-predefine', () => {
  const kinds = kindsOf({ ops: [{ op: 'set_next', value: 1 }, { op: 'fork' }] });
  assert.ok(!kinds.includes('cannot-predefine'), kinds.join());
});

test('a value out of range (pid_max) is rightly refused: no cannot-predefine', () => {
  const kinds = kindsOf({ depth: 1, ops: [{ op: 'set_next', value: 32768 }, { op: 'fork' }] });
  assert.ok(!kinds.includes('cannot-predefine'), kinds.join());
});

test('a parent level failing after the patch leaves a number set that no process holds: leaked-pid-number', () => {
  const kinds = kindsOf({ depth: 1, namespaces: [{ used: [[1, 32767]] }], ops: [{ op: 'fork' }] });
  assert.ok(kinds.includes('leaked-pid-number'), kinds.join());
});

test('plain forks on empty maps behave the same on both variants', () => {
  assert.deepEqual(kindsOf({ depth: 3, ops: [{ op: 'fork', repeat: 3 }, { op: 'exit', pid: 2 }, { op: 'fork' }] }), []);
});
