// File headers, extended headers, markers, and the problems the parser names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePatchDocument } from '../../../src/patch/parse';
import { patchToJson } from '../../../src/patch/json';
import { readFixture } from './support/fixtures';

function files(name: string) {
  return parsePatchDocument(readFixture('git', name)).mails[0].files;
}

test('a rename keeps both paths and its extended headers', () => {
  const [file] = files('single-02-counter-rename-counter.c-to-counters.c.patch');
  assert.deepEqual([file.oldPath, file.newPath], ['kernel/counter.c', 'kernel/counters.c']);
  assert.deepEqual(file.extendedHeaders.map((h) => h.key), ['similarity index', 'rename from', 'rename to', 'index']);
});

test('a mode change without hunks is a file with its mode headers', () => {
  const [file] = files('single-04-scripts-make-build.sh-executable.patch');
  assert.deepEqual([file.newPath, file.hunks.length, file.extendedHeaders.map((h) => `${h.key} ${h.value}`)], ['scripts/build.sh', 0, ['old mode 100644', 'new mode 100755']]);
});

test('a new file comes from /dev/null and a deleted one goes to it', () => {
  const [created, deleted] = files('single-05-docs-replace-old.txt-with-new.txt.patch');
  assert.deepEqual([created.oldPath, created.newPath, deleted.oldPath, deleted.newPath], ['/dev/null', 'docs/new.txt', 'docs/old.txt', '/dev/null']);
});

test('a GIT binary patch is a binary file and its data is not read as hunks', () => {
  const [file] = files('single-06-docs-update-the-blob.patch');
  assert.deepEqual([file.isBinary, file.hunks.length, file.extendedHeaders.some((h) => h.key === 'GIT binary patch')], [true, 0, true]);
});

test('"\\ No newline at end of file" is a line of kind "\\\\" counted in neither image', () => {
  const [file] = files('single-07-docs-change-a-file-without-a-trailing-newline.patch');
  const markers = file.hunks[0].lines.filter((l) => l.kind === '\\');
  assert.equal(markers.length, 2);
  assert.deepEqual([markers[0].oldLine, markers[0].newLine], [undefined, undefined]);
});

test('lines of a CRLF file keep their carriage return', () => {
  const [file] = files('single-08-docs-change-a-CRLF-file.patch');
  assert.ok(file.hunks[0].lines.every((l) => l.text.endsWith('\r')));
});

test('quoted and spaced file names are read', () => {
  assert.deepEqual(files('single-09-docs-touch-files-with-unusual-names.patch').map((f) => f.newPath), ['docs/naïve.txt', 'docs/with space.txt']);
});

test('JSON lines carry their kind and a 1-based docLine', () => {
  const text = readFixture('git', 'single-07-docs-change-a-file-without-a-trailing-newline.patch');
  const json = patchToJson(parsePatchDocument(text));
  const [lineText, docLine] = json.mails[0].files[0].hunks[0].lines[0];
  assert.equal(text.split('\n')[docLine - 1], lineText);
  assert.deepEqual([...new Set(json.mails[0].files[0].hunks[0].lines.map((l) => l[0][0]))].sort(), [' ', '+', '-', '\\']);
});

const header = 'diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n';

test('a hunk cut short by the end of the input is a truncated hunk naming both counts', () => {
  const patch = parsePatchDocument(header + '@@ -1,5 +1,5 @@\n a\n-b\n+c\n');
  assert.equal(patch.problems[0].code, 'truncated-hunk');
  assert.match(patch.problems[0].message, /counts 5 old and 5 new lines, but the hunk ends after 3 old and 3 new/);
});

test('a clean hunk one trailing blank line short is restored with a warning', () => {
  const patch = parsePatchDocument(header + '@@ -1,3 +1,3 @@\n a\n-b\n+c');
  assert.deepEqual(patch.problems.map((p) => p.code), ['restored-blank-context']);
  assert.equal(patch.mails[0].files[0].hunks[0].lines.length, 4);
});

test('a hunk with more lines than its header counts is reported', () => {
  const patch = parsePatchDocument(header + '@@ -1,2 +1,2 @@\n a\n-b\n-c\n+d\n');
  assert.ok(patch.problems.some((p) => p.code === 'hunk-count-mismatch'), JSON.stringify(patch.problems));
});

test('a line without a prefix inside a clean hunk is named as such', () => {
  const patch = parsePatchDocument(header + '@@ -1,3 +1,3 @@\n a\nno prefix here\n-b\n+c\n');
  assert.ok(patch.problems.some((p) => p.code === 'unprefixed-line' && /without a prefix/.test(p.message)));
});

test('a diffstat that disagrees with the hunks gives both numbers', () => {
  const text = 'From: a <a@b.c>\nSubject: [PATCH] x\n\nmsg\n---\n x.c | 5 +++--\n 1 file changed, 3 insertions(+), 2 deletions(-)\n\n' + header + '@@ -1,2 +1,2 @@\n a\n-b\n+c\n';
  const messages = parsePatchDocument(text).problems.map((p) => p.message);
  assert.ok(messages.includes('the diffstat says x.c changes 5 lines, its hunks add 1 and remove 1 (2)'), messages.join('\n'));
  assert.ok(messages.includes('the diffstat says 3 insertions, the hunks add 1 lines'));
});

test('a base64 body with characters outside the alphabet is an undecodable body', () => {
  const patch = parsePatchDocument('From: a <a@b.c>\nSubject: x\nContent-Transfer-Encoding: base64\n\nnot base64 at all!\n');
  assert.equal(patch.problems[0]?.code, 'undecodable-body');
});

test('a quoted-printable line maps back to the document line it was encoded on', () => {
  const text = readFixture('git', 'encoded-quoted-printable.patch');
  const patch = parsePatchDocument(text);
  const line = patch.mails[0].files[1].hunks[0].lines.find((l) => l.text.includes('counter_base = 0'));
  assert.ok(line);
  assert.match(text.split('\n')[line.line], /counter_base =3D 0|counter_base = 0/);
});

test('a hunk of a bare diff without any header is kept under an unnamed file with a warning', () => {
  const patch = parsePatchDocument('@@ -1 +1 @@\n-a\n+b\n');
  assert.deepEqual([patch.mails[0].files[0].hunks.length, patch.problems[0].code], [1, 'missing-file-header']);
});
