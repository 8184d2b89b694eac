// `kpr simulate --patch PATCH SCENARIO`: the scenario run on the code PATCH describes. The
// variant the scenario names is compiled from the patch's text (refused, with one line per
// problem, when it cannot run); the outcome prints exactly as for the model.
import { loadCParser } from '../c';
import type { Outcome } from '../kernel/outcome';
import { runOps } from '../kernel/run';
import { parseScenario } from '../kernel/scenario-input';
import { formatScenarioError } from '../kernel/scenario';
import { createKernel } from '../kernel/setup';
import { parsePatchDocument } from '../patch/parse';
import { compileVariant } from './program';
import { formatProblem } from './problems';

export type PatchRunResult =
  | { readonly ok: true; readonly outcome: Outcome }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Runs scenarioText on patchText (its file named patchPath in messages); the caller prints the outcome. */
export async function runPatchScenario(patchPath: string, patchText: string, scenarioText: string): Promise<PatchRunResult> {
  const checked = parseScenario(scenarioText, false);
  if (!checked.ok) return { ok: false, errors: [formatScenarioError(checked.errors[0])] };
  const scenario = checked.scenario;
  const parser = await loadCParser();
  const compiled = compileVariant(parsePatchDocument(patchText), scenario.variant, parser);
  if (!compiled.ok) return { ok: false, errors: compiled.problems.map((p) => formatProblem(patchPath, p)) };
  const run = runOps(createKernel(scenario), scenario, compiled.program.code);
  if (!run.ok) return { ok: false, errors: [formatScenarioError(run.errors[0])] };
  return { ok: true, outcome: run.outcome };
}
