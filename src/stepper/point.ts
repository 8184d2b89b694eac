// The execution point a UI shows for one step index: built from a compact PointRecord, with
// every value formatted for display and every change described in words.
import { LOCAL_TYPES, type ValueType } from '../kernel/locals';
import { isModelFunction, statementById, type StepId, type StepKind } from '../kernel/statements';
import type { PatchSpan, RawValue } from '../kernel/tracer';
import { formatValue, pageAddress, structPidAddress } from './format';
import type { LevelSnapshot } from './pidmap-snapshot';
import type { FaultRecord, FrameRecord, PointRecord, StepChange } from './recorder';

export interface LocalView {
  readonly name: string;
  readonly type: string;
  readonly value: string;
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
  readonly address: string;
  readonly type: 'struct pid' | 'pidmap page' | 'error pointer';
  readonly state: 'live' | 'freed' | 'not an object';
  /** e.g. "numbers: [4001, 500]; child of fork 0", or "ERR_PTR(-12), made in fork 3". */
  readonly detail: string;
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
  readonly faults: readonly FaultRecord[];
  readonly nextSyscallData: number | null;
  /** The step executed just before this point (null at the first point or an interpreted line). */
  readonly previousStepId: StepId | null;
  /** What that step did, in words. */
  readonly changes: readonly string[];
}

function localViews(frame: FrameRecord, before: FrameRecord | undefined): LocalView[] {
  const types: Readonly<Record<string, ValueType>> = isModelFunction(frame.fn) ? LOCAL_TYPES[frame.fn] : {};
  return Object.entries(frame.locals).map(([name, raw]: [string, RawValue]) => {
    const type = types[name] ?? 'int';
    const previous = before?.locals[name];
    return {
      name,
      type,
      value: formatValue(type, raw),
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
      return `fault ${change.fault} in fork ${change.fork}: ${change.detail}`;
    case 'next-data':
      return change.value === null ? 'next_syscall_data reset' : `next_syscall_data = ${change.value}`;
    case 'fork-result':
      return change.pids !== null ? `fork ${change.fork} returned pids [${change.pids.join(', ')}]` : `fork ${change.fork} failed: ${change.errno}`;
    case 'child-exited':
      return `child ${change.nr} exited and was reaped`;
    case 'return':
      return `${change.fn} returned${change.value === '' ? '' : ` ${change.value}`}`;
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
      const type = (isModelFunction(frame.fn) ? LOCAL_TYPES[frame.fn][name] : undefined) ?? 'int';
      changedLocals.push({ name, type, value: formatValue(type, raw), changed: true });
    }
  }
  return { changedLocals, changes: record.changes.map(describeChange) };
}

export function materialise(records: readonly PointRecord[], faults: readonly FaultRecord[], index: number): ExecutionPoint {
  const record = records[index];
  const previous = index > 0 ? records[index - 1] : undefined;
  const byInvocation = new Map(previous?.stack.map((f) => [f.invocation, f]));
  const statement = record.stepId === null ? undefined : statementById(record.stepId);
  const top = record.stack[record.stack.length - 1];
  const heap: HeapObjectView[] = record.heap.slice(-MAX_HEAP_OBJECTS).map((o) => ({
    address: o.type === 'struct pid' ? structPidAddress(o.id) : pageAddress(o.id),
    type: o.type,
    state: o.state,
    detail: [
      o.type === 'struct pid' ? `numbers: [${o.numbers.map((n) => (n === null ? '?' : String(n))).join(', ')}]` : 'zeroed pidmap page',
      o.fork >= 0 ? `allocated in fork ${o.fork}` : 'allocated outside a fork',
      ...(o.owner === null ? [] : [o.owner]),
    ].join('; '),
  }));
  for (const e of record.errorPointers) {
    heap.push({ address: `ERR_PTR(${e.value})`, type: 'error pointer', state: 'not an object', detail: `made in fork ${e.fork}` });
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
    faults: faults.slice(0, record.faultCount),
    nextSyscallData: record.nextSyscallData,
    previousStepId: previous?.stepId ?? null,
    changes: record.changes.map(describeChange),
  };
}
