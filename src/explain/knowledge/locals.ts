// Parameters, local variables and labels, keyed by the function they belong to: `pid` is a
// struct pid pointer in alloc_pid but an int in alloc_pidmap, so a name alone is not enough.
import type { KnowledgeEntry } from './entry';

function local(scope: string, name: string, summary: string, detail?: string): KnowledgeEntry {
  return detail === undefined ? { name, kind: 'local', scope, summary } : { name, kind: 'local', scope, summary, detail };
}

function label(scope: string, name: string, summary: string, caution?: string): KnowledgeEntry {
  return caution === undefined ? { name, kind: 'label', scope, summary } : { name, kind: 'label', scope, summary, caution };
}

export const localEntries: readonly KnowledgeEntry[] = [
  // kernel/pid.c: free_pidmap(struct upid *upid)
  local('free_pidmap', 'upid', 'Parameter: the pid number (and its namespace) to release.'),
  local('free_pidmap', 'nr', 'Local int: the number being released, read from upid->nr.'),
  local('free_pidmap', 'map', 'Local pointer to the pidmap entry that holds the number\'s bit.'),
  local('free_pidmap', 'offset', 'Local int: the bit of the number inside its page (nr & BITS_PER_PAGE_MASK).'),

  // alloc_pidmap_page(struct pidmap *map), added by the patch
  local('alloc_pidmap_page', 'map', 'Parameter: the pidmap entry whose page must exist.'),
  local(
    'alloc_pidmap_page',
    'page',
    'Local pointer to a freshly allocated, zeroed page; installed as map->page unless another CPU got there first.',
    'It is allocated before taking pidmap_lock because kzalloc(GFP_KERNEL) may sleep, which is not allowed under the lock.',
  ),

  // alloc_pidmap(struct pid_namespace *pid_ns)
  local('alloc_pidmap', 'pid_ns', 'Parameter: the namespace to allocate a number in.'),
  local('alloc_pidmap', 'i', 'Local int: loop counter over the pidmap pages scanned.'),
  local('alloc_pidmap', 'offset', 'Local int: the bit offset being tried inside the current page.'),
  local('alloc_pidmap', 'max_scan', 'Local int: how many pages to scan before giving up; covers every page below pid_max once.'),
  local('alloc_pidmap', 'pid', 'Local int: the candidate pid number (starts at last_pid + 1, wraps to RESERVED_PIDS).'),
  local('alloc_pidmap', 'last', 'Local int: pid_ns->last_pid when the search started.'),
  local('alloc_pidmap', 'map', 'Local pointer to the pidmap entry being scanned.'),
  local('alloc_pidmap', 'page', 'Local pointer (before the patch) to a freshly allocated bitmap page.'),

  // alloc_fixed_pidmap(struct pid_namespace *pid_ns, int next_nr), added by the patch
  local('alloc_fixed_pidmap', 'pid_ns', 'Parameter: the namespace to reserve the number in.'),
  local('alloc_fixed_pidmap', 'next_nr', 'Parameter: the pid number asked for through next_syscall_data.'),
  local('alloc_fixed_pidmap', 'offset', 'Local int: the bit of next_nr inside its page.'),
  local('alloc_fixed_pidmap', 'map', 'Local pointer to the pidmap entry that holds next_nr.'),

  // next_pidmap(struct pid_namespace *pid_ns, int last)
  local('next_pidmap', 'pid_ns', 'Parameter: the namespace whose bitmaps are searched.'),
  local('next_pidmap', 'last', 'Parameter: the number to search above.'),
  local('next_pidmap', 'offset', 'Local int: the bit offset being examined.'),
  local('next_pidmap', 'map', 'Local pointer to the pidmap entry being examined.'),

  // free_pid(struct pid *pid)
  local('free_pid', 'pid', 'Parameter: the struct pid being released.'),
  local('free_pid', 'i', 'Local int: loop counter over the namespace levels.'),

  // set_predefined_pid(struct pid_namespace *ns, struct pid *pid, int next_nr), added by the patch
  local('set_predefined_pid', 'ns', 'Parameter: the namespace the new task is created in.'),
  local('set_predefined_pid', 'pid', 'Parameter: the struct pid being filled in.'),
  local('set_predefined_pid', 'next_nr', 'Parameter: the number asked for through next_syscall_data.'),
  local('set_predefined_pid', 'i', 'Local int: the level of ns, the index of pid->numbers to fill.'),
  local('set_predefined_pid', 'rc', 'Local int: the result of alloc_fixed_pidmap (0 or a negative errno).'),

  // alloc_pid(struct pid_namespace *ns)
  local('alloc_pid', 'ns', 'Parameter: the namespace the new task is created in.'),
  local(
    'alloc_pid',
    'pid',
    'Local pointer to the struct pid being built, and the function\'s return value.',
    'After the patch it may be overwritten with ERR_PTR(...) on failure, which then also loses the address of the allocated object.',
  ),
  local('alloc_pid', 'tmp', 'Local pointer: the namespace whose number is allocated next, walking up through ->parent.'),
  local('alloc_pid', 'i', 'Local int: the namespace level being filled, from ns->level down to 0.'),
  local('alloc_pid', 'nr', 'Local int: the number alloc_pidmap returned for level i, or a negative value on failure.'),
  local('alloc_pid', 'upid', 'Local pointer used later in alloc_pid to walk pid->numbers when hashing the numbers.'),
  local('alloc_pid', 'next_nr', 'Block-local int (added by the patch): the number read from next_syscall_data.'),
  local('alloc_pid', 'rc', 'Block-local int (added by the patch): the result of set_predefined_pid.'),
  label('alloc_pid', 'out', 'The exit of alloc_pid: returns pid (a struct pid, or after the patch an error pointer).'),
  label(
    'alloc_pid',
    'out_free',
    'The error path of alloc_pid: frees the numbers already allocated at levels above i, frees the struct pid and returns failure.',
    'After this patch the jumps here first overwrite pid with ERR_PTR(...), so out_free reads pid->numbers and calls kmem_cache_free on the error pointer, and the real struct pid leaks.',
  ),

  // kernel/fork.c: copy_process(clone_flags, ...)
  local('copy_process', 'p', 'Local pointer to the new task being built.'),
  local('copy_process', 'pid', 'Local pointer to the child\'s struct pid (from alloc_pid, or init_struct_pid for idle tasks).'),
  local('copy_process', 'retval', 'Local int: the negative errno copy_process fails with; it becomes fork()\'s error.'),
  local('copy_process', 'clone_flags', 'Parameter: the CLONE_* flags passed to clone (or fixed ones for fork and vfork).'),
  label('copy_process', 'bad_fork_cleanup_io', 'One of copy_process\'s unwinding labels: undoes the steps done so far and returns ERR_PTR(retval).'),
];
