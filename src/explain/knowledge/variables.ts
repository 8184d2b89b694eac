// Global variables of kernel/pid.c and kernel/fork.c that the patch touches or tests.
import type { KnowledgeEntry } from './entry';

export const variableEntries: readonly KnowledgeEntry[] = [
  {
    name: 'pid_max',
    kind: 'variable',
    summary: 'The kernel.pid_max sysctl: pid numbers are always below it (default 32768).',
    detail: 'It can be set from RESERVED_PIDS + 1 (301) up to PID_MAX_LIMIT (4194304). alloc_pidmap wraps to RESERVED_PIDS when it reaches pid_max; alloc_fixed_pidmap rejects a number at or above it.',
    seeAlso: ['PID_MAX_DEFAULT', 'PID_MAX_LIMIT', 'RESERVED_PIDS'],
  },
  {
    name: 'pidmap_lock',
    kind: 'variable',
    summary: 'The spinlock of kernel/pid.c that guards installing bitmap pages and the pid hash.',
    detail: 'It is always taken with interrupts disabled: free_pid, which also takes it, can run with interrupts already off.',
    seeAlso: ['spin_lock_irq', 'alloc_pidmap_page'],
  },
  {
    name: 'init_struct_pid',
    kind: 'variable',
    summary: 'The static struct pid of the idle tasks (pid 0); copy_process passes it for idle threads so no pid is allocated.',
  },
  {
    name: 'init_pid_ns',
    kind: 'variable',
    summary: 'The initial pid namespace (level 0), the one every task has a number in.',
  },
];
