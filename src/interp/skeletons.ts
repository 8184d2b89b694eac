// The model's side of every seam: each modelled function, per variant, as source-ordered lines in
// the shape of the C it stands for — braces, `if`/`for`/`do` heads, labels, `goto`, `break` and
// `return` — whose statements and conditions are TypeScript closures over the shared frame, named
// in the text by placeholders (`__kpr_s(N);` for a statement, `__kpr_e(N)` for a value). No C of
// the kernel is written here: a line carries the statement ids of src/kernel/statements.ts, and the
// seam (assemble.ts) replaces the lines a hunk covers by the patch's own text.
import { BITS_PER_PAGE, BITS_PER_PAGE_MASK, ENOMEM, PIDTYPE_MAX, RESERVED_PIDS } from '../kernel/constants';
import { findNextZeroBit, clearBit } from '../kernel/bitmap';
import type { Variant } from '../kernel/statements';
import { IS_ERR } from '../kernel/pointers';
import type { Frame, Runtime } from './runtime';

/** What a model closure is linked against: the frame's slots, the runtime and the callees. */
export interface ModelContext {
  slot(name: string): number;
  readonly rt: Runtime;
  /** A callee by name: the patch's interpreted function when it shows one, else the model's. */
  call(name: string): (a0?: number, a1?: number, a2?: number) => number;
}

export type ModelClosure = (c: ModelContext) => (f: Frame) => number;

export interface SkeletonLine {
  /** Statement ids (src/kernel/statements.ts) the line implements; empty for pure structure. */
  readonly ids: readonly string[];
  readonly text: string;
}

export interface Skeleton {
  readonly fn: string;
  readonly lines: readonly SkeletonLine[];
  readonly closures: readonly ModelClosure[];
  /** Locals the model's part declares, with their C types (the patch may declare them too). */
  readonly locals: Readonly<Record<string, string>>;
}

class Builder {
  readonly lines: SkeletonLine[] = [];
  readonly closures: ModelClosure[] = [];
  constructor(readonly fn: string) {}

  /** A placeholder statement `__kpr_s(N);`. */
  s(closure: ModelClosure): string {
    return `__kpr_s(${this.closures.push(closure) - 1});`;
  }

  /** A placeholder value `__kpr_e(N)`. */
  e(closure: ModelClosure): string {
    return `__kpr_e(${this.closures.push(closure) - 1})`;
  }

  line(ids: string | readonly string[] | null, text: string): void {
    const list = ids === null ? [] : typeof ids === 'string' ? [ids] : ids;
    this.lines.push({ ids: list.map((id) => `${this.fn}/${id}`), text });
  }

  stmt(id: string, closure: ModelClosure): void {
    this.line(id, this.s(closure));
  }

  build(locals: Record<string, string>): Skeleton {
    return { fn: this.fn, lines: this.lines, closures: this.closures, locals };
  }
}

/** A closure that reads or writes named locals: `locals(['a', 'b'], ([a, b], rt) => (f) => ...)`. */
function withSlots(names: readonly string[], make: (slots: number[], c: ModelContext) => (f: Frame) => number): ModelClosure {
  return (c) => make(names.map((n) => c.slot(n)), c);
}

/** A statement that does nothing the model tracks (a lock, a list head): only its step remains. */
export const noop: ModelClosure = () => () => 0;

function copyProcess(patched: boolean): Skeleton {
  const b = new Builder('copy_process');
  b.line('entry', 'struct task_struct *copy_process(unsigned long clone_flags, struct pid *pid)');
  b.line(null, '{');
  // Everything before copy_thread succeeds; p is the child task_struct, one per fork.
  b.stmt('copy_thread', withSlots(['retval', 'p'], ([retval, p], c) => (f) => {
    f[p] = c.rt.k.forkIndex + 1;
    f[retval] = 0;
    return 0;
  }));
  b.line('if-retval', `if (${b.e(withSlots(['retval'], ([retval]) => (f) => f[retval]))})`);
  b.line('if-retval/goto', 'goto bad_fork_cleanup_io;');
  b.line('if-not-init', `if (${b.e(withSlots(['pid'], ([pid]) => (f) => (f[pid] !== INIT_STRUCT_PID ? 1 : 0)))}) {`);
  if (!patched) b.stmt('retval-enomem', withSlots(['retval'], ([retval]) => (f) => (f[retval] = -ENOMEM)));
  b.stmt('alloc_pid', withSlots(['pid'], ([pid], c) => {
    const allocPid = c.call('alloc_pid');
    return (f) => (f[pid] = allocPid(c.rt.k.depth + 1));
  }));
  if (patched) {
    b.line('if-is-err', `if (${b.e(withSlots(['pid'], ([pid]) => (f) => (IS_ERR(f[pid]) ? 1 : 0)))}) {`);
    b.stmt('retval-ptr-err', withSlots(['retval', 'pid'], ([retval, pid]) => (f) => (f[retval] = f[pid])));
  } else {
    b.line('if-no-pid', `if (${b.e(withSlots(['pid'], ([pid]) => (f) => (f[pid] === 0 ? 1 : 0)))})`);
  }
  b.line('goto-cleanup-io', 'goto bad_fork_cleanup_io;');
  if (patched) b.line(null, '}');
  b.line('if-newpid', `if (${b.e(withSlots(['clone_flags'], ([flags]) => (f) => f[flags] & CLONE_NEWPID))}) {`);
  b.stmt('pid_ns_prepare_proc', withSlots(['retval'], ([retval]) => (f) => (f[retval] = 0)));
  b.line(null, '}');
  b.line(null, '}');
  b.line('return-p', `return ${b.e(withSlots(['p'], ([p]) => (f) => f[p]))};`);
  b.line('bad_fork_cleanup_io', 'bad_fork_cleanup_io:');
  b.line('return-err', `return ${b.e(withSlots(['retval'], ([retval]) => (f) => f[retval]))};`);
  b.line(null, '}');
  return b.build({ clone_flags: 'unsigned long', pid: 'struct pid *', p: 'struct task_struct *', retval: 'int' });
}

function allocPid(patched: boolean): Skeleton {
  const b = new Builder('alloc_pid');
  b.line('entry', 'struct pid *alloc_pid(struct pid_namespace *ns)');
  b.line(null, '{');
  b.stmt('kmem_cache_alloc', withSlots(['pid'], ([pid], c) => (f) => (f[pid] = c.rt.k.kmemCacheAlloc())));
  b.line('if-no-pid', `if (${b.e(withSlots(['pid'], ([pid]) => (f) => (f[pid] === 0 ? 1 : 0)))})${patched ? ' {' : ''}`);
  if (patched) b.stmt('if-no-pid/err-ptr', withSlots(['pid'], ([pid]) => (f) => (f[pid] = -ENOMEM)));
  b.line('if-no-pid/goto-out', 'goto out;');
  if (patched) b.line(null, '}');
  b.stmt('tmp-ns', withSlots(['tmp', 'ns'], ([tmp, ns]) => (f) => (f[tmp] = f[ns])));
  const levelOfNs = withSlots(['i', 'ns'], ([i, ns], c) => (f) => (f[i] = c.rt.ns(f[ns]).level));
  if (patched) {
    b.stmt('i-level', levelOfNs);
    b.line('if-next-data', `if (${b.e((c) => () => (c.rt.k.nextSyscallData !== null ? 1 : 0))}) {`);
    b.stmt('next_nr', withSlots(['next_nr'], ([nextNr], c) => (f) => (f[nextNr] = c.rt.k.nextSyscallData ?? 0)));
    b.stmt('reset-next', (c) => () => {
      c.rt.k.setNextData(null);
      return 0;
    });
    b.stmt('set_predefined_pid', withSlots(['rc', 'tmp', 'pid', 'next_nr'], ([rc, tmp, pid, nextNr], c) => {
      const callee = c.call('set_predefined_pid');
      return (f) => (f[rc] = callee(f[tmp], f[pid], f[nextNr]));
    }));
    b.line('if-rc', `if (${b.e(withSlots(['rc'], ([rc]) => (f) => (f[rc] < 0 ? 1 : 0)))}) {`);
    b.stmt('if-rc/err-ptr', withSlots(['pid', 'rc'], ([pid, rc]) => (f) => (f[pid] = f[rc])));
    b.line('if-rc/goto-out_free', 'goto out_free;');
    b.line(null, '}');
    b.stmt('predefined/tmp-parent', withSlots(['tmp'], ([tmp], c) => (f) => (f[tmp] = parentOf(c.rt, f[tmp]))));
    b.stmt('predefined/i-dec', withSlots(['i'], ([i]) => (f) => f[i]--));
    b.line(null, '}');
  }
  const cond = b.e(withSlots(['i'], ([i]) => (f) => (f[i] >= 0 ? 1 : 0)));
  const dec = b.e(withSlots(['i'], ([i]) => (f) => f[i]--));
  if (patched) b.line(['for-cond', 'for-dec'], `for ( ; ${cond}; ${dec}) {`);
  else b.line(['for-init', 'for-cond', 'for-dec'], `for (${b.e(levelOfNs)}; ${cond}; ${dec}) {`);
  b.stmt('for/alloc_pidmap', withSlots(['nr', 'tmp'], ([nr, tmp], c) => {
    const callee = c.call('alloc_pidmap');
    return (f) => (f[nr] = callee(f[tmp]));
  }));
  b.line('for/if-nr', `if (${b.e(withSlots(['nr'], ([nr]) => (f) => (f[nr] < 0 ? 1 : 0)))})${patched ? ' {' : ''}`);
  if (patched) b.stmt('for/if-nr/err-ptr', withSlots(['pid'], ([pid]) => (f) => (f[pid] = -ENOMEM)));
  b.line('for/if-nr/goto-out_free', 'goto out_free;');
  if (patched) b.line(null, '}');
  b.stmt('for/numbers-nr', withSlots(['pid', 'i', 'nr'], ([pid, i, nr], c) => (f) => {
    c.rt.setPidNumber(f[pid] * 64 + f[i], f[nr]);
    return 0;
  }));
  b.stmt('for/numbers-ns', noop);
  b.stmt('for/tmp-parent', withSlots(['tmp'], ([tmp], c) => (f) => (f[tmp] = parentOf(c.rt, f[tmp]))));
  b.line(null, '}');
  // Success: the rest touches no pidmap and no allocator.
  b.stmt('get_pid_ns', noop);
  b.stmt('level', noop);
  b.stmt('count', noop);
  b.line(['type-for-init', 'type-for-cond', 'type-for-inc'],
    `for (${b.e(withSlots(['type'], ([type]) => (f) => (f[type] = 0)))}; ${b.e(withSlots(['type'], ([type]) => (f) => (f[type] < PIDTYPE_MAX ? 1 : 0)))}; ${b.e(withSlots(['type'], ([type]) => (f) => ++f[type]))})`);
  b.stmt('INIT_HLIST_HEAD', noop);
  b.stmt('spin_lock_irq', noop);
  b.line(['hash-for-init', 'hash-for-cond', 'hash-for-dec'],
    `for (${b.e(levelOfNs)}; ${cond}; ${dec}) {`);
  b.stmt('hash/upid', withSlots(['upid', 'pid', 'i'], ([upid, pid, i]) => (f) => (f[upid] = f[pid] * 64 + f[i])));
  b.stmt('hash/hlist_add_head_rcu', noop);
  b.line(null, '}');
  b.stmt('spin_unlock_irq', noop);
  b.line('out', 'out:');
  b.line('return', `return ${b.e(withSlots(['pid'], ([pid]) => (f) => f[pid]))};`);
  b.line('out_free', 'out_free:');
  b.line(['out_free/for-init', 'out_free/for-cond', 'out_free/for-inc'],
    `for (${b.e(withSlots(['i'], ([i]) => (f) => ++f[i]))}; ${b.e(withSlots(['i', 'ns'], ([i, ns], c) => (f) => (f[i] <= c.rt.ns(f[ns]).level ? 1 : 0)))}; ${b.e(withSlots(['i'], ([i]) => (f) => ++f[i]))})`);
  b.stmt('out_free/free_pidmap', withSlots(['pid', 'i'], ([pid, i], c) => {
    const callee = c.call('free_pidmap');
    return (f) => callee(f[pid] * 64 + f[i]);
  }));
  b.stmt('out_free/kmem_cache_free', withSlots(['pid'], ([pid], c) => (f) => {
    c.rt.k.kmemCacheFree(f[pid]);
    return 0;
  }));
  if (!patched) b.stmt('out_free/pid-null', withSlots(['pid'], ([pid]) => (f) => (f[pid] = 0)));
  b.line('out_free/goto-out', 'goto out;');
  b.line(null, '}');
  return b.build({
    ns: 'struct pid_namespace *', pid: 'struct pid *', i: 'int', nr: 'int', tmp: 'struct pid_namespace *',
    type: 'enum pid_type', upid: 'struct upid *', ...(patched ? { next_nr: 'int', rc: 'int' } : {}),
  });
}

function parentOf(rt: Runtime, ns: number): number {
  rt.ns(ns);
  return ns - 1;
}

function allocPidmap(patched: boolean): Skeleton {
  const b = new Builder('alloc_pidmap');
  b.line('entry', 'int alloc_pidmap(struct pid_namespace *pid_ns)');
  b.line(null, '{');
  b.stmt('last', withSlots(['last', 'pid_ns'], ([last, ns], c) => (f) => (f[last] = c.rt.ns(f[ns]).lastPid)));
  b.stmt('pid-next', withSlots(['pid', 'last'], ([pid, last]) => (f) => (f[pid] = f[last] + 1)));
  b.line('if-pid_max', `if (${b.e(withSlots(['pid'], ([pid], c) => (f) => (f[pid] >= c.rt.k.pidMax ? 1 : 0)))})`);
  b.stmt('pid-reserved', withSlots(['pid'], ([pid]) => (f) => (f[pid] = RESERVED_PIDS)));
  b.stmt('offset', withSlots(['offset', 'pid'], ([offset, pid]) => (f) => (f[offset] = f[pid] & BITS_PER_PAGE_MASK)));
  b.stmt('map', withSlots(['map', 'pid_ns', 'pid'], ([map, ns, pid]) => (f) => (f[map] = (((f[ns] - 1) << 8) | ((f[pid] / BITS_PER_PAGE) | 0)) + 1)));
  b.stmt('max_scan', withSlots(['max_scan', 'offset'], ([maxScan, offset], c) => (f) =>
    (f[maxScan] = (((c.rt.k.pidMax + BITS_PER_PAGE - 1) / BITS_PER_PAGE) | 0) - (f[offset] === 0 ? 1 : 0))));
  b.line(['for-init', 'for-cond', 'for-inc'],
    `for (${b.e(withSlots(['i'], ([i]) => (f) => (f[i] = 0)))}; ${b.e(withSlots(['i', 'max_scan'], ([i, maxScan]) => (f) => (f[i] <= f[maxScan] ? 1 : 0)))}; ${b.e(withSlots(['i'], ([i]) => (f) => ++f[i]))}) {`);
  const noPage = b.e(withSlots(['map'], ([map], c) => (f) => (pageOf(c.rt, f[map]) === 0 ? 1 : 0)));
  if (patched) {
    b.line('if-alloc_pidmap_page', `if (${b.e(withSlots(['map'], ([map], c) => {
      const callee = c.call('alloc_pidmap_page');
      return (f) => callee(f[map]);
    }))})`);
    b.line('break-no-page', 'break;');
  } else {
    b.line('if-no-page', `if (${noPage}) {`);
    b.stmt('kzalloc', withSlots(['page'], ([page], c) => (f) => (f[page] = c.rt.k.kzalloc())));
    b.stmt('spin_lock_irq', noop);
    b.line('if-raced', `if (${b.e(withSlots(['map'], ([map], c) => (f) => (pageOf(c.rt, f[map]) !== 0 ? 1 : 0)))})`);
    b.stmt('kfree', withSlots(['page'], ([page], c) => (f) => {
      c.rt.k.kfree(f[page]);
      return 0;
    }));
    b.line(null, 'else');
    b.stmt('install', withSlots(['map', 'page'], ([map, page], c) => (f) => {
      c.rt.k.installPage(c.rt.mapNs(f[map]), c.rt.mapEntry(f[map]), f[page]);
      return 0;
    }));
    b.stmt('spin_unlock_irq', noop);
    b.line('if-still-no-page', `if (${noPage})`);
    b.line('break-no-page', 'break;');
    b.line(null, '}');
  }
  b.line('if-nr_free', `if (${b.e(withSlots(['map'], ([map], c) => (f) => c.rt.mapNs(f[map]).nrFree[c.rt.mapEntry(f[map])]))}) {`);
  b.line('do', 'do {');
  b.line('if-test_and_set', `if (${b.e(withSlots(['offset', 'map'], ([offset, map], c) => (f) => (c.rt.testAndSet(f[offset], pageOf(c.rt, f[map])) === 0 ? 1 : 0)))}) {`);
  b.stmt('nr_free-dec', withSlots(['map'], ([map], c) => (f) => c.rt.addNrFree(f[map], -1)));
  b.stmt('last_pid', withSlots(['pid_ns', 'pid'], ([ns, pid], c) => (f) => {
    c.rt.setLastPid(f[ns], f[pid]);
    return 0;
  }));
  b.line('return-pid', `return ${b.e(withSlots(['pid'], ([pid]) => (f) => f[pid]))};`);
  b.line(null, '}');
  b.stmt('find_next_offset', withSlots(['offset', 'map'], ([offset, map], c) => (f) =>
    (f[offset] = findNextZeroBit(c.rt.bitmap(pageOf(c.rt, f[map])), f[offset]))));
  b.stmt('scan/mk_pid', withSlots(['pid', 'map', 'offset'], ([pid, map, offset], c) => (f) => (f[pid] = c.rt.mapEntry(f[map]) * BITS_PER_PAGE + f[offset])));
  b.line('while', `} while (${b.e(withSlots(['offset', 'pid', 'i', 'max_scan', 'last'], ([offset, pid, i, maxScan, last], c) => (f) =>
    (f[offset] < BITS_PER_PAGE && f[pid] < c.rt.k.pidMax && (f[i] !== f[maxScan] || f[pid] < f[last] || ((f[last] + 1) & BITS_PER_PAGE_MASK) === 0) ? 1 : 0)))});`);
  b.line(null, '}');
  b.line('if-not-last-map', `if (${b.e(withSlots(['map'], ([map], c) => (f) => (c.rt.mapEntry(f[map]) < (((c.rt.k.pidMax - 1) / BITS_PER_PAGE) | 0) ? 1 : 0)))}) {`);
  b.stmt('next-map', withSlots(['map'], ([map]) => (f) => ++f[map]));
  b.stmt('offset-0', withSlots(['offset'], ([offset]) => (f) => (f[offset] = 0)));
  b.line(null, '} else {');
  b.stmt('wrap-map', withSlots(['map'], ([map]) => (f) => (f[map] = (f[map] - 1 - ((f[map] - 1) & 255)) + 1)));
  b.stmt('wrap-offset', withSlots(['offset'], ([offset]) => (f) => (f[offset] = RESERVED_PIDS)));
  b.line('if-last-reserved', `if (${b.e(withSlots(['last', 'offset'], ([last, offset]) => (f) => (f[last] === f[offset] ? 1 : 0)))})`);
  b.line('break-wrapped', 'break;');
  b.line(null, '}');
  b.stmt('next-pid', withSlots(['pid', 'map', 'offset'], ([pid, map, offset], c) => (f) => (f[pid] = c.rt.mapEntry(f[map]) * BITS_PER_PAGE + f[offset])));
  b.line(null, '}');
  b.line('return-fail', `return ${b.e(() => () => -1)};`);
  b.line(null, '}');
  return b.build({
    pid_ns: 'struct pid_namespace *', i: 'int', offset: 'int', max_scan: 'int', pid: 'int', last: 'int',
    map: 'struct pidmap *', ...(patched ? {} : { page: 'void *' }),
  });
}

/** map->page: the page object's heap id, 0 when the entry has none. */
export function pageOf(rt: Runtime, map: number): number {
  return rt.mapNs(map).pageIds[rt.mapEntry(map)];
}

function freePidmap(): Skeleton {
  const b = new Builder('free_pidmap');
  b.line('entry', 'void free_pidmap(struct upid *upid)');
  b.line(null, '{');
  b.stmt('nr', withSlots(['nr', 'upid'], ([nr, upid], c) => (f) => (f[nr] = c.rt.pidNumber(f[upid]))));
  b.stmt('map', withSlots(['map', 'upid', 'nr'], ([map, upid, nr], c) => (f) => (f[map] = ((c.rt.upidLevel(f[upid]) << 8) | ((f[nr] / BITS_PER_PAGE) | 0)) + 1)));
  b.stmt('offset', withSlots(['offset', 'nr'], ([offset, nr]) => (f) => (f[offset] = f[nr] & BITS_PER_PAGE_MASK)));
  b.stmt('clear_bit', withSlots(['offset', 'map'], ([offset, map], c) => (f) => {
    const page = pageOf(c.rt, f[map]);
    if (page !== 0) {
      clearBit(c.rt.bitmap(page), f[offset]);
      if (c.rt.k.tr !== null) c.rt.k.tr.change({ kind: 'bit-cleared', level: c.rt.mapNs(f[map]).level, nr: c.rt.mapEntry(f[map]) * BITS_PER_PAGE + f[offset] });
    }
    return 0;
  }));
  b.stmt('nr_free-inc', withSlots(['map'], ([map], c) => (f) => c.rt.addNrFree(f[map], 1)));
  b.line('end', '}');
  return b.build({ upid: 'struct upid *', nr: 'int', map: 'struct pidmap *', offset: 'int' });
}

function freePid(): Skeleton {
  const b = new Builder('free_pid');
  b.line('entry', 'void free_pid(struct pid *pid)');
  b.line(null, '{');
  b.stmt('spin_lock_irqsave', noop);
  const init = b.e(withSlots(['i'], ([i]) => (f) => (f[i] = 0)));
  const cond = b.e(withSlots(['i'], ([i], c) => (f) => (f[i] <= c.rt.k.depth ? 1 : 0)));
  const inc = b.e(withSlots(['i'], ([i]) => (f) => f[i]++));
  b.line(['unhash-for-init', 'unhash-for-cond', 'unhash-for-inc'], `for (${init}; ${cond}; ${inc})`);
  b.stmt('hlist_del_rcu', noop);
  b.stmt('spin_unlock_irqrestore', noop);
  b.line(['free-for-init', 'free-for-cond', 'free-for-inc'], `for (${init}; ${cond}; ${inc})`);
  b.stmt('free_pidmap', withSlots(['pid', 'i'], ([pid, i], c) => {
    const callee = c.call('free_pidmap');
    return (f) => callee(f[pid] * 64 + f[i]);
  }));
  // The RCU callback (delayed_put_pid -> put_pid) ends in kmem_cache_free.
  b.stmt('call_rcu', withSlots(['pid'], ([pid], c) => (f) => {
    c.rt.k.kmemCacheFree(f[pid]);
    return 0;
  }));
  b.line('end', '}');
  return b.build({ pid: 'struct pid *', i: 'int', flags: 'unsigned long' });
}

/** &init_struct_pid: an address no heap object or ERR_PTR has. */
export const INIT_STRUCT_PID = 2 ** 40;
/** CLONE_NEWPID from <linux/sched.h>. */
export const CLONE_NEWPID = 0x20000000;

const BUILDERS: Readonly<Record<string, (patched: boolean) => Skeleton>> = {
  copy_process: copyProcess,
  alloc_pid: allocPid,
  alloc_pidmap: allocPidmap,
  free_pidmap: () => freePidmap(),
  free_pid: () => freePid(),
};

const cache = new Map<string, Skeleton>();

/**
 * The model's skeleton of a function in a variant, or undefined when the model has none (the
 * functions the patch adds are shown whole: alloc_pidmap_page, alloc_fixed_pidmap, ...).
 */
export function skeletonOf(fn: string, variant: Variant): Skeleton | undefined {
  const build = BUILDERS[fn];
  if (build === undefined) return undefined;
  const key = `${fn}/${variant}`;
  let skeleton = cache.get(key);
  if (skeleton === undefined) {
    skeleton = build(variant === 'patched');
    cache.set(key, skeleton);
  }
  return skeleton;
}
