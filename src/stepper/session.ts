// A debugging session over one scenario: the run is recorded once (up to maxSteps points), so
// stepping forward or back, jumping and restarting are index moves and never replay the run.
// What runs is the code the caller gives (src/interp/programs.ts: the patch's text as written, the
// model's own code where the text is the model's); the model's when none is given.
// Past the cap the run finishes in fast mode, the outcome stays complete, and the last point
// shows the final state.
import { createKernel } from '../kernel/setup';
import { MODEL_CODE, runOps, type KernelCode } from '../kernel/run';
import type { Outcome } from '../kernel/outcome';
import type { Scenario, ScenarioError } from '../kernel/scenario';
import type { PatchSpan } from '../kernel/tracer';
import { statementById, type StepId, type StepKind } from '../kernel/statements';
import { checkScenarioShape } from '../kernel/validate';
import { materialise, pointDelta, type ExecutionPoint, type PointDelta } from './point';
import { PidmapSnapshots } from './pidmap-snapshot';
import { Recorder, type FaultRecord, type FrameRecord, type PointRecord, type StepChange } from './recorder';

export const DEFAULT_MAX_STEPS = 200_000;

export interface SessionOptions {
  /** The most points recorded; beyond it the run continues unrecorded. */
  readonly maxSteps?: number;
  /** The code the scenario's variant runs (programsFor(patch)[variant].code); default the model's. */
  readonly code?: KernelCode;
}

/** What a breakpoint predicate sees of a point (cheap: nothing is formatted). */
export interface PointSummary {
  readonly index: number;
  readonly stepId: StepId | null;
  /** A ModelFunction, or a function only the interpreter runs. */
  readonly fn: string;
  readonly kind: StepKind;
  /** Frames on the stack; the scenario driver is depth 1. */
  readonly depth: number;
  /** The top frame's call (unique per run): tells a new arrival on a line from staying on it. */
  readonly invocation: number;
  /** The fork being run, or null between forks. */
  readonly fork: number | null;
}

/** Breakpoints as step ids (the mapping layer turns document lines into these) or a predicate. */
export type Breakpoints = ReadonlySet<string> | ((point: PointSummary) => boolean);

/** No breakpoints: a step move stops only where the move itself ends. */
const NONE: Breakpoints = new Set<string>();

export interface Stop {
  /** step: a step move; breakpoint: a breakpoint was hit; start/end: ran into the first/last point. */
  readonly reason: 'step' | 'breakpoint' | 'start' | 'end';
  readonly point: ExecutionPoint;
}

export type SessionResult = { ok: true; session: Session } | { ok: false; errors: ScenarioError[] };

export class Session {
  private position = 0;

  private constructor(
    readonly scenario: Scenario,
    readonly outcome: Outcome,
    private readonly records: readonly PointRecord[],
    private readonly faults: readonly FaultRecord[],
    /** True when the run had more steps than maxSteps: points stop there, plus a final point. */
    readonly truncated: boolean,
  ) {}

  /** Validates a scenario's JSON and records its run. */
  static create(json: unknown, options: SessionOptions = {}): SessionResult {
    const shape = checkScenarioShape(json);
    return shape.ok ? Session.record(shape.scenario, options) : shape;
  }

  /** Records the run of a scenario that passed the static rules (an exit of no live child still fails). */
  static record(scenario: Scenario, options: SessionOptions = {}): SessionResult {
    const maxSteps = Math.max(2, options.maxSteps ?? DEFAULT_MAX_STEPS);
    const k = createKernel(scenario);
    // One point is kept back for the final state of a truncated run.
    const recorder = new Recorder(k, maxSteps - 1);
    k.tr = recorder;
    const run = runOps(k, scenario, options.code ?? MODEL_CODE);
    k.tr = null;
    if (!run.ok) return run;
    const records = recorder.points;
    if (recorder.truncated) {
      const last = records[records.length - 1];
      records.push({
        stepId: 'scenario/end',
        span: null,
        stack: last.stack.slice(0, 1).map((f) => ({ ...f, stepId: 'scenario/end', span: null, locals: { op: null, fork: null } })),
        pidmaps: new PidmapSnapshots(k).take(),
        heap: recorder.refreshedHeap(),
        errorPointers: [],
        faultCount: recorder.faults.length,
        nextSyscallData: k.nextSyscallData,
        fork: -1,
        changes: [],
      });
    }
    return { ok: true, session: new Session(scenario, run.outcome, records, recorder.faults, recorder.truncated) };
  }

  get length(): number {
    return this.records.length;
  }

  get index(): number {
    return this.position;
  }

  current(): ExecutionPoint {
    return materialise(this.records, this.position);
  }

  /** The full point at any index (clamped into range). */
  point(index: number): ExecutionPoint {
    return materialise(this.records, this.clamp(index));
  }

  /** Every fault of the run in order; a point has committed the first `faultCount` of them. */
  get faultRecords(): readonly FaultRecord[] {
    return this.faults;
  }

  /** How many faults the run has committed at a point (cheap: nothing is materialised). */
  faultCount(index: number): number {
    return this.records[this.clamp(index)].faultCount;
  }

  /** What changed on reaching a point, in constant time (no heap or fault views are built). */
  delta(index: number): PointDelta {
    return pointDelta(this.records, this.clamp(index));
  }

  summary(index: number): PointSummary {
    const record = this.records[this.clamp(index)];
    const statement = record.stepId === null ? undefined : statementById(record.stepId);
    const top = record.stack[record.stack.length - 1];
    return {
      index: this.clamp(index),
      stepId: record.stepId,
      fn: statement?.fn ?? top.fn,
      kind: statement?.kind ?? 'statement',
      depth: record.stack.length,
      invocation: top.invocation,
      fork: record.fork >= 0 ? record.fork : null,
    };
  }

  stepIn(): Stop {
    return this.moveTo(this.position + 1, 'step');
  }

  /**
   * The next point in this frame or its callers, running any call made here to its end — unless
   * a breakpoint is hit inside that call first (as VS Code's Step Over does).
   */
  stepOver(breakpoints: Breakpoints = NONE): Stop {
    const depth = this.records[this.position].stack.length;
    return this.search(1, (r) => r.stack.length <= depth, breakpoints);
  }

  /** The next point in a caller of this frame, or an earlier breakpoint hit. */
  stepOut(breakpoints: Breakpoints = NONE): Stop {
    const depth = this.records[this.position].stack.length;
    return this.search(1, (r) => r.stack.length < depth, breakpoints);
  }

  stepBack(): Stop {
    return this.moveTo(this.position - 1, 'step');
  }

  /** The previous point in this frame or its callers (the reverse of stepOver, breakpoints included). */
  stepBackOver(breakpoints: Breakpoints = NONE): Stop {
    const depth = this.records[this.position].stack.length;
    return this.search(-1, (r) => r.stack.length <= depth, breakpoints);
  }

  /** Runs forward to the next point matching a breakpoint, or to the end. */
  continue(breakpoints: Breakpoints): Stop {
    return this.search(1, () => false, breakpoints);
  }

  /** Runs backward to the previous point matching a breakpoint, or to the start. */
  reverseContinue(breakpoints: Breakpoints): Stop {
    return this.search(-1, () => false, breakpoints);
  }

  /** What the step before a point did, as typed changes (cheap: the point is not materialised). */
  changes(index: number): readonly StepChange[] {
    return this.records[this.clamp(index)].changes;
  }

  /** The frames of a point as recorded (outermost first): cheap, nothing is formatted. */
  frames(index: number): readonly FrameRecord[] {
    return this.records[this.clamp(index)].stack;
  }

  /**
   * The site the current point's frame was at in the point before `index` (the statement it ran
   * last, or the call in progress), or null when the frame was entered at `index`.
   */
  frameSiteBefore(index: number): { readonly stepId: StepId | null; readonly span: PatchSpan | null } | null {
    const i = this.clamp(index);
    if (i === 0) return null;
    const stack = this.records[i].stack;
    const before = this.records[i - 1].stack[stack.length - 1];
    return before !== undefined && before.invocation === stack[stack.length - 1].invocation ? before : null;
  }

  runToEnd(): Stop {
    return this.moveTo(this.records.length - 1, 'end');
  }

  goTo(index: number): Stop {
    return this.moveTo(index, 'step');
  }

  restart(): Stop {
    return this.moveTo(0, 'start');
  }

  private matcher(breakpoints: Breakpoints): (index: number) => boolean {
    if (breakpoints === NONE) return () => false;
    if (typeof breakpoints === 'function') return (i) => breakpoints(this.summary(i));
    return (i) => {
      const stepId = this.records[i].stepId;
      return stepId !== null && breakpoints.has(stepId);
    };
  }

  /**
   * Walks from the current point in `direction` to the first point the move accepts (a step
   * stop) or that hits a breakpoint, else to the first or last point.
   */
  private search(direction: 1 | -1, accept: (r: PointRecord) => boolean, breakpoints: Breakpoints): Stop {
    const hit = this.matcher(breakpoints);
    for (let i = this.position + direction; i >= 0 && i < this.records.length; i += direction) {
      if (accept(this.records[i])) return this.moveTo(i, 'step');
      if (hit(i)) return this.moveTo(i, 'breakpoint');
    }
    return direction === 1 ? this.moveTo(this.records.length - 1, 'end') : this.moveTo(0, 'start');
  }

  private clamp(index: number): number {
    if (!Number.isFinite(index)) return index > 0 ? this.records.length - 1 : 0;
    return Math.min(this.records.length - 1, Math.max(0, Math.trunc(index)));
  }

  private moveTo(index: number, reason: Stop['reason']): Stop {
    const target = this.clamp(index);
    let why = reason;
    if (reason === 'step' && index >= this.records.length - 1) why = 'end';
    if (reason === 'step' && index <= 0) why = 'start';
    this.position = target;
    return { reason: why, point: this.current() };
  }
}
