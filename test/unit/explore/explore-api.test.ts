import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exploreAsWritten, type ExplorationReport } from '../../../src/explore';
import { scenarioSpace } from '../../../src/explore/scenario-space';
import { checkScenarioShape } from '../../../src/kernel/validate';
import { parsePatchDocument } from '../../../src/patch/parse';
import { samplePatch } from '../mapping/sample';

test('the default exploration of the sample explores the whole space, the same on every run', async () => {
  const strip = (r: ExplorationReport) => ({ ...r, elapsedMs: 0 });
  const first = await exploreAsWritten(samplePatch);
  assert.equal(first.partial, false);
  assert.ok(first.unreached.length > 0 || first.findings.length > 0);
  assert.deepEqual(strip(await exploreAsWritten(samplePatch)), strip(first));
});

test('a tiny budget returns what was found, flagged partial', async () => {
  const report = await exploreAsWritten(samplePatch, { budgetMs: 1 });
  assert.equal(report.partial, true);
  // Fewer runs than the whole space: how many fit in 1 ms depends on the machine, not on the code.
  const whole = await exploreAsWritten(samplePatch);
  assert.ok(report.scenarios < whole.scenarios, `${report.scenarios} of ${whole.scenarios} runs`);
});

test('maxDepth 0 explores only init_pid_ns: no parent-level finding', async () => {
  const report = await exploreAsWritten(samplePatch, { maxDepth: 0, budgetMs: 60_000 });
  assert.ok(report.findings.length > 0);
  assert.ok(report.findings.every((f) => (f.scenario.depth ?? 0) === 0));
  assert.ok(!report.findings.some((f) => f.kind === 'err-ptr-deref'));
});

test('out-of-range options are clamped, never thrown', async () => {
  const report = await exploreAsWritten(samplePatch, { maxDepth: -5, budgetMs: Number.NaN });
  assert.equal(report.partial, false);
  assert.ok(report.findings.every((f) => (f.scenario.depth ?? 0) === 0));
});

test('a patch that does not touch the modelled kernel code is not explored', async () => {
  const patch = parsePatchDocument('--- a/README\n+++ b/README\n@@ -1 +1 @@\n-old\n+new\n');
  const report = await exploreAsWritten(patch);
  assert.deepEqual({ modelled: report.modelled, scenarios: report.scenarios, findings: report.findings.length }, { modelled: false, scenarios: 0, findings: 0 });
});

test('hostile documents explore without throwing', async () => {
  for (const text of ['', '\0\0\0', '@@ -1 +1 @@\n'.repeat(1000), `--- a/kernel/pid.c\n+++ b/kernel/pid.c\n@@ -1,1 +1,1 @@\n-${'x'.repeat(100000)}\n+y\n`]) {
    await assert.doesNotReject(exploreAsWritten(parsePatchDocument(text), { budgetMs: 200 }));
  }
});

test('every generated scenario is valid in both variants', async () => {
  let cases = 0;
  for (const explored of scenarioSpace(3)) {
    for (const variant of ['baseline', 'patched'] as const) {
      const shape = checkScenarioShape({ variant, ...explored.scenario });
      assert.ok(shape.ok, `${explored.label}: ${shape.ok ? '' : shape.errors[0].message}`);
    }
    cases++;
  }
  assert.ok(cases > 100);
});

test('the space reaches depth 3 with a full map at each level and next_syscall_data around every boundary', async () => {
  const all = [...scenarioSpace(3)].map((c) => c.scenario);
  for (let level = 0; level <= 3; level++) {
    assert.ok(all.some((s) => s.depth === 3 && s.namespaces?.[level]?.used?.some((u) => Array.isArray(u) && u[1] === 32767)), `level ${level} full`);
  }
  const values = new Set(all.flatMap((s) => s.ops.flatMap((op) => (op.op === 'set_next' ? [op.value] : []))));
  for (const v of [-1, 0, 1, 299, 300, 301, 32767, 32768, 65535, 65536, 2147483647, -2147483648]) assert.ok(values.has(v), `value ${v}`);
  assert.ok(all.some((s) => s.ops.some((op) => op.op === 'exit')));
});
