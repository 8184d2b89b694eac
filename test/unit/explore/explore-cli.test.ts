import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runCli } from '../../../src/cli/run';
import { captureIo } from '../support/capture-io';
import { SAMPLE_PATH, sampleLine } from '../mapping/sample';

interface ReportJson {
  findings: { kind: string; docLine: number; variant: string; text: string; scenario: Record<string, unknown> }[];
  differences: { kind: string; docLine: number | null; scenario: Record<string, unknown> }[];
  unreached: { docLine: number; variant: string }[];
  partial: boolean;
}

async function exploreJson(): Promise<ReportJson> {
  const io = captureIo();
  assert.equal(await runCli(['explore', SAMPLE_PATH, '--json', '--budget', '60000'], io), 0);
  return JSON.parse(io.stdout) as ReportJson;
}

test('kpr explore --json gives findings with 1-based docLine, variant, the line\'s C text and a scenario', async () => {
  const json = await exploreJson();
  const free = json.findings.find((f) => f.kind === 'invalid-free');
  assert.ok(free);
  assert.equal(free.docLine, sampleLine('kmem_cache_free(ns->pid_cachep, pid);') + 1);
  assert.equal(free.variant, 'patched');
  assert.equal(free.text, 'kmem_cache_free(ns->pid_cachep, pid);');
  assert.equal(free.scenario.variant, 'patched');
  assert.ok(json.unreached.every((u) => u.docLine >= 1));
});

test('kpr simulate confirms a finding\'s scenario printed by kpr explore --json', async () => {
  const json = await exploreJson();
  const f = json.findings.find((x) => x.kind === 'err-ptr-deref');
  assert.ok(f);
  const io = captureIo({ '-': JSON.stringify(f.scenario) });
  assert.equal(await runCli(['simulate', '-'], io), 0);
  assert.match(io.stdout, /"kind": "err-ptr-deref"/);
});

test('kpr explore prints each finding with its line, C text and smallest scenario on one line', async () => {
  const io = captureIo();
  assert.equal(await runCli(['explore', SAMPLE_PATH], io), 0);
  const line = sampleLine('kmem_cache_free(ns->pid_cachep, pid);') + 1;
  assert.match(io.stdout, new RegExp(`^  L${line} invalid-free \\(patched, in \\d+ runs\\)  kmem_cache_free\\(ns->pid_cachep, pid\\);$`, 'm'));
  assert.match(io.stdout, /^ {4}smallest: \{"variant":"patched".*\}$/m);
  assert.match(io.stdout, /^Differences between baseline and patched/m);
  assert.match(io.stdout, /^Executable patch lines no scenario reached/m);
});

test('kpr explore exits 2 on usage errors', async () => {
  for (const args of [['explore'], ['explore', SAMPLE_PATH, '--max-depth', '40'], ['explore', SAMPLE_PATH, '--budget', 'soon'], ['explore', SAMPLE_PATH, '--nope']]) {
    const io = captureIo();
    assert.equal(await runCli(args, io), 2, args.join(' '));
  }
});

test('kpr explore exits 2 when the file cannot be read', async () => {
  const io = captureIo();
  assert.equal(await runCli(['explore', '/nonexistent/patch.txt'], io), 2);
  assert.match(io.stderr, /cannot read/);
});

test('kpr explore reports differences in compared pairs and says the whole space was explored', async () => {
  const io = captureIo();
  assert.equal(await runCli(['explore', SAMPLE_PATH], io), 0);
  assert.match(io.stdout, /^kpr explore: \d+ scenario runs \(a scenario on one variant\), \d+ baseline\/patched pairs compared, the whole scenario space$/m);
  assert.match(io.stdout, /^ {2}L\d+ [a-z-]+ \(in \d+ compared pairs?\)/m);
  assert.doesNotMatch(io.stdout, / ms\b/);
});

test('kpr explore gives the same report on every run', async () => {
  const runs = [captureIo(), captureIo()];
  for (const io of runs) assert.equal(await runCli(['explore', SAMPLE_PATH], io), 0);
  assert.equal(runs[1].stdout, runs[0].stdout);
});

test('kpr explore of an mbox holding the sample 3 times explores its hunks once', async () => {
  const sample = readFileSync(SAMPLE_PATH, 'utf8');
  const once = captureIo();
  assert.equal(await runCli(['explore', SAMPLE_PATH, '--json'], once), 0);
  const mail = `From 0123456789abcdef Mon Sep 17 00:00:00 2001\n${sample}\n`;
  const thrice = captureIo({ '-': mail + mail + mail });
  assert.equal(await runCli(['explore', '-', '--json'], thrice), 0);
  const a = JSON.parse(once.stdout) as { scenarios: number; findings: unknown[]; repeatedHunks: number };
  const b = JSON.parse(thrice.stdout) as { scenarios: number; findings: { docLine: number }[]; repeatedHunks: number };
  assert.equal(b.scenarios, a.scenarios);
  assert.equal(b.findings.length, a.findings.length);
  assert.ok(b.repeatedHunks > 0 && b.repeatedHunks % 2 === 0, String(b.repeatedHunks));
});

test('kpr explore says what it found instead of exploring nothing', async () => {
  for (const [text, pattern, code] of [
    ['', /is empty/, 1],
    ['just some words\n', /holds no patch/, 1],
    ['--- a/README\n+++ b/README\n@@ -1 +1 @@\n-old\n+new\n', /none of the modelled kernel code/, 1],
  ] as const) {
    const io = captureIo({ '-': text });
    assert.equal(await runCli(['explore', '-'], io), code);
    assert.match(io.stderr, pattern);
    assert.equal(io.stdout, '');
  }
});
