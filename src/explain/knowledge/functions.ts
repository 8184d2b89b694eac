// Kernel functions called or defined by the sample patch (kernel/pid.c, kernel/fork.c of
// linux-2.6.26-rc8-mm1 and the next_syscall_data series), plus close relatives a reviewer
// meets in the same code. Function-like macros live in macros.ts.
import type { KnowledgeEntry } from './entry';

export const functionEntries: readonly KnowledgeEntry[] = [
  // Memory allocation.
  {
    name: 'kzalloc',
    kind: 'function',
    summary: 'Allocates a block of kernel memory of the given size and fills it with zeros.',
    detail:
      'kzalloc(size, flags) is kmalloc() followed by zeroing. It returns NULL when the memory cannot be found, so every caller must check the result. With GFP_KERNEL it may sleep while the kernel reclaims memory.',
    caution: 'kzalloc may return NULL: the result must be checked before use.',
    seeAlso: ['kfree', 'GFP_KERNEL'],
  },
  {
    name: 'kmalloc',
    kind: 'function',
    summary: 'Allocates a block of kernel memory of the given size, without clearing it.',
    detail: 'Returns NULL on failure. The flags (GFP_KERNEL, GFP_ATOMIC, …) say whether the allocation may sleep.',
    seeAlso: ['kzalloc', 'kfree'],
  },
  {
    name: 'kfree',
    kind: 'function',
    summary: 'Frees memory obtained from kmalloc or kzalloc.',
    detail:
      'kfree(NULL) does nothing, so it is safe on a pointer that was never allocated. Passing an error pointer (ERR_PTR value) or an already freed pointer is a bug.',
    seeAlso: ['kzalloc'],
  },
  {
    name: 'kmem_cache_alloc',
    kind: 'function',
    summary: 'Takes one object from a slab cache (here: a struct pid from the namespace\'s pid cache).',
    detail:
      'kmem_cache_alloc(cache, flags) returns NULL when no memory is available; the object is not zeroed. In alloc_pid the cache is ns->pid_cachep, sized for a struct pid with one upid per namespace level.',
    caution: 'kmem_cache_alloc may return NULL: the result must be checked before use.',
    seeAlso: ['kmem_cache_free', 'pid_cachep'],
  },
  {
    name: 'kmem_cache_free',
    kind: 'function',
    summary: 'Returns an object to the slab cache it came from.',
    detail:
      'The pointer must be a live object from that same cache. Freeing an error pointer (an ERR_PTR value) or an object twice is a bug.',
    seeAlso: ['kmem_cache_alloc'],
  },

  // Locking.
  {
    name: 'spin_lock_irq',
    kind: 'function',
    summary: 'Disables interrupts on this CPU and takes the spinlock.',
    detail:
      'Other CPUs trying to take the lock spin until it is released. Interrupts stay off until spin_unlock_irq, which turns them back on unconditionally, so this form is only correct where interrupts are known to be enabled. Nothing between lock and unlock may sleep.',
    caution: 'Interrupts stay disabled until spin_unlock_irq: nothing in between may sleep (no GFP_KERNEL allocation).',
    seeAlso: ['spin_unlock_irq', 'pidmap_lock'],
  },
  {
    name: 'spin_unlock_irq',
    kind: 'function',
    summary: 'Releases the spinlock and re-enables interrupts on this CPU.',
    detail: 'Pairs with spin_lock_irq. It enables interrupts even if they were off before the lock was taken.',
    seeAlso: ['spin_lock_irq'],
  },
  {
    name: 'spin_lock_irqsave',
    kind: 'function',
    summary: 'Takes the spinlock with interrupts disabled, saving the previous interrupt state in flags.',
    detail: 'Unlike spin_lock_irq it can be used whether or not interrupts were enabled; spin_unlock_irqrestore puts the saved state back.',
    seeAlso: ['spin_unlock_irqrestore'],
  },
  {
    name: 'spin_unlock_irqrestore',
    kind: 'function',
    summary: 'Releases the spinlock and restores the interrupt state saved by spin_lock_irqsave.',
    seeAlso: ['spin_lock_irqsave'],
  },

  // Bit operations on the pid bitmap.
  {
    name: 'test_and_set_bit',
    kind: 'function',
    summary: 'Atomically sets one bit in a bitmap and returns the value the bit had before.',
    detail:
      'test_and_set_bit(nr, addr) returns the OLD bit: 0 means the bit was clear and this caller now owns it, non-zero means it was already set by someone else. The set happens either way. Being atomic, two CPUs can never both see 0 for the same bit, which is what makes pid number allocation race-free without a lock.',
    caution: 'test_and_set_bit returns the OLD bit value: non-zero means the number was already taken.',
    condition: { whenTrue: 'bit $1 of $2 was already set (the number is taken)', whenFalse: 'bit $1 of $2 was clear until now (this caller just took it)' },
    seeAlso: ['clear_bit', 'pidmap'],
  },
  {
    name: 'clear_bit',
    kind: 'function',
    summary: 'Atomically clears one bit in a bitmap.',
    detail: 'free_pidmap uses it to give a pid number back: the bit for the number is cleared and nr_free goes up by one.',
    seeAlso: ['test_and_set_bit'],
  },
  {
    name: 'set_bit',
    kind: 'function',
    summary: 'Atomically sets one bit in a bitmap, without reporting its old value.',
    seeAlso: ['test_and_set_bit'],
  },
  {
    name: 'find_next_zero_bit',
    kind: 'function',
    summary: 'Finds the first clear bit at or after a given position in a bitmap.',
    detail: 'find_next_zero_bit(addr, size, offset) returns size when no clear bit is left, which callers must check.',
    seeAlso: ['find_next_offset'],
  },

  // Atomic counters.
  {
    name: 'atomic_read',
    kind: 'function',
    summary: 'Reads the current value of an atomic counter.',
    detail: 'In alloc_pidmap, atomic_read(&map->nr_free) tells whether a pidmap page still has free numbers; the value may change right after it is read.',
    condition: { whenTrue: 'the counter $1 is non-zero', whenFalse: 'the counter $1 is zero' },
    seeAlso: ['atomic_inc', 'atomic_dec', 'nr_free'],
  },
  {
    name: 'atomic_inc',
    kind: 'function',
    summary: 'Adds one to an atomic counter.',
    detail: 'free_pidmap uses it on map->nr_free when a pid number is released.',
    seeAlso: ['atomic_dec', 'nr_free'],
  },
  {
    name: 'atomic_dec',
    kind: 'function',
    summary: 'Subtracts one from an atomic counter.',
    detail:
      'It returns nothing and implies no memory barrier. Here it keeps map->nr_free equal to the number of clear bits after a number was taken with test_and_set_bit.',
    seeAlso: ['atomic_inc', 'nr_free'],
  },
  {
    name: 'atomic_set',
    kind: 'function',
    summary: 'Stores a value into an atomic counter.',
    seeAlso: ['atomic_read'],
  },

  // RCU.
  {
    name: 'call_rcu',
    kind: 'function',
    summary: 'Schedules a callback to run once every CPU has left its current RCU read-side section.',
    detail:
      'call_rcu(&obj->rcu, fn) lets readers that found the object under rcu_read_lock finish before fn frees it. free_pid uses it with delayed_put_pid so that lookups in the pid hash never touch freed memory.',
    seeAlso: ['delayed_put_pid', 'RCU'],
  },

  // pid allocation (kernel/pid.c).
  {
    name: 'alloc_pidmap',
    kind: 'function',
    summary: 'Finds a free pid number in one namespace\'s bitmap, marks it used and returns it, or returns -1.',
    detail:
      'The search starts at last_pid + 1, wraps from pid_max back to RESERVED_PIDS (300), and scans each pidmap page with find_next_offset and test_and_set_bit. Pages are allocated on first use with kzalloc. On success it decrements nr_free, stores the number in last_pid and returns it; when no number is free or a page cannot be allocated it returns -1 (not an errno).',
    seeAlso: ['alloc_pidmap_page', 'alloc_fixed_pidmap', 'RESERVED_PIDS', 'pid_max', 'last_pid'],
  },
  {
    name: 'alloc_pidmap_page',
    kind: 'function',
    summary: 'Added by this patch: makes sure a pidmap entry has its bitmap page, allocating it if needed; returns 0 or -1.',
    detail:
      'The code is moved out of alloc_pidmap so that alloc_fixed_pidmap can share it. It allocates a zeroed page with kzalloc(GFP_KERNEL) outside the lock, then installs it under pidmap_lock unless another CPU installed one first, in which case its own page is freed. It returns -1 only when no page is installed afterwards (the allocation failed).',
    seeAlso: ['alloc_pidmap', 'alloc_fixed_pidmap', 'kzalloc', 'pidmap_lock'],
  },
  {
    name: 'alloc_fixed_pidmap',
    kind: 'function',
    summary: 'Added by this patch: reserves one chosen pid number in a namespace\'s bitmap; returns 0 or a negative errno.',
    detail:
      'It returns -EINVAL when next_nr is below RESERVED_PIDS (300) or at least pid_max, -ENOMEM when the bitmap page cannot be allocated, and -EBUSY when the number is already in use (test_and_set_bit saw the bit set). On success it decrements nr_free and raises last_pid to next_nr if next_nr is larger, so automatic allocation continues above it.',
    seeAlso: ['set_predefined_pid', 'alloc_pidmap_page', 'EINVAL', 'ENOMEM', 'EBUSY'],
  },
  {
    name: 'next_pidmap',
    kind: 'function',
    summary: 'Returns the next pid number above last that is in use in the namespace, or -1 when there is none.',
    detail: 'Used when listing /proc; it only reads the bitmaps.',
    seeAlso: ['alloc_pidmap'],
  },
  {
    name: 'free_pidmap',
    kind: 'function',
    summary: 'Gives one pid number back: clears its bit in the namespace\'s bitmap and increments nr_free.',
    detail:
      'It takes a struct upid and reads upid->nr and upid->ns first, so it must be given a valid upid; passing pid->numbers + i when pid holds an error pointer dereferences that error pointer.',
    seeAlso: ['alloc_pidmap', 'clear_bit', 'upid'],
  },
  {
    name: 'free_pid',
    kind: 'function',
    summary: 'Releases a struct pid: unhashes it, frees its number at every namespace level and drops its reference once RCU readers are done.',
    seeAlso: ['free_pidmap', 'call_rcu', 'delayed_put_pid'],
  },
  {
    name: 'delayed_put_pid',
    kind: 'function',
    summary: 'The RCU callback that drops the reference on a struct pid once readers are done with it.',
    seeAlso: ['call_rcu', 'put_pid'],
  },
  {
    name: 'put_pid',
    kind: 'function',
    summary: 'Drops a reference to a struct pid and frees it (kmem_cache_free) when the last one goes.',
    seeAlso: ['alloc_pid'],
  },
  {
    name: 'alloc_pid',
    kind: 'function',
    summary: 'Allocates the struct pid of a new task with a pid number in every namespace level from its own up to the initial one.',
    detail:
      'It takes a struct pid from ns->pid_cachep, then walks from level ns->level up to level 0 (tmp = tmp->parent) giving the task one upid per level. Before the patch it returns NULL on any failure; after it, it returns ERR_PTR(-ENOMEM), or the error of set_predefined_pid (-EINVAL, -EBUSY, -ENOMEM), and callers must use IS_ERR. With the patch, a value set in next_syscall_data is used for the level ns->level number and cleared.',
    seeAlso: ['alloc_pidmap', 'set_predefined_pid', 'copy_process', 'namespace levels'],
  },
  {
    name: 'set_predefined_pid',
    kind: 'function',
    summary: 'Added by this patch: gives the new struct pid the chosen number next_nr at level ns->level; returns 0 or a negative errno.',
    detail:
      'Level ns->level is the namespace the new task is created in (the highest level index, which the patch calls the upper level). It reserves the number with alloc_fixed_pidmap and, on success, fills pid->numbers[ns->level] with the number and the namespace. The levels above it (lower indexes) are still allocated automatically by alloc_pid.',
    seeAlso: ['alloc_fixed_pidmap', 'alloc_pid', 'namespace levels'],
  },
  {
    name: 'find_next_offset',
    kind: 'macro',
    summary: 'A pid.c macro: the first clear bit at or after an offset in one pidmap page (find_next_zero_bit over BITS_PER_PAGE bits).',
    detail: 'It yields BITS_PER_PAGE (32768) when the rest of the page is full, which alloc_pidmap treats as "go to the next page".',
    seeAlso: ['find_next_zero_bit', 'BITS_PER_PAGE', 'alloc_pidmap'],
  },
  {
    name: 'mk_pid',
    kind: 'macro',
    summary: 'A pid.c macro: turns a pidmap entry and a bit offset back into a pid number ((map - pid_ns->pidmap) * BITS_PER_PAGE + offset).',
    seeAlso: ['BITS_PER_PAGE', 'alloc_pidmap'],
  },
  {
    name: 'get_pid_ns',
    kind: 'function',
    summary: 'Takes a reference on a pid namespace so it outlives the struct pid that points to it.',
  },

  // Process creation (kernel/fork.c) and namespaces.
  {
    name: 'copy_process',
    kind: 'function',
    summary: 'The core of fork, vfork and clone: duplicates the calling task into a new task_struct.',
    detail:
      'Among many other steps it calls alloc_pid for the child (unless the child is an idle task using init_struct_pid). On failure it unwinds through a chain of bad_fork_* labels and returns ERR_PTR(retval), so retval decides the errno that fork() returns to user space.',
    seeAlso: ['alloc_pid', 'retval', 'bad_fork_cleanup_io'],
  },
  {
    name: 'task_active_pid_ns',
    kind: 'function',
    summary: 'Returns the pid namespace a task belongs to.',
    detail: 'For the new task p in copy_process this is the namespace the child\'s pid numbers are allocated in (a new one when clone was given CLONE_NEWPID).',
    seeAlso: ['pid_namespace'],
  },
  {
    name: 'pid_ns_prepare_proc',
    kind: 'function',
    summary: 'Sets up the internal /proc mount of a newly created pid namespace.',
    detail: 'copy_process calls it when clone was given CLONE_NEWPID; its error becomes retval.',
    seeAlso: ['CLONE_NEWPID'],
  },
  {
    name: 'next_data_set',
    kind: 'function',
    summary: 'From an earlier patch of this series: tells whether the task has a value waiting in next_syscall_data.',
    detail: 'A value gets there when the task writes to /proc/self/next_syscall_data.',
    condition: { whenTrue: '$1 has a value waiting in next_syscall_data', whenFalse: '$1 has no value waiting in next_syscall_data' },
    seeAlso: ['get_next_data', 'reset_next_syscall_data', 'next_syscall_data'],
  },
  {
    name: 'get_next_data',
    kind: 'function',
    summary: 'From an earlier patch of this series: returns the value the task wrote to next_syscall_data.',
    seeAlso: ['next_data_set', 'reset_next_syscall_data'],
  },
  {
    name: 'reset_next_syscall_data',
    kind: 'function',
    summary: 'From an earlier patch of this series: clears the task\'s next_syscall_data so the value is used only once.',
    detail: 'alloc_pid calls it before trying the number, so the value is consumed even when the fork then fails.',
    seeAlso: ['next_data_set', 'get_next_data'],
  },
  {
    name: 'fork',
    kind: 'function',
    summary: 'The system call that creates a child process as a copy of the caller.',
    detail: 'With this patch, a value set in next_syscall_data becomes the child\'s pid number in the caller\'s namespace.',
    seeAlso: ['copy_process', 'vfork', 'clone'],
  },
  {
    name: 'vfork',
    kind: 'function',
    summary: 'The system call that creates a child sharing the parent\'s memory until the child execs or exits.',
    seeAlso: ['fork', 'clone'],
  },
  {
    name: 'clone',
    kind: 'function',
    summary: 'The system call that creates a child with flags choosing what it shares (and, with CLONE_NEWPID, a new pid namespace).',
    seeAlso: ['fork', 'CLONE_NEWPID'],
  },
  {
    name: 'msgget',
    kind: 'function',
    summary: 'The System V IPC call that creates or opens a message queue; the series lets next_syscall_data choose its id.',
  },
  {
    name: 'semget',
    kind: 'function',
    summary: 'The System V IPC call that creates or opens a semaphore set; the series lets next_syscall_data choose its id.',
  },
  {
    name: 'shmget',
    kind: 'function',
    summary: 'The System V IPC call that creates or opens a shared memory segment; the series lets next_syscall_data choose its id.',
  },
];
