import { test } from 'node:test';
import assert from 'node:assert/strict';
import { upidRef } from '../../../src/kernel/pointers';
import { valueOf } from '../../../src/kernel/values';
import { formatFaultCause, formatValue } from '../../../src/stepper/format';

test('a pidmap pointer names its level and entry as data', () => {
  assert.deepEqual(valueOf('struct pidmap *', ((1 << 8) | 3) + 1), { kind: 'ptr', type: 'struct pidmap *', target: { kind: 'pidmap', level: 1, entry: 3 } });
});

test('a upid into an error pointer keeps the error and the level', () => {
  const value = valueOf('struct upid *', upidRef(-12, 1));
  assert.deepEqual(value, { kind: 'ptr', type: 'struct upid *', target: { kind: 'upid', pid: { kind: 'err-ptr', error: -12 }, level: 1 } });
  assert.equal(formatValue(value), 'ERR_PTR(-12)->numbers + 1');
});

test('a struct pid pointer of -ENOMEM is ERR_PTR, 0 is NULL, null is unset', () => {
  assert.equal(formatValue(valueOf('struct pid *', -12)), 'ERR_PTR(-12)');
  assert.equal(formatValue(valueOf('struct pid *', 0)), 'NULL');
  assert.equal(formatValue(valueOf('struct pid *', null)), '?');
});

test('the sanitizer words a bad free from its typed cause', () => {
  assert.equal(formatFaultCause({ kind: 'bad-free', call: 'kmem_cache_free', ptr: { kind: 'err-ptr', error: -22 } }), 'kmem_cache_free(ERR_PTR(-22))');
  assert.equal(formatFaultCause({ kind: 'bad-free', call: 'kfree', ptr: { kind: 'page', id: 4 } }), 'kfree(a freed or foreign object)');
});

test("each step keeps alloc_pid's locals as they were then, though its code goes on changing its frame", async () => {
  const { Session } = await import('../../../src/stepper/session');
  const r = Session.create({ variant: 'patched', ops: [{ op: 'set_next', value: 500 }, { op: 'fork' }] });
  assert.ok(r.ok);
  const s = r.session;
  const localsAt = (stepId: string): Record<string, string> => {
    s.restart();
    const frame = s.continue(new Set([stepId])).point.stack.at(-1);
    return Object.fromEntries((frame?.locals ?? []).map((l) => [l.name, formatValue(l.value)]));
  };
  assert.equal(localsAt('alloc_pid/next_nr').next_nr, undefined);
  assert.equal(localsAt('alloc_pid/set_predefined_pid').next_nr, '500');
  assert.equal(localsAt('alloc_pid/if-rc').rc, '0');
  assert.equal(localsAt('alloc_pid/spin_lock_irq').rc, undefined);
  assert.equal(localsAt('alloc_pid/for-cond').i, '-1');
});
