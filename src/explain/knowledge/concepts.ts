// Ideas a reviewer needs to read the patch, not tied to one identifier. They are found by name
// (seeAlso links) and by the comment words that mention them.
import type { KnowledgeEntry } from './entry';

export const conceptEntries: readonly KnowledgeEntry[] = [
  {
    name: 'namespace levels',
    kind: 'concept',
    summary: 'Pid namespaces nest: level 0 is the initial namespace and each child namespace is one level deeper.',
    detail:
      'A task has a pid number at every level from its own namespace\'s level down to 0, kept in pid->numbers[level]. alloc_pid fills them from i = ns->level down to 0, following tmp->parent. With this patch only the number at ns->level (the task\'s own namespace) can be predefined; the others are chosen automatically.',
    seeAlso: ['upid', 'level', 'parent', 'alloc_pid'],
  },
  {
    name: 'pid bitmap',
    kind: 'concept',
    summary: 'Each pid namespace records which numbers are in use as one bit per number, in pages of BITS_PER_PAGE bits.',
    detail: 'Taking a number sets its bit with test_and_set_bit and decrements nr_free; freeing clears it and increments nr_free. Pages are allocated lazily.',
    seeAlso: ['pidmap', 'BITS_PER_PAGE', 'test_and_set_bit'],
  },
  {
    name: 'error pointers',
    kind: 'concept',
    summary: 'A kernel convention: a function returning a pointer reports failure by returning ERR_PTR(-errno), tested with IS_ERR.',
    detail: 'This patch switches alloc_pid from returning NULL to returning error pointers, so every caller and every cleanup path that used pid must be checked.',
    seeAlso: ['ERR_PTR', 'IS_ERR', 'PTR_ERR'],
  },
  {
    name: 'RCU',
    kind: 'concept',
    summary: 'Read-copy-update: readers run without locks, and writers delay freeing until all readers that could see the object are done.',
    seeAlso: ['call_rcu'],
  },
  {
    name: 'GFP flags',
    kind: 'concept',
    summary: 'The flags passed to kernel allocators saying what the allocator may do to find memory, above all whether it may sleep.',
    seeAlso: ['GFP_KERNEL', 'GFP_ATOMIC'],
  },
  {
    name: 'next_syscall_data proc file',
    kind: 'concept',
    summary: 'The series adds /proc/self/next_syscall_data: a value written there is used by the task\'s next object-creating system call as the id to give.',
    detail: 'It serves checkpoint/restart, which must recreate processes and IPC objects with their old ids. This patch makes fork, vfork and clone use it as the child\'s pid.',
    seeAlso: ['next_syscall_data', 'next_data_set', 'set_predefined_pid'],
  },
];
