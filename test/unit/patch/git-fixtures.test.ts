// Clean patches made by git (scripts/make-patch-fixtures.sh): the parser must read the same
// files and per-file added/removed counts as `git apply --numstat`, and the same hunks as jsdiff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePatch } from 'diff';
import { parsePatchDocument } from '../../../src/patch/parse';
import { fixtureNames, hunkShape, numstatOf, numstatRows, readFixture } from './support/fixtures';

const withNumstat = [
  ...fixtureNames('git', /\.(patch|mbox)$/).filter((n) => !/^(encoded|reply|crlf)-/.test(n)).map((n) => ['git', n]),
  ...fixtureNames('hand', /\.(patch|mbox|diff)$/).map((n) => ['hand', n]),
];
for (const [dir, name] of withNumstat) {
  test(`${dir}/${name}: files and counts agree with git apply --numstat`, () => {
    const patch = parsePatchDocument(readFixture(dir, name));
    const expected = numstatRows(readFixture(dir, name.replace(/\.(patch|mbox|diff)$/, '.numstat')));
    assert.deepEqual(numstatOf(patch), expected);
  });

  test(`${dir}/${name}: a clean patch raises no errors`, () => {
    const patch = parsePatchDocument(readFixture(dir, name));
    assert.deepEqual(patch.problems.filter((p) => p.severity === 'error').map((p) => p.message), []);
  });
}

/** The diff of one format-patch mail, as jsdiff accepts it: from the first `diff --git` to the signature. */
function diffPart(text: string): string {
  const start = text.indexOf('\ndiff --git ');
  const end = text.lastIndexOf('\n-- \n');
  return text.slice(start + 1, end + 1);
}

for (const name of fixtureNames('git', /^single-.*\.patch$/)) {
  test(`${name}: hunks equal jsdiff's parsePatch`, () => {
    const text = readFixture('git', name);
    const ours = parsePatchDocument(text).mails[0].files.filter((f) => f.hunks.length > 0);
    const theirs = parsePatch(diffPart(text)).filter((f) => f.hunks.length > 0);
    assert.equal(ours.length, theirs.length);
    ours.forEach((file, i) => {
      const reference = theirs[i].hunks.map((h) => ({ oldLines: h.oldLines, newLines: h.newLines, lines: h.lines }));
      const read = file.hunks.map((h) => ({ oldLines: h.oldLines, newLines: h.newLines, lines: h.lines.map((l) => l.kind + l.text) }));
      assert.deepEqual(read, reference);
    });
  });
}

const clean = fixtureNames('git', /^single-01-.*\.patch$/)[0];
for (const name of fixtureNames('git', /^(encoded|reply|crlf)-/)) {
  test(`${name}: decodes to the same hunks as its clean twin`, () => {
    const twin = hunkShape(parsePatchDocument(readFixture('git', clean)));
    assert.deepEqual(hunkShape(parsePatchDocument(readFixture('git', name))), twin);
  });
}
