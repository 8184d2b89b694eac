// What a breakpoint on a sample line means for each variant, and the reason shown when it can
// never stop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breakpointAtLine } from '../../../src/debug-adapter/breakpoint-lines';
import { mapPatch, MappingIndex } from '../../../src/mapping';
import { samplePatch, sampleText } from '../mapping/sample';

const index = new MappingIndex(mapPatch(samplePatch));
const lines = sampleText.split('\n');

/** The 0-based sample line containing `text`. */
function lineOf(text: string): number {
  const i = lines.findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`no sample line contains ${JSON.stringify(text)}`);
  return i;
}

test('the out_free kmem_cache_free line binds to its step in the patched variant', () => {
  assert.deepEqual(breakpointAtLine(index, 'patched', lineOf('kmem_cache_free(ns->pid_cachep, pid);')), {
    verified: true, steps: ['alloc_pid/out_free/kmem_cache_free'],
  });
});

test('a line the patch adds never binds in the baseline', () => {
  assert.deepEqual(breakpointAtLine(index, 'baseline', lineOf('rc = set_predefined_pid(tmp, pid, next_nr);')), {
    verified: false, message: 'added by the patch: the baseline variant never runs it',
  });
});

test('a line of the mail text outside any hunk never binds', () => {
  assert.equal(breakpointAtLine(index, 'patched', 0).verified, false);
});

test('a lone closing brace of a hunk never binds', () => {
  const brace = lines.findIndex((l, i) => i > lineOf('goto out_free;') && /^\+?\s*}\s*$/.test(l));
  assert.deepEqual(breakpointAtLine(index, 'patched', brace), { verified: false, message: 'a brace: nothing runs here' });
});
