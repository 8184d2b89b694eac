import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenizeC } from '../../../src/explain/c-tokens';

const texts = (line: string, inComment = false): string[] => tokenizeC(line, inComment).tokens.map((t) => t.text);

test('multi-character operators are single tokens', () => {
  assert.deepEqual(texts('a->b <<= c && d != e'), ['a', '->', 'b', '<<=', 'c', '&&', 'd', '!=', 'e']);
});

test('a block comment inside a line is one token and code continues after it', () => {
  assert.deepEqual(texts('x /* a */ y'), ['x', '/* a */', 'y']);
});

test('an unclosed block comment runs to the end of the line and is reported open', () => {
  const result = tokenizeC('x /* open');
  assert.deepEqual(result.tokens.map((t) => t.kind), ['identifier', 'comment']);
  assert.equal(result.endsInComment, true);
});

test('a line that starts inside a comment is comment up to the closer', () => {
  assert.deepEqual(texts(' text */ y', true), [' text */', 'y']);
});

test('strings keep escaped quotes inside', () => {
  assert.deepEqual(texts('"a\\"b" c'), ['"a\\"b"', 'c']);
});

test('numbers with suffixes and exponents are one token', () => {
  assert.deepEqual(texts('0x20000000UL 1e-5 300'), ['0x20000000UL', '1e-5', '300']);
});

test('token offsets point into the line', () => {
  const line = '  map->page = page;';
  for (const t of tokenizeC(line).tokens) assert.equal(line.slice(t.start, t.start + t.text.length), t.text);
});

test('the token limit truncates and says so', () => {
  const result = tokenizeC('a '.repeat(100), false, 10);
  assert.equal(result.tokens.length, 10);
  assert.equal(result.truncated, true);
});
