// A scenario in the spec's JSON shape (`/work/shared/spec/scenario.md`), as exploration builds
// and reports it: what `kpr simulate` reads, so a reviewer can replay any finding.
import { PID_MAX_DEFAULT } from '../kernel/constants';
import type { Variant } from '../kernel/statements';

export type UsedJson = number | readonly [number, number];

export interface NamespaceJson {
  readonly last_pid?: number;
  readonly used?: readonly UsedJson[];
}

export type OpJson =
  | { readonly op: 'set_next'; readonly value: number }
  | { readonly op: 'fork'; readonly repeat?: number }
  | { readonly op: 'exit'; readonly pid: number };

export interface ScenarioJson {
  readonly variant: Variant;
  readonly pid_max?: number;
  readonly depth?: number;
  readonly namespaces?: readonly NamespaceJson[];
  readonly fail?: { readonly kmem_cache_alloc?: readonly number[]; readonly kzalloc?: readonly number[] };
  readonly ops: readonly OpJson[];
}

/**
 * How big a scenario is, compared field by field (smaller first): ops (a repeat counts as its
 * forks), depth, used entries, a non-default pid_max, injected failures, then how far the
 * set_next values are from 0 (1 reads better than 2147483647).
 */
export function scenarioSize(s: ScenarioJson): readonly number[] {
  const known = SIZES.get(s);
  if (known !== undefined) return known;
  const size = measure(s);
  SIZES.set(s, size);
  return size;
}

const SIZES = new WeakMap<ScenarioJson, readonly number[]>();

function measure(s: ScenarioJson): readonly number[] {
  const ops = s.ops.reduce((n, op) => n + (op.op === 'fork' ? op.repeat ?? 1 : 1), 0);
  const used = (s.namespaces ?? []).reduce((n, ns) => n + (ns.used?.length ?? 0), 0);
  const pidMax = s.pid_max === undefined || s.pid_max === PID_MAX_DEFAULT ? 0 : 1;
  const fails = (s.fail?.kmem_cache_alloc?.length ?? 0) + (s.fail?.kzalloc?.length ?? 0);
  const values = s.ops.reduce((n, op) => n + (op.op === 'set_next' ? Math.abs(op.value) : 0), 0);
  return [ops, s.depth ?? 0, used, pidMax, fails, values];
}

/** True when a is strictly smaller than b by scenarioSize. */
export function smallerScenario(a: ScenarioJson, b: ScenarioJson): boolean {
  const x = scenarioSize(a);
  const y = scenarioSize(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return false;
}

/** The scenario on one line, for the text report and diagnostics. */
export function scenarioOneLine(s: ScenarioJson): string {
  return JSON.stringify(s);
}
