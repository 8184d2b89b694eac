// The tracer that records a run as execution points, each complete on its own (Python Tutor
// style): the stack with every frame's locals, the pid maps, the heap, the faults so far and
// what changed. Unchanged parts are shared between points, so a point costs a few hundred bytes.
import type { Kernel } from '../kernel/kernel';
import { RETURN_TYPES } from '../kernel/locals';
import { entryStep, isModelFunction, type StepId } from '../kernel/statements';
import type { Change, FrameFunction, Locals, PatchSpan, RawValue, StepSite, Tracer } from '../kernel/tracer';
import type { FaultCause, FaultKind } from '../kernel/faults';
import { valueOf, type Value } from '../kernel/values';
import { PidmapSnapshots, type LevelSnapshot } from './pidmap-snapshot';

export interface FrameRecord {
  /** The function's name (a ModelFunction, or a function only the interpreter runs). */
  readonly fn: string;
  /** Which call this frame is (unique per run), to tell recursion-free re-entries apart. */
  readonly invocation: number;
  /** The model statement the frame is at; null for an interpreted line the model does not have. */
  readonly stepId: StepId | null;
  /** Where an interpreted statement sits in the patch; null for a model step (the mapping places it). */
  readonly span: PatchSpan | null;
  /** The locals in scope, raw (typed by LOCAL_TYPES: see values.ts), as the step saw them. */
  readonly locals: LocalsSnapshot;
}

export type LocalsSnapshot = Readonly<Record<string, RawValue>>;

/** A copy of the locals in scope: the code that handed them over may go on changing its object. */
function snapshot(locals: Locals): LocalsSnapshot {
  const copy: Record<string, RawValue> = {};
  for (const name in locals) {
    const value = locals[name];
    if (value !== undefined) copy[name] = value;
  }
  return copy;
}

/** Who holds a heap object: the fork whose child a struct pid became, or the pidmap entry a page backs. */
export type HeapOwner =
  | { readonly kind: 'child'; readonly fork: number }
  | { readonly kind: 'pidmap'; readonly level: number; readonly entry: number };

export interface HeapObjectRecord {
  readonly id: number;
  readonly type: 'struct pid' | 'pidmap page';
  readonly state: 'live' | 'freed';
  /** The fork during which it was allocated. */
  readonly fork: number;
  /** struct pid: numbers[level].nr as written so far (null: not written). */
  readonly numbers: readonly (number | null)[];
  readonly owner: HeapOwner | null;
}

export interface ErrorPointerRecord {
  readonly value: number;
  readonly fork: number;
}

export interface FaultRecord {
  readonly fork: number;
  readonly kind: FaultKind;
  /** What the sanitizer saw (format.ts words it). */
  readonly cause: FaultCause;
  /** The index of the first point recorded after the fault (the point whose changes show it). */
  readonly point: number;
}

/** A change as the stepper reports it: the kernel's, plus function returns. */
export type StepChange = Change | { readonly kind: 'return'; readonly fn: string; readonly value: Value };

export interface PointRecord {
  /** The top frame's statement (see FrameRecord). */
  readonly stepId: StepId | null;
  readonly span: PatchSpan | null;
  readonly stack: readonly FrameRecord[];
  readonly pidmaps: readonly LevelSnapshot[];
  readonly heap: readonly HeapObjectRecord[];
  readonly errorPointers: readonly ErrorPointerRecord[];
  readonly faultCount: number;
  readonly nextSyscallData: number | null;
  /** The fork being run, or -1 between forks. */
  readonly fork: number;
  /** What the previous step did to reach this point. */
  readonly changes: readonly StepChange[];
}

const NO_CHANGES: readonly StepChange[] = [];

export class Recorder implements Tracer {
  readonly points: PointRecord[] = [];
  readonly faults: FaultRecord[] = [];
  /** True when maxSteps was reached: the rest of the run went on in fast mode. */
  truncated = false;
  private stack: FrameRecord[] = [];
  private invocations = 0;
  private pending: StepChange[] = [];
  private readonly pidmaps: PidmapSnapshots;
  private heap: readonly HeapObjectRecord[] = [];
  private heapDraft: HeapObjectRecord[] | null = null;
  private readonly heapIndex = new Map<number, number>();
  private errorPointers: readonly ErrorPointerRecord[] = [];

  constructor(
    private readonly k: Kernel,
    private readonly maxSteps: number,
  ) {
    this.pidmaps = new PidmapSnapshots(k);
  }

  // After truncation a block of the model may still hold this tracer for its last few steps:
  // everything is ignored from then on (the kernel's `tr` is already null for the rest).
  call(fn: FrameFunction, locals: Locals): void {
    if (this.truncated) return;
    const frame: FrameRecord = typeof fn === 'string'
      ? { fn, invocation: ++this.invocations, stepId: entryStep(fn), span: null, locals: snapshot(locals) }
      : { fn: fn.name, invocation: ++this.invocations, stepId: null, span: fn.span, locals: snapshot(locals) };
    this.stack.push(frame);
    this.record(frame.stepId, frame.span);
  }

  step(site: StepSite, locals: Locals): void {
    if (this.truncated) return;
    const top = this.stack[this.stack.length - 1];
    const stepId = typeof site === 'string' ? site : site.stepId;
    const span = typeof site === 'string' ? null : site.span;
    this.stack[this.stack.length - 1] = { fn: top.fn, invocation: top.invocation, stepId, span, locals: snapshot(locals) };
    this.record(stepId, span);
  }

  ret(value: RawValue): void {
    if (this.truncated) return;
    const frame = this.stack.pop();
    if (frame) this.pending.push({ kind: 'return', fn: frame.fn, value: valueOf(isModelFunction(frame.fn) ? RETURN_TYPES[frame.fn] : 'int', value) });
  }

  change(change: Change): void {
    if (this.truncated) return;
    this.pending.push(change);
    switch (change.kind) {
      case 'bit-set':
      case 'bit-cleared':
        this.pidmaps.bitChanged(change.level, change.nr);
        break;
      case 'nr-free':
      case 'last-pid':
      case 'page-installed':
        this.pidmaps.levelChanged(change.level);
        if (change.kind === 'page-installed') this.updateHeap(change.id, (o) => ({ ...o, owner: { kind: 'pidmap', level: change.level, entry: change.entry } }));
        break;
      case 'alloc':
        this.addHeap({
          id: change.id, type: change.allocator === 'kzalloc' ? 'pidmap page' : 'struct pid', state: 'live', fork: this.k.forkIndex,
          numbers: change.allocator === 'kzalloc' ? [] : new Array<null>(this.k.depth + 1).fill(null), owner: null,
        });
        break;
      case 'free':
        this.updateHeap(change.id, (o) => ({ ...o, state: 'freed' }));
        break;
      case 'pid-number':
        this.updateHeap(change.id, (o) => {
          const numbers = o.numbers.slice();
          numbers[change.level] = change.nr;
          return { ...o, numbers };
        });
        break;
      case 'err-ptr':
        this.errorPointers = [...this.errorPointers, { value: change.value, fork: this.k.forkIndex }];
        break;
      case 'fault':
        this.faults.push({ fork: change.fork, kind: change.fault, cause: change.cause, point: this.points.length });
        break;
      case 'fork-result':
        if (change.pids !== null && this.k.forkPid !== 0) this.updateHeap(this.k.forkPid, (o) => ({ ...o, owner: { kind: 'child', fork: change.fork } }));
        break;
      case 'alloc-failed':
      case 'next-data':
      case 'child-exited':
        break;
    }
  }

  /** The heap as recorded last, with states refreshed from the kernel (for a truncated run's end). */
  refreshedHeap(): readonly HeapObjectRecord[] {
    return this.heap.map((o) => (this.k.heap.isLive(o.id) === (o.state === 'live') ? o : { ...o, state: this.k.heap.isLive(o.id) ? 'live' : 'freed' }));
  }

  get currentStack(): readonly FrameRecord[] {
    return this.stack;
  }

  private record(stepId: StepId | null, span: PatchSpan | null): void {
    if (this.points.length >= this.maxSteps) {
      // Stop recording; the run goes on in fast mode so the outcome is still complete.
      this.truncated = true;
      this.k.tr = null;
      return;
    }
    if (this.heapDraft !== null) {
      this.heap = this.heapDraft;
      this.heapDraft = null;
    }
    // Error pointers are values of one fork's locals: a new fork starts without any.
    if (stepId === 'scenario/fork' && this.errorPointers.length > 0) this.errorPointers = [];
    this.points.push({
      stepId,
      span,
      stack: this.stack.slice(),
      pidmaps: this.pidmaps.take(),
      heap: this.heap,
      errorPointers: this.errorPointers,
      faultCount: this.faults.length,
      nextSyscallData: this.k.nextSyscallData,
      fork: this.k.forkIndex,
      changes: this.pending.length === 0 ? NO_CHANGES : this.pending,
    });
    if (this.pending.length > 0) this.pending = [];
  }

  private draft(): HeapObjectRecord[] {
    this.heapDraft ??= this.heap.slice();
    return this.heapDraft;
  }

  private addHeap(object: HeapObjectRecord): void {
    const draft = this.draft();
    this.heapIndex.set(object.id, draft.length);
    draft.push(object);
  }

  private updateHeap(id: number, update: (o: HeapObjectRecord) => HeapObjectRecord): void {
    const index = this.heapIndex.get(id);
    if (index === undefined) return;
    const draft = this.draft();
    draft[index] = update(draft[index]);
  }
}
