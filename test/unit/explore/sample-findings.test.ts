import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleLine } from '../mapping/sample';
import { sampleReport, simulateJson } from './support';

const freeLine = () => sampleLine('kmem_cache_free(ns->pid_cachep, pid);');
const freePidmapLine = () => sampleLine(' free_pidmap(pid->numbers + i);');

async function finding(kind: string, line: number) {
  return (await sampleReport()).findings.find((f) => f.kind === kind && f.line === line && f.variant === 'patched');
}

test('exploration of the sample runs the whole space within its budget', async () => {
  const report = (await sampleReport());
  assert.equal(report.partial, false);
  assert.equal(report.modelled, true);
  assert.ok(report.scenarios > 500, `${report.scenarios} scenario runs`);
});

test('out_free\'s kmem_cache_free of an error pointer is found as an invalid-free on its line', async () => {
  const f = await finding('invalid-free', freeLine());
  assert.ok(f, 'invalid-free finding on the kmem_cache_free line');
  assert.equal(f.stepId, 'alloc_pid/out_free/kmem_cache_free');
  assert.match(f.message, /error pointer ERR_PTR\(-\d+\) to kmem_cache_free\(\)/);
});

test('the struct pid leak is placed on the same kmem_cache_free line', async () => {
  assert.ok(await finding('leak', freeLine()));
});

test('the invalid-free and the leak are reached on every error path: EINVAL, EBUSY, ENOMEM from alloc_fixed_pidmap\'s page and from alloc_pidmap', async () => {
  for (const kind of ['invalid-free', 'leak']) {
    const paths = (await finding(kind, freeLine()))?.paths ?? [];
    const has = (errno: string, origin: string, via?: string) =>
      paths.some((p) => p.errno === errno && p.originStepId === origin && (via === undefined || p.via.includes(via)));
    assert.ok(has('EINVAL', 'alloc_fixed_pidmap/return-einval'), `${kind}: EINVAL`);
    assert.ok(has('EBUSY', 'alloc_fixed_pidmap/return-ebusy'), `${kind}: EBUSY`);
    assert.ok(has('ENOMEM', 'alloc_pidmap_page/kzalloc', 'alloc_fixed_pidmap'), `${kind}: ENOMEM from alloc_fixed_pidmap's kzalloc`);
    assert.ok(has('ENOMEM', 'alloc_pidmap/return-fail'), `${kind}: ENOMEM from alloc_pidmap`);
  }
});

test('a parent level failing under a predefined pid gives err-ptr-deref and pidmap-leak on out_free\'s free_pidmap line', async () => {
  for (const kind of ['err-ptr-deref', 'pidmap-leak']) {
    const f = await finding(kind, freePidmapLine());
    assert.ok(f, `${kind} on the free_pidmap line`);
    assert.ok(f.paths.some((p) => p.predefined && p.level === 'parent level' && p.errno === 'ENOMEM'), `${kind}: parent level with next_syscall_data set`);
  }
});

test('before the patch the sanitizer finds nothing', async () => {
  assert.deepEqual((await sampleReport()).findings.filter((f) => f.variant === 'baseline'), []);
});

test('each finding\'s scenario and each path\'s scenario replays under simulate with that fault', async () => {
  for (const f of (await sampleReport()).findings) {
    for (const scenario of [f.scenario, ...f.paths.map((p) => p.scenario)]) {
      const outcome = simulateJson(scenario);
      assert.ok(outcome.faults.some((fault) => fault.kind === f.kind), `${f.kind} in ${JSON.stringify(scenario)}`);
    }
  }
});

test('each error path\'s scenario fails a fork with that path\'s errno', async () => {
  for (const f of (await sampleReport()).findings) {
    for (const p of f.paths) {
      const outcome = simulateJson(p.scenario);
      assert.ok(outcome.forks.some((fork) => 'errno' in fork && fork.errno === p.errno), `${p.label}: ${JSON.stringify(p.scenario)}`);
    }
  }
});

test('findings are minimal: one fork, depth at most 1, one used range, default pid_max', async () => {
  for (const kind of ['invalid-free', 'leak', 'err-ptr-deref', 'pidmap-leak']) {
    const f = (await sampleReport()).findings.find((x) => x.kind === kind);
    assert.ok(f);
    assert.deepEqual(f.scenario.ops, [{ op: 'fork' }], `${kind}: ${JSON.stringify(f.scenario)}`);
    assert.ok((f.scenario.depth ?? 0) <= 1);
    assert.equal(f.scenario.pid_max, undefined);
    assert.ok((f.scenario.namespaces ?? []).reduce((n, ns) => n + (ns.used?.length ?? 0), 0) <= 1);
  }
});

test('occurrences count the scenarios that show a finding', async () => {
  for (const f of (await sampleReport()).findings) {
    assert.ok(f.occurrences >= f.paths.length && f.occurrences >= 1, `${f.kind}: ${f.occurrences} occurrences, ${f.paths.length} paths`);
  }
});
