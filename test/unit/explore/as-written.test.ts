// Exploration runs the patch as written: an edit of the text changes what is found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exploreAsWritten, shownLine } from '../../../src/explore';
import { parsePatchDocument } from '../../../src/patch/parse';
import { sampleLine, samplePatch, sampleText } from '../mapping/sample';

const edits = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'edits');
const FAULT_KINDS = ['invalid-free', 'leak', 'err-ptr-deref', 'pidmap-leak'];

function editedPatch(name: string) {
  return parsePatchDocument(readFileSync(join(edits, name), 'utf8'));
}

test('the unedited sample runs as written (the model is its text) and shows the four fault kinds', async () => {
  const report = await exploreAsWritten(samplePatch);
  assert.equal(report.ranAsWritten, true);
  assert.deepEqual(new Set(report.findings.map((f) => f.kind)), new Set(FAULT_KINDS));
});

test('the sample with out_free fixed runs as written and none of the four fault kinds is found', async () => {
  const report = await exploreAsWritten(editedPatch('v2-out-free-fixed.patch.txt'));
  assert.equal(report.ranAsWritten, true);
  assert.equal(report.partial, false);
  assert.deepEqual(report.refused, []);
  assert.deepEqual(report.findings.filter((f) => FAULT_KINDS.includes(f.kind)), []);
  // The rest of the patch behaves as before: the EINVAL below 300 is still a difference.
  assert.ok(report.differences.some((d) => d.kind === 'cannot-predefine'));
});

test('an edited errno is the errno of the error paths exploration reports', async () => {
  const errnos = async (patch: typeof samplePatch) => new Set((await exploreAsWritten(patch)).findings.flatMap((f) => f.paths.map((p) => p.errno)));
  const sample = await errnos(samplePatch);
  const edited = await errnos(editedPatch('ebusy-eexist.patch.txt'));
  assert.ok(sample.has('EBUSY') && !sample.has('EEXIST'));
  assert.ok(edited.has('EEXIST') && !edited.has('EBUSY'));
});

test('a variant the interpreter refuses is not explored: its problems are reported and ranAsWritten is false', async () => {
  const report = await exploreAsWritten(editedPatch('unknown-call.patch.txt'));
  assert.equal(report.ranAsWritten, false);
  assert.ok(report.refused.length > 0 && report.refused.every((r) => r.variant === 'patched'));
  assert.match(report.refused[0].message, /set_predefined_pid_v2/);
  assert.deepEqual(report.findings.filter((f) => f.variant === 'patched'), []);
  assert.equal(report.pairs, 0);
});

test('a fault committed on an added line is found on that line, apart from the same text elsewhere', async () => {
  const report = await exploreAsWritten(editedPatch('free-added.patch.txt'));
  const lines = readFileSync(join(edits, 'free-added.patch.txt'), 'utf8').split('\n');
  const added = lines.indexOf('+ kmem_cache_free(ns->pid_cachep, pid);');
  const outFree = lines.indexOf('kmem_cache_free(ns->pid_cachep, pid);');
  const invalidFrees = report.findings.filter((f) => f.kind === 'invalid-free').map((f) => f.line);
  assert.deepEqual(invalidFrees.sort((a, b) => a - b), [added, outFree]);
  // The added free runs when kmem_cache_alloc failed: its smallest scenario fails that allocation.
  const onAdded = report.findings.find((f) => f.kind === 'invalid-free' && f.line === added);
  assert.deepEqual(onAdded?.scenario.fail, { kmem_cache_alloc: [1] });
});

test('a fault in code the patch does not show is named by its calls and shown on its file header, with honest words', async () => {
  // The baseline without out_free's "pid = NULL": alloc_pid returns the freed struct pid, and a
  // later exit frees it again through free_pid and free_pidmap, which the patch does not show.
  const edited = sampleText.replace('- pid = NULL;\n', '').replace('@@ -284,7 +363,6 @@', '@@ -284,6 +363,6 @@');
  assert.notEqual(edited, sampleText);
  const report = await exploreAsWritten(parsePatchDocument(edited));
  const outside = report.findings.filter((f) => f.line < 0);
  assert.ok(outside.length > 0);
  for (const f of outside) {
    assert.match(f.outside?.calls ?? '', /^free_pidmap\(\) ← free_pid\(\)/);
    assert.equal(f.outside?.anchorLine, sampleLine('Index: linux-2.6.26-rc8-mm1/kernel/pid.c'));
    assert.equal(shownLine(f), f.outside?.anchorLine);
    // A freed struct pid is not an error pointer, whatever kind the sanitizer files it under.
    assert.doesNotMatch(f.message, /error pointer/);
  }
});
