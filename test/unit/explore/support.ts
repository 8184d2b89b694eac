// One exploration of the bundled sample, shared by the tests that read its report (it runs the
// whole space, so it is made once, with no time budget to cut it short).
import { exploreAsWritten, type ExplorationReport } from '../../../src/explore';
import { checkScenarioShape } from '../../../src/kernel/validate';
import { simulate } from '../../../src/kernel/run';
import { outcomeToJson, type OutcomeJson } from '../../../src/kernel/outcome';
import type { Variant } from '../../../src/kernel/statements';
import type { ScenarioJson } from '../../../src/explore';
import { samplePatch } from '../mapping/sample';

let report: Promise<ExplorationReport> | undefined;

export function sampleReport(): Promise<ExplorationReport> {
  report ??= exploreAsWritten(samplePatch, { budgetMs: 60_000 });
  return report;
}

/** What `kpr simulate` prints for a scenario, as JSON (the scenario must be valid). */
export function simulateJson(scenario: ScenarioJson, variant: Variant = scenario.variant): OutcomeJson {
  const shape = checkScenarioShape({ ...scenario, variant });
  if (!shape.ok) throw new Error(`invalid scenario ${JSON.stringify(scenario)}: ${shape.errors[0].path} ${shape.errors[0].message}`);
  const run = simulate(shape.scenario);
  if (!run.ok) throw new Error(`scenario does not run: ${run.errors[0].message}`);
  return outcomeToJson(run.outcome);
}
