// The hook through which the model reports each step to the recording stepper. Fast mode leaves
// `Kernel.tr` null: every hook is behind one null check and builds nothing.
import type { FaultKind } from './faults';
import type { ModelFunction } from './statements';

/**
 * A local's raw value: a number (its meaning comes from the function's local types, see
 * locals.ts), a string already formatted for display, or null for "not assigned yet".
 */
export type RawValue = number | string | null;
export type Locals = Readonly<Record<string, RawValue>>;

/** What a statement did to kernel state (the model reports it as it happens). */
export type Change =
  | { readonly kind: 'bit-set'; readonly level: number; readonly nr: number }
  | { readonly kind: 'bit-cleared'; readonly level: number; readonly nr: number }
  | { readonly kind: 'nr-free'; readonly level: number; readonly entry: number; readonly value: number }
  | { readonly kind: 'last-pid'; readonly level: number; readonly value: number }
  | { readonly kind: 'page-installed'; readonly level: number; readonly entry: number; readonly id: number }
  | { readonly kind: 'alloc'; readonly allocator: 'kmem_cache_alloc' | 'kzalloc'; readonly call: number; readonly id: number }
  | { readonly kind: 'alloc-failed'; readonly allocator: 'kmem_cache_alloc' | 'kzalloc'; readonly call: number }
  | { readonly kind: 'free'; readonly allocator: 'kmem_cache_free' | 'kfree'; readonly id: number }
  | { readonly kind: 'pid-number'; readonly id: number; readonly level: number; readonly nr: number }
  | { readonly kind: 'err-ptr'; readonly value: number }
  | { readonly kind: 'fault'; readonly fault: FaultKind; readonly fork: number; readonly detail: string }
  | { readonly kind: 'next-data'; readonly value: number | null }
  | { readonly kind: 'fork-result'; readonly fork: number; readonly pids: readonly number[] | null; readonly errno: string | null }
  | { readonly kind: 'child-exited'; readonly nr: number };

export interface Tracer {
  /** A function is entered: push its frame and record its entry step (`fn/entry`). */
  call(fn: ModelFunction, locals: Locals): void;
  /** The current frame is about to execute statement `id`, with these locals. */
  step(id: string, locals: Locals): void;
  /** The current frame returns (its return step was recorded just before). */
  ret(value: RawValue): void;
  /** A change to kernel state made by the statement being executed. */
  change(change: Change): void;
}
