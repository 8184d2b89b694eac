import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from '../../../src/stepper/session';

function session(json: unknown, maxSteps?: number): Session {
  const r = Session.create(json, maxSteps === undefined ? {} : { maxSteps });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.session;
}

const oneFork = { variant: 'baseline', namespaces: [{ last_pid: 1000, used: [[300, 1000]] }], ops: [{ op: 'fork' }] };
const nestedFailure = {
  variant: 'patched', depth: 2,
  namespaces: [{ last_pid: 32767, used: [[1, 32767]] }],
  ops: [{ op: 'set_next', value: 500 }, { op: 'fork' }],
};

test('a session starts at the first point, scenario/entry', () => {
  const s = session(oneFork);
  assert.equal(s.index, 0);
  assert.equal(s.current().stepId, 'scenario/entry');
});

test('a plain fork takes fewer than 200 steps', () => {
  assert.ok(session(oneFork).length < 200);
});

test('stepIn from a call statement enters the callee', () => {
  const s = session(oneFork);
  s.continue(new Set(['copy_process/alloc_pid']));
  const stop = s.stepIn();
  assert.equal(stop.point.stepId, 'alloc_pid/entry');
  assert.equal(stop.point.stack.length, 3);
});

test('stepOver from a call statement runs the callee to its end', () => {
  const s = session(oneFork);
  s.continue(new Set(['copy_process/alloc_pid']));
  const stop = s.stepOver();
  assert.equal(stop.point.stepId, 'copy_process/if-no-pid');
  assert.match(stop.point.changes.join('\n'), /alloc_pid returned 0xffff8800/);
});

test('stepOut returns to the caller', () => {
  const s = session(oneFork);
  s.continue(new Set(['alloc_pidmap/if-nr_free']));
  const stop = s.stepOut();
  assert.equal(stop.point.stepId, 'alloc_pid/for/if-nr');
  assert.deepEqual(stop.point.stack.at(-1)?.locals.find((l) => l.name === 'nr')?.value, { kind: 'int', type: 'int', value: 1001 });
});

test('stepBack shows exactly the previous point', () => {
  const s = session(oneFork);
  s.goTo(40);
  const before = s.point(39);
  assert.deepEqual(s.stepBack().point, before);
});

test('stepBackOver skips back over a whole call', () => {
  const s = session(oneFork);
  s.continue(new Set(['copy_process/if-no-pid']));
  assert.equal(s.stepBackOver().point.stepId, 'copy_process/alloc_pid');
});

test('continue stops at the next point with a breakpoint step id', () => {
  const s = session({ ...oneFork, ops: [{ op: 'fork', repeat: 3 }] });
  const first = s.continue(new Set(['alloc_pidmap/return-pid']));
  const second = s.continue(new Set(['alloc_pidmap/return-pid']));
  assert.equal(second.reason, 'breakpoint');
  assert.equal(second.point.fork, 1);
  assert.ok(second.point.index > first.point.index);
});

test('continue takes a predicate breakpoint', () => {
  const s = session({ ...oneFork, ops: [{ op: 'fork', repeat: 3 }] });
  const stop = s.continue((p) => p.fork === 2 && p.fn === 'alloc_pidmap');
  assert.equal(stop.point.stepId, 'alloc_pidmap/entry');
  assert.equal(stop.point.fork, 2);
});

test('continue with no breakpoint ahead runs to the end', () => {
  const s = session(oneFork);
  const stop = s.continue(new Set(['alloc_fixed_pidmap/entry']));
  assert.equal(stop.reason, 'end');
  assert.equal(stop.point.stepId, 'scenario/end');
});

test('reverseContinue goes back to the previous breakpoint hit', () => {
  const s = session({ ...oneFork, ops: [{ op: 'fork', repeat: 2 }] });
  s.runToEnd();
  assert.equal(s.reverseContinue(new Set(['alloc_pidmap/entry'])).point.fork, 1);
});

test('goTo clamps to the recorded range', () => {
  const s = session(oneFork);
  assert.equal(s.goTo(1e9).point.index, s.length - 1);
  assert.equal(s.goTo(-5).point.index, 0);
});

test('restart goes back to the first point', () => {
  const s = session(oneFork);
  s.runToEnd();
  assert.equal(s.restart().point.index, 0);
});

test('a point shows the patched out_free working on an error pointer', () => {
  const s = session(nestedFailure);
  const stop = s.continue(new Set(['alloc_pid/out_free/kmem_cache_free']));
  const pid = stop.point.stack.at(-1)?.locals.find((l) => l.name === 'pid');
  assert.deepEqual(pid?.value, { kind: 'ptr', type: 'struct pid *', target: { kind: 'err-ptr', error: -12 } });
  assert.deepEqual(s.faultRecords.slice(0, stop.point.faultCount).map((f) => f.kind), ['err-ptr-deref', 'err-ptr-deref']);
  assert.ok(stop.point.heap.some((h) => h.type === 'error pointer' && h.ref.kind === 'err-ptr' && h.ref.error === -12));
});

test('the step after kmem_cache_free(ERR_PTR) reports the invalid free', () => {
  const s = session(nestedFailure);
  s.continue(new Set(['alloc_pid/out_free/kmem_cache_free']));
  const next = s.stepIn().point;
  assert.equal(s.faultRecords[next.faultCount - 1]?.kind, 'invalid-free');
  assert.match(next.changes.join('\n'), /fault invalid-free in fork 0/);
});

test('the leaked struct pid stays live in the heap view after the fork', () => {
  const s = session(nestedFailure);
  const end = s.runToEnd().point;
  assert.deepEqual(end.heap.filter((h) => h.type === 'struct pid').map((h) => h.state), ['live']);
});

test('an exited child is shown freed in the heap view', () => {
  const s = session({ variant: 'baseline', ops: [{ op: 'fork' }, { op: 'exit', pid: 1 }] });
  const end = s.runToEnd().point;
  assert.deepEqual(end.heap.filter((h) => h.type === 'struct pid').map((h) => h.state), ['freed']);
});

test('a local that changed since the previous point is marked', () => {
  const s = session(oneFork);
  s.continue(new Set(['alloc_pidmap/offset']));
  const next = s.stepIn().point;
  const offset = next.stack.at(-1)?.locals.find((l) => l.name === 'offset');
  assert.deepEqual(offset?.value, { kind: 'int', type: 'int', value: 1001 });
  assert.equal(offset?.changed, true);
});

test('a local not assigned yet shows as ?', () => {
  const s = session(oneFork);
  const entry = s.continue(new Set(['alloc_pidmap/last'])).point;
  assert.deepEqual(entry.stack.at(-1)?.locals.find((l) => l.name === 'max_scan')?.value, { kind: 'unset' });
});

test('unchanged pidmap pages are shared between points, not copied', () => {
  const s = session({ ...oneFork, depth: 1 });
  const a = s.continue(new Set(['alloc_pidmap/entry'])).point;
  const b = s.stepIn().point;
  assert.equal(a.pidmaps, b.pidmaps);
  const end = s.runToEnd().point;
  assert.notEqual(end.pidmaps[0].pages[0], a.pidmaps[0].pages[0]);
  assert.equal(end.pidmaps[0].pages[0].chunks[15], a.pidmaps[0].pages[0].chunks[15]);
});

test('the pidmap at a point shows the bit just set', () => {
  const s = session(oneFork);
  const p = s.continue(new Set(['alloc_pidmap/nr_free-dec'])).point;
  assert.match(p.changes.join('\n'), /set bit 1001 in the level 0 pid map/);
  assert.equal(p.pidmaps[0].pages[0].nrFree, 32768 - 702);
});

test('an invalid scenario gives errors, not a session', () => {
  const r = Session.create({ variant: 'baseline', ops: [{ op: 'exit', pid: 7 }] });
  assert.ok(!r.ok);
  assert.equal(r.errors[0].path, 'ops[0].pid');
});
