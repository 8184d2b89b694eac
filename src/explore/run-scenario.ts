// Runs one explored scenario with the coverage tracer — on the code the variant runs (the model,
// or the interpreter's program of the patch's text: src/interp/programs.ts) — and keeps what the
// analyses need: the outcome, the faults with their sites, failure origins, allocation counts.
import type { Outcome } from '../kernel/outcome';
import { runOps, type KernelCode } from '../kernel/run';
import type { Scenario } from '../kernel/scenario';
import { createKernel } from '../kernel/setup';
import { checkScenarioShape } from '../kernel/validate';
import { CoverageTracer, type FailureOrigin, type FaultAt } from './coverage-tracer';
import type { ScenarioJson } from './scenario-json';

export interface Observation {
  readonly json: ScenarioJson;
  readonly scenario: Scenario;
  readonly outcome: Outcome;
  readonly faults: readonly FaultAt[];
  readonly origins: readonly (FailureOrigin | undefined)[];
  readonly nextAtFork: readonly (number | null)[];
  /** How many times each allocator was called: the calls fault injection can pick. */
  readonly kmemCacheAllocCalls: number;
  readonly kzallocCalls: number;
}

/**
 * `executed` and `executedLines` collect the model steps and interpreted statements' lines run.
 * Undefined when the scenario breaks a rule (for example an exit whose pid this variant did not
 * hand out): exploration skips it rather than reporting it.
 */
export function runScenario(json: ScenarioJson, code: KernelCode, executed: Set<string>, isShown: (stepId: string) => boolean, executedLines: Set<number> = new Set()): Observation | undefined {
  const shape = checkScenarioShape(json);
  if (!shape.ok) return undefined;
  const k = createKernel(shape.scenario);
  const tracer = new CoverageTracer(executed, isShown, executedLines);
  k.tr = tracer;
  const run = runOps(k, shape.scenario, code);
  k.tr = null;
  if (!run.ok) return undefined;
  return {
    json,
    scenario: shape.scenario,
    outcome: run.outcome,
    faults: tracer.faults,
    origins: tracer.origins,
    nextAtFork: tracer.nextAtFork,
    kmemCacheAllocCalls: k.kmemCacheAllocCalls,
    kzallocCalls: k.kzallocCalls,
  };
}
