// Hover runs on every line a user points at, including junk: explanations must never throw and
// must stay small whatever the input (their cost on these inputs is `npm run bench`'s hostile
// input suite).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { explainLine, MAX_LINE_CHARS } from '../../../src/explain/explain-line';
import { renderExplanationMarkdown } from '../../../src/explain/markdown';

const C_PIECES = ['(', ')', '[', ']', '{', '}', ';', ',', '*', '/', '/*', '*/', '"', "'", '\\', '->', '.', '=', '==', '!', '&', '|', '?', ':', '#', ' ', '\t', 'if', 'for', 'else', 'return', 'goto', 'struct', 'int', 'x', 'pid', 'ERR_PTR', 'unlikely', 'do', 'while', '}', '0', '-', '+', '++', '<', '>='];
const cLike = fc.array(fc.constantFrom(...C_PIECES), { maxLength: 60 }).map((parts) => parts.join(''));
const kinds = fc.constantFrom<' ' | '+' | '-' | undefined>(' ', '+', '-', undefined);

test('explainLine never throws on arbitrary Unicode', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), kinds, (text, kind) => {
      const e = explainLine(text, kind ? { kind } : {});
      assert.equal(typeof e.summary, 'string');
    }),
    { numRuns: 1000 },
  );
});

test('explainLine never throws on C-like token soup and always says something', () => {
  fc.assert(
    fc.property(cLike, kinds, fc.constantFrom(undefined, 'alloc_pid', 'constructor'), (text, kind, functionName) => {
      const e = explainLine(text, { kind, functionName });
      assert.ok(e.summary.length > 0);
    }),
    { numRuns: 3000 },
  );
});

test('the rendered Markdown of any explanation is produced without throwing', () => {
  fc.assert(
    fc.property(cLike, (text) => {
      assert.equal(typeof renderExplanationMarkdown(explainLine(text)), 'string');
    }),
    { numRuns: 500 },
  );
});

test('a 1 MB line is explained from its first MAX_LINE_CHARS characters, with a note', () => {
  const line = ` x = ${'a + '.repeat(262_144)}b;`;
  assert.ok(line.length > 1_000_000);
  const e = explainLine(line, { kind: '+' });
  assert.ok(e.summary.length <= 1200);
  assert.ok(e.notes.some((n) => n.includes(`first ${MAX_LINE_CHARS}`)));
});

test('deeply nested parentheses do not overflow the stack', () => {
  assert.ok(explainLine(`if (${'('.repeat(200_000)}x${')'.repeat(200_000)})`, { kind: '+' }).summary.length > 0);
});

test('an unterminated string, char or comment over a 1 MB line is explained', () => {
  for (const opener of ['"', "'", '/*']) {
    assert.ok(explainLine(`${opener}${'x'.repeat(1_000_000)}`, { kind: '+' }).summary.length > 0, opener);
  }
});

test('a long run of stars and slashes is explained', () => {
  assert.ok(explainLine('*/'.repeat(500_000), { kind: '+' }).summary.length > 0);
});

test('a non-string argument is treated as an empty line', () => {
  assert.equal(explainLine(undefined as unknown as string).summary, 'A blank line.');
});
