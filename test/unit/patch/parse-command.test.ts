import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/run';
import { captureIo } from '../support/capture-io';

const sample = join(__dirname, '..', '..', '..', '..', 'samples', 'rfc-3-5-next-syscall-data-pids.txt');

test('kpr parse prints a summary with files, hunk functions and exits 0', async () => {
  const io = captureIo();
  assert.equal(await runCli(['parse', sample], io), 0);
  assert.match(io.stdout, /kernel\/pid\.c\s+\+97 -19/);
  assert.match(io.stdout, /@@ -1118,10 \+1118,11 @@\s+copy_process/);
});

test('kpr parse --json gives 1-based docLine for every hunk line', async () => {
  const io = captureIo();
  assert.equal(await runCli(['parse', sample, '--json'], io), 0);
  const json = JSON.parse(io.stdout) as { mails: { series: { rfc: boolean; index: number; total: number }; files: { hunks: { docLine: number; lines: [string, number, true?][] }[] }[] }[] };
  const firstHunk = json.mails[0].files[0].hunks[0];
  assert.deepEqual(json.mails[0].series.index, 3);
  const docLines = readFileSync(sample, 'utf8').split('\n');
  const headerLine = docLines.findIndex((l) => l.startsWith('@@ -122,6 +122,26 @@')) + 1;
  assert.equal(firstHunk.docLine, headerLine);
  assert.equal(firstHunk.lines[0][1], headerLine + 1);
  // The sample is an archive copy whose lines end in a markdown hard break, repaired away.
  assert.equal(docLines[firstHunk.lines[0][1] - 1].trimEnd(), firstHunk.lines[0][0]);
});

test('kpr parse --pretty without --json is a usage error naming both flags', async () => {
  const io = captureIo();
  assert.equal(await runCli(['parse', sample, '--pretty'], io), 2);
  assert.match(io.stderr, /--pretty.*--json/);
});

test('kpr parse exits 1 when the input holds no patch', async () => {
  const io = captureIo({ 'note.txt': 'Subject: hello\n\nJust a note, no diff here.\n' });
  assert.equal(await runCli(['parse', 'note.txt'], io), 1);
});

test('kpr parse exits 2 on an unreadable file, naming it', async () => {
  const io = captureIo();
  assert.equal(await runCli(['parse', '/nonexistent/x.patch'], io), 2);
  assert.match(io.stderr, /cannot read \/nonexistent\/x\.patch/);
});

test('kpr parse exits 2 on an unknown flag', async () => {
  const io = captureIo();
  assert.equal(await runCli(['parse', sample, '--frob'], io), 2);
});
