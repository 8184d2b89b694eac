// The reference sample: a web-forum copy of "[RFC PATCH 3/5] use next syscall data to predefine
// process ids", mangled by the archive. Every hunk must reconcile with its @@ counts after repair.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePatchDocument } from '../../../src/patch/parse';
import { countChanges } from '../../../src/patch/diffstat';
import type { Hunk } from '../../../src/patch/model';

const repoRoot = join(__dirname, '..', '..', '..', '..');
const text = readFileSync(join(repoRoot, 'samples', 'rfc-3-5-next-syscall-data-pids.txt'), 'utf8');
const patch = parsePatchDocument(text);
const mail = patch.mails[0];
const docLines = text.split('\n');

function counted(hunk: Hunk): { old: number; new: number } {
  return {
    old: hunk.lines.filter((l) => l.kind === ' ' || l.kind === '-').length,
    new: hunk.lines.filter((l) => l.kind === ' ' || l.kind === '+').length,
  };
}

test('the sample is one mail', () => {
  assert.equal(patch.mails.length, 1);
});

test('the subject is read with its series tags: RFC, patch 3 of 5', () => {
  assert.equal(mail.subject, '[RFC PATCH 3/5] use next syscall data to predefine process ids');
  assert.deepEqual({ rfc: mail.series.rfc, index: mail.series.index, total: mail.series.total }, { rfc: true, index: 3, total: 5 });
});

test('the forum header gives author and date', () => {
  assert.equal(mail.from, 'Nadia Derby');
  assert.equal(mail.date, 'Tue, 08 Jul 2008 11:24:25 GMT');
});

test('the Signed-off-by trailer loses its markdown mailto link', () => {
  assert.deepEqual(mail.trailers.map((t) => [t.key, t.value]), [['Signed-off-by', 'Nadia Derby <Nadia.Derbey@bull.net>']]);
});

test('markdown escapes in the commit message are undone', () => {
  assert.match(mail.message, /next_syscall_data proc file/);
  assert.doesNotMatch(mail.message, /\\_/);
});

test('the three files are pid.c, fork.c and next_syscall_data.h with the quilt prefixes stripped', () => {
  assert.deepEqual(mail.files.map((f) => f.newPath), ['kernel/pid.c', 'kernel/fork.c', 'include/linux/next_syscall_data.h']);
  assert.deepEqual(mail.files.map((f) => f.oldPrefix), ['linux-2.6.26-rc8-mm1.orig/', 'linux-2.6.26-rc8-mm1.orig/', 'linux-2.6.26-rc8-mm1.orig/']);
});

test('hunk counts per file are 6, 1 and 2', () => {
  assert.deepEqual(mail.files.map((f) => f.hunks.length), [6, 1, 2]);
});

test('added and removed lines per file are +97 -19, +3 -2, +2 -0', () => {
  assert.deepEqual(mail.files.map((f) => countChanges(f)), [
    { added: 97, removed: 19 },
    { added: 3, removed: 2 },
    { added: 2, removed: 0 },
  ]);
});

test('every hunk reconciles with its @@ header after repair', () => {
  for (const file of mail.files) {
    for (const hunk of file.hunks) {
      assert.deepEqual(counted(hunk), { old: hunk.oldLines, new: hunk.newLines }, `hunk at line ${hunk.headerLine + 1}`);
    }
  }
});

test('no problems are reported for the sample', () => {
  assert.deepEqual(patch.problems, []);
});

test('the function of every hunk is read from its section, a label inheriting the previous function', () => {
  assert.deepEqual(mail.files.map((f) => f.hunks.map((h) => h.functionName)), [
    ['free_pidmap', 'alloc_pidmap', 'alloc_pidmap', 'free_pid', 'alloc_pid', 'alloc_pid'],
    ['copy_process'],
    [undefined, undefined],
  ]);
});

test('the hunk with an empty section keeps an empty section', () => {
  assert.equal(mail.files[2].hunks[0].section, '');
});

test('pre- and post-image line numbers run on from the hunk header', () => {
  const hunk = mail.files[0].hunks[0];
  const firstAdd = hunk.lines.find((l) => l.kind === '+');
  assert.equal(hunk.lines[0].oldLine, 122);
  assert.equal(firstAdd?.newLine, 125);
  assert.equal(hunk.lines[hunk.lines.length - 1].newLine, 122 + 26 - 1);
});

test('every read line points at the document line holding its text', () => {
  for (const file of mail.files) {
    for (const hunk of file.hunks) {
      for (const line of hunk.lines) {
        if (line.text === '') continue;
        const doc = docLines[line.range.start.line];
        const unescaped = doc.slice(line.range.start.character, line.range.end.character).replace(/\\_/g, '_');
        assert.equal(unescaped, line.text, `document line ${line.line + 1}`);
      }
    }
  }
});

test('the blank lines the archive put around code fences are dropped where the counts say so', () => {
  const dropped = patch.repairs.filter((r) => r.kind === 'archive-blank-line').map((r) => r.range.start.line + 1);
  assert.ok(dropped.includes(110), `dropped: ${dropped.join(',')}`);
  assert.ok(dropped.includes(61));
});

test('the blank context line lost at the end of the out_free hunk is restored and recorded', () => {
  const hunk = mail.files[0].hunks[5];
  const last = hunk.lines[hunk.lines.length - 1];
  assert.deepEqual([last.kind, last.text, last.repaired], [' ', '', true]);
  assert.equal(hunk.lines[hunk.lines.length - 2].text, '}');
  assert.equal(patch.repairs.filter((r) => r.kind === 'restored-blank-context').length, 1);
});

test('the merged "=====---" separator is split and recorded', () => {
  const merged = patch.repairs.filter((r) => r.kind === 'merged-separator');
  assert.equal(merged.length, 1);
  assert.equal(merged[0].range.start.line + 1, 39);
});

test('every repair range lies inside the document', () => {
  for (const repair of patch.repairs) {
    const line = docLines[repair.range.start.line];
    assert.ok(line !== undefined && repair.range.end.character <= docLines[repair.range.end.line].length, `${repair.kind} at ${repair.range.start.line + 1}`);
  }
});

test('the diffstat is read as written and agrees with the hunks', () => {
  assert.deepEqual(mail.diffstat?.entries.map((e) => [e.path, e.changes]), [
    ['include/linux/next_syscall_data.h', 2],
    ['kernel/fork.c', 5],
    ['kernel/pid.c', 116],
  ]);
  assert.deepEqual([mail.diffstat?.filesChanged, mail.diffstat?.insertions, mail.diffstat?.deletions], [3, 102, 21]);
});
