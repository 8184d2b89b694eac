// What kpr says when it refuses: one line, naming the flag or the file and what was found, with
// the exit status every command's help states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/run';
import { commands } from '../../../src/cli/commands';
import { escapeControls } from '../../../src/cli/one-line';
import { captureIo } from '../support/capture-io';
import { SAMPLE_PATH } from '../mapping/sample';

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'cli');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

async function kpr(args: readonly string[], inputs: Record<string, string> = {}) {
  const io = captureIo(inputs);
  const code = await runCli(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

test('kpr with no arguments prints the usage on stderr and exits 2', async () => {
  const r = await kpr([]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /Usage: kpr COMMAND/);
});

test('every command\'s --help has examples and the exit-status section, on stdout with exit 0', async () => {
  for (const command of commands) {
    const r = await kpr([command.name, '--help']);
    assert.equal(r.code, 0, command.name);
    assert.match(r.stdout, /^Examples:\n {2}.*\bkpr /m, command.name);
    assert.match(r.stdout, /^Exit status:\n {2}0 .*\n {2}1 .*\n {2}2 /m, command.name);
  }
});

test('kpr simulate --help says where the scenario and outcome formats are specified', async () => {
  const r = await kpr(['simulate', '--help']);
  assert.match(r.stdout, /scenario spec/);
  assert.match(r.stdout, /test\/fixtures\/scenarios\/spec-examples/);
  assert.match(r.stdout, /"next_syscall_data"/);
});

test('a flag given twice is refused, naming it', async () => {
  const r = await kpr(['trace', SAMPLE_PATH, '--next', '1', '--next', '2']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^kpr trace: --next given twice/);
});

test('a rule broken by --next names the flag, not the scenario field it becomes', async () => {
  const r = await kpr(['trace', SAMPLE_PATH, '--next', '99999999999']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^kpr trace: --next 99999999999: /);
  assert.doesNotMatch(r.stderr, /ops\[0\]/);
});

test('a scenario field broken under --next is named with the file\'s own op index', async () => {
  const scenario = JSON.stringify({ variant: 'patched', ops: [{ op: 'fork' }, { op: 'fork', repeat: 0 }] });
  const r = await kpr(['trace', SAMPLE_PATH, '--next', '500', '--scenario', '-'], { '-': scenario });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^kpr trace: --scenario - \(standard input\): ops\[1\]\.repeat: /);
});

test('--depth that contradicts the scenario\'s namespaces says both', async () => {
  const scenario = JSON.stringify({ variant: 'patched', depth: 2, namespaces: [{ last_pid: 0 }, { last_pid: 0 }, { last_pid: 0 }], ops: [{ op: 'fork' }] });
  const r = await kpr(['trace', SAMPLE_PATH, '--depth', '0', '--scenario', '-'], { '-': scenario });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^kpr trace: --depth 0 conflicts with --scenario - \(standard input\): namespaces: /);
});

test('trace --scenario - reads the scenario from standard input', async () => {
  const r = await kpr(['trace', SAMPLE_PATH, '--scenario', '-'], { '-': JSON.stringify({ variant: 'baseline', ops: [{ op: 'fork' }] }) });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^kpr trace: baseline variant/);
});

test('FILE and --scenario cannot both be standard input', async () => {
  const r = await kpr(['trace', '-', '--scenario', '-']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cannot both be -/);
});

test('a scenario saved with a UTF-8 byte order mark is accepted by simulate and trace', async () => {
  const text = fixture('bom.scenario.json');
  assert.ok(text.startsWith('\ufeff'));
  const simulated = await kpr(['simulate', '-'], { '-': text });
  assert.equal(simulated.code, 0, simulated.stderr);
  const traced = await kpr(['trace', SAMPLE_PATH, '--scenario', '-'], { '-': text });
  assert.equal(traced.code, 0, traced.stderr);
});

test('raw control bytes from the input are escaped: an error stays one line', async () => {
  const r = await kpr(['simulate', '-'], { '-': '{"variant":"pat\\u0000\\n\\u001b[31m"}\n\u0000\u007f\n' });
  assert.equal(r.code, 2);
  assert.equal(r.stderr.split('\n').length, 2, r.stderr);
  const line = r.stderr.slice(0, -1);
  assert.equal(escapeControls(line), line);
});

test('escapeControls shows C0, DEL, C1 and line separators as escapes', () => {
  assert.equal(escapeControls('a\u0000b\nc\u007fd\u009be\u2028'), 'a\\x00b\\nc\\x7fd\\x9be\\u2028');
});

test('trace shows no "= ?" or "returned ?" line', async () => {
  const r = await kpr(['trace', SAMPLE_PATH, '--next', '299']);
  assert.equal(r.code, 0);
  assert.doesNotMatch(r.stdout, /= \?|returned \?/);
});

for (const command of ['trace', 'explore', 'map', 'parse']) {
  test(`kpr ${command} of an empty input says it is empty and exits 1`, async () => {
    const r = await kpr([command, '-'], { '-': '' });
    assert.equal(r.code, 1);
    assert.match(r.stderr, new RegExp(`^kpr ${command}: standard input is empty$`, 'm'));
  });

  test(`kpr ${command} of a file with no diff says it holds no patch and exits 1`, async () => {
    const r = await kpr([command, '-'], { '-': 'ELF\u0000\u0001binary junk\nmore\n' });
    assert.equal(r.code, 1);
    assert.match(r.stderr, new RegExp(`^kpr ${command}: standard input holds no patch`, 'm'));
  });
}

test('kpr trace of a patch that changes none of the modelled files says so and exits 1', async () => {
  const r = await kpr(['trace', '-'], { '-': '--- a/README\n+++ b/README\n@@ -1 +1 @@\n-old\n+new\n' });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /none of the modelled kernel code \(kernel\/pid\.c, kernel\/fork\.c\)/);
  assert.equal(r.stdout, '');
});

test('invalid UTF-8 and NUL bytes in a patch are problems at their line and column', async () => {
  const r = await kpr(['parse', join(FIXTURES, 'bad-encoding.diff'), '--json']);
  assert.equal(r.code, 0);
  type Problem = { code: string; docLine: number; range: [number, number, number, number] };
  const json = JSON.parse(r.stdout) as { problems: Problem[]; mails: { problems: Problem[] }[] };
  const found = [...json.problems, ...json.mails.flatMap((m) => m.problems)].filter((p) => p.code === 'invalid-encoding').map((p) => [p.docLine, p.range[1] + 1]);
  assert.deepEqual(found, [[5, 3], [6, 3]]);
});
