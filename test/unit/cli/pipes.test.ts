// The real `kpr` process against a reader that goes away (`| head -1`) and against inputs that
// never end: it must stop at once, quietly, with the documented exit status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_PATH } from '../mapping/sample';

const CLI = join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');

interface Ended {
  readonly code: number | null;
  readonly stderr: string;
  readonly stdoutBytes: number;
}

/** Runs kpr; with closeAfterFirstChunk the reader closes stdout once the first bytes arrive. */
function runKpr(args: readonly string[], options: { stdin?: string | number; closeAfterFirstChunk?: boolean } = {}): Promise<Ended> {
  const stdin = typeof options.stdin === 'number' ? options.stdin : 'pipe';
  const child = spawn(process.execPath, [CLI, ...args], { stdio: [stdin, 'pipe', 'pipe'] });
  const { stdout, stderr: errors } = child;
  if (stdout === null || errors === null) throw new Error('spawned without stdout/stderr pipes');
  let stderr = '';
  let stdoutBytes = 0;
  errors.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  stdout.on('data', (chunk: Buffer) => {
    stdoutBytes += chunk.length;
    if (options.closeAfterFirstChunk) stdout.destroy();
  });
  if (typeof options.stdin === 'string' && child.stdin) {
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.stdin);
  }
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr, stdoutBytes })));
}

const MANY_FORKS = JSON.stringify({ variant: 'patched', ops: [{ op: 'fork', repeat: 300000 }] });

test('kpr simulate into a reader that closes after the first line stops quietly with exit 0', async () => {
  const ended = await runKpr(['simulate', '-'], { stdin: MANY_FORKS, closeAfterFirstChunk: true });
  assert.equal(ended.stderr, '');
  assert.equal(ended.code, 0);
});

test('kpr parse --json into a closed reader stops quietly with exit 0', async () => {
  const ended = await runKpr(['parse', SAMPLE_PATH, '--json'], { closeAfterFirstChunk: true });
  assert.equal(ended.stderr, '');
  assert.equal(ended.code, 0);
});

test('kpr trace into a closed reader stops quietly with exit 0', async () => {
  const scenario = JSON.stringify({ variant: 'patched', ops: [{ op: 'fork', repeat: 200 }] });
  const ended = await runKpr(['trace', SAMPLE_PATH, '--scenario', '-'], { stdin: scenario, closeAfterFirstChunk: true });
  assert.equal(ended.stderr, '');
  assert.equal(ended.code, 0);
});

test('kpr simulate streams a large outcome whole through a pipe', async () => {
  const ended = await runKpr(['simulate', '-'], { stdin: MANY_FORKS });
  assert.equal(ended.code, 0);
  // "    { "pids": [N] },\n" per fork: at least 20 bytes each.
  assert.ok(ended.stdoutBytes > 300000 * 20, String(ended.stdoutBytes));
});

test('kpr parse - of an endless input stops at the size limit with input-too-large and exit 2', async () => {
  const zero = openSync('/dev/zero', 'r');
  try {
    const ended = await runKpr(['parse', '-'], { stdin: zero });
    assert.equal(ended.code, 2);
    assert.match(ended.stderr, /^kpr parse: standard input: input-too-large: the input is larger than the \d+-byte limit/);
    assert.equal(ended.stderr.trim().split('\n').length, 1);
    assert.equal(ended.stdoutBytes, 0);
  } finally {
    closeSync(zero);
  }
});

test('a 600 MB file gets the size limit\'s message, not a string-length error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kpr-big-'));
  const big = join(dir, 'big.mbox');
  try {
    // A sparse file: 600 MB long, no disk blocks written.
    writeFileSync(big, '');
    truncateSync(big, 600 * 1024 * 1024);
    for (const command of ['parse', 'trace', 'explore', 'map']) {
      const ended = await runKpr([command, big]);
      assert.equal(ended.code, 2, command);
      assert.match(ended.stderr, new RegExp(`^kpr ${command}: .*big\\.mbox: input-too-large: `), command);
      assert.equal(ended.stderr.trim().split('\n').length, 1, command);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
