// Typed C values, as the runtime hands them to its faces (the panel, the debug adapter, `kpr
// trace`): what a pointer points at is data (a heap object's id, a namespace's level, a pidmap
// entry, a upid of a struct pid), never display text. The faces format them (src/stepper/format.ts);
// nothing reads a formatted value back.
//
// The model and the interpreter keep values as numbers in the encodings of locals.ts (fast mode
// allocates nothing per fork); valueOf turns a number into a Value by its declared C type.
import { IS_ERR, upidLevel, upidPid, type Ptr } from './pointers';
import type { ValueType } from './locals';

/** What a pointer points at. */
export type PtrTarget =
  | { readonly kind: 'null' }
  /** ERR_PTR(error), error being -errno. */
  | { readonly kind: 'err-ptr'; readonly error: number }
  /** A heap object by id: a struct pid or a pidmap page. */
  | { readonly kind: 'struct pid'; readonly id: number }
  | { readonly kind: 'page'; readonly id: number }
  | { readonly kind: 'namespace'; readonly level: number }
  | { readonly kind: 'pidmap'; readonly level: number; readonly entry: number }
  /** `pid->numbers + level`, where `pid` is a struct pid or an error pointer. */
  | { readonly kind: 'upid'; readonly pid: StructPidTarget; readonly level: number }
  /** The child task_struct of a fork. */
  | { readonly kind: 'task'; readonly fork: number };

export type StructPidTarget = Extract<PtrTarget, { kind: 'null' | 'err-ptr' | 'struct pid' }>;

export type IntType = 'int' | 'unsigned long' | 'enum pid_type' | 'op index' | 'fork index';
export type PointerType = Exclude<ValueType, IntType>;

export type Value =
  /** Declared but not assigned yet (or a void function's return). */
  | { readonly kind: 'unset' }
  | { readonly kind: 'int'; readonly type: IntType; readonly value: number }
  | { readonly kind: 'ptr'; readonly type: PointerType; readonly target: PtrTarget };

export const UNSET: Value = { kind: 'unset' };

const NULL_TARGET: PtrTarget = { kind: 'null' };

/** A struct pid pointer (or page pointer, by `object`) from its encoding: NULL, ERR_PTR or an id. */
export function objectTarget(ptr: Ptr, object: 'struct pid' | 'page' = 'struct pid'): PtrTarget {
  if (ptr === 0) return NULL_TARGET;
  if (IS_ERR(ptr)) return { kind: 'err-ptr', error: ptr };
  return object === 'page' ? { kind: 'page', id: ptr } : { kind: 'struct pid', id: ptr };
}

export function structPidTarget(ptr: Ptr): StructPidTarget {
  return objectTarget(ptr) as StructPidTarget;
}

function target(type: PointerType, raw: number): PtrTarget {
  switch (type) {
    case 'struct pid *':
      return objectTarget(raw);
    case 'void *':
      return objectTarget(raw, 'page');
    case 'struct task_struct *':
      return raw === 0 ? NULL_TARGET : IS_ERR(raw) ? { kind: 'err-ptr', error: raw } : { kind: 'task', fork: raw - 1 };
    case 'struct pid_namespace *':
      return raw === 0 ? NULL_TARGET : { kind: 'namespace', level: raw - 1 };
    case 'struct pidmap *':
      return raw === 0 ? NULL_TARGET : { kind: 'pidmap', level: (raw - 1) >> 8, entry: (raw - 1) & 0xff };
    case 'struct upid *':
      return { kind: 'upid', pid: structPidTarget(upidPid(raw)), level: upidLevel(raw) };
  }
}

function isIntType(type: ValueType): type is IntType {
  return type === 'int' || type === 'unsigned long' || type === 'enum pid_type' || type === 'op index' || type === 'fork index';
}

/** The typed value of a raw local or return value of C type `type` (null: unset). */
export function valueOf(type: ValueType | 'void', raw: number | null | undefined): Value {
  if (raw === null || raw === undefined || type === 'void') return UNSET;
  if (isIntType(type)) return { kind: 'int', type, value: raw };
  return { kind: 'ptr', type, target: target(type, raw) };
}
