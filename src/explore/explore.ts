// Runs the scenario space over both variants and gathers findings, differences and unreached
// lines. Each case runs baseline and patched; then, for each allocation the case made, once
// more with that allocation failing. Stops at the time budget and says the report is partial.
// The runs execute the patch's text as written: each variant runs the program programsFor gives
// it (src/interp/programs.ts: the model when the text is exactly the model's, else the
// interpreter); a variant the interpreter refuses is not run and its problems are reported.
import { loadCParser } from '../c';
import type { KernelCode } from '../kernel/run';
import { VARIANTS, type Variant } from '../kernel/statements';
import { refusedProblems, type VariantProblem } from '../interp/diagnostics';
import { codeOf, programsFor, type PatchPrograms } from '../interp/programs';
import type { Patch } from '../patch/model';
import { DifferenceCollector, type Difference } from './differences';
import { FindingCollector, type Finding } from './findings';
import { PatchLines } from './patch-lines';
import { runScenario, type Observation } from './run-scenario';
import type { ScenarioJson } from './scenario-json';
import { scenarioSpace, type ExploredCase } from './scenario-space';
import { unreachedLines, type Unreached, type VariantCoverage } from './unreached';

export interface ExplorationReport {
  readonly findings: readonly Finding[];
  readonly differences: readonly Difference[];
  readonly unreached: readonly Unreached[];
  /** Scenario runs made (each variant, each failure injection counts): the unit of findings. */
  readonly scenarios: number;
  /** Baseline/patched pairs of runs compared: the unit of differences. */
  readonly pairs: number;
  readonly elapsedMs: number;
  /** True when the budget guard stopped the exploration before the whole space was explored. */
  readonly partial: boolean;
  /** False when the patch shows no line of the modelled kernel code: nothing was run. */
  readonly modelled: boolean;
  /**
   * True when every run executed the C text the patch shows, as written, in both variants: by the
   * interpreter, or by the model where the variant's text is exactly the model's (the unedited
   * sample: the model is that text, proven equal to the interpreter on it by the differential
   * tests). False when nothing ran (not modelled) or a variant was refused: then no face may
   * claim that the text was tested.
   */
  readonly ranAsWritten: boolean;
  /** Why a variant could not run as written (it was not explored): one entry per problem. */
  readonly refused: readonly RefusedLine[];
  /** Set when a run failed unexpectedly (a bug): the report holds what was found before it. */
  readonly error?: string;
}

/** A problem the interpreter found in a variant's text, at its 0-based document position. */
export type RefusedLine = VariantProblem;

export interface ExploreOptions {
  /**
   * A guard, not a sample size: stop after this many milliseconds of running scenarios (reading
   * and mapping the patch do not count). The default lets the whole space finish on any machine,
   * so the same patch gives the same report; the editor passes a short one.
   */
  readonly budgetMs?: number;
  /** Deepest namespace level explored, 0 to 31 (default 3). */
  readonly maxDepth?: number;
}

export const DEFAULT_BUDGET_MS = 120_000;
export const DEFAULT_MAX_DEPTH = 3;
/** Failure injection tries at most this many calls of each allocator per case. */
const MAX_INJECTED_CALLS = 4;

/** Explores the patch as written: loads the C parser, compiles what differs from the model, explores. */
export async function exploreAsWritten(patch: Patch, options: ExploreOptions = {}): Promise<ExplorationReport> {
  const lines = new PatchLines(patch);
  if (!lines.modelled) return notModelled();
  return explorePatch(patch, programsFor(patch, await loadCParser(), lines.mapping), options);
}

function notModelled(): ExplorationReport {
  return { findings: [], differences: [], unreached: [], scenarios: 0, pairs: 0, elapsedMs: 0, partial: false, modelled: false, ranAsWritten: false, refused: [] };
}

/** Explores the patch on the programs its variants run (programsFor: the text as written). */
export function explorePatch(patch: Patch, programs: PatchPrograms, options: ExploreOptions = {}): ExplorationReport {
  const budgetMs = finiteOr(options.budgetMs, DEFAULT_BUDGET_MS, 0, Number.MAX_SAFE_INTEGER);
  const maxDepth = Math.trunc(finiteOr(options.maxDepth, DEFAULT_MAX_DEPTH, 0, 31));
  const lines = new PatchLines(patch);
  const start = performance.now();
  if (!lines.modelled) return notModelled();
  const refused = refusedProblems(programs);
  const exploration = new Exploration(lines, { baseline: codeOf(programs.baseline), patched: codeOf(programs.patched) });
  let partial = false;
  let error: string | undefined;
  try {
    for (const explored of scenarioSpace(maxDepth)) {
      if (performance.now() - start > budgetMs) {
        partial = true;
        break;
      }
      exploration.exploreCase(explored);
    }
  } catch (thrown) {
    // Exploration runs on open, in the editor: a bug here must cost the findings, not the session.
    error = thrown instanceof Error ? thrown.message : String(thrown);
    partial = true;
  }
  return {
    findings: exploration.findings.findings(),
    differences: exploration.differences.differences(),
    // Coverage of an interrupted run (or of a variant that never ran) says nothing about what is unreachable.
    // A refused variant never ran: only the variants that ran are reported.
    unreached: partial ? [] : unreachedLines(lines.mapping, exploration.coverage(programs)),
    scenarios: exploration.scenarios,
    pairs: exploration.pairs,
    elapsedMs: performance.now() - start,
    partial,
    modelled: true,
    ranAsWritten: refused.length === 0,
    refused,
    ...(error === undefined ? {} : { error }),
  };
}

/** The state of one exploration: what ran, and the collectors its runs feed. */
class Exploration {
  readonly executed: Record<Variant, Set<string>> = { baseline: new Set(), patched: new Set() };
  /** The document lines of the interpreted statements each variant ran. */
  readonly executedLines: Record<Variant, Set<number>> = { baseline: new Set(), patched: new Set() };
  readonly findings: FindingCollector;
  readonly differences: DifferenceCollector;
  scenarios = 0;
  pairs = 0;

  constructor(
    private readonly lines: PatchLines,
    /** The code each variant runs; undefined for a refused variant (its runs are skipped). */
    private readonly codes: Readonly<Record<Variant, KernelCode | undefined>>,
  ) {
    this.findings = new FindingCollector(lines);
    this.differences = new DifferenceCollector(lines);
  }

  /** A case on both variants, then again with each of its allocations failing in turn. */
  exploreCase(explored: ExploredCase): void {
    const { baseline, patched } = this.runPair(explored.scenario);
    if (explored.injectKmem) {
      // kmem_cache_alloc runs once per fork in both variants: its calls line up, so compare.
      const calls = Math.min(MAX_INJECTED_CALLS, Math.max(baseline?.kmemCacheAllocCalls ?? 0, patched?.kmemCacheAllocCalls ?? 0));
      for (let call = 1; call <= calls; call++) this.runPair({ ...explored.scenario, fail: { kmem_cache_alloc: [call] } });
    }
    // The patch moved kzalloc into alloc_pidmap_page() and added a call for a predefined number:
    // with no value set and as many calls on both sides, call N is the same allocation, so the
    // sides are compared; otherwise each side fails its own calls.
    const noValue = !explored.scenario.ops.some((op) => op.op === 'set_next');
    if (noValue && baseline !== undefined && patched !== undefined && baseline.kzallocCalls === patched.kzallocCalls) {
      for (let call = 1; call <= Math.min(MAX_INJECTED_CALLS, baseline.kzallocCalls); call++) this.runPair({ ...explored.scenario, fail: { kzalloc: [call] } });
      return;
    }
    for (const side of [baseline, patched]) {
      if (side === undefined) continue;
      for (let call = 1; call <= Math.min(MAX_INJECTED_CALLS, side.kzallocCalls); call++) this.run({ ...side.json, fail: { kzalloc: [call] } });
    }
  }

  /** What each variant that ran covered (a refused variant is left out). */
  coverage(programs: PatchPrograms): Partial<Record<Variant, VariantCoverage>> {
    const out: Partial<Record<Variant, VariantCoverage>> = {};
    for (const variant of VARIANTS) {
      const program = programs[variant];
      if (program.kind === 'refused') continue;
      out[variant] = { steps: this.executed[variant], lines: this.executedLines[variant], sites: program.kind === 'interpreted' ? program.program.sites : [] };
    }
    return out;
  }

  private run(json: ScenarioJson): Observation | undefined {
    const code = this.codes[json.variant];
    if (code === undefined) return undefined;
    this.scenarios++;
    const observation = runScenario(json, code, this.executed[json.variant], this.lines.isShown[json.variant], this.executedLines[json.variant]);
    if (observation !== undefined) this.findings.add(observation);
    return observation;
  }

  private runPair(scenario: Omit<ScenarioJson, 'variant'>): { baseline?: Observation; patched?: Observation } {
    const baseline = this.run({ variant: 'baseline', ...scenario });
    const patched = this.run({ variant: 'patched', ...scenario });
    if (baseline !== undefined && patched !== undefined) {
      this.pairs++;
      this.differences.compare(baseline, patched);
    }
    return { baseline, patched };
  }
}

function finiteOr(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || Number.isNaN(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}
