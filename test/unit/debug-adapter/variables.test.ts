// The Variables trees built from recorded points: pid maps, the bit under test, the heap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { heapNodes, pidmapNodes } from '../../../src/debug-adapter/variables';
import { bitUnderTest } from '../../../src/stepper/scan-marks';
import { Session } from '../../../src/stepper/session';

function session(json: unknown): Session {
  const created = Session.create(json);
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return created.session;
}

/** Runs to the first point of a step. */
function at(s: Session, stepId: string): ReturnType<Session['current']> {
  return s.continue(new Set([stepId])).point;
}

test('a fragmented page lists 40 used ranges (pid 0 first) and counts the rest', () => {
  const used = Array.from({ length: 100 }, (_, i) => 1000 + 2 * i);
  const s = session({ variant: 'patched', namespaces: [{ last_pid: 1000, used }], ops: [] });
  const page = pidmapNodes(s.point(0))[0].children?.find((c) => c.name === 'pidmap[0]');
  assert.match(page?.value ?? '', /^nr_free = 32667, used: 0, 1000, 1002, .*, 1076, … \(61 more ranges\)$/);
});

test('at alloc_pidmap\'s test_and_set the bit under test is the scan position', () => {
  const s = session({ variant: 'baseline', namespaces: [{ last_pid: 1000, used: [[300, 1000]] }], ops: [{ op: 'fork' }] });
  assert.deepEqual(bitUnderTest(at(s, 'alloc_pidmap/if-test_and_set')), { level: 0, nr: 1001 });
});

test('outside the pid-map functions there is no bit under test', () => {
  const s = session({ variant: 'baseline', ops: [{ op: 'fork' }] });
  assert.equal(bitUnderTest(at(s, 'copy_process/alloc_pid')), null);
});

test('the heap lists the struct pid a fork allocated with its numbers', () => {
  const s = session({ variant: 'patched', ops: [{ op: 'fork' }] });
  const heap = heapNodes(s.point(s.length - 1));
  assert.deepEqual(heap.map((n) => [n.type, /numbers: \[\d+\]/.test(n.value)]), [['struct pid', true]]);
});
