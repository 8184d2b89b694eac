// Compare Patch Versions: the interdiff of v1 (the sample) and a v2 that fixes out_free.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePatchDocument } from '../../../src/patch/parse';
import { interdiff } from '../../../src/versions/interdiff';
import { shownPostImages } from '../../../src/versions/shown-images';
import { gitApply, readSample, readV2 } from './support/inputs';

const v1 = parsePatchDocument(readSample());
const v2 = parsePatchDocument(readV2());

test('the interdiff of v1 and v2 is the out_free fix, one diff of kernel/pid.c', () => {
  const diff = interdiff(v1, v2);
  assert.deepEqual(diff.files.map((f) => f.path), ['kernel/pid.c']);
  const changed = diff.text.split('\n').filter((l) => /^[-+][^-+]/.test(l));
  assert.deepEqual(changed, ['+ int err;', '- pid = ERR_PTR(rc);', '+ err = rc;', '- pid = ERR_PTR(-ENOMEM);', '+ err = -ENOMEM;', '+ pid = ERR_PTR(err);']);
});

test('each side of the interdiff is numbered by its own version\'s post-image', () => {
  const headers = interdiff(v1, v2).text.split('\n').filter((l) => l.startsWith('@@'));
  // v2 adds `int err;` near the top of alloc_pid(): v2's later lines sit one further down.
  assert.deepEqual(headers, ['@@ -300,4 +300,5 @@', '@@ -318,7 +319,7 @@', '@@ -332,7 +333,7 @@', '@@ -363,6 +364,7 @@']);
});

test('the interdiff carries git headers for each file', () => {
  const text = interdiff(v1, v2).text;
  assert.ok(text.startsWith('diff --git a/kernel/pid.c b/kernel/pid.c\n--- a/kernel/pid.c\n+++ b/kernel/pid.c\n@@ '), text.slice(0, 120));
});

test('a version compared with itself has an empty interdiff', () => {
  const diff = interdiff(v1, parsePatchDocument(readSample()));
  assert.equal(diff.text, '');
  assert.deepEqual(diff.files, []);
});

test('git applies the interdiff to v1\'s post-image and gives v2\'s shown lines', () => {
  const diff = interdiff(v1, v2);
  const applied = gitApply(shownPostImages(v1).files, diff.text);
  assert.ok(applied.ok, applied.stderr);
  const pid = applied.files.get('kernel/pid.c') ?? [];
  for (const segment of shownPostImages(v2).files.find((f) => f.path === 'kernel/pid.c')?.segments ?? []) {
    assert.deepEqual(pid.slice(segment.start - 1, segment.start - 1 + segment.lines.length), segment.lines, `segment at ${segment.start}`);
  }
});

test('a file only one version patches is named in the notices', () => {
  const onlyFork = parsePatchDocument(readSample().replace(/Index: linux-2\.6\.26-rc8-mm1\/kernel\/pid\.c[\s\S]*?(?=Index: linux-2\.6\.26-rc8-mm1\/kernel\/fork\.c)/, ''));
  const diff = interdiff(onlyFork, v2);
  assert.ok(diff.notices.some((n) => n.startsWith('kernel/pid.c is patched only by the newer text')), diff.notices.join('\n'));
});
