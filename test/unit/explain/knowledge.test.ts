import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entriesNamed, knowledgeBase, lookupIdentifier } from '../../../src/explain/knowledge';

test('constants and errnos carry the x86_64 4 KiB-page values of linux-2.6.26', () => {
  const expected: Record<string, number> = {
    PAGE_SIZE: 4096,
    BITS_PER_PAGE: 32768,
    BITS_PER_PAGE_MASK: 32767,
    RESERVED_PIDS: 300,
    PID_MAX_DEFAULT: 32768,
    PID_MAX_LIMIT: 4194304,
    PIDMAP_ENTRIES: 128,
    ENOMEM: 12,
    EBUSY: 16,
    EINVAL: 22,
  };
  const actual = Object.fromEntries(Object.keys(expected).map((name) => [name, lookupIdentifier(name)?.value]));
  assert.deepEqual(actual, expected);
});

test('derived constants agree with each other', () => {
  const value = (name: string): number => lookupIdentifier(name)?.value ?? NaN;
  assert.equal(value('BITS_PER_PAGE'), value('PAGE_SIZE') * value('BITS_PER_BYTE'));
  assert.equal(value('BITS_PER_PAGE_MASK'), value('BITS_PER_PAGE') - 1);
  assert.equal(value('PIDMAP_ENTRIES'), value('PID_MAX_LIMIT') / value('BITS_PER_PAGE'));
});

test('every entry has a one-sentence summary ending with a period', () => {
  const bad = knowledgeBase.filter((e) => !/^[^\n]{10,300}[.)]$/.test(e.summary)).map((e) => e.name);
  assert.deepEqual(bad, []);
});

test('every seeAlso name resolves to an entry', () => {
  const dangling = knowledgeBase.flatMap((e) => (e.seeAlso ?? []).filter((n) => entriesNamed(n).length === 0).map((n) => `${e.name} -> ${n}`));
  assert.deepEqual(dangling, []);
});

test('locals and labels name their function, fields name their struct', () => {
  const bad = knowledgeBase.filter(
    (e) => ((e.kind === 'local' || e.kind === 'label') && !e.scope) || (e.kind === 'field' && !e.owner),
  );
  assert.deepEqual(bad.map((e) => e.name), []);
});

test('no two entries share name, kind, function and struct', () => {
  const keys = knowledgeBase.map((e) => `${e.name}|${e.kind}|${e.scope ?? ''}|${e.owner ?? ''}`);
  assert.equal(new Set(keys).size, keys.length);
});

test('the review semantics the brief names are in the details', () => {
  assert.match(lookupIdentifier('test_and_set_bit')?.detail ?? '', /OLD bit/);
  assert.match(lookupIdentifier('RESERVED_PIDS')?.detail ?? '', /wraps to RESERVED_PIDS/);
  assert.match(lookupIdentifier('ERR_PTR')?.detail ?? '', /top 4095 addresses/);
  assert.match(lookupIdentifier('kzalloc')?.detail ?? '', /returns NULL/);
  assert.match(lookupIdentifier('GFP_KERNEL')?.summary ?? '', /may sleep/);
  assert.match(lookupIdentifier('spin_lock_irq')?.summary ?? '', /Disables interrupts/);
});

test('a local of the named function shadows a global of the same name', () => {
  assert.equal(lookupIdentifier('pid', { functionName: 'alloc_pid' })?.scope, 'alloc_pid');
  assert.equal(lookupIdentifier('pid', { functionName: 'alloc_pidmap' })?.scope, 'alloc_pidmap');
});

test('a name after -> resolves to the struct field, not the local of the same name', () => {
  const entry = lookupIdentifier('nr', { functionName: 'alloc_pid', role: 'member' });
  assert.equal(entry?.kind, 'field');
  assert.equal(entry?.owner, 'upid');
});

test('a name after struct resolves to the type', () => {
  assert.equal(lookupIdentifier('pid', { functionName: 'alloc_pid', role: 'struct-tag' })?.kind, 'type');
});

test('a goto target resolves to the label of the enclosing function', () => {
  const entry = lookupIdentifier('out_free', { functionName: 'alloc_pid', role: 'label' });
  assert.equal(entry?.kind, 'label');
  assert.equal(entry?.scope, 'alloc_pid');
});

test('names that are Object.prototype members are unknown, not prototype hits', () => {
  for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    assert.equal(lookupIdentifier(name), undefined, name);
  }
});
