// git apply --check output mapped back onto the patch document. The outputs were captured from
// git 2.39 against test/fixtures/series/ring-base with the named damage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePatchDocument } from '../../../src/patch/parse';
import { readApplyCheck } from '../../../src/review/apply-check';
import { applyablePatch } from '../../../src/review/patch-text';
import { lineOf, readSeries } from './support/inputs';

const mboxText = readSeries('ring-v1.mbox');
const rebuilt = applyablePatch(parsePatchDocument(mboxText).mails);

test('a failed hunk is reported at its @@ line in the document', () => {
  const output = [
    'Checking patch include/linux/ring.h...',
    'Checking patch lib/ring.c...',
    'error: while searching for:',
    '{',
    '\tstruct ring *r;',
    '',
    'error: patch failed: lib/ring.c:9',
    'error: lib/ring.c: patch does not apply',
    'Checking patch include/linux/ring.h...',
    'Checking patch lib/ring.c...',
    'Checking patch Documentation/ring.rst...',
  ].join('\n');
  const findings = readApplyCheck(output, rebuilt);
  assert.deepEqual(findings.map((f) => [f.severity, f.line, f.path]), [['error', lineOf(mboxText, '@@ -9,6 +9,8 @@'), 'lib/ring.c']]);
  assert.match(findings[0].message, /does not apply to lib\/ring\.c at line 9/);
});

test('the second patch of the same file in a series is matched to the second part', () => {
  const output = [
    'Checking patch include/linux/ring.h...',
    'Checking patch lib/ring.c...',
    'Checking patch include/linux/ring.h...',
    'Checking patch lib/ring.c...',
    'error: patch failed: lib/ring.c:29',
    'error: lib/ring.c: patch does not apply',
  ].join('\n');
  const [finding] = readApplyCheck(output, rebuilt);
  assert.equal(finding.line, lineOf(mboxText, '@@ -29,6 +29,12 @@'));
});

test('a missing file is reported at the file\'s first header line', () => {
  const output = 'Checking patch include/linux/ring.h...\nerror: include/linux/ring.h: No such file or directory\nChecking patch lib/ring.c...';
  const findings = readApplyCheck(output, rebuilt);
  assert.deepEqual(findings.map((f) => [f.line, f.message]), [[lineOf(mboxText, 'diff --git a/include/linux/ring.h'), 'git apply --check: include/linux/ring.h: No such file or directory in the tree']]);
});

test('a hunk that applies with an offset is information at its @@ line', () => {
  const output = 'Checking patch lib/ring.c...\nChecking patch include/linux/ring.h...\nChecking patch lib/ring.c...\nHunk #1 succeeded at 27 (offset -2 lines).';
  const findings = readApplyCheck(output, rebuilt);
  assert.deepEqual(findings.map((f) => [f.severity, f.line]), [['info', lineOf(mboxText, '@@ -29,6 +29,12 @@')]]);
});

test('output with no error gives no finding; hostile output does not throw', () => {
  assert.deepEqual(readApplyCheck('Checking patch lib/ring.c...\n', rebuilt), []);
  assert.doesNotThrow(() => readApplyCheck('error: patch failed: :x\n'.repeat(1000) + 'Checking patch ...\n'.repeat(1000), rebuilt));
});
