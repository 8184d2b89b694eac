// The outline's symbols always contain the header they are named by, whatever the document:
// VS Code rejects a symbol whose selection range leaves its range, and then shows no outline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parsePatchDocument } from '../../../src/patch/parse';
import type { DocRange, Position } from '../../../src/patch/model';
import { headedRanges, patchOutline, type OutlineSymbol } from '../../../src/patch/outline';
import { fixtureNames, fixturesDir, readFixture } from './support/fixtures';

const repoRoot = join(fixturesDir, '..', '..', '..');
const seriesDir = join(repoRoot, 'test', 'fixtures', 'series');

function outlineOf(text: string): OutlineSymbol[] {
  const lines = text.split('\n');
  return patchOutline(parsePatchDocument(text), (line) => lines[line]?.length ?? 0);
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const contains = (outer: DocRange, inner: DocRange) => before(outer.start, inner.start) && before(inner.end, outer.end);

/** Every symbol: its range contains its selection range, the selection is one line, its name is not blank. */
function assertWellFormed(symbols: readonly OutlineSymbol[], where: string): number {
  let count = 0;
  for (const symbol of symbols) {
    count++;
    const at = `${where}: ${symbol.kind} ${JSON.stringify(symbol.name)}`;
    assert.ok(contains(symbol.range, symbol.selectionRange), `${at}: ${JSON.stringify(symbol.selectionRange)} outside ${JSON.stringify(symbol.range)}`);
    assert.ok(before(symbol.range.start, symbol.range.end), `${at}: range ends before it starts`);
    assert.equal(symbol.selectionRange.start.line, symbol.selectionRange.end.line, `${at}: selection spans lines`);
    assert.notEqual(symbol.name.trim(), '', `${at}: blank name`);
    count += assertWellFormed(symbol.children, where);
  }
  return count;
}

/** The text a symbol's selection range covers. */
function selected(text: string, symbol: OutlineSymbol): string {
  const { start, end } = symbol.selectionRange;
  return text.split('\n')[start.line].slice(start.character, end.character);
}

const composedReply = readFixture('replies', 'composed-reply.eml');

test('a composed review reply: the quoted file header lies inside the file symbol, selected after its "> "', () => {
  const [mail] = outlineOf(composedReply);
  assertWellFormed([mail], 'composed-reply.eml');
  const [file] = mail.children;
  assert.equal(file.name, 'kernel/pid.c');
  assert.equal(selected(composedReply, file), 'Index: linux-2.6.26-rc8-mm1/kernel/pid.c');
  assert.deepEqual(file.children.map((hunk) => selected(composedReply, hunk)), ['@@ -134,21 +154,8 @@ static int alloc_pidmap(struct pid_names', '@@ -284,7 +363,6 @@ out_free:']);
});

test('a quoted reply with cuts inside and between hunks: every symbol contains its header', () => {
  const text = readFixture('replies', 'cut-excerpts.eml');
  assert.ok(assertWellFormed(outlineOf(text), 'cut-excerpts.eml') > 2);
});

test('the hostile fixtures give well-formed outlines', () => {
  for (const name of fixtureNames('hostile', /\.(patch|eml)$/)) assertWellFormed(outlineOf(readFixture('hostile', name)), name);
});

test('every patch and series fixture and the sample give well-formed outlines', () => {
  const texts: [string, string][] = [
    ...['git', 'hand', 'replies'].flatMap((sub) => fixtureNames(sub, /\.(patch|mbox|diff|eml)$/).map((n): [string, string] => [n, readFixture(sub, n)])),
    ...['ring-v1.mbox', ...fixtureNames('../series/ring-v1', /./).map((n) => `ring-v1/${n}`)].map((n): [string, string] => [n, readFileSync(join(seriesDir, n), 'utf8')]),
    ['sample', readFileSync(join(repoRoot, 'samples', 'rfc-3-5-next-syscall-data-pids.txt'), 'utf8')],
  ];
  for (const [name, text] of texts) assertWellFormed(outlineOf(text), name);
});

test('replies quoting any fixture at any depth, with comments between the lines, give well-formed outlines', () => {
  const sources = [composedReply, readFixture('git', 'single-01-counter-count-resets-and-start-from-zero.patch'), readFixture('hand', 'quilt-mail.patch')];
  fc.assert(
    fc.property(fc.constantFrom(...sources), fc.array(fc.constantFrom('', '>', '> ', '>> ', '> > ', 'comment '), { minLength: 1, maxLength: 60 }), (text, prefixes) => {
      const quoted = text.split('\n').map((line, i) => prefixes[i % prefixes.length] + line).join('\n');
      assertWellFormed(outlineOf(quoted), 'quoted');
    }),
    { numRuns: 150, seed: 17 },
  );
});

test('a header placed outside its range widens the range to the whole header line', () => {
  const range = { start: { line: 5, character: 2 }, end: { line: 9, character: 0 } };
  assert.deepEqual(headedRanges(range, 3, () => 12), {
    range: { start: { line: 3, character: 0 }, end: { line: 9, character: 0 } },
    selectionRange: { start: { line: 3, character: 0 }, end: { line: 3, character: 12 } },
  });
});

test('a header inside its range is clipped to the range (a quoted header starts after its prefix)', () => {
  const range = { start: { line: 5, character: 2 }, end: { line: 9, character: 0 } };
  assert.deepEqual(headedRanges(range, 5, () => 12), { range, selectionRange: { start: { line: 5, character: 2 }, end: { line: 5, character: 12 } } });
});

test('hunks are named by function, else by section text, else by the lines they cover', () => {
  const text = 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@ int main(void)\n-a\n+b\n@@ -5 +5 @@   \n-a\n+b\n';
  const [mail] = outlineOf(text);
  assert.deepEqual(mail.children[0].children.map((h) => [h.name, h.kind]), [['main', 'function'], ['lines 5–5', 'section']]);
});
