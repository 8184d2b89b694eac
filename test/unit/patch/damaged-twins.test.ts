// Damaged copies of clean fixtures must parse to the same files and hunks as their clean twin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePatchDocument } from '../../../src/patch/parse';
import * as damage from './support/damage';
import { fixtureNames, hunkShape, readFixture } from './support/fixtures';

const twins: [string, string][] = [
  ...fixtureNames('git', /^single-0[12357]-.*\.patch$/).map((n): [string, string] => ['git', n]),
  ['hand', 'quilt-mail.patch'],
  ['hand', 'diff-up-mail.patch'],
  ['hand', 'scissors.patch'],
];

const damages: [string, (text: string) => string][] = [
  ['markdown escapes', damage.markdownEscapes],
  ['two trailing spaces on every line', damage.trailingDoubleSpaces],
  ['context lines without their leading space', damage.lostLeadingSpaces],
  ['code fences splitting hunks', damage.fencesSplittingHunks],
  ['HTML entities', damage.htmlEntities],
  ['obfuscated addresses', damage.obfuscatedAddresses],
  ['a merged ===== separator', damage.mergedSeparator],
  ['all archive damage at once', damage.archiveCopy],
  ['no-break spaces for spaces', damage.noBreakSpaces],
  ['a blank line after every line', damage.doubleSpaced],
  // An unfenced page still shows it is a page (here by its markdown line breaks): blank lines are damage.
  ['blank lines splitting hunks on a page without fences', (text) => damage.blankLinesSplittingHunks(damage.trailingDoubleSpaces(text))],
];

for (const [dir, name] of twins) {
  const clean = readFixture(dir, name);
  const expected = hunkShape(parsePatchDocument(clean));
  for (const [what, apply] of damages) {
    test(`${name} with ${what} parses to the same hunks as the clean copy`, () => {
      const damaged = apply(clean);
      const patch = parsePatchDocument(damaged);
      assert.deepEqual(hunkShape(patch), expected);
      assert.deepEqual(patch.problems.filter((p) => p.severity === 'error').map((p) => p.message), []);
    });
  }
}

test('obfuscated addresses in trailers are restored', () => {
  const clean = readFixture('hand', 'scissors.patch');
  const patch = parsePatchDocument(damage.obfuscatedAddresses(clean));
  assert.deepEqual(patch.mails[0].trailers.map((t) => t.value), parsePatchDocument(clean).mails[0].trailers.map((t) => t.value));
});

test('an archive copy records its repairs with ranges inside the document', () => {
  const damaged = damage.archiveCopy(readFixture('hand', 'quilt-mail.patch'));
  const lines = damaged.split('\n');
  const patch = parsePatchDocument(damaged);
  const kinds = new Set(patch.repairs.map((r) => r.kind));
  for (const kind of ['markdown-escape', 'code-fence', 'trailing-whitespace', 'leading-whitespace', 'merged-separator']) {
    assert.ok(kinds.has(kind as never), `missing ${kind}`);
  }
  for (const repair of patch.repairs) assert.ok(repair.range.end.character <= lines[repair.range.end.line].length);
});
