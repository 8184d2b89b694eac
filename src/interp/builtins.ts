// What the code may name without defining it: the kernel's macros and globals as the model
// defines them, and the callees the patch never shows (allocators, bit operations, atomics, locks,
// the task's next_syscall_data) implemented over the model's state. Anything else is refused.
import { findNextZeroBit, clearBit, setBit, testBit } from '../kernel/bitmap';
import {
  BITS_PER_PAGE, BITS_PER_PAGE_MASK, PAGE_SIZE, PID_MAX_DEFAULT, PID_MAX_LIMIT, PIDTYPE_MAX, RESERVED_PIDS,
} from '../kernel/constants';
import { errnoNumberOf } from '../kernel/errno-names';
import { IS_ERR } from '../kernel/pointers';
import type { Frame, Runtime } from './runtime';
import { CLONE_NEWPID, INIT_STRUCT_PID, pageOf } from './skeletons';
import type { CType } from './types';

type Getter = (f: Frame) => number;

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
  readonly get: (rt: Runtime) => Getter;
}

/** An identifier the code may use without declaring it, or undefined. */
export function globalNamed(name: string): GlobalValue | undefined {
  if (Object.prototype.hasOwnProperty.call(CONSTANTS, name)) {
    const value = CONSTANTS[name];
    return { t: 'int', get: () => () => value };
  }
  const errno = errnoNumberOf(name);
  if (errno !== undefined) return { t: 'int', get: () => () => errno };
  switch (name) {
    case 'NULL':
      return { t: 'ptr:void', get: () => () => 0 };
    case 'true':
      return { t: 'int', get: () => () => 1 };
    case 'false':
      return { t: 'int', get: () => () => 0 };
    case 'pid_max':
      return { t: 'int', get: (rt) => () => rt.k.pidMax };
    case 'current':
      return { t: 'ptr:task', get: () => () => CURRENT_TASK };
    case 'init_struct_pid':
      // Only its address is ever taken (&init_struct_pid).
      return { t: 'val:opaque', get: () => () => INIT_STRUCT_PID };
    case 'pidmap_lock':
    case 'delayed_put_pid':
    case 'pid_hash':
      return { t: 'val:opaque', get: () => () => 0 };
    default:
      return undefined;
  }
}

export interface Builtin {
  /** Number of arguments, or -1 for any. */
  readonly arity: number;
  readonly ret: CType;
  readonly make: (rt: Runtime, args: readonly Getter[], types: readonly CType[]) => Getter;
}

const nothing = (): Getter => () => 0;
const identity = (_rt: Runtime, [a]: readonly Getter[]): Getter => a;

function atomic(rt: Runtime, delta: number, [a]: readonly Getter[], [t]: readonly CType[]): Getter {
  // Atomics other than a pidmap's nr_free (pid->count) hold nothing the model tracks.
  if (t !== 'ptr:atomic') return () => 0;
  return (f) => rt.addNrFree(a(f), delta);
}

const BUILTINS: Readonly<Record<string, Builtin>> = {
  kmem_cache_alloc: { arity: 2, ret: 'ptr:pid', make: (rt) => () => rt.k.kmemCacheAlloc() },
  kmem_cache_free: { arity: 2, ret: 'void', make: (rt, [, p]) => (f) => (rt.k.kmemCacheFree(p(f)), 0) },
  kzalloc: { arity: 2, ret: 'ptr:page', make: (rt) => () => rt.k.kzalloc() },
  kfree: { arity: 1, ret: 'void', make: (rt, [p]) => (f) => (rt.k.kfree(p(f)), 0) },
  spin_lock: { arity: 1, ret: 'void', make: nothing },
  spin_unlock: { arity: 1, ret: 'void', make: nothing },
  spin_lock_irq: { arity: 1, ret: 'void', make: nothing },
  spin_unlock_irq: { arity: 1, ret: 'void', make: nothing },
  spin_lock_irqsave: { arity: 2, ret: 'void', make: nothing },
  spin_unlock_irqrestore: { arity: 2, ret: 'void', make: nothing },
  rcu_read_lock: { arity: 0, ret: 'void', make: nothing },
  rcu_read_unlock: { arity: 0, ret: 'void', make: nothing },
  test_and_set_bit: { arity: 2, ret: 'int', make: (rt, [n, p]) => (f) => rt.testAndSet(n(f), p(f)) },
  test_bit: { arity: 2, ret: 'int', make: (rt, [n, p]) => (f) => (testBit(rt.bitmap(p(f)), n(f)) ? 1 : 0) },
  set_bit: { arity: 2, ret: 'void', make: (rt, [n, p]) => (f) => (setBit(rt.bitmap(p(f)), n(f)), 0) },
  clear_bit: { arity: 2, ret: 'void', make: (rt, [n, p]) => (f) => (clearBit(rt.bitmap(p(f)), n(f)), 0) },
  find_next_offset: { arity: 2, ret: 'int', make: (rt, [m, o]) => (f) => findNextZeroBit(rt.bitmap(pageOf(rt, m(f))), o(f)) },
  find_next_zero_bit: {
    arity: 3, ret: 'int',
    make: (rt, [p, size, o]) => (f) => Math.min(size(f), findNextZeroBit(rt.bitmap(p(f)), o(f))),
  },
  mk_pid: { arity: 3, ret: 'int', make: (rt, [, m, o]) => (f) => rt.mapEntry(m(f)) * BITS_PER_PAGE + o(f) },
  atomic_read: {
    arity: 1, ret: 'int',
    make: (rt, [a], [t]) => (t === 'ptr:atomic' ? (f) => rt.mapNs(a(f)).nrFree[rt.mapEntry(a(f))] : () => 1),
  },
  atomic_inc: { arity: 1, ret: 'void', make: (rt, args, types) => atomic(rt, 1, args, types) },
  atomic_dec: { arity: 1, ret: 'void', make: (rt, args, types) => atomic(rt, -1, args, types) },
  atomic_set: { arity: 2, ret: 'void', make: nothing },
  next_data_set: { arity: 1, ret: 'int', make: (rt) => () => (rt.k.nextSyscallData !== null ? 1 : 0) },
  get_next_data: { arity: 1, ret: 'int', make: (rt) => () => rt.k.nextSyscallData ?? 0 },
  reset_next_syscall_data: { arity: 1, ret: 'void', make: (rt) => () => (rt.k.setNextData(null), 0) },
  unlikely: { arity: 1, ret: 'int', make: identity },
  likely: { arity: 1, ret: 'int', make: identity },
  IS_ERR: { arity: 1, ret: 'int', make: (_rt, [p]) => (f) => (IS_ERR(p(f)) ? 1 : 0) },
  IS_ERR_OR_NULL: { arity: 1, ret: 'int', make: (_rt, [p]) => (f) => (p(f) === 0 || IS_ERR(p(f)) ? 1 : 0) },
  PTR_ERR: { arity: 1, ret: 'int', make: identity },
  ERR_PTR: { arity: 1, ret: 'ptr:void', make: identity },
  max: { arity: 2, ret: 'int', make: (_rt, [a, b]) => (f) => Math.max(a(f), b(f)) },
  min: { arity: 2, ret: 'int', make: (_rt, [a, b]) => (f) => Math.min(a(f), b(f)) },
  task_active_pid_ns: { arity: 1, ret: 'ptr:ns', make: (rt) => () => rt.k.depth + 1 },
  get_pid_ns: { arity: 1, ret: 'ptr:ns', make: identity },
  put_pid_ns: { arity: 1, ret: 'void', make: nothing },
  INIT_HLIST_HEAD: { arity: 1, ret: 'void', make: nothing },
  hlist_add_head_rcu: { arity: 2, ret: 'void', make: nothing },
  hlist_del_rcu: { arity: 1, ret: 'void', make: nothing },
  pid_hashfn: { arity: 2, ret: 'int', make: nothing },
  // delayed_put_pid -> put_pid: the count drops to zero and the object goes back to its cache.
  call_rcu: { arity: 2, ret: 'void', make: (rt, [head]) => (f) => (rt.k.kmemCacheFree(head(f)), 0) },
  copy_thread: { arity: 6, ret: 'int', make: nothing },
  pid_ns_prepare_proc: { arity: 1, ret: 'int', make: nothing },
};

export function builtinNamed(name: string): Builtin | undefined {
  return Object.prototype.hasOwnProperty.call(BUILTINS, name) ? BUILTINS[name] : undefined;
}
