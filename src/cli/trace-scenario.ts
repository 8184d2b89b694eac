// The scenario `kpr trace` runs — the --scenario file (or one fork) with --next, --variant and
// --depth applied — and its errors said in the user's terms: a rule broken by a flag's value
// names the flag, one broken by the file names the file and its own field path, and a flag
// that contradicts the file says both.
import type { ScenarioError } from '../kernel/scenario';
import { defaultScenario, scenarioErrorText } from '../kernel/scenario-input';

export interface TraceFlags {
  readonly next?: number;
  readonly variant?: string;
  readonly depth?: number;
  /** The --scenario JSON object and the name it was read from. */
  readonly scenario?: { readonly json: Record<string, unknown>; readonly name: string };
}

/** The scenario JSON a trace runs: the given scenario (or one fork) with the flags applied. */
export function traceScenario(flags: TraceFlags): Record<string, unknown> {
  const base: Record<string, unknown> = flags.scenario ? { ...flags.scenario.json } : defaultScenario();
  if (flags.variant !== undefined) base.variant = flags.variant;
  else if (base.variant === undefined) base.variant = 'patched';
  if (flags.depth !== undefined) base.depth = flags.depth;
  if (flags.next !== undefined) {
    const ops = Array.isArray(base.ops) ? base.ops : [];
    base.ops = [{ op: 'set_next', value: flags.next }, ...ops];
  }
  return base;
}

const OP_PATH = /^ops\[(\d+)\](.*)$/;

/** The error line (without "kpr trace: ") for a rule the trace scenario broke. */
export function traceScenarioError(error: ScenarioError, flags: TraceFlags): string {
  const { path, message } = error;
  const file = flags.scenario?.name;
  const op = OP_PATH.exec(path);
  if (op !== null && flags.next !== undefined) {
    // --next is the set_next op put before the file's ops: ops[0] is the flag, ops[i] the file's ops[i - 1].
    const index = Number(op[1]);
    if (index === 0) return `--next ${flags.next}: ${message}`;
    return `${file ?? 'scenario'}: ops[${index - 1}]${op[2]}: ${message}`;
  }
  if (path === 'variant' && flags.variant !== undefined) return `--variant ${flags.variant}: ${message}`;
  if (path === 'depth' && flags.depth !== undefined) return `--depth ${flags.depth}: ${message}`;
  // The file's namespaces and allocation total were written for its own depth.
  if (flags.depth !== undefined && file !== undefined && (path.startsWith('namespaces') || path === 'ops')) {
    return `--depth ${flags.depth} conflicts with ${file}: ${path}: ${message}`;
  }
  return scenarioErrorText(error, file);
}
