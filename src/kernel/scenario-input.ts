// Scenario text as every face receives it — `kpr simulate` and `kpr trace --scenario`, a
// `kpr` launch configuration, the debugger panel's Load Scenario and Debug This Scenario — read
// the same way: the JSON value, then the spec's rules, with the same error text everywhere. Also
// the one default scenario a face starts from when it is given none.
import { PID_MAX_DEFAULT } from './constants';
import { formatScenarioError, type Scenario, type ScenarioError } from './scenario';
import { validateScenario } from './run';
import { checkScenarioShape, describe } from './validate';

/** Editors on Windows save one; it is not part of the JSON. */
export const BYTE_ORDER_MARK = '\ufeff';

export type ScenarioJsonResult = { ok: true; json: Record<string, unknown> } | { ok: false; error: ScenarioError };
export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/**
 * The JSON object a scenario text holds, before any rule is checked (a face may still change it:
 * `kpr trace --next`, a launch configuration's `variant`). Malformed JSON or a value that is not
 * an object is an error on the whole scenario.
 */
export function readScenarioJson(text: string): ScenarioJsonResult {
  let json: unknown;
  try {
    json = JSON.parse(text.startsWith(BYTE_ORDER_MARK) ? text.slice(BYTE_ORDER_MARK.length) : text);
  } catch (error) {
    return { ok: false, error: { path: 'scenario', message: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}` } };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, error: { path: 'scenario', message: `must be a JSON object, got ${describe(json)}` } };
  }
  return { ok: true, json: json as Record<string, unknown> };
}

/**
 * Parses and validates scenario text. With checkExits false only the static rules are checked (a
 * caller that runs the scenario anyway gets the exit rule from runOps, without a second run).
 */
export function parseScenario(text: string, checkExits = true): ScenarioResult {
  const read = readScenarioJson(text);
  if (!read.ok) return { ok: false, errors: [read.error] };
  return checkExits ? validateScenario(read.json) : checkScenarioShape(read.json);
}

/**
 * A broken rule as one line, `path: rule`; with the `source` the scenario came from (a file, a
 * flag), `source: path: rule`, and an error on the whole scenario is the source's own.
 */
export function scenarioErrorText(error: ScenarioError, source?: string): string {
  if (source === undefined) return formatScenarioError(error);
  return error.path === 'scenario' ? `${source}: ${error.message}` : `${source}: ${error.path}: ${error.message}`;
}

/**
 * The scenario a face starts from when given none: write `next` to next_syscall_data (when given:
 * null or undefined is none), then fork once, patched, in init_pid_ns. The value is not checked
 * here: validation names it where it came from.
 */
export function defaultScenario(next?: unknown): Record<string, unknown> {
  const ops: unknown[] = next === null || next === undefined ? [] : [{ op: 'set_next', value: next }];
  return { variant: 'patched', pid_max: PID_MAX_DEFAULT, depth: 0, ops: [...ops, { op: 'fork' }] };
}
