// A light tracer for exploration: which steps ran, where each fault was committed, and where
// each failed fork's failure began. It keeps one step id per frame and nothing else, so a run
// costs little more than fast mode (the recording stepper keeps whole execution points).
import type { FaultKind } from '../kernel/faults';
import type { ModelFunction } from '../kernel/statements';
import type { Change, Locals, RawValue, Tracer } from '../kernel/tracer';

export interface FaultAt {
  readonly fork: number;
  readonly kind: FaultKind;
  /** The sanitizer's words, e.g. `kmem_cache_free(ERR_PTR(-22))`. */
  readonly detail: string;
  /** The step that commits it, placed on a step the patch shows (see faultSite). */
  readonly stepId: string;
}

/** Where a failed fork's failure began: the first allocator failure or negative return. */
export interface FailureOrigin {
  /** The frames' steps from the outermost model function down to where the failure began. */
  readonly chain: readonly string[];
  /** The namespace level being allocated in, when the failing call names one. */
  readonly level: number | null;
}

/** A fork-end fault shares the site of the cleanup that should have prevented it. */
const BLAMED_ON: Partial<Record<FaultKind, FaultKind>> = {
  leak: 'invalid-free',
  'pidmap-leak': 'err-ptr-deref',
};

/** Functions whose `pid_ns` argument names the level they allocate in (locals.ts: level + 1). */
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
  private readonly steps: string[] = [];
  private readonly levels: (number | null)[] = [];
  private fork = -1;
  private next: number | null = null;

  /**
   * `executed` collects every step run (shared across runs of a variant); `isShown` says
   * whether the patch shows a step, to place faults on lines a reviewer can see.
   */
  constructor(
    private readonly executed: Set<string>,
    private readonly isShown: (stepId: string) => boolean,
  ) {}

  call(fn: ModelFunction, locals: Locals): void {
    const entry = `${fn}/entry`;
    this.steps.push(entry);
    this.executed.add(entry);
    const argument = LEVEL_ARGUMENT[fn];
    const ref = argument === undefined ? null : locals[argument];
    this.levels.push(typeof ref === 'number' && ref > 0 ? ref - 1 : null);
  }

  step(id: string, locals: Locals): void {
    this.steps[this.steps.length - 1] = id;
    this.executed.add(id);
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
    this.levels.pop();
  }

  change(change: Change): void {
    if (change.kind === 'fault') this.faults.push({ fork: change.fork, kind: change.fault, detail: change.detail, stepId: this.faultSite(change.fault, change.fork) });
    else if (change.kind === 'alloc-failed') this.noteOrigin();
    else if (change.kind === 'next-data') this.next = change.value;
  }

  private noteOrigin(): void {
    if (this.fork < 0 || this.origins[this.fork] !== undefined) return;
    let level: number | null = null;
    for (let i = this.levels.length - 1; i >= 0 && level === null; i--) level = this.levels[i];
    // The scenario driver's frame (index 0) is not model code.
    this.origins[this.fork] = { chain: this.steps.slice(1), level };
  }

  /**
   * As `faultSites` in src/mapping does for a recorded session: a fork-end fault goes on the
   * site of the fault it follows from; any other on the innermost step the patch shows.
   */
  private faultSite(kind: FaultKind, fork: number): string {
    const blamed = BLAMED_ON[kind];
    if (blamed !== undefined) {
      for (let i = this.faults.length - 1; i >= 0; i--) {
        const f = this.faults[i];
        if (f.fork === fork && f.kind === blamed) return f.stepId;
      }
    }
    const own = this.steps[this.steps.length - 1];
    if (this.isShown(own)) return own;
    for (let i = this.steps.length - 2; i >= 0; i--) if (this.isShown(this.steps[i])) return this.steps[i];
    return own;
  }
}
