// Hover runs on every line a user points at, including junk: explanations must never throw and
// must stay fast and small whatever the input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { explainLine, MAX_LINE_CHARS } from '../../../src/explain/explain-line';
import { renderExplanationMarkdown } from '../../../src/explain/markdown';
import { assertWithinBudget } from '../support/time-budget';

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

function timed(text: string): { ms: number; summaryLength: number; notes: readonly string[] } {
  const start = process.hrtime.bigint();
  const e = explainLine(text, { kind: '+' });
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, summaryLength: e.summary.length, notes: e.notes };
}

test('a 1 MB line is explained quickly, from its first MAX_LINE_CHARS characters, with a note', () => {
  const line = ` x = ${'a + '.repeat(262_144)}b;`;
  assert.ok(line.length > 1_000_000);
  const { ms, summaryLength, notes } = timed(line);
  assertWithinBudget(ms, 500);
  assert.ok(summaryLength <= 1200);
  assert.ok(notes.some((n) => n.includes(`first ${MAX_LINE_CHARS}`)));
});

test('deeply nested parentheses do not overflow the stack', () => {
  const { ms } = timed(`if (${'('.repeat(200_000)}x${')'.repeat(200_000)})`);
  assertWithinBudget(ms, 500);
});

test('an unterminated string, char or comment over a 1 MB line stays fast', () => {
  for (const opener of ['"', "'", '/*']) {
    const { ms } = timed(`${opener}${'x'.repeat(1_000_000)}`);
    assertWithinBudget(ms, 500, `explaining a line opened by ${opener}`);
  }
});

test('a long run of stars and slashes stays fast', () => {
  const { ms } = timed('*/'.repeat(500_000));
  assertWithinBudget(ms, 500);
});

test('a non-string argument is treated as an empty line', () => {
  assert.equal(explainLine(undefined as unknown as string).summary, 'A blank line.');
});
