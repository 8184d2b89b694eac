// A scenario after validation: every default filled in, every value in range (spec v1).
import type { Variant } from './statements';

/** A pid number or an inclusive [from, to] range of them. */
export type UsedEntry = number | readonly [number, number];

export interface NamespaceSetup {
  readonly lastPid: number;
  readonly used: readonly UsedEntry[];
}

export type Op =
  | { readonly op: 'set_next'; readonly value: number }
  | { readonly op: 'fork'; readonly repeat: number }
  | { readonly op: 'exit'; readonly pid: number };

export interface Scenario {
  readonly variant: Variant;
  readonly pidMax: number;
  readonly depth: number;
  /** Exactly depth + 1 entries, index = level. */
  readonly namespaces: readonly NamespaceSetup[];
  readonly fail: { readonly kmemCacheAlloc: readonly number[]; readonly kzalloc: readonly number[] };
  readonly ops: readonly Op[];
}

/** One broken rule: the field path as the spec writes it (`namespaces[1].last_pid`) and why. */
export interface ScenarioError {
  readonly path: string;
  readonly message: string;
}

export function formatScenarioError(error: ScenarioError): string {
  return `${error.path}: ${error.message}`;
}
