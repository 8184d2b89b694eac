import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../../src/cli/run';
import { captureIo } from '../support/capture-io';
import { SAMPLE_PATH, sampleLine } from '../mapping/sample';

test('kpr map --json reports 100% coverage of the sample\'s pid.c and fork.c with 1-based lines', async () => {
  const io = captureIo();
  assert.equal(await runCli(['map', SAMPLE_PATH, '--json'], io), 0);
  const json = JSON.parse(io.stdout) as { files: { path: string; executable: number; mapped: number; lines: { docLine: number; class: string; step: string | null }[] }[] };
  const pid = json.files.find((f) => f.path === 'kernel/pid.c');
  const fork = json.files.find((f) => f.path === 'kernel/fork.c');
  assert.ok(pid && fork);
  assert.equal(pid.mapped, pid.executable);
  assert.equal(fork.mapped, fork.executable);
  const einval = pid.lines.find((l) => l.docLine === sampleLine('+ return -EINVAL;') + 1);
  assert.deepEqual(einval && { class: einval.class, step: einval.step }, { class: 'executable', step: 'alloc_fixed_pidmap/return-einval' });
});

test('kpr map prints coverage per file in its summary', async () => {
  const io = captureIo();
  assert.equal(await runCli(['map', SAMPLE_PATH], io), 0);
  assert.match(io.stdout, /^kernel\/pid\.c: (\d+)\/\1 executable lines mapped \(100\.0%\)$/m);
  assert.match(io.stdout, /^include\/linux\/next_syscall_data\.h: not modelled$/m);
});

test('kpr trace --next 299 returns -EINVAL from alloc_fixed_pidmap and faults in out_free', async () => {
  const io = captureIo();
  assert.equal(await runCli(['trace', SAMPLE_PATH, '--next', '299'], io), 0);
  const out = io.stdout;
  const einvalLine = sampleLine('+ return -EINVAL;') + 1;
  const freeLine = sampleLine('kmem_cache_free(ns->pid_cachep, pid);') + 1;
  assert.match(out, new RegExp(`L${einvalLine} +return -EINVAL;`));
  assert.ok(out.indexOf(`L${einvalLine}`) < out.indexOf(`L${freeLine}`), 'EINVAL comes before out_free');
  assert.match(out, new RegExp(`FAULT invalid-free \\(fork 0\\) at L${freeLine} kmem_cache_free`));
  assert.match(out, new RegExp(`FAULT leak \\(fork 0\\) at L${freeLine} `));
  assert.match(out, /"errno": "EINVAL"/);
});

test('kpr trace runs the baseline from the pre-image lines, with no fault', async () => {
  const io = captureIo();
  assert.equal(await runCli(['trace', SAMPLE_PATH, '--next', '299', '--variant', 'baseline'], io), 0);
  assert.match(io.stdout, new RegExp(`L${sampleLine('- pid = NULL;') + 1}|L${sampleLine('- if (!pid)') + 1}`));
  assert.doesNotMatch(io.stdout, /FAULT/);
  // The baseline ignores next_syscall_data: the first free number after last_pid 0, and 299 stays set.
  assert.match(io.stdout, /\{ "pids": \[1\] \}/);
  assert.match(io.stdout, /"next_syscall_data": 299/);
});

test('kpr trace names the field and rule of a bad value and exits 2', async () => {
  const io = captureIo();
  assert.equal(await runCli(['trace', SAMPLE_PATH, '--depth', '40'], io), 2);
  assert.match(io.stderr, /^kpr trace: --depth 40: .*31/);
  assert.equal(io.stderr.trim().split('\n').length, 1);
});

test('kpr trace rejects an unknown variant as a usage error', async () => {
  const io = captureIo();
  assert.equal(await runCli(['trace', SAMPLE_PATH, '--variant', 'both'], io), 2);
  assert.match(io.stderr, /--variant must be baseline or patched/);
});
