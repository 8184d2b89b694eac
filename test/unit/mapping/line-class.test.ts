import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyCLine, START_OF_CODE, type LineState } from '../../../src/mapping/line-class';
import { mapPatch } from '../../../src/mapping';
import { samplePatch } from './sample';

/** The classes of consecutive lines of one image. */
function classes(lines: readonly string[]): string[] {
  let state: LineState = START_OF_CODE;
  return lines.map((text) => {
    const classified = classifyCLine(text, state);
    state = classified;
    return classified.lineClass;
  });
}

test('preprocessor directives are their own class, indented or not', () => {
  assert.deepEqual(classes(['#ifndef _LINUX_NEXT_SYSCALL_DATA_H', '#define _LINUX_NEXT_SYSCALL_DATA_H', '#include <linux/sched.h>', '  # endif']),
    ['preprocessor', 'preprocessor', 'preprocessor', 'preprocessor']);
});

test('a macro continued with backslashes is preprocessor to its last line, and code follows it', () => {
  assert.deepEqual(classes(['#define next_data_set(tsk) \\', '\t((tsk)->nsd != NULL && \\', '\t (tsk)->nsd->ndata)', 'reset_next_syscall_data(current);']),
    ['preprocessor', 'preprocessor', 'preprocessor', 'executable']);
});

test('a comment opened on a directive line stays open on the next lines', () => {
  assert.deepEqual(classes(['#endif /* _LINUX_X_H', ' * still the comment */', 'x = 1;']), ['preprocessor', 'comment', 'executable']);
});

test('the head of a type body is a declaration, not executable', () => {
  assert.deepEqual(classes(['struct next_syscall_data {', 'typedef union pidmap_word {', 'enum pid_type {', 'struct {']),
    ['declaration', 'declaration', 'declaration', 'declaration']);
});

test('prototypes are declarations; calls, initialised declarations and function heads are not', () => {
  assert.deepEqual(classes(['extern int get_next_data(struct task_struct *);', 'static inline void reset_next_syscall_data(struct task_struct *tsk);']),
    ['declaration', 'declaration']);
  assert.deepEqual(classes(['reset_next_syscall_data(current);', 'int next_nr = get_next_data(current);', 'static int alloc_pidmap(struct pid_namespace *pid_ns)', 'atomic_set(&pid->count, 1);']),
    ['executable', 'executable', 'executable', 'executable']);
});

test('the sample header file: its include guard is preprocessor and its struct head a declaration', () => {
  const header = mapPatch(samplePatch).files.find((f) => f.path === 'include/linux/next_syscall_data.h');
  assert.ok(header);
  const classOf = (text: string) => header.lines.find((l) => l.text.trim() === text)?.lineClass;
  assert.equal(classOf('#ifndef _LINUX_NEXT_SYSCALL_DATA_H'), 'preprocessor');
  assert.equal(classOf('struct next_syscall_data {'), 'declaration');
});
