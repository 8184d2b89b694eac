// Error numbers seen in the patch and around it. Kernel functions return them negated (-ENOMEM);
// the system call returns -1 to user space with errno set to the positive value.
import type { KnowledgeEntry } from './entry';

export const errnoEntries: readonly KnowledgeEntry[] = [
  {
    name: 'ENOMEM',
    kind: 'errno',
    value: 12,
    summary: 'Error "out of memory"; an allocation failed.',
    detail: 'With this patch, fork() returns ENOMEM when the struct pid, a bitmap page or an automatically chosen pid number cannot be obtained.',
  },
  {
    name: 'EBUSY',
    kind: 'errno',
    value: 16,
    summary: 'Error "device or resource busy"; here, the requested pid number is already in use.',
    detail: 'alloc_fixed_pidmap returns -EBUSY when test_and_set_bit finds the bit of next_nr already set.',
  },
  {
    name: 'EINVAL',
    kind: 'errno',
    value: 22,
    summary: 'Error "invalid argument"; here, the requested pid number is outside the allowed range.',
    detail: 'alloc_fixed_pidmap returns -EINVAL when next_nr is below RESERVED_PIDS (300) or not below pid_max.',
  },
  {
    name: 'EAGAIN',
    kind: 'errno',
    value: 11,
    summary: 'Error "try again"; a temporary shortage, for example a process limit reached during fork.',
  },
  {
    name: 'EPERM',
    kind: 'errno',
    value: 1,
    summary: 'Error "operation not permitted"; the caller lacks the privilege.',
  },
  {
    name: 'EFAULT',
    kind: 'errno',
    value: 14,
    summary: 'Error "bad address"; a user-space pointer could not be read or written.',
  },
];
