// Structures, typedefs and their fields. A field entry names its struct in `owner`; the same
// field name may exist in several structs (pid.level and pid_namespace.level).
import type { KnowledgeEntry } from './entry';

export const typeEntries: readonly KnowledgeEntry[] = [
  {
    name: 'pid',
    kind: 'type',
    summary: 'struct pid: the kernel object behind a process id, holding its number in every namespace level.',
    detail:
      'It is reference counted and found through a hash under RCU. numbers[] has one struct upid per level from 0 (the initial namespace) to the level of the namespace the task was created in.',
    seeAlso: ['upid', 'numbers', 'alloc_pid', 'free_pid'],
  },
  {
    name: 'upid',
    kind: 'type',
    summary: 'struct upid: one pid number as seen in one namespace (the number nr and the namespace ns).',
    detail: 'A task in a nested pid namespace has several upids, one per level, each with its own number: pid 1 inside a container may be pid 4000 outside.',
    seeAlso: ['pid', 'nr', 'ns', 'namespace levels'],
  },
  {
    name: 'pidmap',
    kind: 'type',
    summary: 'struct pidmap: one page-sized bitmap of pid numbers and a count of its free bits.',
    detail: 'Bit n of entry k stands for pid number k * BITS_PER_PAGE + n; a set bit means the number is in use. page is NULL until the first number in its range is needed.',
    seeAlso: ['page', 'nr_free', 'BITS_PER_PAGE', 'pid bitmap'],
  },
  {
    name: 'pid_namespace',
    kind: 'type',
    summary: 'struct pid_namespace: a pid namespace, with its bitmaps of used numbers, last_pid, level and parent.',
    seeAlso: ['pidmap', 'last_pid', 'level', 'parent', 'namespace levels'],
  },
  {
    name: 'task_struct',
    kind: 'type',
    summary: 'struct task_struct: the kernel\'s description of one task (process or thread).',
  },
  {
    name: 'next_syscall_data',
    kind: 'type',
    summary: 'struct next_syscall_data: from this series, data a task stores (through /proc/self/next_syscall_data) for its next system call to use.',
    detail: 'The series uses it to choose the id of the next object created: a System V IPC id and, with this patch, the pid of the next child.',
    seeAlso: ['next_data_set', 'get_next_data', 'reset_next_syscall_data', 'ndata'],
  },
  {
    name: 'kmem_cache',
    kind: 'type',
    summary: 'struct kmem_cache: a slab cache handing out objects of one size.',
    seeAlso: ['kmem_cache_alloc'],
  },
  {
    name: 'atomic_t',
    kind: 'type',
    summary: 'An integer that is read and changed only with atomic operations, safe without a lock.',
    seeAlso: ['atomic_read', 'atomic_inc', 'atomic_dec'],
  },
  {
    name: 'spinlock_t',
    kind: 'type',
    summary: 'A spinlock: a lock whose waiters busy-wait; held only for short sections that never sleep.',
  },
  {
    name: 'rcu_head',
    kind: 'type',
    summary: 'struct rcu_head: the link an object embeds so it can be queued with call_rcu.',
  },
];

export const fieldEntries: readonly KnowledgeEntry[] = [
  {
    name: 'nr',
    kind: 'field',
    owner: 'upid',
    summary: 'upid.nr: the pid number in that namespace.',
  },
  {
    name: 'ns',
    kind: 'field',
    owner: 'upid',
    summary: 'upid.ns: the namespace the number belongs to.',
  },
  {
    name: 'numbers',
    kind: 'field',
    owner: 'pid',
    summary: 'pid.numbers: the array of upids, numbers[i] being the number at namespace level i.',
    detail: 'The array is allocated with level + 1 entries (the cache is sized per namespace); pid->numbers + i is the address of entry i.',
  },
  {
    name: 'rcu',
    kind: 'field',
    owner: 'pid',
    summary: 'pid.rcu: the RCU link used to free the struct pid after a grace period.',
  },
  {
    name: 'count',
    kind: 'field',
    owner: 'pid',
    summary: 'pid.count: the reference count of the struct pid.',
  },
  {
    name: 'page',
    kind: 'field',
    owner: 'pidmap',
    summary: 'pidmap.page: the bitmap page, or NULL when it has not been allocated yet.',
    detail: 'It is written only under pidmap_lock, and only from NULL to a page: once set it stays.',
  },
  {
    name: 'nr_free',
    kind: 'field',
    owner: 'pidmap',
    summary: 'pidmap.nr_free: an atomic count of the clear bits (free numbers) in this page.',
    detail: 'It starts at BITS_PER_PAGE and must go down by one for each bit set and up by one for each bit cleared.',
  },
  {
    name: 'pidmap',
    kind: 'field',
    owner: 'pid_namespace',
    summary: 'pid_namespace.pidmap: the namespace\'s PIDMAP_ENTRIES (128) bitmap entries; number n is in pidmap[n / BITS_PER_PAGE].',
  },
  {
    name: 'last_pid',
    kind: 'field',
    owner: 'pid_namespace',
    summary: 'pid_namespace.last_pid: the last number allocated; the next automatic search starts just above it.',
    detail: 'The patch raises it to a predefined number when that number is larger, so numbers handed out automatically afterwards continue above it.',
  },
  {
    name: 'level',
    kind: 'field',
    owner: 'pid_namespace',
    summary: 'pid_namespace.level: the depth of the namespace; 0 for the initial namespace, parent\'s level + 1 otherwise.',
  },
  {
    name: 'parent',
    kind: 'field',
    owner: 'pid_namespace',
    summary: 'pid_namespace.parent: the namespace one level up (lower level index).',
  },
  {
    name: 'pid_cachep',
    kind: 'field',
    owner: 'pid_namespace',
    summary: 'pid_namespace.pid_cachep: the slab cache for struct pid objects with this namespace\'s number of levels.',
  },
  {
    name: 'ndata',
    kind: 'field',
    owner: 'next_syscall_data',
    summary: 'next_syscall_data.ndata: how many values are stored and waiting to be used by the next system calls.',
  },
];
