// Behaviours of the C code that a "cleaner" allocator would not have; each pinned on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outcomeToJson, type OutcomeJson } from '../../../src/kernel/outcome';
import { simulate } from '../../../src/kernel/run';
import { scenarioOf } from './support/fixtures';

function run(json: unknown): OutcomeJson {
  const r = simulate(scenarioOf(json));
  assert.ok(r.ok);
  return outcomeToJson(r.outcome);
}

test('a free last_pid is not handed out within the same scan', () => {
  const o = run({ variant: 'baseline', pid_max: 1000, namespaces: [{ last_pid: 500, used: [1, [300, 499], [501, 999]] }], ops: [{ op: 'fork' }] });
  assert.deepEqual(o.forks, [{ errno: 'ENOMEM' }]);
});

test('the number after last_pid is taken before a lower free one', () => {
  const o = run({ variant: 'baseline', namespaces: [{ last_pid: 1000, used: [[300, 999]] }], ops: [{ op: 'fork' }] });
  assert.deepEqual(o.forks, [{ pids: [1001] }]);
});

test('the scan wraps to RESERVED_PIDS, not to 1, after pid_max - 1', () => {
  const o = run({ variant: 'baseline', pid_max: 400, namespaces: [{ last_pid: 399 }], ops: [{ op: 'fork' }] });
  assert.deepEqual(o.forks, [{ pids: [300] }]);
});

test('numbers below RESERVED_PIDS are handed out before the first wrap', () => {
  const o = run({ variant: 'baseline', ops: [{ op: 'fork', repeat: 2 }] });
  assert.deepEqual(o.forks, [{ pids: [1] }, { pids: [2] }]);
});

test('last_pid equal to RESERVED_PIDS stops the scan at the wrap, before reaching 300 itself', () => {
  // Without the break the final pass would test bit 300 first and hand out the free last_pid.
  const o = run({ variant: 'baseline', pid_max: 1000, namespaces: [{ last_pid: 300, used: [[301, 999]] }], ops: [{ op: 'fork' }] });
  assert.deepEqual(o.forks, [{ errno: 'ENOMEM' }]);
});

test('a scan starting on a page boundary wraps into a free last page', () => {
  const o = run({ variant: 'baseline', pid_max: 65536, namespaces: [{ last_pid: 32767, used: [[1, 32767]] }], ops: [{ op: 'fork' }] });
  assert.deepEqual(o.forks, [{ pids: [32768] }]);
  assert.deepEqual(o.final[0].nr_free, { '0': 0, '1': 32767 });
});

test('a failed scan leaves last_pid unchanged', () => {
  const o = run({ variant: 'baseline', pid_max: 400, namespaces: [{ last_pid: 350, used: [[1, 399]] }], ops: [{ op: 'fork' }] });
  assert.equal(o.final[0].last_pid, 350);
});

test('a predefined number below 300 is EINVAL even in a child namespace', () => {
  const o = run({ variant: 'patched', depth: 1, ops: [{ op: 'set_next', value: 5 }, { op: 'fork' }] });
  assert.deepEqual(o.forks, [{ errno: 'EINVAL' }]);
});

test('a predefined number only applies at the deepest level', () => {
  const o = run({ variant: 'patched', depth: 2, ops: [{ op: 'set_next', value: 777 }, { op: 'fork' }] });
  assert.deepEqual(o.forks, [{ pids: [1, 1, 777] }]);
});

test('a predefined number below last_pid leaves last_pid alone', () => {
  const o = run({ variant: 'patched', namespaces: [{ last_pid: 5000 }], ops: [{ op: 'set_next', value: 400 }, { op: 'fork' }] });
  assert.equal(o.final[0].last_pid, 5000);
});

test('the baseline ignores next_syscall_data and leaves it set', () => {
  const o = run({ variant: 'baseline', ops: [{ op: 'set_next', value: 400 }, { op: 'fork' }] });
  assert.deepEqual(o.forks, [{ pids: [1] }]);
  assert.equal(o.next_syscall_data, 400);
});

test('a failed predefined fork consumes next_syscall_data', () => {
  const o = run({ variant: 'patched', ops: [{ op: 'set_next', value: 1 }, { op: 'fork' }] });
  assert.equal(o.next_syscall_data, null);
});

test('a fork whose kmem_cache_alloc fails leaves next_syscall_data set', () => {
  const o = run({ variant: 'patched', fail: { kmem_cache_alloc: [1] }, ops: [{ op: 'set_next', value: 400 }, { op: 'fork' }] });
  assert.deepEqual(o.forks, [{ errno: 'ENOMEM' }]);
  assert.equal(o.next_syscall_data, 400);
});

test('a failed kmem_cache_alloc commits no fault in either variant', () => {
  for (const variant of ['baseline', 'patched']) {
    const o = run({ variant, fail: { kmem_cache_alloc: [1] }, ops: [{ op: 'fork' }] });
    assert.deepEqual(o.faults, [], variant);
  }
});

test('the baseline out_free gives back the numbers of the levels already allocated', () => {
  const o = run({ variant: 'baseline', depth: 1, pid_max: 400, namespaces: [{ last_pid: 399, used: [[1, 399]] }], ops: [{ op: 'fork' }] });
  assert.deepEqual(o.forks, [{ errno: 'ENOMEM' }]);
  assert.deepEqual(o.final[1].used, [[0, 0]]);
  assert.deepEqual(o.faults, []);
});

test('the patched out_free dereferences the error pointer once per level above the failure', () => {
  const o = run({ variant: 'patched', depth: 3, pid_max: 400, namespaces: [{ last_pid: 399, used: [[1, 399]] }], ops: [{ op: 'fork' }] });
  assert.deepEqual(o.faults.map((f) => f.kind), ['err-ptr-deref', 'err-ptr-deref', 'err-ptr-deref', 'invalid-free', 'leak', 'pidmap-leak']);
});

test('a kzalloc failure for a later page fails the fork with ENOMEM', () => {
  const o = run({ variant: 'baseline', pid_max: 65536, namespaces: [{ last_pid: 32767, used: [[1, 32767]] }], fail: { kzalloc: [1] }, ops: [{ op: 'fork' }, { op: 'fork' }] });
  assert.deepEqual(o.forks, [{ errno: 'ENOMEM' }, { pids: [32768] }]);
});

test('pages other than the first are allocated only when reached', () => {
  const o = run({ variant: 'baseline', pid_max: 100000, ops: [{ op: 'fork' }] });
  assert.deepEqual(Object.keys(o.final[0].nr_free), ['0']);
});

test('exit gives the number back at every level', () => {
  const o = run({ variant: 'baseline', depth: 1, ops: [{ op: 'fork' }, { op: 'exit', pid: 1 }] });
  assert.deepEqual(o.final.map((l) => l.used), [[[0, 0]], [[0, 0]]]);
  assert.deepEqual(o.final.map((l) => l.nr_free['0']), [32767, 32767]);
});

test('an exited pid is handed out again after the next wrap', () => {
  const o = run({
    variant: 'baseline', pid_max: 305, namespaces: [{ last_pid: 299, used: [[1, 299]] }],
    ops: [{ op: 'fork', repeat: 5 }, { op: 'exit', pid: 302 }, { op: 'fork' }],
  });
  assert.deepEqual(o.forks[5], { pids: [302] });
});

test('a namespace of pid_max 4194304 reaches its last page', () => {
  const o = run({ variant: 'baseline', pid_max: 4194304, namespaces: [{ last_pid: 4194302, used: [[1, 4194302]] }], ops: [{ op: 'fork' }, { op: 'fork' }] });
  assert.deepEqual(o.forks, [{ pids: [4194303] }, { errno: 'ENOMEM' }]);
  assert.equal(Object.keys(o.final[0].nr_free).length, 128);
});
