// The one table of every statement the model executes as a step. The stepper names steps by
// these ids; the mapping layer places patch lines onto them through the match keys; the UI shows
// either the patch's own C line or, for code outside the patch, the TypeScript named by `impl`.
// The match keys are only for matching and are never shown to users.

export type Variant = 'baseline' | 'patched';
export const VARIANTS: readonly Variant[] = ['baseline', 'patched'];

/** For values read from outside (a scenario's JSON): is it a variant's name? */
export function isVariant(value: unknown): value is Variant {
  return value === 'baseline' || value === 'patched';
}

/** call: a function's entry (its signature); return: a return statement or a void function's end. */
export type StepKind = 'call' | 'statement' | 'branch' | 'loop-condition' | 'return' | 'label';

/** The C functions the model implements, plus the scenario driver that calls them. */
export type ModelFunction =
  | 'scenario'
  | 'copy_process'
  | 'alloc_pid'
  | 'set_predefined_pid'
  | 'alloc_fixed_pidmap'
  | 'alloc_pidmap'
  | 'alloc_pidmap_page'
  | 'free_pidmap'
  | 'free_pid'
  | 'next_pidmap';

export function isModelFunction(name: string): name is ModelFunction {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}

export interface FunctionInfo {
  /** The C source file of the function, or null for the scenario driver. */
  readonly cFile: string | null;
  /** Where our TypeScript implements it (shown for code outside the patch). */
  readonly tsFile: string;
  readonly tsSymbol: string;
  /** Which variants have the function at all. */
  readonly variants: readonly Variant[];
}

export const FUNCTIONS: Readonly<Record<ModelFunction, FunctionInfo>> = {
  scenario: { cFile: null, tsFile: 'src/kernel/run.ts', tsSymbol: 'runOps', variants: VARIANTS },
  copy_process: { cFile: 'kernel/fork.c', tsFile: 'src/kernel/fork.ts', tsSymbol: 'copyProcess', variants: VARIANTS },
  alloc_pid: { cFile: 'kernel/pid.c', tsFile: 'src/kernel/pid.ts', tsSymbol: 'allocPid', variants: VARIANTS },
  set_predefined_pid: { cFile: 'kernel/pid.c', tsFile: 'src/kernel/pid.ts', tsSymbol: 'setPredefinedPid', variants: ['patched'] },
  alloc_fixed_pidmap: { cFile: 'kernel/pid.c', tsFile: 'src/kernel/pid.ts', tsSymbol: 'allocFixedPidmap', variants: ['patched'] },
  alloc_pidmap: { cFile: 'kernel/pid.c', tsFile: 'src/kernel/pid.ts', tsSymbol: 'allocPidmap', variants: VARIANTS },
  alloc_pidmap_page: { cFile: 'kernel/pid.c', tsFile: 'src/kernel/pid.ts', tsSymbol: 'allocPidmapPage', variants: ['patched'] },
  free_pidmap: { cFile: 'kernel/pid.c', tsFile: 'src/kernel/pid.ts', tsSymbol: 'freePidmap', variants: VARIANTS },
  free_pid: { cFile: 'kernel/pid.c', tsFile: 'src/kernel/pid.ts', tsSymbol: 'freePid', variants: VARIANTS },
  // Only its opening lines appear as patch context; no scenario calls it.
  next_pidmap: { cFile: 'kernel/pid.c', tsFile: 'src/kernel/pid.ts', tsSymbol: '(not modelled)', variants: VARIANTS },
};

export interface ModelStatement {
  readonly id: StepId;
  readonly fn: ModelFunction;
  readonly kind: StepKind;
  readonly variants: readonly Variant[];
  /** Normalised C text per variant that has the statement (see normaliseC); null: no C text. */
  readonly matchKeys: Readonly<Partial<Record<Variant, string | null>>>;
  /** For statements written over several physical lines: each line normalised, per variant. */
  readonly matchLines: Readonly<Partial<Record<Variant, readonly string[]>>>;
  /** False for statements no scenario can reach (kept so that patch context lines map). */
  readonly reachable: boolean;
  readonly tsFile: string;
  readonly tsSymbol: string;
}

/**
 * Normalises one C statement for matching: comments dropped, whitespace removed except one
 * space between two identifier characters, a trailing `{` and a leading `}` dropped. The mapping
 * layer must normalise patch lines with this same function.
 */
export function normaliseC(text: string): string {
  const noComments = text.replace(/\/\*.*?\*\//g, ' ').replace(/\/\/.*$/, ' ');
  const squeezed = noComments
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ (?=[^A-Za-z0-9_])|(?<=[^A-Za-z0-9_]) /g, '');
  return squeezed.replace(/\{$/, '').replace(/^\}/, '');
}

interface Row {
  readonly id: string;
  readonly kind: StepKind;
  /** The C text (one string per physical line), the same in every variant listed. */
  readonly c: string | readonly string[] | null;
  readonly variants?: readonly Variant[];
  /** Per-variant C text when it differs between the variants. */
  readonly cByVariant?: Readonly<Partial<Record<Variant, string | readonly string[]>>>;
  readonly reachable?: boolean;
}

const B: readonly Variant[] = ['baseline'];
const P: readonly Variant[] = ['patched'];

// Each function's rows, in source order. Ids are `function/what`; the text after the function
// name is stable and never reused for another statement. `as const` keeps every id as a literal,
// so StepId below is the union of exactly these ids.
const ROWS = {
  scenario: [
    { id: 'scenario/entry', kind: 'call', c: null },
    { id: 'scenario/set_next', kind: 'statement', c: null },
    { id: 'scenario/fork', kind: 'statement', c: null },
    { id: 'scenario/fork-done', kind: 'statement', c: null },
    { id: 'scenario/exit', kind: 'statement', c: null },
    { id: 'scenario/end', kind: 'statement', c: null },
  ],
  copy_process: [
    {
      id: 'copy_process/entry', kind: 'call',
      c: ['static struct task_struct *copy_process(unsigned long clone_flags,', 'unsigned long stack_start,',
        'struct pt_regs *regs,', 'unsigned long stack_size,', 'int __user *child_tidptr,', 'struct pid *pid)'],
    },
    { id: 'copy_process/copy_thread', kind: 'statement', c: 'retval = copy_thread(0, clone_flags, stack_start, stack_size, p, regs);' },
    { id: 'copy_process/if-retval', kind: 'branch', c: 'if (retval)' },
    { id: 'copy_process/if-retval/goto', kind: 'statement', c: 'goto bad_fork_cleanup_io;', reachable: false },
    { id: 'copy_process/if-not-init', kind: 'branch', c: 'if (pid != &init_struct_pid) {' },
    { id: 'copy_process/retval-enomem', kind: 'statement', c: 'retval = -ENOMEM;', variants: B },
    { id: 'copy_process/alloc_pid', kind: 'statement', c: 'pid = alloc_pid(task_active_pid_ns(p));' },
    { id: 'copy_process/if-no-pid', kind: 'branch', c: 'if (!pid)', variants: B },
    { id: 'copy_process/if-is-err', kind: 'branch', c: 'if (IS_ERR(pid)) {', variants: P },
    { id: 'copy_process/retval-ptr-err', kind: 'statement', c: 'retval = PTR_ERR(pid);', variants: P },
    { id: 'copy_process/goto-cleanup-io', kind: 'statement', c: 'goto bad_fork_cleanup_io;' },
    { id: 'copy_process/if-newpid', kind: 'branch', c: 'if (clone_flags & CLONE_NEWPID) {' },
    { id: 'copy_process/pid_ns_prepare_proc', kind: 'statement', c: 'retval = pid_ns_prepare_proc(task_active_pid_ns(p));', reachable: false },
    { id: 'copy_process/return-p', kind: 'return', c: 'return p;' },
    { id: 'copy_process/bad_fork_cleanup_io', kind: 'label', c: 'bad_fork_cleanup_io:' },
    { id: 'copy_process/return-err', kind: 'return', c: 'return ERR_PTR(retval);' },
  ],
  alloc_pid: [
    { id: 'alloc_pid/entry', kind: 'call', c: 'struct pid *alloc_pid(struct pid_namespace *ns)' },
    { id: 'alloc_pid/kmem_cache_alloc', kind: 'statement', c: 'pid = kmem_cache_alloc(ns->pid_cachep, GFP_KERNEL);' },
    { id: 'alloc_pid/if-no-pid', kind: 'branch', c: null, cByVariant: { baseline: 'if (!pid)', patched: 'if (!pid) {' } },
    { id: 'alloc_pid/if-no-pid/err-ptr', kind: 'statement', c: 'pid = ERR_PTR(-ENOMEM);', variants: P },
    { id: 'alloc_pid/if-no-pid/goto-out', kind: 'statement', c: 'goto out;' },
    { id: 'alloc_pid/tmp-ns', kind: 'statement', c: 'tmp = ns;' },
    { id: 'alloc_pid/i-level', kind: 'statement', c: 'i = ns->level;', variants: P },
    { id: 'alloc_pid/if-next-data', kind: 'branch', c: 'if (unlikely(next_data_set(current))) {', variants: P },
    { id: 'alloc_pid/next_nr', kind: 'statement', c: 'int next_nr = get_next_data(current);', variants: P },
    { id: 'alloc_pid/reset-next', kind: 'statement', c: 'reset_next_syscall_data(current);', variants: P },
    { id: 'alloc_pid/set_predefined_pid', kind: 'statement', c: 'rc = set_predefined_pid(tmp, pid, next_nr);', variants: P },
    { id: 'alloc_pid/if-rc', kind: 'branch', c: 'if (rc < 0) {', variants: P },
    { id: 'alloc_pid/if-rc/err-ptr', kind: 'statement', c: 'pid = ERR_PTR(rc);', variants: P },
    { id: 'alloc_pid/if-rc/goto-out_free', kind: 'statement', c: 'goto out_free;', variants: P },
    { id: 'alloc_pid/predefined/tmp-parent', kind: 'statement', c: 'tmp = tmp->parent;', variants: P },
    { id: 'alloc_pid/predefined/i-dec', kind: 'statement', c: 'i--;', variants: P },
    { id: 'alloc_pid/for-init', kind: 'statement', c: 'for (i = ns->level; i >= 0; i--) {', variants: B },
    {
      id: 'alloc_pid/for-cond', kind: 'loop-condition', c: null,
      cByVariant: { baseline: 'for (i = ns->level; i >= 0; i--) {', patched: 'for ( ; i >= 0; i--) {' },
    },
    { id: 'alloc_pid/for/alloc_pidmap', kind: 'statement', c: 'nr = alloc_pidmap(tmp);' },
    { id: 'alloc_pid/for/if-nr', kind: 'branch', c: null, cByVariant: { baseline: 'if (nr < 0)', patched: 'if (nr < 0) {' } },
    { id: 'alloc_pid/for/if-nr/err-ptr', kind: 'statement', c: 'pid = ERR_PTR(-ENOMEM);', variants: P },
    { id: 'alloc_pid/for/if-nr/goto-out_free', kind: 'statement', c: 'goto out_free;' },
    { id: 'alloc_pid/for/numbers-nr', kind: 'statement', c: 'pid->numbers[i].nr = nr;' },
    { id: 'alloc_pid/for/numbers-ns', kind: 'statement', c: 'pid->numbers[i].ns = tmp;' },
    { id: 'alloc_pid/for/tmp-parent', kind: 'statement', c: 'tmp = tmp->parent;' },
    {
      id: 'alloc_pid/for-dec', kind: 'statement', c: null,
      cByVariant: { baseline: 'for (i = ns->level; i >= 0; i--) {', patched: 'for ( ; i >= 0; i--) {' },
    },
    { id: 'alloc_pid/get_pid_ns', kind: 'statement', c: 'get_pid_ns(ns);' },
    { id: 'alloc_pid/level', kind: 'statement', c: 'pid->level = ns->level;' },
    { id: 'alloc_pid/count', kind: 'statement', c: 'atomic_set(&pid->count, 1);' },
    { id: 'alloc_pid/type-for-init', kind: 'statement', c: 'for (type = 0; type < PIDTYPE_MAX; ++type)' },
    { id: 'alloc_pid/type-for-cond', kind: 'loop-condition', c: 'for (type = 0; type < PIDTYPE_MAX; ++type)' },
    { id: 'alloc_pid/INIT_HLIST_HEAD', kind: 'statement', c: 'INIT_HLIST_HEAD(&pid->tasks[type]);' },
    { id: 'alloc_pid/type-for-inc', kind: 'statement', c: 'for (type = 0; type < PIDTYPE_MAX; ++type)' },
    { id: 'alloc_pid/spin_lock_irq', kind: 'statement', c: 'spin_lock_irq(&pidmap_lock);' },
    { id: 'alloc_pid/hash-for-init', kind: 'statement', c: 'for (i = ns->level; i >= 0; i--) {' },
    { id: 'alloc_pid/hash-for-cond', kind: 'loop-condition', c: 'for (i = ns->level; i >= 0; i--) {' },
    { id: 'alloc_pid/hash/upid', kind: 'statement', c: 'upid = &pid->numbers[i];' },
    {
      id: 'alloc_pid/hash/hlist_add_head_rcu', kind: 'statement',
      c: ['hlist_add_head_rcu(&upid->pid_chain,', '&pid_hash[pid_hashfn(upid->nr, upid->ns)]);'],
    },
    { id: 'alloc_pid/hash-for-dec', kind: 'statement', c: 'for (i = ns->level; i >= 0; i--) {' },
    { id: 'alloc_pid/spin_unlock_irq', kind: 'statement', c: 'spin_unlock_irq(&pidmap_lock);' },
    { id: 'alloc_pid/out', kind: 'label', c: 'out:' },
    { id: 'alloc_pid/return', kind: 'return', c: 'return pid;' },
    { id: 'alloc_pid/out_free', kind: 'label', c: 'out_free:' },
    { id: 'alloc_pid/out_free/for-init', kind: 'statement', c: 'for (i++; i <= ns->level; i++)' },
    { id: 'alloc_pid/out_free/for-cond', kind: 'loop-condition', c: 'for (i++; i <= ns->level; i++)' },
    { id: 'alloc_pid/out_free/free_pidmap', kind: 'statement', c: 'free_pidmap(pid->numbers + i);' },
    { id: 'alloc_pid/out_free/for-inc', kind: 'statement', c: 'for (i++; i <= ns->level; i++)' },
    { id: 'alloc_pid/out_free/kmem_cache_free', kind: 'statement', c: 'kmem_cache_free(ns->pid_cachep, pid);' },
    { id: 'alloc_pid/out_free/pid-null', kind: 'statement', c: 'pid = NULL;', variants: B },
    { id: 'alloc_pid/out_free/goto-out', kind: 'statement', c: 'goto out;' },
  ],
  set_predefined_pid: [
    {
      id: 'set_predefined_pid/entry', kind: 'call',
      c: ['static int set_predefined_pid(struct pid_namespace *ns, struct pid *pid,', 'int next_nr)'],
    },
    { id: 'set_predefined_pid/i', kind: 'statement', c: 'int i = ns->level;' },
    { id: 'set_predefined_pid/alloc_fixed_pidmap', kind: 'statement', c: 'rc = alloc_fixed_pidmap(ns, next_nr);' },
    { id: 'set_predefined_pid/if-rc', kind: 'branch', c: 'if (rc < 0)' },
    { id: 'set_predefined_pid/return-rc', kind: 'return', c: 'return rc;' },
    { id: 'set_predefined_pid/numbers-nr', kind: 'statement', c: 'pid->numbers[i].nr = next_nr;' },
    { id: 'set_predefined_pid/numbers-ns', kind: 'statement', c: 'pid->numbers[i].ns = ns;' },
    { id: 'set_predefined_pid/return-0', kind: 'return', c: 'return 0;' },
  ],
  alloc_fixed_pidmap: [
    { id: 'alloc_fixed_pidmap/entry', kind: 'call', c: 'static int alloc_fixed_pidmap(struct pid_namespace *pid_ns, int next_nr)' },
    { id: 'alloc_fixed_pidmap/if-range', kind: 'branch', c: 'if (next_nr < RESERVED_PIDS || next_nr >= pid_max)' },
    { id: 'alloc_fixed_pidmap/return-einval', kind: 'return', c: 'return -EINVAL;' },
    { id: 'alloc_fixed_pidmap/map', kind: 'statement', c: 'map = &pid_ns->pidmap[next_nr / BITS_PER_PAGE];' },
    { id: 'alloc_fixed_pidmap/if-page', kind: 'branch', c: 'if (unlikely(alloc_pidmap_page(map)))' },
    { id: 'alloc_fixed_pidmap/return-enomem', kind: 'return', c: 'return -ENOMEM;' },
    { id: 'alloc_fixed_pidmap/offset', kind: 'statement', c: 'offset = next_nr & BITS_PER_PAGE_MASK;' },
    { id: 'alloc_fixed_pidmap/if-test_and_set', kind: 'branch', c: 'if (test_and_set_bit(offset, map->page))' },
    { id: 'alloc_fixed_pidmap/return-ebusy', kind: 'return', c: 'return -EBUSY;' },
    { id: 'alloc_fixed_pidmap/nr_free-dec', kind: 'statement', c: 'atomic_dec(&map->nr_free);' },
    { id: 'alloc_fixed_pidmap/last_pid', kind: 'statement', c: 'pid_ns->last_pid = max(pid_ns->last_pid, next_nr);' },
    { id: 'alloc_fixed_pidmap/return-0', kind: 'return', c: 'return 0;' },
  ],
  alloc_pidmap: [
    { id: 'alloc_pidmap/entry', kind: 'call', c: 'static int alloc_pidmap(struct pid_namespace *pid_ns)' },
    { id: 'alloc_pidmap/last', kind: 'statement', c: 'int i, offset, max_scan, pid, last = pid_ns->last_pid;' },
    { id: 'alloc_pidmap/pid-next', kind: 'statement', c: 'pid = last + 1;' },
    { id: 'alloc_pidmap/if-pid_max', kind: 'branch', c: 'if (pid >= pid_max)' },
    { id: 'alloc_pidmap/pid-reserved', kind: 'statement', c: 'pid = RESERVED_PIDS;' },
    { id: 'alloc_pidmap/offset', kind: 'statement', c: 'offset = pid & BITS_PER_PAGE_MASK;' },
    { id: 'alloc_pidmap/map', kind: 'statement', c: 'map = &pid_ns->pidmap[pid/BITS_PER_PAGE];' },
    { id: 'alloc_pidmap/max_scan', kind: 'statement', c: 'max_scan = (pid_max + BITS_PER_PAGE - 1)/BITS_PER_PAGE - !offset;' },
    { id: 'alloc_pidmap/for-init', kind: 'statement', c: 'for (i = 0; i <= max_scan; ++i) {' },
    { id: 'alloc_pidmap/for-cond', kind: 'loop-condition', c: 'for (i = 0; i <= max_scan; ++i) {' },
    // The baseline's inline page allocation, which the patch moves into alloc_pidmap_page().
    { id: 'alloc_pidmap/if-no-page', kind: 'branch', c: 'if (unlikely(!map->page)) {', variants: B },
    { id: 'alloc_pidmap/kzalloc', kind: 'statement', c: 'void *page = kzalloc(PAGE_SIZE, GFP_KERNEL);', variants: B },
    { id: 'alloc_pidmap/spin_lock_irq', kind: 'statement', c: 'spin_lock_irq(&pidmap_lock);', variants: B },
    { id: 'alloc_pidmap/if-raced', kind: 'branch', c: 'if (map->page)', variants: B },
    { id: 'alloc_pidmap/kfree', kind: 'statement', c: 'kfree(page);', variants: B, reachable: false },
    { id: 'alloc_pidmap/install', kind: 'statement', c: 'map->page = page;', variants: B },
    { id: 'alloc_pidmap/spin_unlock_irq', kind: 'statement', c: 'spin_unlock_irq(&pidmap_lock);', variants: B },
    { id: 'alloc_pidmap/if-still-no-page', kind: 'branch', c: 'if (unlikely(!map->page))', variants: B },
    { id: 'alloc_pidmap/if-alloc_pidmap_page', kind: 'branch', c: 'if (unlikely(alloc_pidmap_page(map)))', variants: P },
    { id: 'alloc_pidmap/break-no-page', kind: 'statement', c: 'break;' },
    { id: 'alloc_pidmap/if-nr_free', kind: 'branch', c: 'if (likely(atomic_read(&map->nr_free))) {' },
    { id: 'alloc_pidmap/do', kind: 'statement', c: 'do {' },
    { id: 'alloc_pidmap/if-test_and_set', kind: 'branch', c: 'if (!test_and_set_bit(offset, map->page)) {' },
    { id: 'alloc_pidmap/nr_free-dec', kind: 'statement', c: 'atomic_dec(&map->nr_free);' },
    { id: 'alloc_pidmap/last_pid', kind: 'statement', c: 'pid_ns->last_pid = pid;' },
    { id: 'alloc_pidmap/return-pid', kind: 'return', c: 'return pid;' },
    { id: 'alloc_pidmap/find_next_offset', kind: 'statement', c: 'offset = find_next_offset(map, offset);' },
    { id: 'alloc_pidmap/scan/mk_pid', kind: 'statement', c: 'pid = mk_pid(pid_ns, map, offset);' },
    {
      id: 'alloc_pidmap/while', kind: 'loop-condition',
      c: ['} while (offset < BITS_PER_PAGE && pid < pid_max &&', '(i != max_scan || pid < last ||', '!((last+1) & BITS_PER_PAGE_MASK)));'],
    },
    { id: 'alloc_pidmap/if-not-last-map', kind: 'branch', c: 'if (map < &pid_ns->pidmap[(pid_max-1)/BITS_PER_PAGE]) {' },
    { id: 'alloc_pidmap/next-map', kind: 'statement', c: '++map;' },
    { id: 'alloc_pidmap/offset-0', kind: 'statement', c: 'offset = 0;' },
    { id: 'alloc_pidmap/wrap-map', kind: 'statement', c: 'map = &pid_ns->pidmap[0];' },
    { id: 'alloc_pidmap/wrap-offset', kind: 'statement', c: 'offset = RESERVED_PIDS;' },
    { id: 'alloc_pidmap/if-last-reserved', kind: 'branch', c: 'if (unlikely(last == offset))' },
    { id: 'alloc_pidmap/break-wrapped', kind: 'statement', c: 'break;' },
    { id: 'alloc_pidmap/next-pid', kind: 'statement', c: 'pid = mk_pid(pid_ns, map, offset);' },
    { id: 'alloc_pidmap/for-inc', kind: 'statement', c: 'for (i = 0; i <= max_scan; ++i) {' },
    { id: 'alloc_pidmap/return-fail', kind: 'return', c: 'return -1;' },
  ],
  alloc_pidmap_page: [
    { id: 'alloc_pidmap_page/entry', kind: 'call', c: 'static inline int alloc_pidmap_page(struct pidmap *map)' },
    { id: 'alloc_pidmap_page/if-no-page', kind: 'branch', c: 'if (unlikely(!map->page)) {' },
    { id: 'alloc_pidmap_page/kzalloc', kind: 'statement', c: 'void *page = kzalloc(PAGE_SIZE, GFP_KERNEL);' },
    { id: 'alloc_pidmap_page/spin_lock_irq', kind: 'statement', c: 'spin_lock_irq(&pidmap_lock);' },
    { id: 'alloc_pidmap_page/if-raced', kind: 'branch', c: 'if (map->page)' },
    { id: 'alloc_pidmap_page/kfree', kind: 'statement', c: 'kfree(page);', reachable: false },
    { id: 'alloc_pidmap_page/install', kind: 'statement', c: 'map->page = page;' },
    { id: 'alloc_pidmap_page/spin_unlock_irq', kind: 'statement', c: 'spin_unlock_irq(&pidmap_lock);' },
    { id: 'alloc_pidmap_page/if-still-no-page', kind: 'branch', c: 'if (unlikely(!map->page))' },
    { id: 'alloc_pidmap_page/return-fail', kind: 'return', c: 'return -1;' },
    { id: 'alloc_pidmap_page/return-0', kind: 'return', c: 'return 0;' },
  ],
  free_pidmap: [
    { id: 'free_pidmap/entry', kind: 'call', c: 'static void free_pidmap(struct upid *upid)' },
    { id: 'free_pidmap/nr', kind: 'statement', c: 'int nr = upid->nr;' },
    { id: 'free_pidmap/map', kind: 'statement', c: 'struct pidmap *map = upid->ns->pidmap + nr / BITS_PER_PAGE;' },
    { id: 'free_pidmap/offset', kind: 'statement', c: 'int offset = nr & BITS_PER_PAGE_MASK;' },
    { id: 'free_pidmap/clear_bit', kind: 'statement', c: 'clear_bit(offset, map->page);' },
    { id: 'free_pidmap/nr_free-inc', kind: 'statement', c: 'atomic_inc(&map->nr_free);' },
    { id: 'free_pidmap/end', kind: 'return', c: '}' },
  ],
  free_pid: [
    { id: 'free_pid/entry', kind: 'call', c: 'void free_pid(struct pid *pid)' },
    { id: 'free_pid/spin_lock_irqsave', kind: 'statement', c: 'spin_lock_irqsave(&pidmap_lock, flags);' },
    { id: 'free_pid/unhash-for-init', kind: 'statement', c: 'for (i = 0; i <= pid->level; i++)' },
    { id: 'free_pid/unhash-for-cond', kind: 'loop-condition', c: 'for (i = 0; i <= pid->level; i++)' },
    { id: 'free_pid/hlist_del_rcu', kind: 'statement', c: 'hlist_del_rcu(&pid->numbers[i].pid_chain);' },
    { id: 'free_pid/unhash-for-inc', kind: 'statement', c: 'for (i = 0; i <= pid->level; i++)' },
    { id: 'free_pid/spin_unlock_irqrestore', kind: 'statement', c: 'spin_unlock_irqrestore(&pidmap_lock, flags);' },
    { id: 'free_pid/free-for-init', kind: 'statement', c: 'for (i = 0; i <= pid->level; i++)' },
    { id: 'free_pid/free-for-cond', kind: 'loop-condition', c: 'for (i = 0; i <= pid->level; i++)' },
    { id: 'free_pid/free_pidmap', kind: 'statement', c: 'free_pidmap(pid->numbers + i);' },
    { id: 'free_pid/free-for-inc', kind: 'statement', c: 'for (i = 0; i <= pid->level; i++)' },
    // The RCU callback (delayed_put_pid -> put_pid) ends in kmem_cache_free; the model runs it here.
    { id: 'free_pid/call_rcu', kind: 'statement', c: 'call_rcu(&pid->rcu, delayed_put_pid);' },
    { id: 'free_pid/end', kind: 'return', c: '}' },
  ],
  next_pidmap: [
    { id: 'next_pidmap/entry', kind: 'call', c: 'int next_pidmap(struct pid_namespace *pid_ns, int last)', reachable: false },
  ],
} as const satisfies Readonly<Record<ModelFunction, readonly Row[]>>;

/**
 * Every step id of the table: a model hook naming an id that is not a row here (or a row moved
 * to another function) is a compile error.
 */
export type StepId = (typeof ROWS)[ModelFunction][number]['id'];

/** Each function's entry step (its signature line); the table has one for every function. */
export type EntryStepId = `${ModelFunction}/entry` & StepId;

export function entryStep(fn: ModelFunction): EntryStepId {
  return `${fn}/entry` as EntryStepId;
}

/** The function a step belongs to: its id is `function/step` (the table puts every row under its function). */
export function functionOfStep(id: StepId): ModelFunction {
  return id.slice(0, id.indexOf('/')) as ModelFunction;
}

/** True when a string names a step of the table (for ids read from outside: tests, JSON). */
export function isStepId(id: string): id is StepId {
  return BY_ID.has(id as StepId);
}

function lines(c: string | readonly string[]): readonly string[] {
  return typeof c === 'string' ? [c] : c;
}

function buildTable(): readonly ModelStatement[] {
  const table: ModelStatement[] = [];
  for (const fn of Object.keys(ROWS) as ModelFunction[]) {
    const info = FUNCTIONS[fn];
    for (const row of ROWS[fn] as readonly (Row & { readonly id: StepId })[]) {
      const variants = row.variants ?? (row.cByVariant ? (Object.keys(row.cByVariant) as Variant[]) : info.variants);
      const matchKeys: Partial<Record<Variant, string | null>> = {};
      const matchLines: Partial<Record<Variant, readonly string[]>> = {};
      for (const variant of variants) {
        const c = row.cByVariant?.[variant] ?? row.c;
        matchKeys[variant] = c === null ? null : normaliseC(lines(c).join(' '));
        if (c !== null) matchLines[variant] = lines(c).map(normaliseC);
      }
      table.push({
        id: row.id, fn, kind: row.kind, variants, matchKeys, matchLines,
        reachable: row.reachable ?? true, tsFile: info.tsFile, tsSymbol: info.tsSymbol,
      });
    }
  }
  return table;
}

export const STATEMENTS: readonly ModelStatement[] = buildTable();

const BY_ID = new Map<StepId, ModelStatement>(STATEMENTS.map((s) => [s.id, s]));

export function statementById(id: string): ModelStatement | undefined {
  return BY_ID.get(id as StepId);
}

/** The statements a variant executes (or could), in table order. */
export function statementsOf(variant: Variant): readonly ModelStatement[] {
  return STATEMENTS.filter((s) => s.variants.includes(variant));
}
