import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../../src/cli/run';
import { captureIo } from '../support/capture-io';

async function simulateText(text: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo({ '-': text });
  const code = await runCli(['simulate', '-'], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

test('a scenario breaking a rule prints one line naming the field and exits 2', async () => {
  const r = await simulateText(JSON.stringify({ variant: 'baseline', namespaces: [{ last_pid: 40000 }], ops: [] }));
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'kpr simulate: namespaces[0].last_pid: must be an integer from 0 to 32767 (pid_max - 1), got 40000\n');
});

test('malformed JSON is rejected on one line with exit 2', async () => {
  const r = await simulateText('{ "variant": "baseline", ');
  assert.equal(r.code, 2);
  assert.equal(r.stderr.split('\n').length, 2);
  assert.match(r.stderr, /^kpr simulate: scenario: is not valid JSON/);
});

test('an exit of a pid no live child has rejects the whole scenario with no outcome', async () => {
  const r = await simulateText(JSON.stringify({ variant: 'baseline', ops: [{ op: 'fork' }, { op: 'exit', pid: 2 }] }));
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^kpr simulate: ops\[1\]\.pid: must be the pid \(at level 0\) of a live child/);
});

test('an unreadable file is reported with exit 2', async () => {
  const io = captureIo();
  assert.equal(await runCli(['simulate', '/nonexistent/scenario.json'], io), 2);
  assert.match(io.stderr, /cannot read \/nonexistent\/scenario\.json: ENOENT/);
});

test('simulate without a file is a usage error', async () => {
  const io = captureIo();
  assert.equal(await runCli(['simulate'], io), 2);
  assert.match(io.stderr, /expects exactly one scenario FILE/);
});

test('an empty ops list prints empty forks and faults', async () => {
  const r = await simulateText('{"variant":"patched","ops":[]}');
  assert.equal(r.code, 0);
  assert.equal(
    r.stdout,
    '{\n  "forks": [],\n  "faults": [],\n  "next_syscall_data": null,\n  "final": [\n' +
      '    { "level": 0, "last_pid": 0, "used": [[0, 0]], "nr_free": { "0": 32767 } }\n  ]\n}\n',
  );
});
