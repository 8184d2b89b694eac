// The `kpr` launch configuration: which patch, which scenario. Turns the attributes into the
// patch text and a scenario in the spec format, or into one line naming the attribute and the
// rule it breaks (the launch fails with it, shown to the user).
import type { AdapterFiles } from './files';
import { defaultScenario, readScenarioJson, scenarioErrorText } from '../kernel/scenario-input';

/** The attributes of a `kpr` launch configuration (package.json: debuggers.configurationAttributes). */
export interface KprLaunchArguments {
  /** Path of the patch document whose gutter holds the breakpoints. */
  readonly patch?: unknown;
  /** A scenario object in the spec format, or the path of a JSON file holding one. */
  readonly scenario?: unknown;
  /** Shorthand for the default scenario with `set_next N` before its fork (null: none). */
  readonly nextSyscallData?: unknown;
  readonly variant?: unknown;
  readonly depth?: unknown;
  /** Stop at the first step instead of running to the first breakpoint. */
  readonly stopOnEntry?: unknown;
}

export interface ResolvedLaunch {
  readonly patchPath: string;
  readonly patchText: string;
  /** The scenario JSON before validation (the stepper validates it and names broken fields). */
  readonly scenario: Record<string, unknown>;
  /** Scenario field paths as the user wrote them: `ops[0].value` came from `nextSyscallData`. */
  readonly fieldNames: ReadonlyMap<string, string>;
  readonly stopOnEntry: boolean;
}

export type LaunchResult = { ok: true; launch: ResolvedLaunch } | { ok: false; message: string };

function fail(message: string): LaunchResult {
  return { ok: false, message };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

async function readScenario(value: unknown, files: AdapterFiles): Promise<{ ok: true; scenario: Record<string, unknown> } | { ok: false; message: string }> {
  if (isRecord(value)) return { ok: true, scenario: { ...value } };
  if (typeof value !== 'string' || value === '') {
    return { ok: false, message: `scenario: must be a scenario object or the path of a JSON file, got ${describe(value)}` };
  }
  let text: string;
  try {
    text = await files.readText(value);
  } catch (error) {
    return { ok: false, message: `scenario: cannot read ${value}: ${(error as Error).message}` };
  }
  const read = readScenarioJson(text);
  return read.ok ? { ok: true, scenario: read.json } : { ok: false, message: scenarioErrorText(read.error, `scenario ${value}`) };
}

/** The scenario a configuration describes; `variant` and `depth`, when given, override a scenario's own. */
async function scenarioOf(args: KprLaunchArguments, files: AdapterFiles): Promise<{ ok: true; scenario: Record<string, unknown>; fieldNames: Map<string, string> } | { ok: false; message: string }> {
  const fieldNames = new Map<string, string>();
  let scenario: Record<string, unknown>;
  if (args.scenario !== undefined && args.scenario !== null) {
    if (args.nextSyscallData !== undefined) return { ok: false, message: 'nextSyscallData: give either scenario or nextSyscallData, not both' };
    const read = await readScenario(args.scenario, files);
    if (!read.ok) return read;
    scenario = read.scenario;
    for (const field of ['variant', 'depth', 'pid_max', 'namespaces', 'fail', 'ops']) fieldNames.set(field, `scenario.${field}`);
  } else {
    scenario = defaultScenario(args.nextSyscallData);
    if (args.nextSyscallData !== undefined && args.nextSyscallData !== null) fieldNames.set('ops[0].value', 'nextSyscallData');
  }
  for (const field of ['variant', 'depth'] as const) {
    if (args[field] === undefined) continue;
    scenario[field] = args[field];
    fieldNames.set(field, field);
  }
  return { ok: true, scenario, fieldNames };
}

export async function resolveLaunch(args: KprLaunchArguments, files: AdapterFiles): Promise<LaunchResult> {
  if (typeof args.patch !== 'string' || args.patch === '') return fail(`patch: required: the path of the patch document, got ${describe(args.patch)}`);
  if (args.stopOnEntry !== undefined && typeof args.stopOnEntry !== 'boolean') return fail(`stopOnEntry: must be true or false, got ${describe(args.stopOnEntry)}`);
  let patchText: string;
  try {
    patchText = await files.readText(args.patch);
  } catch (error) {
    return fail(`patch: cannot read ${args.patch}: ${(error as Error).message}`);
  }
  const scenario = await scenarioOf(args, files);
  if (!scenario.ok) return scenario;
  return {
    ok: true,
    launch: { patchPath: args.patch, patchText, scenario: scenario.scenario, fieldNames: scenario.fieldNames, stopOnEntry: args.stopOnEntry === true },
  };
}

/** A broken scenario rule as the user sees it, with the field named as the configuration wrote it. */
export function describeScenarioError(path: string, message: string, fieldNames: ReadonlyMap<string, string>): string {
  const prefix = path.split(/[.[]/)[0];
  const renamed = fieldNames.get(path) ?? (fieldNames.has(prefix) ? `${fieldNames.get(prefix)}${path.slice(prefix.length)}` : `scenario.${path}`);
  return `${renamed}: ${message}`;
}
