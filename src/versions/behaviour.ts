// The behavioural difference between two explorations of a patch: "as sent" against "as
// edited", or v1 against v2. Findings gone and new, baseline/patched differences gone and new,
// and the scenarios that show them. Pure: two reports in, one comparison out; every face (the
// Explore Differences view, Compare Patch Versions, the reply's "tested" claim) reads it.
import type { ExplorationReport, Finding } from '../explore';
import type { Difference } from '../explore/differences';
import type { ScenarioJson } from '../explore/scenario-json';

export type ChangeDirection = 'gone' | 'new';

export interface BehaviourChange {
  readonly direction: ChangeDirection;
  /** A finding (a fault the sanitizer saw) or a baseline/patched difference. */
  readonly source: 'finding' | 'difference';
  /** `invalid-free`, `pidmap-leak`, `fork-fails-only-patched`, … */
  readonly kind: string;
  /** The variant the finding is in ('baseline' | 'patched'); undefined for a difference. */
  readonly variant?: string;
  readonly message: string;
  /** The smallest scenario that showed it (in the text where it shows). */
  readonly scenario: ScenarioJson;
  /** 0-based line in the text where it shows ('gone': the earlier text, 'new': the later), when shown. */
  readonly line?: number;
}

export interface BehaviourComparison {
  /**
   * Both explorations ran the text as written. When false, the runs followed kpr's model
   * whatever either text says: "no change" then means nothing, and faces must say so.
   */
  readonly ranAsWritten: boolean;
  /** Both explorations covered their whole scenario space (a partial one can miss a finding). */
  readonly complete: boolean;
  readonly changes: readonly BehaviourChange[];
  /** Scenarios (by their JSON) whose outcome changed, each with the changes it shows. */
  readonly scenarios: readonly { readonly scenario: ScenarioJson; readonly changes: readonly BehaviourChange[] }[];
  /** Runs made by the later exploration (for "tested against N scenarios"). */
  readonly scenariosRun: number;
}

function findingKey(f: Finding): string {
  // Lines move when text is edited; the fault, its variant and the model step committing it do not.
  return `${f.kind}|${f.variant}|${f.stepId}`;
}

function differenceKey(d: Difference): string {
  return `${d.kind}|${JSON.stringify(d.scenario)}`;
}

function fromFinding(direction: ChangeDirection, f: Finding): BehaviourChange {
  return { direction, source: 'finding', kind: f.kind, variant: f.variant, message: f.message, scenario: f.scenario, ...(f.line >= 0 ? { line: f.line } : {}) };
}

function fromDifference(direction: ChangeDirection, d: Difference): BehaviourChange {
  return { direction, source: 'difference', kind: d.kind, message: d.message, scenario: d.scenario, ...(d.line === undefined ? {} : { line: d.line }) };
}

function oneSided<T>(from: readonly T[], against: readonly T[], key: (t: T) => string): T[] {
  const there = new Set(against.map(key));
  return from.filter((t) => !there.has(key(t)));
}

export function compareBehaviour(before: ExplorationReport, after: ExplorationReport): BehaviourComparison {
  const changes: BehaviourChange[] = [
    ...oneSided(before.findings, after.findings, findingKey).map((f) => fromFinding('gone', f)),
    ...oneSided(after.findings, before.findings, findingKey).map((f) => fromFinding('new', f)),
    ...oneSided(before.differences, after.differences, differenceKey).map((d) => fromDifference('gone', d)),
    ...oneSided(after.differences, before.differences, differenceKey).map((d) => fromDifference('new', d)),
  ];
  const byScenario = new Map<string, { scenario: ScenarioJson; changes: BehaviourChange[] }>();
  for (const change of changes) {
    const key = JSON.stringify(change.scenario);
    const entry = byScenario.get(key) ?? { scenario: change.scenario, changes: [] };
    entry.changes.push(change);
    byScenario.set(key, entry);
  }
  return {
    ranAsWritten: before.ranAsWritten && after.ranAsWritten,
    complete: !before.partial && !after.partial && before.error === undefined && after.error === undefined,
    changes,
    scenarios: [...byScenario.values()],
    scenariosRun: after.scenarios,
  };
}

/** The finding kinds the later text no longer shows, each once, in order of first appearance. */
export function kindsGone(comparison: BehaviourComparison): string[] {
  return [...new Set(comparison.changes.filter((c) => c.direction === 'gone' && c.source === 'finding').map((c) => c.kind))];
}

/**
 * A sentence a reviewer may send, or undefined when it would not be true: only when both texts
 * ran as written, completely, and the later one introduced no finding.
 */
export function testedClaim(comparison: BehaviourComparison): string | undefined {
  if (!comparison.ranAsWritten || !comparison.complete) return undefined;
  if (comparison.changes.some((c) => c.direction === 'new' && c.source === 'finding')) return undefined;
  const gone = kindsGone(comparison);
  const outcome = gone.length > 0 ? `: ${gone.join(', ')} no longer reported` : ', with the same findings';
  return `tested in kpr against ${comparison.scenariosRun} scenarios${outcome}`;
}

/** One line for a view or a document: what the comparison can and cannot say. */
export function behaviourSummary(comparison: BehaviourComparison): string {
  if (!comparison.ranAsWritten) return 'kpr could not run both texts as written (the interpreter refuses one of them), so no behavioural difference is claimed.';
  const gone = comparison.changes.filter((c) => c.direction === 'gone').length;
  const added = comparison.changes.filter((c) => c.direction === 'new').length;
  const partial = comparison.complete ? '' : ' (an exploration was partial: some scenarios were not run)';
  if (gone === 0 && added === 0) return `No behavioural difference in ${comparison.scenariosRun} scenarios${partial}.`;
  return `${gone} gone, ${added} new, in ${comparison.scenarios.length} scenario${comparison.scenarios.length === 1 ? '' : 's'}${partial}.`;
}
