// The hook through which an execution source reports each step to the recording stepper. Fast
// mode leaves `Kernel.tr` null: every hook is behind one null check and builds nothing.
//
// Two sources call these same four hooks: the TypeScript model (src/kernel), which names every
// statement by a StepId of the statement table, and the C interpreter (src/interp), which runs
// the C text the patch shows and names a statement by where it sits in the patch document — with
// the model statement it stands for when there is one, and none for a line the model does not
// have (an edited or added line, a helper function a later version adds).
import type { FaultCause, FaultKind } from './faults';
import type { ModelFunction, StepId } from './statements';

/** A span of the patch document: 0-based line, columns [start, end) of that line. */
export interface PatchSpan {
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/** A statement the interpreter runs: its patch span, and the model statement it stands for (if any). */
export interface InterpretedSite {
  readonly stepId: StepId | null;
  readonly span: PatchSpan;
}

/** Where a step executes: a model statement, or an interpreted statement of the patch. */
export type StepSite = StepId | InterpretedSite;

/** A function the model does not implement (the interpreter runs it from the patch). */
export interface InterpretedFunction {
  readonly name: string;
  /** The span of its signature in the patch document. */
  readonly span: PatchSpan;
}

/** The function a frame runs. */
export type FrameFunction = ModelFunction | InterpretedFunction;

/**
 * A local's raw value: a number in the encoding its C type gives it (locals.ts: the function's
 * local types; values.ts turns it into a typed Value), or null for "not assigned yet".
 */
export type RawValue = number | null;
/**
 * A frame's locals by C name. `undefined` is a local out of scope (a block's declaration not
 * reached or left): the snapshot leaves it out.
 */
export type Locals = Readonly<Record<string, RawValue | undefined>>;

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
  | { readonly kind: 'fault'; readonly fault: FaultKind; readonly fork: number; readonly cause: FaultCause }
  | { readonly kind: 'next-data'; readonly value: number | null }
  | { readonly kind: 'fork-result'; readonly fork: number; readonly pids: readonly number[] | null; readonly errno: string | null }
  | { readonly kind: 'child-exited'; readonly nr: number };

export interface Tracer {
  /**
   * A function is entered: push its frame and record its entry step (`fn/entry` for a model
   * function, the signature's span for an interpreted one).
   */
  call(fn: FrameFunction, locals: Locals): void;
  /**
   * The current frame is about to execute the statement at `site`, with these locals (all of the
   * frame's locals, not only the changed ones). The tracer snapshots what it keeps, so a function
   * may hand over the very object that holds its locals and go on changing it.
   */
  step(site: StepSite, locals: Locals): void;
  /** The current frame returns (its return step was recorded just before). */
  ret(value: RawValue): void;
  /** A change to kernel state made by the statement being executed. */
  change(change: Change): void;
}
