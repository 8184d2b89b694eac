import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/run';
import { version } from '../../../src/cli/version';
import { captureIo } from '../support/capture-io';

const repoRoot = join(__dirname, '..', '..', '..', '..');

test('--help lists the usage and exits 0', async () => {
  const io = captureIo();
  assert.equal(await runCli(['--help'], io), 0);
  assert.match(io.stdout, /Usage: kpr COMMAND/);
});

test('--version prints the package version', async () => {
  const io = captureIo();
  assert.equal(await runCli(['--version'], io), 0);
  assert.equal(io.stdout.trim(), version);
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  assert.equal(version, manifest.version);
});

test('an unknown command prints one line naming it and exits 2', async () => {
  const io = captureIo();
  assert.equal(await runCli(['frobnicate'], io), 2);
  assert.equal(io.stderr.trim().split('\n').length, 1);
  assert.match(io.stderr, /unknown command: frobnicate/);
});

test('an unknown top-level flag prints one line naming it and exits 2', async () => {
  const io = captureIo();
  assert.equal(await runCli(['--frob'], io), 2);
  assert.match(io.stderr, /unknown flag: --frob/);
  assert.equal(io.stderr.trim().split('\n').length, 1);
});
