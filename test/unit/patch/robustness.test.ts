// Whatever the bytes, the parser returns (never throws, never reports an internal error), and
// what it returns is consistent with the document it read. What these inputs cost is measured by
// `npm run bench` (the hostile input suite), not here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parsePatchDocument } from '../../../src/patch/parse';
import type { Patch } from '../../../src/patch/model';
import { fixtureNames, readFixture } from './support/fixtures';
import { HOSTILE_PATCHES } from './support/hostile-inputs';

const seed = readFileSync(join(__dirname, '..', '..', '..', '..', 'samples', 'rfc-3-5-next-syscall-data-pids.txt'), 'utf8');
const realPatches = [
  seed,
  ...fixtureNames('git', /^(single-0[1-8]|series-v2|encoded-|reply-)/).map((n) => readFixture('git', n)),
  ...fixtureNames('hand', /\.(patch|mbox|diff)$/).map((n) => readFixture('hand', n)),
];

/** Invariants every parse must keep, damaged input or not. */
function assertConsistent(patch: Patch, text: string): void {
  assert.ok(!patch.problems.some((p) => p.code === 'internal-error'), patch.problems.map((p) => p.message).join('; '));
  const lineCount = text.split('\n').length;
  assert.equal(patch.lineCount, lineCount);
  for (const mail of patch.mails) {
    for (const file of mail.files) {
      for (const hunk of file.hunks) {
        let oldLine = hunk.oldStart;
        let newLine = hunk.newStart;
        for (const line of hunk.lines) {
          assert.ok(line.line >= 0 && line.line < lineCount);
          if (line.kind === ' ' || line.kind === '-') assert.equal(line.oldLine, oldLine++);
          if (line.kind === ' ' || line.kind === '+') assert.equal(line.newLine, newLine++);
        }
      }
    }
  }
  for (const item of [...patch.repairs, ...patch.problems]) {
    assert.ok(item.range.start.line >= 0 && item.range.end.line < lineCount, `${JSON.stringify(item.range)} outside ${lineCount} lines`);
  }
}

/** One random edit of a document, in terms of its lines. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete'), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate'), at: fc.nat() }),
  fc.record({ op: fc.constant('insert'), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('```', '', ' ', '@@ -1,3 +1,4 @@', '@@ -99999999,1 +1 @@ x', '--- a/x', '+++ b/x', 'diff --git a/x b/x', 'Index: x', '=====', '-- ', '> @@ -1 +1 @@', 'GIT binary patch', 'Content-Transfer-Encoding: base64', '\\ No newline at end of file', '-- >8 --')) }),
  fc.record({ op: fc.constant('truncate'), at: fc.nat() }),
  fc.record({ op: fc.constant('prefix'), at: fc.nat(), text: fc.constantFrom('>', '> ', '+', '-', ' ', '\\', '=', '`') }),
  fc.record({ op: fc.constant('chars'), at: fc.nat(), text: fc.string({ maxLength: 20 }) }),
);

function mutate(text: string, edits: { op: string; at: number; text?: string }[]): string {
  const lines = text.split('\n');
  for (const edit of edits) {
    const at = lines.length === 0 ? 0 : edit.at % lines.length;
    if (edit.op === 'delete') lines.splice(at, 1);
    else if (edit.op === 'duplicate') lines.splice(at, 0, lines[at] ?? '');
    else if (edit.op === 'insert') lines.splice(at, 0, edit.text ?? '');
    else if (edit.op === 'truncate') lines.splice(at);
    else if (edit.op === 'prefix') lines[at] = (edit.text ?? '') + (lines[at] ?? '');
    else if (edit.op === 'chars') lines[at] = (lines[at] ?? '').slice(0, 5) + (edit.text ?? '') + (lines[at] ?? '').slice(5);
  }
  return lines.join('\n');
}

test('real patches mutated at random parse without error, consistently', () => {
  fc.assert(
    fc.property(fc.constantFrom(...realPatches), fc.array(mutation, { minLength: 1, maxLength: 12 }), (text, edits) => {
      const damaged = mutate(text, edits);
      assertConsistent(parsePatchDocument(damaged), damaged);
    }),
    { numRuns: 400, seed: 20240301 },
  );
});

test('arbitrary strings parse without error', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 2000, unit: 'grapheme-ascii' }), (text) => {
      assertConsistent(parsePatchDocument(text), text);
    }),
    { numRuns: 300, seed: 7 },
  );
});

for (const [what, make] of HOSTILE_PATCHES) {
  test(`hostile input, ${what}: parsed without error, consistently`, () => {
    const text = make();
    assertConsistent(parsePatchDocument(text), text);
  });
}

test('an input above maxBytes is refused with a problem naming the limit', () => {
  const patch = parsePatchDocument('x'.repeat(2000), { maxBytes: 1000 });
  assert.equal(patch.mails.length, 0);
  assert.match(patch.problems[0].message, /1000-byte limit/);
});

test('multi-byte text counts by its UTF-8 size against maxBytes', () => {
  const text = 'é'.repeat(600); // 1200 bytes in UTF-8
  assert.equal(parsePatchDocument(text, { maxBytes: 1000 }).problems[0]?.code, 'input-too-large');
});
