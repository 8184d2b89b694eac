// Edited copies of the sample (test/fixtures/edits, made for these tests): each runs as written,
// and its outcome on small scenarios is the one reasoned out by hand from the edited C.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { outcomeToJson } from '../../../src/kernel/outcome';
import { runOps } from '../../../src/kernel/run';
import { createKernel } from '../../../src/kernel/setup';
import type { CompileResult } from '../../../src/interp';
import type { InterpretedSite, StepSite } from '../../../src/kernel/tracer';
import { scenarioOf } from '../kernel/support/fixtures';
import { scenarioArb } from '../kernel/support/scenario-arbitrary';
import { compile, editsDir, readText } from './support/programs';

function outcome(program: CompileResult, json: unknown): ReturnType<typeof outcomeToJson> {
  assert.ok(program.ok, JSON.stringify(!program.ok && program.problems));
  const scenario = scenarioOf(json);
  const run = runOps(createKernel(scenario), scenario, program.program.code);
  assert.ok(run.ok);
  return outcomeToJson(run.outcome);
}

const patched = async (name: string): Promise<CompileResult> => compile(readText(join(editsDir, `${name}.patch.txt`)), 'patched');

test('v2 with out_free fixed: a taken predefined number fails with EBUSY and no fault', async () => {
  const v2 = await patched('v2-out-free-fixed');
  // rc = -EBUSY -> nr = rc -> out_free frees no level (i is ns->level), frees the struct pid,
  // then pid = ERR_PTR(nr): fork returns EBUSY; nothing leaks, nothing is freed twice.
  assert.deepEqual(outcome(v2, { variant: 'patched', namespaces: [{ used: [[300, 302]] }], ops: [{ op: 'set_next', value: 300 }, { op: 'fork' }] }), {
    forks: [{ errno: 'EBUSY' }], faults: [], next_syscall_data: null,
    final: [{ level: 0, last_pid: 0, used: [[0, 0], [300, 302]], nr_free: { 0: 32764 } }],
  });
});

test('v2: a failure below a predefined level frees the predefined number again', async () => {
  const v2 = await patched('v2-out-free-fixed');
  // Level 1 gets 500 as predefined; level 0 is full, so alloc_pidmap fails at i = 0; out_free
  // frees level 1 (++i = 1 <= 1) and the struct pid: ENOMEM, no fault, 500 clear again.
  const json = {
    variant: 'patched', pid_max: 1000, depth: 1,
    namespaces: [{ used: [[1, 999]] }, {}],
    ops: [{ op: 'set_next', value: 500 }, { op: 'fork' }],
  };
  assert.deepEqual(outcome(v2, json), {
    forks: [{ errno: 'ENOMEM' }], faults: [], next_syscall_data: null,
    final: [
      { level: 0, last_pid: 0, used: [[0, 999]], nr_free: { 0: 31768 } },
      { level: 1, last_pid: 500, used: [[0, 0]], nr_free: { 0: 32767 } },
    ],
  });
});

test('v2 leaves no fault of any kind on generated scenarios of the patched variant', async () => {
  const v2 = await patched('v2-out-free-fixed');
  assert.ok(v2.ok);
  fc.assert(
    fc.property(scenarioArb({ maxOps: 8 }), (scenario) => {
      const s = { ...scenario, variant: 'patched' as const };
      const run = runOps(createKernel(s), s, v2.program.code);
      if (run.ok) assert.deepEqual(run.outcome.faults.list(), []);
    }),
    { numRuns: 400, seed: 7 },
  );
});

test('goto out instead of goto out_free: the struct pid leaks and nothing is freed', async () => {
  const edited = await patched('goto-out');
  // pid = ERR_PTR(-ENOMEM); goto out: the allocated struct pid is lost (leak), no kmem_cache_free
  // of the error pointer any more (the sample's invalid-free is gone).
  const json = { variant: 'patched', pid_max: 1000, namespaces: [{ used: [[1, 999]] }], ops: [{ op: 'fork' }] };
  assert.deepEqual(outcome(edited, json).faults, [{ fork: 0, kind: 'leak' }]);
  assert.deepEqual(outcome(edited, json).forks, [{ errno: 'ENOMEM' }]);
});

test('reset_next_syscall_data removed: the predefined number stays set after the fork', async () => {
  const edited = await patched('reset-removed');
  assert.deepEqual(outcome(edited, { variant: 'patched', ops: [{ op: 'set_next', value: 500 }, { op: 'fork' }] }), {
    forks: [{ pids: [500] }], faults: [], next_syscall_data: 500,
    final: [{ level: 0, last_pid: 500, used: [[0, 0], [500, 500]], nr_free: { 0: 32766 } }],
  });
});

test('reset_next_syscall_data moved after the failure check: a rejected number stays set', async () => {
  const edited = await patched('reset-moved');
  // 299 < RESERVED_PIDS: EINVAL before the reset; out_free as in the sample (invalid-free, leak).
  assert.deepEqual(outcome(edited, { variant: 'patched', ops: [{ op: 'set_next', value: 299 }, { op: 'fork' }] }), {
    forks: [{ errno: 'EINVAL' }], faults: [{ fork: 0, kind: 'invalid-free' }, { fork: 0, kind: 'leak' }], next_syscall_data: 299,
    final: [{ level: 0, last_pid: 0, used: [[0, 0]], nr_free: { 0: 32767 } }],
  });
  // Accepted numbers are still reset.
  assert.equal(outcome(edited, { variant: 'patched', ops: [{ op: 'set_next', value: 500 }, { op: 'fork' }] }).next_syscall_data, null);
});

test('the baseline of every edit still runs (the edits touch only + lines)', async () => {
  for (const name of ['v2-out-free-fixed', 'goto-out', 'reset-removed', 'reset-moved']) {
    const baseline = await compile(readText(join(editsDir, `${name}.patch.txt`)), 'baseline');
    assert.deepEqual(outcome(baseline, { variant: 'baseline', ops: [{ op: 'fork' }] }).forks, [{ pids: [1] }], name);
  }
});

test('a changed condition (next_nr <= RESERVED_PIDS): 300 is refused with EINVAL, through the sample\'s out_free', async () => {
  const edited = await patched('reserved-bound');
  // 300 <= 300: -EINVAL before any bit is set; out_free frees no level (i++ > ns->level), then
  // kmem_cache_free(ERR_PTR) is an invalid free and the struct pid leaks. 777 runs as before.
  assert.deepEqual(outcome(edited, { variant: 'patched', ops: [{ op: 'set_next', value: 300 }, { op: 'fork' }, { op: 'set_next', value: 777 }, { op: 'fork' }, { op: 'fork' }] }), {
    forks: [{ errno: 'EINVAL' }, { pids: [777] }, { pids: [778] }],
    faults: [{ fork: 0, kind: 'invalid-free' }, { fork: 0, kind: 'leak' }],
    next_syscall_data: null,
    final: [{ level: 0, last_pid: 778, used: [[0, 0], [777, 778]], nr_free: { 0: 32765 } }],
  });
});

test('lines added (hunk headers recounted): set_predefined_pid returns -EAGAIN for 777 after taking it', async () => {
  const edited = await patched('eagain-added');
  // 777 is set, last_pid = 777, numbers written, then -EAGAIN: out_free leaves 777 set
  // (pidmap-leak), frees ERR_PTR (invalid-free) and leaks the struct pid; the next fork gets 778.
  assert.deepEqual(outcome(edited, { variant: 'patched', ops: [{ op: 'set_next', value: 300 }, { op: 'fork' }, { op: 'set_next', value: 777 }, { op: 'fork' }, { op: 'fork' }] }), {
    forks: [{ pids: [300] }, { errno: 'EAGAIN' }, { pids: [778] }],
    faults: [{ fork: 1, kind: 'invalid-free' }, { fork: 1, kind: 'leak' }, { fork: 1, kind: 'pidmap-leak' }],
    next_syscall_data: null,
    final: [{ level: 0, last_pid: 778, used: [[0, 0], [300, 300], [777, 778]], nr_free: { 0: 32764 } }],
  });
});

test('an added line is a step of its own: its span in the patch, and no model statement', async () => {
  const text = readText(join(editsDir, 'eagain-added.patch.txt'));
  const edited = await compile(text, 'patched');
  assert.ok(edited.ok);
  const scenario = scenarioOf({ variant: 'patched', ops: [{ op: 'set_next', value: 777 }, { op: 'fork' }] });
  const k = createKernel(scenario);
  const sites: StepSite[] = [];
  k.tr = { call: () => undefined, step: (site) => sites.push(site), ret: () => undefined, change: () => undefined };
  runOps(k, scenario, edited.program.code);
  const lines = text.split('\n');
  const added = sites.filter((s): s is InterpretedSite => typeof s !== 'string' && s.stepId === null);
  assert.deepEqual(added.map((s) => lines[s.span.line].slice(s.span.start, s.span.end)), ['if (next_nr == 777)', 'return -EAGAIN;']);
});
