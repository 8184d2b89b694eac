// The model's side of every seam: each modelled function, per variant, as source-ordered lines in
// the shape of the C it stands for — braces, `if`/`for`/`do` heads, labels, `goto`, `break` and
// `return` — whose statements and conditions are the model's, named in the text by placeholders
// (`__kpr_s(N);` for a statement, `__kpr_e(N)` for a value). Each placeholder is a template: given
// the frame's slots and the callees it is linked against, it gives a JavaScript expression over the
// generated code's scope (codegen.ts: `rt`, the frame `f`, the helpers), so the model's part is
// generated inline with the patch's part — no closure call per statement. No C of the kernel is
// written here: a line carries the statement ids of src/kernel/statements.ts, and the seam
// (assemble.ts) replaces the lines a hunk covers by the patch's own text.
import { BITS_PER_PAGE, BITS_PER_PAGE_MASK, ENOMEM, PIDTYPE_MAX, RESERVED_PIDS } from '../kernel/constants';
import { UPID_STRIDE } from '../kernel/pointers';
import type { Variant } from '../kernel/statements';

/** What a model template is linked against: the frame's slots and the callees. */
export interface ModelContext {
  /** A local as JavaScript (a variable of the generated function): its slot in the shared frame. */
  local(name: string): string;
  /** A call as JavaScript: the patch's interpreted function when it shows one, else the model's. */
  call(name: string, args: readonly string[]): string;
}

/** A statement or value of the model's part: a JavaScript expression (a number). */
export type ModelTemplate = (c: ModelContext) => string;

export interface SkeletonLine {
  /** Statement ids (src/kernel/statements.ts) the line implements; empty for pure structure. */
  readonly ids: readonly string[];
  readonly text: string;
}

export interface Skeleton {
  readonly fn: string;
  readonly lines: readonly SkeletonLine[];
  readonly templates: readonly ModelTemplate[];
  /** Locals the model's part declares, with their C types (the patch may declare them too). */
  readonly locals: Readonly<Record<string, string>>;
}

class Builder {
  readonly lines: SkeletonLine[] = [];
  readonly templates: ModelTemplate[] = [];
  constructor(readonly fn: string) {}

  /** A placeholder statement `__kpr_s(N);`. */
  s(template: ModelTemplate): string {
    return `__kpr_s(${this.templates.push(template) - 1});`;
  }

  /** A placeholder value `__kpr_e(N)`. */
  e(template: ModelTemplate): string {
    return `__kpr_e(${this.templates.push(template) - 1})`;
  }

  line(ids: string | readonly string[] | null, text: string): void {
    const list = ids === null ? [] : typeof ids === 'string' ? [ids] : ids;
    this.lines.push({ ids: list.map((id) => `${this.fn}/${id}`), text });
  }

  stmt(id: string, template: ModelTemplate): void {
    this.line(id, this.s(template));
  }

  build(locals: Record<string, string>): Skeleton {
    return { fn: this.fn, lines: this.lines, templates: this.templates, locals };
  }
}

/** A template over named locals: `withSlots(['a', 'b'], ([a, b]) => `(${a} = ${b})`)`. */
function withSlots(names: readonly string[], make: (locals: string[], c: ModelContext) => string): ModelTemplate {
  return (c) => make(names.map((n) => c.local(n)), c);
}

/** A statement that does nothing the model tracks (a lock, a list head): only its step remains. */
export const noop: ModelTemplate = () => '0';

/** A number as a JavaScript literal. */
function n(value: number): string {
  return value < 0 ? `(${value})` : String(value);
}

/** `pid->numbers + i` in the interpreter's encoding. */
function upid(pid: string, i: string): string {
  return `(${pid} * ${UPID_STRIDE} + ${i})`;
}

function copyProcess(patched: boolean): Skeleton {
  const b = new Builder('copy_process');
  b.line('entry', 'struct task_struct *copy_process(unsigned long clone_flags, struct pid *pid)');
  b.line(null, '{');
  // Everything before copy_thread succeeds; p is the child task_struct, one per fork.
  b.stmt('copy_thread', withSlots(['retval', 'p'], ([retval, p]) => `(${p} = rt.k.forkIndex + 1, ${retval} = 0, 0)`));
  b.line('if-retval', `if (${b.e(withSlots(['retval'], ([retval]) => retval))})`);
  b.line('if-retval/goto', 'goto bad_fork_cleanup_io;');
  b.line('if-not-init', `if (${b.e(withSlots(['pid'], ([pid]) => `(${pid} !== ${INIT_STRUCT_PID} ? 1 : 0)`))}) {`);
  if (!patched) b.stmt('retval-enomem', withSlots(['retval'], ([retval]) => `(${retval} = ${n(-ENOMEM)})`));
  b.stmt('alloc_pid', withSlots(['pid'], ([pid], c) => `(${pid} = ${c.call('alloc_pid', ['(rt.k.depth + 1)'])})`));
  if (patched) {
    b.line('if-is-err', `if (${b.e(withSlots(['pid'], ([pid]) => `(IS_ERR(${pid}) ? 1 : 0)`))}) {`);
    b.stmt('retval-ptr-err', withSlots(['retval', 'pid'], ([retval, pid]) => `(${retval} = ${pid})`));
  } else {
    b.line('if-no-pid', `if (${b.e(withSlots(['pid'], ([pid]) => `(${pid} === 0 ? 1 : 0)`))})`);
  }
  b.line('goto-cleanup-io', 'goto bad_fork_cleanup_io;');
  if (patched) b.line(null, '}');
  b.line('if-newpid', `if (${b.e(withSlots(['clone_flags'], ([flags]) => `(${flags} & ${CLONE_NEWPID})`))}) {`);
  b.stmt('pid_ns_prepare_proc', withSlots(['retval'], ([retval]) => `(${retval} = 0)`));
  b.line(null, '}');
  b.line(null, '}');
  b.line('return-p', `return ${b.e(withSlots(['p'], ([p]) => p))};`);
  b.line('bad_fork_cleanup_io', 'bad_fork_cleanup_io:');
  b.line('return-err', `return ${b.e(withSlots(['retval'], ([retval]) => retval))};`);
  b.line(null, '}');
  return b.build({ clone_flags: 'unsigned long', pid: 'struct pid *', p: 'struct task_struct *', retval: 'int' });
}

function allocPid(patched: boolean): Skeleton {
  const b = new Builder('alloc_pid');
  b.line('entry', 'struct pid *alloc_pid(struct pid_namespace *ns)');
  b.line(null, '{');
  b.stmt('kmem_cache_alloc', withSlots(['pid'], ([pid]) => `(${pid} = rt.k.kmemCacheAlloc())`));
  b.line('if-no-pid', `if (${b.e(withSlots(['pid'], ([pid]) => `(${pid} === 0 ? 1 : 0)`))})${patched ? ' {' : ''}`);
  if (patched) b.stmt('if-no-pid/err-ptr', withSlots(['pid'], ([pid]) => `(${pid} = ${n(-ENOMEM)})`));
  b.line('if-no-pid/goto-out', 'goto out;');
  if (patched) b.line(null, '}');
  b.stmt('tmp-ns', withSlots(['tmp', 'ns'], ([tmp, ns]) => `(${tmp} = ${ns})`));
  const levelOfNs = withSlots(['i', 'ns'], ([i, ns]) => `(${i} = rt.nsLevel(${ns}))`);
  if (patched) {
    b.stmt('i-level', levelOfNs);
    b.line('if-next-data', `if (${b.e(() => '(rt.k.nextSyscallData !== null ? 1 : 0)')}) {`);
    b.stmt('next_nr', withSlots(['next_nr'], ([nextNr]) => `(${nextNr} = rt.k.nextSyscallData ?? 0)`));
    b.stmt('reset-next', () => '(rt.k.setNextData(null), 0)');
    b.stmt('set_predefined_pid', withSlots(['rc', 'tmp', 'pid', 'next_nr'], ([rc, tmp, pid, nextNr], c) =>
      `(${rc} = ${c.call('set_predefined_pid', [tmp, pid, nextNr])})`));
    b.line('if-rc', `if (${b.e(withSlots(['rc'], ([rc]) => `(${rc} < 0 ? 1 : 0)`))}) {`);
    b.stmt('if-rc/err-ptr', withSlots(['pid', 'rc'], ([pid, rc]) => `(${pid} = ${rc})`));
    b.line('if-rc/goto-out_free', 'goto out_free;');
    b.line(null, '}');
    b.stmt('predefined/tmp-parent', withSlots(['tmp'], ([tmp]) => `(${tmp} = rt.nsParent(${tmp}))`));
    b.stmt('predefined/i-dec', withSlots(['i'], ([i]) => `(${i}--)`));
    b.line(null, '}');
  }
  const cond = b.e(withSlots(['i'], ([i]) => `(${i} >= 0 ? 1 : 0)`));
  const dec = b.e(withSlots(['i'], ([i]) => `(${i}--)`));
  if (patched) b.line(['for-cond', 'for-dec'], `for ( ; ${cond}; ${dec}) {`);
  else b.line(['for-init', 'for-cond', 'for-dec'], `for (${b.e(levelOfNs)}; ${cond}; ${dec}) {`);
  b.stmt('for/alloc_pidmap', withSlots(['nr', 'tmp'], ([nr, tmp], c) => `(${nr} = ${c.call('alloc_pidmap', [tmp])})`));
  b.line('for/if-nr', `if (${b.e(withSlots(['nr'], ([nr]) => `(${nr} < 0 ? 1 : 0)`))})${patched ? ' {' : ''}`);
  if (patched) b.stmt('for/if-nr/err-ptr', withSlots(['pid'], ([pid]) => `(${pid} = ${n(-ENOMEM)})`));
  b.line('for/if-nr/goto-out_free', 'goto out_free;');
  if (patched) b.line(null, '}');
  b.stmt('for/numbers-nr', withSlots(['pid', 'i', 'nr'], ([pid, i, nr]) => `(rt.setPidNumber(${upid(pid, i)}, ${nr}), 0)`));
  b.stmt('for/numbers-ns', noop);
  b.stmt('for/tmp-parent', withSlots(['tmp'], ([tmp]) => `(${tmp} = rt.nsParent(${tmp}))`));
  b.line(null, '}');
  // Success: the rest touches no pidmap and no allocator.
  b.stmt('get_pid_ns', noop);
  b.stmt('level', noop);
  b.stmt('count', noop);
  b.line(['type-for-init', 'type-for-cond', 'type-for-inc'],
    `for (${b.e(withSlots(['type'], ([type]) => `(${type} = 0)`))}; ${b.e(withSlots(['type'], ([type]) => `(${type} < ${PIDTYPE_MAX} ? 1 : 0)`))}; ${b.e(withSlots(['type'], ([type]) => `(++${type})`))})`);
  b.stmt('INIT_HLIST_HEAD', noop);
  b.stmt('spin_lock_irq', noop);
  b.line(['hash-for-init', 'hash-for-cond', 'hash-for-dec'],
    `for (${b.e(levelOfNs)}; ${cond}; ${dec}) {`);
  b.stmt('hash/upid', withSlots(['upid', 'pid', 'i'], ([u, pid, i]) => `(${u} = ${upid(pid, i)})`));
  b.stmt('hash/hlist_add_head_rcu', noop);
  b.line(null, '}');
  b.stmt('spin_unlock_irq', noop);
  b.line('out', 'out:');
  b.line('return', `return ${b.e(withSlots(['pid'], ([pid]) => pid))};`);
  b.line('out_free', 'out_free:');
  b.line(['out_free/for-init', 'out_free/for-cond', 'out_free/for-inc'],
    `for (${b.e(withSlots(['i'], ([i]) => `(++${i})`))}; ${b.e(withSlots(['i', 'ns'], ([i, ns]) => `(${i} <= rt.nsLevel(${ns}) ? 1 : 0)`))}; ${b.e(withSlots(['i'], ([i]) => `(++${i})`))})`);
  b.stmt('out_free/free_pidmap', withSlots(['pid', 'i'], ([pid, i], c) => c.call('free_pidmap', [upid(pid, i)])));
  b.stmt('out_free/kmem_cache_free', withSlots(['pid'], ([pid]) => `(rt.k.kmemCacheFree(${pid}), 0)`));
  if (!patched) b.stmt('out_free/pid-null', withSlots(['pid'], ([pid]) => `(${pid} = 0)`));
  b.line('out_free/goto-out', 'goto out;');
  b.line(null, '}');
  return b.build({
    ns: 'struct pid_namespace *', pid: 'struct pid *', i: 'int', nr: 'int', tmp: 'struct pid_namespace *',
    type: 'enum pid_type', upid: 'struct upid *', ...(patched ? { next_nr: 'int', rc: 'int' } : {}),
  });
}

function allocPidmap(patched: boolean): Skeleton {
  const b = new Builder('alloc_pidmap');
  b.line('entry', 'int alloc_pidmap(struct pid_namespace *pid_ns)');
  b.line(null, '{');
  b.stmt('last', withSlots(['last', 'pid_ns'], ([last, ns]) => `(${last} = rt.nsLastPid(${ns}))`));
  b.stmt('pid-next', withSlots(['pid', 'last'], ([pid, last]) => `(${pid} = ${last} + 1)`));
  b.line('if-pid_max', `if (${b.e(withSlots(['pid'], ([pid]) => `(${pid} >= rt.k.pidMax ? 1 : 0)`))})`);
  b.stmt('pid-reserved', withSlots(['pid'], ([pid]) => `(${pid} = ${RESERVED_PIDS})`));
  b.stmt('offset', withSlots(['offset', 'pid'], ([offset, pid]) => `(${offset} = ${pid} & ${BITS_PER_PAGE_MASK})`));
  b.stmt('map', withSlots(['map', 'pid_ns', 'pid'], ([map, ns, pid]) => `(${map} = (((${ns} - 1) << 8) | ((${pid} / ${BITS_PER_PAGE}) | 0)) + 1)`));
  b.stmt('max_scan', withSlots(['max_scan', 'offset'], ([maxScan, offset]) =>
    `(${maxScan} = (((rt.k.pidMax + ${BITS_PER_PAGE - 1}) / ${BITS_PER_PAGE}) | 0) - (${offset} === 0 ? 1 : 0))`));
  b.line(['for-init', 'for-cond', 'for-inc'],
    `for (${b.e(withSlots(['i'], ([i]) => `(${i} = 0)`))}; ${b.e(withSlots(['i', 'max_scan'], ([i, maxScan]) => `(${i} <= ${maxScan} ? 1 : 0)`))}; ${b.e(withSlots(['i'], ([i]) => `(++${i})`))}) {`);
  const noPage = b.e(withSlots(['map'], ([map]) => `(rt.mapPage(${map}) === 0 ? 1 : 0)`));
  if (patched) {
    b.line('if-alloc_pidmap_page', `if (${b.e(withSlots(['map'], ([map], c) => c.call('alloc_pidmap_page', [map])))})`);
    b.line('break-no-page', 'break;');
  } else {
    b.line('if-no-page', `if (${noPage}) {`);
    b.stmt('kzalloc', withSlots(['page'], ([page]) => `(${page} = rt.k.kzalloc())`));
    b.stmt('spin_lock_irq', noop);
    b.line('if-raced', `if (${b.e(withSlots(['map'], ([map]) => `(rt.mapPage(${map}) !== 0 ? 1 : 0)`))})`);
    b.stmt('kfree', withSlots(['page'], ([page]) => `(rt.k.kfree(${page}), 0)`));
    b.line(null, 'else');
    b.stmt('install', withSlots(['map', 'page'], ([map, page]) => `(rt.k.installPage(rt.mapNs(${map}), rt.mapEntry(${map}), ${page}), 0)`));
    b.stmt('spin_unlock_irq', noop);
    b.line('if-still-no-page', `if (${noPage})`);
    b.line('break-no-page', 'break;');
    b.line(null, '}');
  }
  b.line('if-nr_free', `if (${b.e(withSlots(['map'], ([map]) => `rt.nrFree(${map})`))}) {`);
  b.line('do', 'do {');
  b.line('if-test_and_set', `if (${b.e(withSlots(['offset', 'map'], ([offset, map]) => `(rt.testAndSet(${offset}, rt.mapPage(${map})) === 0 ? 1 : 0)`))}) {`);
  b.stmt('nr_free-dec', withSlots(['map'], ([map]) => `rt.addNrFree(${map}, -1)`));
  b.stmt('last_pid', withSlots(['pid_ns', 'pid'], ([ns, pid]) => `(rt.setLastPid(${ns}, ${pid}), 0)`));
  b.line('return-pid', `return ${b.e(withSlots(['pid'], ([pid]) => pid))};`);
  b.line(null, '}');
  b.stmt('find_next_offset', withSlots(['offset', 'map'], ([offset, map]) => `(${offset} = findNextZeroBit(rt.bitmap(rt.mapPage(${map})), ${offset}))`));
  const mkPid = withSlots(['pid', 'map', 'offset'], ([pid, map, offset]) => `(${pid} = rt.mapEntry(${map}) * ${BITS_PER_PAGE} + ${offset})`);
  b.stmt('scan/mk_pid', mkPid);
  b.line('while', `} while (${b.e(withSlots(['offset', 'pid', 'i', 'max_scan', 'last'], ([offset, pid, i, maxScan, last]) =>
    `(${offset} < ${BITS_PER_PAGE} && ${pid} < rt.k.pidMax && (${i} !== ${maxScan} || ${pid} < ${last} || ((${last} + 1) & ${BITS_PER_PAGE_MASK}) === 0) ? 1 : 0)`))});`);
  b.line(null, '}');
  b.line('if-not-last-map', `if (${b.e(withSlots(['map'], ([map]) => `(rt.mapEntry(${map}) < (((rt.k.pidMax - 1) / ${BITS_PER_PAGE}) | 0) ? 1 : 0)`))}) {`);
  b.stmt('next-map', withSlots(['map'], ([map]) => `(++${map})`));
  b.stmt('offset-0', withSlots(['offset'], ([offset]) => `(${offset} = 0)`));
  b.line(null, '} else {');
  b.stmt('wrap-map', withSlots(['map'], ([map]) => `(${map} = (${map} - 1 - ((${map} - 1) & 255)) + 1)`));
  b.stmt('wrap-offset', withSlots(['offset'], ([offset]) => `(${offset} = ${RESERVED_PIDS})`));
  b.line('if-last-reserved', `if (${b.e(withSlots(['last', 'offset'], ([last, offset]) => `(${last} === ${offset} ? 1 : 0)`))})`);
  b.line('break-wrapped', 'break;');
  b.line(null, '}');
  b.stmt('next-pid', mkPid);
  b.line(null, '}');
  b.line('return-fail', `return ${b.e(() => '(-1)')};`);
  b.line(null, '}');
  return b.build({
    pid_ns: 'struct pid_namespace *', i: 'int', offset: 'int', max_scan: 'int', pid: 'int', last: 'int',
    map: 'struct pidmap *', ...(patched ? {} : { page: 'void *' }),
  });
}

function freePidmap(): Skeleton {
  const b = new Builder('free_pidmap');
  b.line('entry', 'void free_pidmap(struct upid *upid)');
  b.line(null, '{');
  b.stmt('nr', withSlots(['nr', 'upid'], ([nr, u]) => `(${nr} = rt.pidNumber(${u}))`));
  b.stmt('map', withSlots(['map', 'upid', 'nr'], ([map, u, nr]) => `(${map} = ((rt.upidLevel(${u}) << 8) | ((${nr} / ${BITS_PER_PAGE}) | 0)) + 1)`));
  b.stmt('offset', withSlots(['offset', 'nr'], ([offset, nr]) => `(${offset} = ${nr} & ${BITS_PER_PAGE_MASK})`));
  b.stmt('clear_bit', withSlots(['offset', 'map'], ([offset, map]) => `rt.clearMapBit(${map}, ${offset})`));
  b.stmt('nr_free-inc', withSlots(['map'], ([map]) => `rt.addNrFree(${map}, 1)`));
  b.line('end', '}');
  return b.build({ upid: 'struct upid *', nr: 'int', map: 'struct pidmap *', offset: 'int' });
}

function freePid(): Skeleton {
  const b = new Builder('free_pid');
  b.line('entry', 'void free_pid(struct pid *pid)');
  b.line(null, '{');
  b.stmt('spin_lock_irqsave', noop);
  const init = b.e(withSlots(['i'], ([i]) => `(${i} = 0)`));
  const cond = b.e(withSlots(['i'], ([i]) => `(${i} <= rt.k.depth ? 1 : 0)`));
  const inc = b.e(withSlots(['i'], ([i]) => `(${i}++)`));
  b.line(['unhash-for-init', 'unhash-for-cond', 'unhash-for-inc'], `for (${init}; ${cond}; ${inc})`);
  b.stmt('hlist_del_rcu', noop);
  b.stmt('spin_unlock_irqrestore', noop);
  b.line(['free-for-init', 'free-for-cond', 'free-for-inc'], `for (${init}; ${cond}; ${inc})`);
  b.stmt('free_pidmap', withSlots(['pid', 'i'], ([pid, i], c) => c.call('free_pidmap', [upid(pid, i)])));
  // The RCU callback (delayed_put_pid -> put_pid) ends in kmem_cache_free.
  b.stmt('call_rcu', withSlots(['pid'], ([pid]) => `(rt.k.kmemCacheFree(${pid}), 0)`));
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
