// Runs the scenario space over both variants and gathers findings, differences and unreached
// lines. Each case runs baseline and patched; then, for each allocation the case made, once
// more with that allocation failing. Stops at the time budget and says the report is partial.
import type { Variant } from '../kernel/statements';
import type { Patch } from '../patch/model';
import { DifferenceCollector, type Difference } from './differences';
import { FindingCollector, type Finding } from './findings';
import { PatchLines } from './patch-lines';
import { runScenario, type Observation } from './run-scenario';
import { withVariant, type ScenarioJson } from './scenario-json';
import { scenarioSpace } from './scenario-space';
import { unreachedLines, type Unreached } from './unreached';

export interface ExplorationReport {
  readonly findings: readonly Finding[];
  readonly differences: readonly Difference[];
  readonly unreached: readonly Unreached[];
  /** Scenario runs made (each variant, each failure injection counts). */
  readonly scenarios: number;
  readonly elapsedMs: number;
  /** True when the budget ran out before the whole space was explored. */
  readonly partial: boolean;
  /** False when the patch shows no line of the modelled kernel code: nothing was run. */
  readonly modelled: boolean;
}

export interface ExploreOptions {
  /** Stop after this many milliseconds (default 900). */
  readonly budgetMs?: number;
  /** Deepest namespace level explored, 0 to 31 (default 3). */
  readonly maxDepth?: number;
}

export const DEFAULT_BUDGET_MS = 900;
export const DEFAULT_MAX_DEPTH = 3;
/** Failure injection tries at most this many calls of each allocator per case. */
const MAX_INJECTED_CALLS = 4;

export function explorePatch(patch: Patch, options: ExploreOptions = {}): ExplorationReport {
  const start = performance.now();
  const budgetMs = finiteOr(options.budgetMs, DEFAULT_BUDGET_MS, 0, Number.MAX_SAFE_INTEGER);
  const maxDepth = Math.trunc(finiteOr(options.maxDepth, DEFAULT_MAX_DEPTH, 0, 31));
  const lines = new PatchLines(patch);
  if (!lines.modelled) {
    return { findings: [], differences: [], unreached: [], scenarios: 0, elapsedMs: performance.now() - start, partial: false, modelled: false };
  }
  const executed: Record<Variant, Set<string>> = { baseline: new Set(), patched: new Set() };
  const findings = new FindingCollector(lines);
  const differences = new DifferenceCollector(lines);
  let scenarios = 0;
  let partial = false;

  const run = (json: ScenarioJson): Observation | undefined => {
    scenarios++;
    const observation = runScenario(json, executed[json.variant], lines.isShown[json.variant]);
    if (observation !== undefined) findings.add(observation);
    return observation;
  };
  const runPair = (scenario: Omit<ScenarioJson, 'variant'>, compare: boolean): { baseline?: Observation; patched?: Observation } => {
    const baseline = run({ variant: 'baseline', ...scenario });
    const patched = run(withVariant({ variant: 'baseline', ...scenario }, 'patched'));
    if (compare && baseline !== undefined && patched !== undefined) differences.compare(baseline, patched);
    return { baseline, patched };
  };

  for (const explored of scenarioSpace(maxDepth)) {
    if (performance.now() - start > budgetMs) {
      partial = true;
      break;
    }
    const { baseline, patched } = runPair(explored.scenario, true);
    // kmem_cache_alloc runs once per fork in both variants: its calls line up, so compare.
    const kmemCalls = !explored.injectKmem ? 0 : Math.min(MAX_INJECTED_CALLS, Math.max(baseline?.kmemCacheAllocCalls ?? 0, patched?.kmemCacheAllocCalls ?? 0));
    for (let call = 1; call <= kmemCalls; call++) runPair({ ...explored.scenario, fail: { kmem_cache_alloc: [call] } }, true);
    // kzalloc calls differ between the variants (the patch moved them): each runs its own.
    for (const side of [baseline, patched]) {
      if (side === undefined) continue;
      for (let call = 1; call <= Math.min(MAX_INJECTED_CALLS, side.kzallocCalls); call++) {
        run({ ...side.json, fail: { kzalloc: [call] } });
      }
    }
  }
  return {
    findings: findings.findings(),
    differences: differences.differences(),
    unreached: unreachedLines(lines.mapping, executed),
    scenarios,
    elapsedMs: performance.now() - start,
    partial,
    modelled: true,
  };
}

function finiteOr(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || Number.isNaN(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}
