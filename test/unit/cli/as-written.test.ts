// kpr map, trace and explore run the patch they are given as written: an edited line is a
// statement the interpreter runs, not an unmapped line beside the model's code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/run';
import { captureIo } from '../support/capture-io';

const edits = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'edits');
const FIXED = join(edits, 'v2-out-free-fixed.patch.txt');
const UNKNOWN = join(edits, 'unknown-call.patch.txt');

/** The 1-based document line of the first line of a fixture that equals text. */
function lineOf(path: string, text: string): number {
  const i = readFileSync(path, 'utf8').split(/\r?\n/).indexOf(text);
  if (i < 0) throw new Error(`no line ${text} in ${path}`);
  return i + 1;
}

interface MapJson { files: { path: string; executable: number; mapped: number; lines: { docLine: number; class: string; step: string | null; interpreted?: Record<string, { start: number; end: number }[]> }[] }[] }

test('kpr map: the lines an edit changed are executable, run as written by the interpreter', async () => {
  const io = captureIo();
  assert.equal(await runCli(['map', FIXED, '--json'], io), 0);
  const pid = (JSON.parse(io.stdout) as MapJson).files.find((f) => f.path === 'kernel/pid.c');
  assert.ok(pid);
  assert.equal(pid.mapped, pid.executable);
  for (const text of ['+ nr = rc;', '+ nr = -ENOMEM;', '+ pid = ERR_PTR(nr);']) {
    const docLine = lineOf(FIXED, text);
    const line: MapJson['files'][number]['lines'][number] | undefined = pid.lines.find((l) => l.docLine === docLine);
    assert.equal(line?.class, 'executable', text);
    assert.equal(line?.step, null, text);
    assert.deepEqual(line?.interpreted?.patched?.length, 1, text);
  }
});

test('kpr map prints an edited line\'s step as run as written', async () => {
  const io = captureIo();
  assert.equal(await runCli(['map', FIXED], io), 0);
  assert.match(io.stdout, new RegExp(`^ +${lineOf(FIXED, '+ pid = ERR_PTR(nr);')} \\+ executable +\\(runs as written\\) +\\| \\+ pid = ERR_PTR\\(nr\\);$`, 'm'));
});

test('kpr trace on the fixed patch steps through the edited lines and commits no fault', async () => {
  const io = captureIo();
  assert.equal(await runCli(['trace', FIXED, '--next', '299'], io), 0);
  assert.match(io.stdout, new RegExp(`L${lineOf(FIXED, '+ nr = rc;')} +nr = rc;   \\[alloc_pid, as written\\]`));
  assert.match(io.stdout, new RegExp(`L${lineOf(FIXED, '+ pid = ERR_PTR(nr);')} +pid = ERR_PTR\\(nr\\);`));
  assert.doesNotMatch(io.stdout, /FAULT/);
  assert.match(io.stdout, /"errno": "EINVAL"/);
});

test('kpr trace refuses a variant whose text cannot run, like a compiler, and still traces the other', async () => {
  const refused = captureIo();
  assert.equal(await runCli(['trace', UNKNOWN], refused), 2);
  assert.equal(refused.stdout, '');
  assert.match(refused.stderr, new RegExp(`^${UNKNOWN.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:186:\\d+: unknown function set_predefined_pid_v2`));
  const baseline = captureIo();
  assert.equal(await runCli(['trace', UNKNOWN, '--variant', 'baseline'], baseline), 0);
});

test('kpr explore on the fixed patch reports none of the four fault kinds, and says it ran as written', async () => {
  const io = captureIo();
  assert.equal(await runCli(['explore', FIXED, '--json'], io), 0);
  const report = JSON.parse(io.stdout) as { ranAsWritten: boolean; refused: unknown[]; findings: { kind: string }[] };
  assert.equal(report.ranAsWritten, true);
  assert.deepEqual(report.refused, []);
  assert.deepEqual(report.findings.map((f) => f.kind), []);
});

test('kpr explore lists the problems of a variant it cannot run', async () => {
  const io = captureIo();
  assert.equal(await runCli(['explore', UNKNOWN], io), 0);
  assert.match(io.stdout, /Not run as written \(patched: the interpreter refuses its text, so it was not explored\):\n {2}L186:\d+ patched: unknown function set_predefined_pid_v2/);
});

test('kpr explore lists an added line no scenario reaches under "no scenario reached", and not the added line above it that runs', async () => {
  const dead = join(edits, 'dead-added.patch.txt');
  const io = captureIo();
  assert.equal(await runCli(['explore', dead], io), 0);
  const section = io.stdout.slice(io.stdout.indexOf('Executable patch lines no scenario reached'));
  assert.match(section, new RegExp(`\\n {2}L${lineOf(dead, '+        return -EINVAL;')} patched {2}return -EINVAL;\\n`));
  assert.doesNotMatch(section, new RegExp(`\\n {2}L${lineOf(dead, '+    if (next_nr < 0)')} `));
});

test('kpr explore blames an error path on the edited return that starts it', async () => {
  const eexist = join(edits, 'ebusy-eexist.patch.txt');
  const io = captureIo();
  assert.equal(await runCli(['explore', eexist], io), 0);
  assert.match(io.stdout, /path EEXIST from "return -EEXIST;" in alloc_fixed_pidmap\(\)/);
  assert.doesNotMatch(io.stdout, /path EEXIST from "if \(test_and_set_bit/);
});
