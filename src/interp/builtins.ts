// What the code may name without defining it: the kernel's macros and globals as the model
// defines them, and the callees the patch never shows (allocators, bit operations, atomics, locks,
// the task's next_syscall_data) implemented over the model's state. Anything else is refused.
// Each is a template of JavaScript over the generated code's scope (see codegen.ts: `rt`, the
// frame `f` and the helpers of HELPERS), filled with its arguments' code.
import {
  BITS_PER_PAGE, BITS_PER_PAGE_MASK, PAGE_SIZE, PID_MAX_DEFAULT, PID_MAX_LIMIT, PIDTYPE_MAX, RESERVED_PIDS,
} from '../kernel/constants';
import { errnoNumberOf } from '../kernel/errno-names';
import { CLONE_NEWPID, INIT_STRUCT_PID } from './skeletons';
import type { CType } from './types';

/** The value `current` (the calling task) has: no heap object uses it. */
const CURRENT_TASK = 2 ** 41;

const CONSTANTS: Readonly<Record<string, number>> = {
  RESERVED_PIDS, BITS_PER_PAGE, BITS_PER_PAGE_MASK, PAGE_SIZE, PIDTYPE_MAX, PID_MAX_DEFAULT, PID_MAX_LIMIT, CLONE_NEWPID,
  PIDTYPE_PID: 0, PIDTYPE_PGID: 1, PIDTYPE_SID: 2,
  // The allocation flags only matter to the allocator, which the model replaces.
  GFP_KERNEL: 0xd0, GFP_ATOMIC: 0x20,
  MAX_ERRNO: 4095,
};

export interface GlobalValue {
  readonly t: CType;
  /** A JavaScript expression for its value. */
  readonly code: string;
}

function literal(n: number): string {
  return n < 0 ? `(${n})` : String(n);
}

/** An identifier the code may use without declaring it, or undefined. */
export function globalNamed(name: string): GlobalValue | undefined {
  if (Object.prototype.hasOwnProperty.call(CONSTANTS, name)) return { t: 'int', code: literal(CONSTANTS[name]) };
  const errno = errnoNumberOf(name);
  if (errno !== undefined) return { t: 'int', code: literal(errno) };
  switch (name) {
    case 'NULL':
      return { t: 'ptr:void', code: '0' };
    case 'true':
      return { t: 'int', code: '1' };
    case 'false':
      return { t: 'int', code: '0' };
    case 'pid_max':
      return { t: 'int', code: 'rt.k.pidMax' };
    case 'current':
      return { t: 'ptr:task', code: String(CURRENT_TASK) };
    case 'init_struct_pid':
      // Only its address is ever taken (&init_struct_pid).
      return { t: 'val:opaque', code: String(INIT_STRUCT_PID) };
    case 'pidmap_lock':
    case 'delayed_put_pid':
    case 'pid_hash':
      return { t: 'val:opaque', code: '0' };
    default:
      return undefined;
  }
}

export interface Builtin {
  /** Number of arguments, or -1 for any. */
  readonly arity: number;
  readonly ret: CType;
  /** The call as a JavaScript expression, from its arguments' code and static types. */
  readonly code: (args: readonly string[], types: readonly CType[]) => string;
}

/** Evaluates the arguments (for their side effects) and gives 0. */
const nothing = (args: readonly string[]): string => (args.length === 0 ? '0' : `(${args.join(', ')}, 0)`);
const identity = ([a]: readonly string[]): string => a;

function atomic(delta: number, [a]: readonly string[], [t]: readonly CType[]): string {
  // Atomics other than a pidmap's nr_free (pid->count) hold nothing the model tracks.
  return t === 'ptr:atomic' ? `rt.addNrFree(${a}, ${delta})` : nothing([a]);
}

const BUILTINS: Readonly<Record<string, Builtin>> = {
  kmem_cache_alloc: { arity: 2, ret: 'ptr:pid', code: ([c, g]) => `(${c}, ${g}, rt.k.kmemCacheAlloc())` },
  kmem_cache_free: { arity: 2, ret: 'void', code: ([c, p]) => `(${c}, rt.k.kmemCacheFree(${p}), 0)` },
  kzalloc: { arity: 2, ret: 'ptr:page', code: ([s, g]) => `(${s}, ${g}, rt.k.kzalloc())` },
  kfree: { arity: 1, ret: 'void', code: ([p]) => `(rt.k.kfree(${p}), 0)` },
  spin_lock: { arity: 1, ret: 'void', code: nothing },
  spin_unlock: { arity: 1, ret: 'void', code: nothing },
  spin_lock_irq: { arity: 1, ret: 'void', code: nothing },
  spin_unlock_irq: { arity: 1, ret: 'void', code: nothing },
  spin_lock_irqsave: { arity: 2, ret: 'void', code: nothing },
  spin_unlock_irqrestore: { arity: 2, ret: 'void', code: nothing },
  rcu_read_lock: { arity: 0, ret: 'void', code: nothing },
  rcu_read_unlock: { arity: 0, ret: 'void', code: nothing },
  test_and_set_bit: { arity: 2, ret: 'int', code: ([n, p]) => `rt.testAndSet(${n}, ${p})` },
  test_bit: { arity: 2, ret: 'int', code: ([n, p]) => `(testBit(rt.bitmap(${p}), ${n}) ? 1 : 0)` },
  set_bit: { arity: 2, ret: 'void', code: ([n, p]) => `(setBit(rt.bitmap(${p}), ${n}), 0)` },
  clear_bit: { arity: 2, ret: 'void', code: ([n, p]) => `(clearBit(rt.bitmap(${p}), ${n}), 0)` },
  find_next_offset: { arity: 2, ret: 'int', code: ([m, o]) => `findNextZeroBit(rt.bitmap(rt.mapPage(${m})), ${o})` },
  find_next_zero_bit: { arity: 3, ret: 'int', code: ([p, size, o]) => `rt.findNextZero(${p}, ${size}, ${o})` },
  mk_pid: { arity: 3, ret: 'int', code: ([ns, m, o]) => `(${ns}, rt.mapEntry(${m}) * ${BITS_PER_PAGE} + ${o})` },
  atomic_read: {
    arity: 1, ret: 'int',
    code: ([a], [t]) => (t === 'ptr:atomic' ? `rt.nrFree(${a})` : `(${a}, 1)`),
  },
  atomic_inc: { arity: 1, ret: 'void', code: (args, types) => atomic(1, args, types) },
  atomic_dec: { arity: 1, ret: 'void', code: (args, types) => atomic(-1, args, types) },
  atomic_set: { arity: 2, ret: 'void', code: nothing },
  next_data_set: { arity: 1, ret: 'int', code: ([t]) => `(${t}, rt.k.nextSyscallData !== null ? 1 : 0)` },
  get_next_data: { arity: 1, ret: 'int', code: ([t]) => `(${t}, rt.k.nextSyscallData ?? 0)` },
  reset_next_syscall_data: { arity: 1, ret: 'void', code: ([t]) => `(${t}, rt.k.setNextData(null), 0)` },
  unlikely: { arity: 1, ret: 'int', code: identity },
  likely: { arity: 1, ret: 'int', code: identity },
  IS_ERR: { arity: 1, ret: 'int', code: ([p]) => `(IS_ERR(${p}) ? 1 : 0)` },
  IS_ERR_OR_NULL: { arity: 1, ret: 'int', code: ([p]) => `(IS_ERR_OR_NULL(${p}) ? 1 : 0)` },
  PTR_ERR: { arity: 1, ret: 'int', code: identity },
  ERR_PTR: { arity: 1, ret: 'ptr:void', code: identity },
  max: { arity: 2, ret: 'int', code: ([a, b]) => `Math.max(${a}, ${b})` },
  min: { arity: 2, ret: 'int', code: ([a, b]) => `Math.min(${a}, ${b})` },
  task_active_pid_ns: { arity: 1, ret: 'ptr:ns', code: ([t]) => `(${t}, rt.k.depth + 1)` },
  get_pid_ns: { arity: 1, ret: 'ptr:ns', code: identity },
  put_pid_ns: { arity: 1, ret: 'void', code: nothing },
  INIT_HLIST_HEAD: { arity: 1, ret: 'void', code: nothing },
  hlist_add_head_rcu: { arity: 2, ret: 'void', code: nothing },
  hlist_del_rcu: { arity: 1, ret: 'void', code: nothing },
  pid_hashfn: { arity: 2, ret: 'int', code: nothing },
  // delayed_put_pid -> put_pid: the count drops to zero and the object goes back to its cache.
  call_rcu: { arity: 2, ret: 'void', code: ([head, cb]) => `(rt.k.kmemCacheFree(${head}), ${cb}, 0)` },
  copy_thread: { arity: 6, ret: 'int', code: nothing },
  pid_ns_prepare_proc: { arity: 1, ret: 'int', code: nothing },
};

export function builtinNamed(name: string): Builtin | undefined {
  return Object.prototype.hasOwnProperty.call(BUILTINS, name) ? BUILTINS[name] : undefined;
}
