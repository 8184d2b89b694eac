import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statementById } from '../../../src/kernel/statements';
import { sampleReport } from './support';

test('every unreached line of the sample is a statement unreachable by design, with its reason', async () => {
  const unreached = (await sampleReport()).unreached;
  assert.ok(unreached.length > 0);
  for (const u of unreached) {
    assert.ok(u.stepIds.every((id) => statementById(id)?.reachable === false), `L${u.line + 1} ${u.variant} ${u.stepIds.join()}`);
    assert.ok(u.reason && u.reason.length > 10);
  }
});

test('the raced kfree and the CLONE_NEWPID branch are reported unreached in both variants they exist in', async () => {
  const ids = new Set((await sampleReport()).unreached.map((u) => `${u.variant} ${u.stepIds.join()}`));
  assert.ok(ids.has('patched alloc_pidmap_page/kfree'));
  assert.ok(ids.has('baseline alloc_pidmap/kfree'));
  assert.ok(ids.has('patched copy_process/pid_ns_prepare_proc'));
  assert.ok(ids.has('baseline copy_process/pid_ns_prepare_proc'));
});
