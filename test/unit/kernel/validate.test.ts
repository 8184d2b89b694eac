import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateScenario } from '../../../src/kernel/run';
import { parseScenario } from '../../../src/kernel/scenario-input';
import { formatScenarioError } from '../../../src/kernel/scenario';

/** The first error line for a scenario text, or 'ok'. */
function firstError(text: string): string {
  const r = parseScenario(text);
  return r.ok ? 'ok' : formatScenarioError(r.errors[0]);
}

function errorOf(json: unknown): string {
  return firstError(JSON.stringify(json));
}

const base = { variant: 'baseline', ops: [] };

test('defaults fill pid_max, depth, namespaces and fail', () => {
  const r = validateScenario({ variant: 'patched', depth: 2, ops: [] });
  assert.ok(r.ok);
  assert.equal(r.scenario.pidMax, 32768);
  assert.equal(r.scenario.namespaces.length, 3);
  assert.deepEqual(r.scenario.namespaces[2], { lastPid: 0, used: [] });
  assert.deepEqual(r.scenario.fail, { kmemCacheAlloc: [], kzalloc: [] });
});

test('variant is required', () => {
  assert.equal(errorOf({ ops: [] }), 'variant: is required ("baseline" or "patched")');
});

test('ops is required', () => {
  assert.equal(errorOf({ variant: 'baseline' }), 'ops: is required (an array of ops)');
});

test('an unknown top-level field is named', () => {
  assert.match(errorOf({ ...base, pidmax: 5 }), /^pidmax: unknown field/);
});

test('an unknown field inside a namespace is named with its path', () => {
  assert.match(errorOf({ ...base, namespaces: [{ last_pid: 1, free: [] }] }), /^namespaces\[0\]\.free: unknown field/);
});

test('an unknown field inside fail is named', () => {
  assert.match(errorOf({ ...base, fail: { kmalloc: [1] } }), /^fail\.kmalloc: unknown field/);
});

test('an unknown field inside an op is named', () => {
  assert.match(errorOf({ ...base, ops: [{ op: 'fork', count: 2 }] }), /^ops\[0\]\.count: unknown field/);
});

test('a field of another op kind is unknown for this op', () => {
  assert.match(errorOf({ ...base, ops: [{ op: 'fork', value: 2 }] }), /^ops\[0\]\.value: unknown field/);
});

test('an unknown op is rejected', () => {
  assert.equal(errorOf({ ...base, ops: [{ op: 'kill' }] }), 'ops[0].op: must be one of "set_next", "fork", "exit", got "kill"');
});

test('null does not stand for a default', () => {
  assert.equal(errorOf({ ...base, pid_max: null }), 'pid_max: must be an integer from 301 to 4194304, got null');
});

test('a numeric string is not a number', () => {
  assert.equal(errorOf({ ...base, depth: '1' }), 'depth: must be an integer from 0 to 31, got "1"');
});

test('a boolean is not a number', () => {
  assert.equal(errorOf({ ...base, depth: true }), 'depth: must be an integer from 0 to 31, got true');
});

test('5.0 and 5e0 are the integer 5', () => {
  const r = parseScenario('{"variant":"baseline","depth":5.0,"pid_max":5e3,"ops":[{"op":"fork","repeat":2e0}]}');
  assert.ok(r.ok);
  assert.equal(r.scenario.depth, 5);
  assert.equal(r.scenario.pidMax, 5000);
});

test('a fractional number is not an integer', () => {
  assert.equal(errorOf({ ...base, depth: 1.5 }), 'depth: must be an integer from 0 to 31, got 1.5');
});

test('pid_max below 301 is out of range', () => {
  assert.equal(errorOf({ ...base, pid_max: 300 }), 'pid_max: must be an integer from 301 to 4194304, got 300');
});

test('pid_max above 4194304 is out of range', () => {
  assert.equal(errorOf({ ...base, pid_max: 4194305 }), 'pid_max: must be an integer from 301 to 4194304, got 4194305');
});

test('depth 32 is out of range', () => {
  assert.equal(errorOf({ ...base, depth: 32 }), 'depth: must be an integer from 0 to 31, got 32');
});

test('last_pid must be below pid_max, worded as in the spec', () => {
  assert.equal(
    errorOf({ ...base, depth: 1, namespaces: [{}, { last_pid: 40000 }] }),
    'namespaces[1].last_pid: must be an integer from 0 to 32767 (pid_max - 1), got 40000',
  );
});

test('more namespaces than depth + 1 are rejected', () => {
  assert.equal(errorOf({ ...base, depth: 1, namespaces: [{}, {}, {}] }), 'namespaces: must have at most 2 entries (depth + 1), got 3');
});

test('a used number at pid_max is out of range', () => {
  assert.equal(errorOf({ ...base, pid_max: 1000, namespaces: [{ used: [1000] }] }), 'namespaces[0].used[0]: must be an integer from 0 to 999 (pid_max - 1), got 1000');
});

test('a range with from > to is rejected', () => {
  assert.equal(errorOf({ ...base, namespaces: [{ used: [[10, 5]] }] }), 'namespaces[0].used[0]: a range [from, to] must have from <= to, got [10, 5]');
});

test('a range must have exactly two elements', () => {
  assert.match(errorOf({ ...base, namespaces: [{ used: [[1, 2, 3]] }] }), /^namespaces\[0\]\.used\[0\]: a range must be an array of exactly two integers/);
});

test('a range element out of range names its index', () => {
  assert.match(errorOf({ ...base, namespaces: [{ used: [[1, -2]] }] }), /^namespaces\[0\]\.used\[0\]\[1\]: must be an integer from 0/);
});

test('fail entries must be at least 1', () => {
  assert.equal(errorOf({ ...base, fail: { kzalloc: [0] } }), 'fail.kzalloc[0]: must be an integer >= 1, got 0');
});

test('set_next needs a value', () => {
  assert.equal(errorOf({ ...base, ops: [{ op: 'set_next' }] }), 'ops[0].value: is required for "set_next"');
});

test('set_next takes any 32-bit signed integer', () => {
  assert.equal(errorOf({ ...base, ops: [{ op: 'set_next', value: -2147483648 }, { op: 'set_next', value: 2147483647 }] }), 'ok');
});

test('set_next beyond 32 bits is rejected', () => {
  assert.match(errorOf({ ...base, ops: [{ op: 'set_next', value: 2147483648 }] }), /^ops\[0\]\.value: must be a 32-bit signed integer/);
});

test('repeat 0 is out of range', () => {
  assert.equal(errorOf({ ...base, ops: [{ op: 'fork', repeat: 0 }] }), 'ops[0].repeat: must be an integer from 1 to 4194304, got 0');
});

test('exit needs a pid', () => {
  assert.equal(errorOf({ ...base, ops: [{ op: 'exit' }] }), 'ops[0].pid: is required for "exit"');
});

test('exit of a pid in used (no child) rejects the scenario', () => {
  assert.match(errorOf({ ...base, namespaces: [{ used: [5] }], ops: [{ op: 'exit', pid: 5 }] }), /^ops\[0\]\.pid: must be the pid \(at level 0\) of a live child/);
});

test('exit of a child that already exited rejects the scenario', () => {
  const ops = [{ op: 'fork' }, { op: 'exit', pid: 1 }, { op: 'exit', pid: 1 }];
  assert.match(errorOf({ ...base, ops }), /^ops\[2\]\.pid: must be the pid/);
});

test('exit names the child by its number at level depth', () => {
  const ops = [{ op: 'fork' }, { op: 'exit', pid: 1 }];
  const parent = { last_pid: 0, used: [[1, 99]] };
  assert.equal(errorOf({ ...base, depth: 1, namespaces: [parent], ops }), 'ok');
  assert.match(errorOf({ ...base, depth: 1, namespaces: [parent], ops: [{ op: 'fork' }, { op: 'exit', pid: 100 }] }), /^ops\[1\]\.pid/);
});

test('exit of a child of a failed fork is rejected', () => {
  const ops = [{ op: 'fork' }, { op: 'exit', pid: 1 }];
  assert.match(errorOf({ ...base, fail: { kmem_cache_alloc: [1] }, ops }), /^ops\[1\]\.pid/);
});

test('a duplicated key counts its last value', () => {
  const r = parseScenario('{"variant":"patched","variant":"baseline","ops":[]}');
  assert.ok(r.ok);
  assert.equal(r.scenario.variant, 'baseline');
});

test('a __proto__ key is an unknown field, not a prototype', () => {
  assert.match(firstError('{"variant":"baseline","ops":[],"__proto__":{"depth":3}}'), /^__proto__: unknown field/);
});

test('a top-level array is not a scenario', () => {
  assert.equal(firstError('[]'), 'scenario: must be a JSON object, got an array');
});

test('every broken rule is listed for the webview', () => {
  const r = validateScenario({ variant: 'x', depth: -1, ops: [{ op: 'fork', repeat: 0 }] });
  assert.ok(!r.ok);
  assert.deepEqual(r.errors.map((e) => e.path), ['variant', 'depth', 'ops[0].repeat']);
});

test('a run asking for more pid allocations than the cap is rejected before it starts', () => {
  const ops = Array.from({ length: 9 }, () => ({ op: 'fork', repeat: 4194304 }));
  assert.match(errorOf({ ...base, ops }), /^ops: must ask for at most 33554432 pid allocations/);
});
