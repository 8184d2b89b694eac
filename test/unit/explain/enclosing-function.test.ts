import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { enclosingFunction, enclosingFunctions, functionOfSection } from '../../../src/explain/enclosing-function';

// The first hunk of the sample: free_pidmap's tail, then the new alloc_pidmap_page, then the
// head of alloc_pidmap (texts without their diff prefix).
const hunk = [
  '    atomic_inc(&map->nr_free);',
  '}',
  '',
  'static inline int alloc_pidmap_page(struct pidmap *map)',
  '{',
  ' if (unlikely(!map->page)) {',
  ' return 0;',
  '}',
  '',
  'static int alloc_pidmap(struct pid_namespace *pid_ns)',
  '{',
  '    int i, offset, max_scan, pid, last = pid_ns->last_pid;',
];

test('lines before any definition head belong to the hunk header\'s function', () => {
  assert.equal(enclosingFunction(hunk, 0, 'free_pidmap'), 'free_pidmap');
});

test('a closing brace in column 0 still belongs to its function', () => {
  assert.equal(enclosingFunction(hunk, 1, 'free_pidmap'), 'free_pidmap');
});

test('a line between two functions belongs to none', () => {
  assert.equal(enclosingFunction(hunk, 2, 'free_pidmap'), undefined);
});

test('lines after a definition head belong to the function it defines', () => {
  assert.equal(enclosingFunction(hunk, 5, 'free_pidmap'), 'alloc_pidmap_page');
  assert.equal(enclosingFunction(hunk, 11, 'free_pidmap'), 'alloc_pidmap');
});

test('the definition head itself belongs to the function it defines', () => {
  assert.equal(enclosingFunction(hunk, 3, 'free_pidmap'), 'alloc_pidmap_page');
});

test('a head whose parameters continue on the next line is still a head', () => {
  const lines = ['static int set_predefined_pid(struct pid_namespace *ns, struct pid *pid,', '    int next_nr)', '{', '    int i = ns->level;'];
  assert.equal(enclosingFunction(lines, 3, undefined), 'set_predefined_pid');
});

test('an unindented statement left by a web archive is not taken for a head', () => {
  const lines = ['pid = kmem_cache_alloc(ns->pid_cachep, GFP_KERNEL);', ' if (!pid) {'];
  assert.equal(enclosingFunction(lines, 1, 'alloc_pid'), 'alloc_pid');
});

test('a section with a (cut) signature names its function', () => {
  assert.equal(functionOfSection('static int alloc_pidmap(struct pid_names'), 'alloc_pidmap');
  assert.equal(functionOfSection('static struct task_struct *copy_process('), 'copy_process');
});

test('a section that is a known label names the label\'s function', () => {
  assert.equal(functionOfSection('out_free:'), 'alloc_pid');
});

test('a section without a function names none', () => {
  assert.equal(functionOfSection(''), undefined);
  assert.equal(functionOfSection('unknown_label:'), undefined);
});

test('every line\'s enclosing function, read in one pass, is what asking line by line gives', () => {
  const vocabulary = ['', '    x = 1;', '\tret = f(a);', '}', '};', 'static int alloc_pidmap(struct pid_namespace *pid_ns)', 'void free_pid(struct pid *pid)', 'out_free:', '#define X 1', '{'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...vocabulary), { maxLength: 40 }), fc.option(fc.constantFrom('alloc_pid', 'copy_process'), { nil: undefined }), fc.integer({ min: 1, max: 8 }), (lines, section, window) => {
      const all = enclosingFunctions(lines, section, window);
      assert.deepEqual(all, lines.map((_, i) => enclosingFunction(lines, i, section, window)));
    }),
    { numRuns: 500 },
  );
});
