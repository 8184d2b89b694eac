// The patch rebuilt from the parse: the text git apply checks, and the quote's file headers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePatchDocument } from '../../../src/patch/parse';
import { applyablePatch, fileHeaderLines, fileHeaderStyle, hunkHeaderText } from '../../../src/review/patch-text';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readSample, readSeries, repoRoot, RING_PART_1 } from './support/inputs';

test('the clean mail rebuilds to its own diff, byte for byte', () => {
  const ring = readSeries(...RING_PART_1);
  const diff = ring.slice(ring.indexOf('diff --git'), ring.lastIndexOf('-- \n'));
  assert.equal(applyablePatch(parsePatchDocument(ring).mails).text, diff);
});

test('the archive sample rebuilds with a/ and b/ prefixes in place of its quilt tree names', () => {
  const text = applyablePatch(parsePatchDocument(readSample()).mails).text;
  assert.match(text, /^--- a\/kernel\/pid\.c\n\+\+\+ b\/kernel\/pid\.c\n@@ -122,6 \+122,26 @@ static void free_pidmap\(struct upid \*upi\n/);
  assert.doesNotMatch(text, /```|\\_|linux-2\.6\.26/);
});

test('each rebuilt hunk records the line of its @@ header in the rebuilt text', () => {
  const rebuilt = applyablePatch(parsePatchDocument(readSample()).mails);
  const lines = rebuilt.text.split('\n');
  assert.equal(rebuilt.hunks.length, 9);
  for (const h of rebuilt.hunks) assert.equal(lines[h.textLine - 1], hunkHeaderText(h.hunk));
});

test('a hunk header omits a count of one, as git writes it', () => {
  const hunk = { oldStart: 3, oldLines: 1, newStart: 3, newLines: 2, section: 'f()' } as Parameters<typeof hunkHeaderText>[0];
  assert.equal(hunkHeaderText(hunk), '@@ -3 +3,2 @@ f()');
});

test('the header style follows the first header line of the original', () => {
  assert.equal(fileHeaderStyle('diff --git a/x b/x'), 'git');
  assert.equal(fileHeaderStyle('Index: linux/kernel/pid.c'), 'quilt');
  assert.equal(fileHeaderStyle('diff -up a/x b/x'), 'command');
  assert.equal(fileHeaderStyle('--- a/x'), 'pair');
});

test('a new file keeps /dev/null on its old side and its mode line', () => {
  const text = [
    'diff --git a/new.c b/new.c', 'new file mode 100644', 'index 0000000..e69de29', '--- /dev/null', '+++ b/new.c', '@@ -0,0 +1 @@', '+int x;', '',
  ].join('\n');
  const file = parsePatchDocument(text).mails[0].files[0];
  assert.deepEqual(fileHeaderLines(file, 'git'), ['diff --git a/new.c b/new.c', 'new file mode 100644', 'index 0000000..e69de29', '--- /dev/null', '+++ b/new.c']);
  assert.equal(applyablePatch(parsePatchDocument(text).mails).text, text);
});

test('every git-made single-patch fixture with text diffs rebuilds to its own diff, byte for byte', () => {
  const dir = join(repoRoot, 'test', 'fixtures', 'patches', 'git');
  const names = readdirSync(dir).filter((n) => /^single-\d+-.*\.patch$/.test(n));
  assert.ok(names.length >= 8);
  for (const name of names) {
    const text = readFileSync(join(dir, name), 'utf8');
    const rebuilt = applyablePatch(parsePatchDocument(text).mails);
    if (rebuilt.skipped.length > 0) continue;
    assert.equal(rebuilt.text, text.slice(text.indexOf('diff --git'), text.lastIndexOf('-- \n')), name);
  }
});

test('a binary file is left out of the rebuilt patch, with the reason', () => {
  const text = readFileSync(join(repoRoot, 'test', 'fixtures', 'patches', 'git', 'single-06-docs-update-the-blob.patch'), 'utf8');
  const rebuilt = applyablePatch(parsePatchDocument(text).mails);
  assert.equal(rebuilt.text, '');
  assert.match(rebuilt.skipped[0].reason, /binary/);
});

test('a path with a quote or a tab is C-quoted as git quotes it', () => {
  const file = { oldPath: 'a"b\tc', newPath: 'a"b\tc', oldPrefix: 'a/', newPrefix: 'b/', extendedHeaders: [], isBinary: false, hunks: [{}] } as unknown as Parameters<typeof fileHeaderLines>[0];
  assert.deepEqual(fileHeaderLines(file, 'pair'), ['--- "a/a\\"b\\tc"', '+++ "b/a\\"b\\tc"']);
});
