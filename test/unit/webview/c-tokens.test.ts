import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { cPieces } from '../../../src/webview/c-tokens';

const tokens = (line: string): string[] => cPieces(line).filter((p) => !p.space).map((p) => p.text);

test('identifiers the panel once broke mid-word stay whole tokens', () => {
  assert.deepEqual(tokens('pid = kmem_cache_alloc(ns->pid_cachep, GFP_KERNEL);'),
    ['pid', '=', 'kmem_cache_alloc', '(', 'ns', '->', 'pid_cachep', ',', 'GFP_KERNEL', ')', ';']);
  assert.deepEqual(tokens('return &init_struct_pid;'), ['return', '&', 'init_struct_pid', ';']);
  assert.ok(tokens('int nr = next_nr;').includes('next_nr'));
});

test('the pieces put back together are the line, spaces included', () => {
  const line = '\tif (unlikely(!map->page)) { /* retry */ x <<= 2; s = "a\\"b"; c = \'\\n\'; y = 0x1fUL + 3.5e-2f; }';
  assert.equal(cPieces(line).map((p) => p.text).join(''), line);
});

test('multi-character operators, literals and comments are one token each', () => {
  assert.deepEqual(tokens('a->b != c && d <<= 0x10 /* why */ "s p"'), ['a', '->', 'b', '!=', 'c', '&&', 'd', '<<=', '0x10', '/* why */', '"s p"']);
});

test('an unterminated string or comment still ends at the line end', () => {
  assert.deepEqual(tokens('x = "abc'), ['x', '=', '"abc']);
  assert.deepEqual(tokens('y /* open'), ['y', '/* open']);
});
