// The execution point a UI shows for one step index: built from a compact PointRecord, with
// every value typed (the faces format them with format.ts) and every change described in words.
import { LOCAL_TYPES, type ValueType } from '../kernel/locals';
import { isModelFunction, statementById, type StepId, type StepKind } from '../kernel/statements';
import type { PatchSpan, RawValue } from '../kernel/tracer';
import { valueOf, type PtrTarget, type Value } from '../kernel/values';
import { formatFaultCause, formatValue, pageAddress, structPidAddress } from './format';
import type { LevelSnapshot } from './pidmap-snapshot';
import type { FrameRecord, HeapOwner, PointRecord, StepChange } from './recorder';

export interface LocalView {
  readonly name: string;
  readonly type: ValueType;
  readonly value: Value;
  /** True when the previous point showed this same call with another value. */
  readonly changed: boolean;
}

export interface FrameView {
  /** A ModelFunction, or a function only the interpreter runs. */
  readonly fn: string;
  /** The statement this frame is at (for frames below the top: the call in progress); null: an interpreted line the model does not have. */
  readonly stepId: StepId | null;
  /** Where an interpreted statement sits in the patch (null for a model step). */
  readonly span: PatchSpan | null;
  readonly locals: readonly LocalView[];
}

export interface HeapObjectView {
  /** The object (a struct pid or page by id), or the error pointer. */
  readonly ref: PtrTarget;
  readonly type: 'struct pid' | 'pidmap page' | 'error pointer';
  readonly state: 'live' | 'freed' | 'not an object';
  /** struct pid: numbers[level].nr as written so far (null: not written); empty otherwise. */
  readonly numbers: readonly (number | null)[];
  /** The fork it was allocated (an error pointer: made) in; -1 outside a fork. */
  readonly fork: number;
  readonly owner: HeapOwner | null;
}

export interface ExecutionPoint {
  readonly index: number;
  readonly stepId: StepId | null;
  readonly span: PatchSpan | null;
  readonly fn: string;
  readonly kind: StepKind;
  /** The fork being run (0-based), or null between forks. */
  readonly fork: number | null;
  /** Outermost frame first; the last one is where execution is. */
  readonly stack: readonly FrameView[];
  /** Every level's pid map (shared, immutable snapshots: see pidmap-snapshot.ts). */
  readonly pidmaps: readonly LevelSnapshot[];
  /** The most recently allocated heap objects (at most MAX_HEAP_OBJECTS), then the error pointers. */
  readonly heap: readonly HeapObjectView[];
  /** How many heap objects the run has allocated so far (more than `heap` shows in a long run). */
  readonly heapCount: number;
  /** How many faults the run has committed so far (the runtime lists them: DebugRun.faultSitesIn). */
  readonly faultCount: number;
  readonly nextSyscallData: number | null;
  /** The step executed just before this point (null at the first point or an interpreted line). */
  readonly previousStepId: StepId | null;
  /** What that step did, in words. */
  readonly changes: readonly string[];
}

function typeOf(fn: string, name: string): ValueType {
  return (isModelFunction(fn) ? LOCAL_TYPES[fn][name] : undefined) ?? 'int';
}

function localViews(frame: FrameRecord, before: FrameRecord | undefined): LocalView[] {
  return Object.entries(frame.locals).map(([name, raw]: [string, RawValue]) => {
    const previous = before?.locals[name];
    return {
      name,
      type: typeOf(frame.fn, name),
      value: valueOf(typeOf(frame.fn, name), raw),
      changed: before !== undefined && previous !== undefined && previous !== raw,
    };
  });
}

export function describeChange(change: StepChange): string {
  switch (change.kind) {
    case 'bit-set':
      return `set bit ${change.nr} in the level ${change.level} pid map`;
    case 'bit-cleared':
      return `cleared bit ${change.nr} in the level ${change.level} pid map`;
    case 'nr-free':
      return `level ${change.level} pidmap[${change.entry}].nr_free = ${change.value}`;
    case 'last-pid':
      return `level ${change.level} last_pid = ${change.value}`;
    case 'page-installed':
      return `level ${change.level} pidmap[${change.entry}].page = ${pageAddress(change.id)}`;
    case 'alloc':
      return `${change.allocator} call ${change.call} returned ${change.allocator === 'kzalloc' ? pageAddress(change.id) : structPidAddress(change.id)}`;
    case 'alloc-failed':
      return `${change.allocator} call ${change.call} failed (fault injection): NULL`;
    case 'free':
      return `${change.allocator}(${change.allocator === 'kfree' ? pageAddress(change.id) : structPidAddress(change.id)})`;
    case 'pid-number':
      return `${structPidAddress(change.id)}->numbers[${change.level}].nr = ${change.nr}`;
    case 'err-ptr':
      return `error pointer ERR_PTR(${change.value})`;
    case 'fault':
      return `fault ${change.fault} in fork ${change.fork}: ${formatFaultCause(change.cause)}`;
    case 'next-data':
      return change.value === null ? 'next_syscall_data reset' : `next_syscall_data = ${change.value}`;
    case 'fork-result':
      return change.pids !== null ? `fork ${change.fork} returned pids [${change.pids.join(', ')}]` : `fork ${change.fork} failed: ${change.errno}`;
    case 'child-exited':
      return `child ${change.nr} exited and was reaped`;
    case 'return':
      return `${change.fn} returned ${formatValue(change.value)}`;
  }
}

/**
 * Heap objects a point carries: a long run allocates one struct pid per fork, and formatting
 * thousands of them made every step of its end slow (68 ms at 5 000 objects).
 */
export const MAX_HEAP_OBJECTS = 200;

/** What a point shows changed, without building its heap and fault views (kpr trace). */
export interface PointDelta {
  /** Locals of every frame whose value differs from the previous point's same call. */
  readonly changedLocals: readonly LocalView[];
  /** What the step before this point did, in words. */
  readonly changes: readonly string[];
}

export function pointDelta(records: readonly PointRecord[], index: number): PointDelta {
  const record = records[index];
  const previous = index > 0 ? records[index - 1] : undefined;
  const byInvocation = new Map(previous?.stack.map((f) => [f.invocation, f]));
  const changedLocals: LocalView[] = [];
  for (const frame of record.stack) {
    const before = byInvocation.get(frame.invocation);
    if (before === undefined) continue;
    // Only the changed values are formatted: a trace asks this for every one of its steps.
    for (const [name, raw] of Object.entries(frame.locals)) {
      const previous = before.locals[name];
      if (previous === undefined || previous === raw) continue;
      const type = typeOf(frame.fn, name);
      changedLocals.push({ name, type, value: valueOf(type, raw), changed: true });
    }
  }
  return { changedLocals, changes: record.changes.map(describeChange) };
}

export function materialise(records: readonly PointRecord[], index: number): ExecutionPoint {
  const record = records[index];
  const previous = index > 0 ? records[index - 1] : undefined;
  const byInvocation = new Map(previous?.stack.map((f) => [f.invocation, f]));
  const statement = record.stepId === null ? undefined : statementById(record.stepId);
  const top = record.stack[record.stack.length - 1];
  const heap: HeapObjectView[] = record.heap.slice(-MAX_HEAP_OBJECTS).map((o) => ({
    ref: o.type === 'struct pid' ? { kind: 'struct pid', id: o.id } : { kind: 'page', id: o.id },
    type: o.type,
    state: o.state,
    numbers: o.numbers,
    fork: o.fork,
    owner: o.owner,
  }));
  for (const e of record.errorPointers) {
    heap.push({ ref: { kind: 'err-ptr', error: e.value }, type: 'error pointer', state: 'not an object', numbers: [], fork: e.fork, owner: null });
  }
  return {
    index,
    stepId: record.stepId,
    span: record.span,
    fn: statement?.fn ?? top.fn,
    kind: statement?.kind ?? 'statement',
    fork: record.fork >= 0 ? record.fork : null,
    stack: record.stack.map((frame) => ({ fn: frame.fn, stepId: frame.stepId, span: frame.span, locals: localViews(frame, byInvocation.get(frame.invocation)) })),
    pidmaps: record.pidmaps,
    heap,
    heapCount: record.heap.length,
    faultCount: record.faultCount,
    nextSyscallData: record.nextSyscallData,
    previousStepId: previous?.stepId ?? null,
    changes: record.changes.map(describeChange),
  };
}
