import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainLine } from '../../../src/explain/explain-line';

const names = (text: string, functionName?: string): string[] =>
  explainLine(text, functionName ? { functionName } : {}).identifiers.map((i) => i.name);

test('an if with two comparisons of one subject reads as one range check with the constant value', () => {
  const { summary } = explainLine(' if (next_nr < RESERVED_PIDS || next_nr >= pid_max)', { kind: '+', functionName: 'alloc_fixed_pidmap' });
  assert.equal(
    summary,
    '(added by the patch) Checks whether next_nr is below RESERVED_PIDS (300) or at least pid_max; if so, runs the statement on the next line.',
  );
});

test('a removed assignment says it is removed and what it set', () => {
  assert.equal(explainLine(' pid = NULL;', { kind: '-', functionName: 'alloc_pid' }).summary, '(removed by the patch) Sets pid to NULL.');
});

test('a context line has no patch prefix', () => {
  assert.equal(explainLine('    i--;').summary, 'Decrements i by one.');
});

test('a negated call condition uses the function\'s own words and the branch hint', () => {
  const { summary } = explainLine(' if (unlikely(!map->page)) {', { kind: '+', functionName: 'alloc_pidmap_page' });
  assert.match(summary, /Checks whether map->page is NULL or zero \(marked unlikely/);
  assert.match(summary, /runs the block that follows\.$/);
});

test('test_and_set_bit as a condition is read as "the bit was already set"', () => {
  const { summary, notes } = explainLine(' if (test_and_set_bit(offset, map->page))', { functionName: 'alloc_fixed_pidmap' });
  assert.match(summary, /bit offset of map->page was already set/);
  assert.ok(notes.some((n) => /OLD bit value/.test(n)));
});

test('a return of a negated errno gives its value and meaning', () => {
  const { summary } = explainLine(' return -EINVAL;');
  assert.match(summary, /^Returns -EINVAL \(-22\) to the caller, reporting failure with error "invalid argument"/);
});

test('return 0 is success', () => {
  assert.match(explainLine(' return 0;').summary, /success/);
});

test('a declaration lists its variables, their type and initial value', () => {
  assert.equal(
    explainLine('    int i, offset, max_scan, pid, last = pid_ns->last_pid;', { functionName: 'alloc_pidmap' }).summary,
    'Declares i, offset, max_scan, pid and last (int); last starts as pid_ns->last_pid.',
  );
});

test('a declaration initialised by kzalloc warns that it may fail and may sleep', () => {
  const { summary, notes } = explainLine(' void *page = kzalloc(PAGE_SIZE, GFP_KERNEL);', { functionName: 'alloc_pidmap_page' });
  assert.match(summary, /^Declares page \(void \*\); page starts as the result of kzalloc\(PAGE_SIZE \(4096\), GFP_KERNEL\)\./);
  assert.ok(notes.some((n) => /may return NULL/.test(n)));
  assert.ok(notes.some((n) => /may sleep/.test(n)));
});

test('a function head names the function, its return type and parameters', () => {
  assert.match(
    explainLine('static int alloc_fixed_pidmap(struct pid_namespace *pid_ns, int next_nr)').summary,
    /^Starts the definition of alloc_fixed_pidmap, a static function returning int, with parameters pid_ns \(struct pid_namespace \*\) and next_nr \(int\)\./,
  );
});

test('a function head\'s parameters resolve to that function\'s entries, not the context\'s', () => {
  const line = explainLine('static int alloc_fixed_pidmap(struct pid_namespace *pid_ns, int next_nr)', { functionName: 'free_pidmap' });
  assert.equal(line.identifiers.find((i) => i.name === 'pid_ns')?.entry.scope, 'alloc_fixed_pidmap');
});

test('a parameter list cut over two lines is described on both', () => {
  assert.match(explainLine('static int set_predefined_pid(struct pid_namespace *ns, struct pid *pid,').summary, /continuing on the next line/);
  assert.match(explainLine('    int next_nr)').summary, /^Continues the parameter list .* next_nr \(int\); the list ends here\.$/);
});

test('a for loop names its start, condition and step', () => {
  assert.equal(
    explainLine('    for (i = 0; i <= max_scan; ++i) {').summary,
    'Loops: first sets i to 0; repeats while i is at most max_scan; after each pass increments i by one; the loop body is the block that follows.',
  );
});

test('a for loop without initialisation says the counter keeps its value', () => {
  assert.match(explainLine(' for ( ; i >= 0; i--) {').summary, /no initialisation .* while i is zero or more; after each pass decrements i by one/);
});

test('an assignment of ERR_PTR explains the error pointer and warns about it', () => {
  const line = explainLine(' pid = ERR_PTR(-ENOMEM);', { kind: '+', functionName: 'alloc_pid' });
  assert.match(line.summary, /Sets pid to the result of ERR_PTR\(-ENOMEM \(-12\)\)\. ERR_PTR: Encodes a negative errno/);
  assert.ok(line.notes.some((n) => /must be tested with IS_ERR/.test(n)));
});

test('a goto names its label and the label\'s role in the function', () => {
  const line = explainLine(' goto out_free;', { functionName: 'alloc_pid' });
  assert.match(line.summary, /^Jumps to the label out_free: the error path of alloc_pid/);
  assert.ok(line.notes.some((n) => /overwrite pid with ERR_PTR/.test(n)));
});

test('a label line is described as a goto target', () => {
  assert.match(explainLine('out_free:', { functionName: 'alloc_pid' }).summary, /^Marks the label out_free, a goto target/);
});

test('a call statement is described with the callee\'s summary', () => {
  assert.equal(
    explainLine(' spin_lock_irq(&pidmap_lock);').summary,
    'Calls spin_lock_irq(&pidmap_lock). spin_lock_irq: Disables interrupts on this CPU and takes the spinlock.',
  );
});

test('a do line and the closing while line describe the do-while loop', () => {
  assert.match(explainLine('        do {').summary, /^Starts a do-while loop/);
  assert.match(explainLine('        } while (offset < BITS_PER_PAGE);').summary, /^Closes the do-while block .* while offset is below BITS_PER_PAGE \(32768\)\.$/);
});

test('else and brace lines are described', () => {
  assert.equal(explainLine(' else').summary, 'Otherwise (the if above was false), runs the statement on the next line.');
  assert.equal(explainLine('}').summary, 'Closes the block.');
  assert.equal(explainLine('{').summary, 'Opens a block.');
  assert.match(explainLine(' } else {').summary, /^Closes the block, then: otherwise/);
});

test('a bit test against a flag reads as "has the bit set" with the flag in hex', () => {
  assert.equal(
    explainLine('    if (clone_flags & CLONE_NEWPID) {').summary,
    'Checks whether clone_flags has any bit of CLONE_NEWPID (0x20000000) set; if so, runs the block that follows.',
  );
});

test('comment lines quote their text and pick up code-like words', () => {
  const line = explainLine(' *   . fork(), vfork(), clone()', { kind: '+' });
  assert.equal(line.summary, '(added by the patch) Comment text: ". fork(), vfork(), clone()"');
  assert.deepEqual(line.identifiers.map((i) => i.name), ['fork', 'vfork', 'clone']);
});

test('comment openers and closers are described', () => {
  assert.equal(explainLine(' /*').summary, 'Opens a block comment.');
  assert.equal(explainLine(' */').summary, 'Closes the block comment.');
  assert.equal(explainLine(' /* Go up one level */').summary, 'Comment: "Go up one level"');
});

test('a dereferencing statement that starts with a star is code, not comment text', () => {
  assert.equal(explainLine('\t*p = 1;').summary, 'Sets *p to 1.');
});

test('an include guard is explained', () => {
  assert.match(explainLine('#ifndef _LINUX_NEXT_SYSCALL_DATA_H').summary, /only if _LINUX_NEXT_SYSCALL_DATA_H is not defined \(an include guard/);
});

test('a blank line is a blank line', () => {
  assert.equal(explainLine('   ').summary, 'A blank line.');
});

test('an if with an empty body gets a review note', () => {
  const line = explainLine('if (rc < 0);');
  assert.match(line.summary, /does nothing/);
  assert.ok(line.notes.some((n) => /empty/.test(n)));
});

test('an assignment used as a condition gets a review note', () => {
  assert.ok(explainLine('if (rc = alloc_fixed_pidmap(ns, next_nr))').notes.some((n) => /"=" rather than comparing/.test(n)));
});

test('two statements on one line are both described and noted', () => {
  const line = explainLine('tmp = tmp->parent; i--;');
  assert.equal(line.summary, 'Sets tmp to tmp->parent. Then: decrements i by one.');
  assert.ok(line.notes.some((n) => /2 statements/.test(n)));
});

test('identifiers are listed once each, in order, with C keywords left out', () => {
  assert.deepEqual(names(' if (unlikely(alloc_pidmap_page(map)))', 'alloc_fixed_pidmap'), ['unlikely', 'alloc_pidmap_page', 'map']);
});

test('identifiers the knowledge base does not know are reported as unknown', () => {
  assert.deepEqual(explainLine('frobnicate(widget);').unknownIdentifiers, ['frobnicate', 'widget']);
});

test('a member and a plain use of one name are both listed with their own entries', () => {
  const line = explainLine(' pid->numbers[i].nr = nr;', { functionName: 'alloc_pid' });
  const nr = line.identifiers.filter((i) => i.name === 'nr').map((i) => i.entry.kind);
  assert.deepEqual(nr, ['field', 'local']);
});

test('a constant\'s value is given once per line', () => {
  const { summary } = explainLine('    max_scan = (pid_max + BITS_PER_PAGE - 1)/BITS_PER_PAGE - !offset;');
  assert.equal(summary.match(/\(32768\)/g)?.length, 1);
});

test('a counter passed by address is named without the & in a condition template', () => {
  assert.match(explainLine('    if (likely(atomic_read(&map->nr_free))) {').summary, /^Checks whether the counter map->nr_free is non-zero \(marked likely/);
});
