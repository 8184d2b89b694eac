// A light tracer for exploration: which steps ran, where each fault was committed, and where
// each failed fork's failure began. It keeps one step id per frame and nothing else, so a run
// costs little more than fast mode (the recording stepper keeps whole execution points).
import type { FaultCause, FaultKind } from '../kernel/faults';
import { entryStep, functionOfStep, type ModelFunction, type StepId } from '../kernel/statements';
import type { Change, FrameFunction, Locals, PatchSpan, RawValue, StepSite, Tracer } from '../kernel/tracer';
import { valueOf } from '../kernel/values';
import { placeFault } from '../runtime/fault-sites';

export interface FaultAt {
  readonly fork: number;
  readonly kind: FaultKind;
  /** What the sanitizer saw (src/stepper/format.ts words it: `kmem_cache_free(ERR_PTR(-22))`). */
  readonly cause: FaultCause;
  /** The step that commits it, placed on a step the patch shows (src/runtime/fault-sites.ts). */
  readonly stepId: StepId;
  /**
   * Set when the statement that commits it is one the interpreter runs from the patch's text: its
   * own 0-based document line (an edited or added line may have no model step, or share one with
   * another line of the same text). stepId is its model step, or the frame's last one.
   */
  readonly line?: number;
  /**
   * Set when no frame runs a statement the patch shows (an edit broke code reached only through
   * functions the patch leaves out): the functions on the stack, innermost first.
   */
  readonly unshownStack?: readonly string[];
}

/** A frame's place for fault sites: its last model step, and the span of the interpreted statement it runs. */
interface FrameSite {
  readonly stepId: StepId;
  readonly span: PatchSpan | null;
}

/** Where a failed fork's failure began: the first allocator failure or negative return. */
export interface FailureOrigin {
  /** The frames' steps from the outermost model function down to where the failure began. */
  readonly chain: readonly StepId[];
  /** The namespace level being allocated in, when the failing call names one. */
  readonly level: number | null;
  /**
   * Set when the failure began at a statement the interpreter runs from the patch's text (a
   * `return -E…;` an edit added has no model step of its own): its 0-based document line.
   */
  readonly line?: number;
}

/** The functions of a stack of steps, innermost first, each once. */
function functionsOf(steps: readonly StepId[]): string[] {
  const out: string[] = [];
  for (let i = steps.length - 1; i >= 0; i--) {
    const fn = functionOfStep(steps[i]);
    if (out[out.length - 1] !== fn) out.push(fn);
  }
  return out;
}

/** Functions whose `pid_ns` argument names the level they allocate in. */
const LEVEL_ARGUMENT: Partial<Record<ModelFunction, string>> = {
  alloc_pidmap: 'pid_ns',
  alloc_fixed_pidmap: 'pid_ns',
};

export class CoverageTracer implements Tracer {
  readonly faults: FaultAt[] = [];
  /** Index = fork. */
  readonly origins: (FailureOrigin | undefined)[] = [];
  /** next_syscall_data as each fork began (index = fork); null when none was set. */
  readonly nextAtFork: (number | null)[] = [];
  // Exploration covers model statements: a statement only the interpreter knows (a site without
  // a StepId, a function the model lacks) counts as the last model statement of its caller.
  private readonly steps: StepId[] = [];
  /** Per frame: the patch span of the interpreted statement it runs (null for a model step). */
  private readonly spans: (PatchSpan | null)[] = [];
  private readonly placed: { kind: FaultKind; fork: number; site: FrameSite }[] = [];
  private readonly levels: (number | null)[] = [];
  private fork = -1;
  private next: number | null = null;

  /**
   * `executed` collects every step run (shared across runs of a variant); `isShown` says
   * whether the patch shows a step, to place faults on lines a reviewer can see.
   */
  constructor(
    private readonly executed: Set<string>,
    private readonly isShown: (stepId: StepId) => boolean,
    /** The document lines of the interpreted statements run (shared across runs of a variant). */
    private readonly executedLines: Set<number> = new Set(),
  ) {}

  call(fn: FrameFunction, locals: Locals): void {
    const entry = typeof fn === 'string' ? entryStep(fn) : this.steps[this.steps.length - 1] ?? 'scenario/entry';
    this.steps.push(entry);
    this.spans.push(null);
    this.executed.add(entry);
    const argument = typeof fn === 'string' ? LEVEL_ARGUMENT[fn] : undefined;
    const ns = argument === undefined ? null : valueOf('struct pid_namespace *', locals[argument]);
    this.levels.push(ns?.kind === 'ptr' && ns.target.kind === 'namespace' ? ns.target.level : null);
  }

  step(site: StepSite, locals: Locals): void {
    const id = typeof site === 'string' ? site : site.stepId ?? this.steps[this.steps.length - 1];
    this.steps[this.steps.length - 1] = id;
    this.spans[this.spans.length - 1] = typeof site === 'string' ? null : site.span;
    this.executed.add(id);
    if (typeof site !== 'string') this.executedLines.add(site.span.line);
    if (id === 'scenario/fork' && typeof locals.fork === 'number') {
      this.fork = locals.fork;
      this.nextAtFork[this.fork] = this.next;
    } else if (id === 'scenario/fork-done') {
      this.fork = -1;
    }
  }

  ret(value: RawValue): void {
    if (typeof value === 'number' && value < 0) this.noteOrigin();
    this.steps.pop();
    this.spans.pop();
    this.levels.pop();
  }

  change(change: Change): void {
    if (change.kind === 'fault') {
      const stack = this.steps.map((stepId, i): FrameSite => ({ stepId, span: this.spans[i] }));
      const site = placeFault({ kind: change.fault, fork: change.fork }, this.placed, stack, (f) => f.span !== null || this.isShown(f.stepId));
      this.placed.push({ kind: change.fault, fork: change.fork, site });
      const shown = site.span !== null || this.isShown(site.stepId);
      this.faults.push({
        fork: change.fork, kind: change.fault, cause: change.cause, stepId: site.stepId,
        ...(site.span === null ? {} : { line: site.span.line }),
        ...(shown ? {} : { unshownStack: functionsOf(this.steps.slice(1)) }),
      });
    }
    else if (change.kind === 'alloc-failed') this.noteOrigin();
    else if (change.kind === 'next-data') this.next = change.value;
  }

  private noteOrigin(): void {
    if (this.fork < 0 || this.origins[this.fork] !== undefined) return;
    let level: number | null = null;
    for (let i = this.levels.length - 1; i >= 0 && level === null; i--) level = this.levels[i];
    // The scenario driver's frame (index 0) is not model code. The innermost frame's statement is
    // the failing return or allocating call: its own line when the interpreter runs it.
    const span = this.spans[this.spans.length - 1] ?? null;
    this.origins[this.fork] = { chain: this.steps.slice(1), level, ...(span === null ? {} : { line: span.line }) };
  }
}
