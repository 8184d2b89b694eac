// Compares the baseline and patched runs of one case against what the patch means to change:
// only forks made with next_syscall_data set may behave differently, and there the patched
// kernel should give the child the number asked for when it is free. Everything else that
// differs is reported: a fork that fails only patched, a fault only patched, a pid number left
// allocated (or lost) only patched. Exact pids are not compared when a value is set: the
// baseline ignores it.
import type { Variant } from '../kernel/statements';
import { formatFaultCause } from '../stepper/format';
import { contains, formatRanges, normalise, subtract, type Range } from './number-sets';
import { PatchLines } from './patch-lines';
import type { Observation } from './run-scenario';
import { smallerScenario, type ScenarioJson } from './scenario-json';

export interface Difference {
  /** fork-fails-only-patched | cannot-predefine | predefine-ignored | fault-only-patched | leaked-pid-number | lost-pid-number */
  readonly kind: string;
  readonly message: string;
  /** The patched side's scenario (spec format); the baseline runs the same with variant "baseline". */
  readonly scenario: ScenarioJson;
  /** What the baseline did (a fork result, faults or a level's final map). */
  readonly baseline: unknown;
  readonly patched: unknown;
  /** 0-based document line where the patched behaviour comes from, when the patch shows it. */
  readonly line?: number;
  /** How many compared baseline/patched pairs of runs show it. */
  readonly occurrences: number;
}

/** What each side did, built only for the scenario finally kept. */
type Lazy = () => unknown;

interface Pending {
  kind: string;
  scenario: ScenarioJson;
  baseline: Lazy;
  patched: Lazy;
  line: number | undefined;
  occurrences: number;
  /** The last compared pair that showed it. */
  pair: number;
  describe: () => string;
}

/** Per case: next_syscall_data values refused although free (depth >= 1), and values honoured. */
interface PredefineTally {
  readonly refused: Map<number, string>;
  readonly honoured: Set<number>;
}

export class DifferenceCollector {
  private readonly pending = new Map<string, Pending>();
  private readonly tally: PredefineTally = { refused: new Map(), honoured: new Set() };
  private pairIndex = 0;

  constructor(private readonly lines: PatchLines) {}

  compare(baseline: Observation, patched: Observation): void {
    this.pairIndex++;
    const depth = patched.scenario.depth;
    const forks = Math.min(baseline.outcome.forks.length, patched.outcome.forks.length);
    const liveAtFork = liveNumbersAtEachFork(patched);
    for (let fork = 0; fork < forks; fork++) {
      const b = baseline.outcome.forks.at(fork);
      const p = patched.outcome.forks.at(fork);
      const next = patched.nextAtFork[fork] ?? null;
      const line = this.originLine(patched, fork);
      if (next === null) {
        if ('pids' in b && 'errno' in p) {
          const leakedBefore = patched.faults.some((f) => f.kind === 'pidmap-leak' && f.fork < fork);
          const why = leakedBefore ? ': an earlier failed fork left a pid number set that no process holds, so the map is full sooner' : '';
          this.note(`fork-fails-only-patched|${line}`, patched.json, () => b, () => p, line, () =>
            `With no next_syscall_data set, a fork that succeeds before the patch fails with ${p.errno} after it${this.at(line)}${why}.`);
        }
        continue;
      }
      if (depth < 1) continue;
      const pidMax = patched.scenario.pidMax;
      const free = next >= 1 && next < pidMax && !contains(initialUsed(patched, depth), next) && !liveAtFork[fork].has(next);
      if ('pids' in p && p.pids[depth] === next) this.tally.honoured.add(next);
      if (!free || !('pids' in b)) continue;
      if ('errno' in p) {
        this.tally.refused.set(next, p.errno);
        this.note(`cannot-predefine|${p.errno}|${line}`, patched.json, () => b, () => p, line, () => this.cannotPredefineMessage(p.errno, line));
      } else if (p.pids[depth] !== next) {
        this.note(`predefine-ignored|${line}`, patched.json, () => b, () => p, line, () =>
          `next_syscall_data ${next} was free at level ${depth} but the child got ${p.pids[depth]}.`);
      }
    }
    this.compareFaults(baseline, patched);
    this.compareMaps(baseline, patched);
  }

  private compareFaults(baseline: Observation, patched: Observation): void {
    const before = new Set(baseline.faults.map((f) => f.kind));
    for (const fault of patched.faults) {
      if (before.has(fault.kind)) continue;
      const line = this.lineOrUndefined(fault.stepId);
      this.note(`fault-only-patched|${fault.kind}|${line}`, patched.json, () => baseline.outcome.faults.list(), () => patched.outcome.faults.list(), line, () =>
        `The sanitizer reports ${fault.kind} in ${PatchLines.placeOf(fault.stepId)} only after the patch (${formatFaultCause(fault.cause)}); the same scenario runs clean before it.`);
    }
  }

  /** A map is consistent when its set numbers are exactly: bit 0, the initial ones, the live children's. */
  private compareMaps(baseline: Observation, patched: Observation): void {
    const after = mapDrift(patched);
    if (after.every((level) => level.extra.length === 0 && level.missing.length === 0)) return;
    const before = mapDrift(baseline);
    const line = this.pidmapLeakLine(patched);
    for (let level = 0; level < after.length; level++) {
      if (after[level].extra.length > 0 && before[level].extra.length === 0) {
        const extra = after[level].extra;
        this.note(`leaked-pid-number|${line}`, patched.json, () => finalJson(baseline, level), () => finalJson(patched, level), line, () =>
          `After the patch, pid number${count(extra) === 1 ? '' : 's'} ${formatRanges(extra)} at level ${level} stay${count(extra) === 1 ? 's' : ''} allocated with no process holding ${count(extra) === 1 ? 'it' : 'them'} (never reusable); before the patch the map is consistent.`);
      }
      if (after[level].missing.length > 0 && before[level].missing.length === 0) {
        const missing = after[level].missing;
        this.note(`lost-pid-number|${level}`, patched.json, () => finalJson(baseline, level), () => finalJson(patched, level), undefined, () =>
          `After the patch, pid number${count(missing) === 1 ? '' : 's'} ${formatRanges(missing)} at level ${level} held by a process or set initially ${count(missing) === 1 ? 'is' : 'are'} clear in the map (could be handed out twice).`);
      }
    }
  }

  private pidmapLeakLine(observation: Observation): number | undefined {
    const fault = observation.faults.find((f) => f.kind === 'pidmap-leak');
    return fault === undefined ? undefined : this.lineOrUndefined(fault.stepId);
  }

  /** Where a fork's failure began: the interpreted statement's own line, else the innermost shown step's. */
  private originLine(observation: Observation, fork: number): number | undefined {
    const origin = observation.origins[fork];
    if (origin === undefined) return undefined;
    if (origin.line !== undefined) return origin.line;
    const step = this.lines.shownStep('patched', origin.chain);
    return step === undefined ? undefined : this.lineOrUndefined(step);
  }

  private lineOrUndefined(stepId: string, variant: Variant = 'patched'): number | undefined {
    const line = this.lines.lineOf(variant, stepId);
    return line < 0 ? undefined : line;
  }

  private at(line: number | undefined): string {
    return line === undefined ? '' : ` (from \`${this.lines.textOf(line)}\`)`;
  }

  /** Worded from every refused and honoured value seen, so the bound comes from the runs. */
  private cannotPredefineMessage(errno: string, line: number | undefined): string {
    const refused = [...this.tally.refused].filter(([, e]) => e === errno).map(([v]) => v).sort((a, b) => a - b);
    const honoured = [...this.tally.honoured].sort((a, b) => a - b);
    const lowestHonoured = honoured[0];
    const bound = lowestHonoured !== undefined && refused.every((v) => v < lowestHonoured)
      ? ` Every free value tried below ${lowestHonoured} is refused (${refused.join(', ')}) while ${honoured.slice(0, 3).join(', ')} succeed${honoured.length === 1 ? 's' : ''}: no number below ${lowestHonoured} can be predefined${refused.includes(1) ? ', so pid 1 of a new namespace (its init) cannot be restored' : ''}.`
      : ` Refused although free: ${refused.join(', ')}.`;
    return `In a child pid namespace a fork with next_syscall_data set to a free number fails with ${errno}${this.at(line)} after the patch, although the patch is meant to give the process that number (to restore it at restart); before the patch the fork succeeds.${bound}`;
  }

  private note(key: string, scenario: ScenarioJson, baseline: Lazy, patched: Lazy, line: number | undefined, describe: () => string): void {
    const known = this.pending.get(key);
    if (known === undefined) {
      this.pending.set(key, { kind: key.split('|')[0], scenario, baseline, patched, line, occurrences: 1, pair: this.pairIndex, describe });
      return;
    }
    // occurrences counts compared pairs, as findings count runs: not the forks of one pair.
    if (known.pair !== this.pairIndex) known.occurrences++;
    known.pair = this.pairIndex;
    if (smallerScenario(scenario, known.scenario)) Object.assign(known, { scenario, baseline, patched, describe });
  }

  differences(): Difference[] {
    return [...this.pending.values()].map((p) => ({
      kind: p.kind, message: p.describe(), scenario: p.scenario, baseline: p.baseline(), patched: p.patched(),
      ...(p.line === undefined ? {} : { line: p.line }), occurrences: p.occurrences,
    }));
  }
}

/** A level's final map as the outcome JSON writes it. */
function finalJson(observation: Observation, level: number): unknown {
  const final = observation.outcome.final[level];
  return { level, last_pid: final.lastPid, used: final.used, nr_free: Object.fromEntries(final.nrFree.map(([e, n]) => [String(e), n])) };
}

function count(ranges: readonly Range[]): number {
  return ranges.reduce((n, [from, to]) => n + to - from + 1, 0);
}

function initialUsed(observation: Observation, level: number): Range[] {
  const used = observation.scenario.namespaces[level]?.used ?? [];
  return normalise([[0, 0], ...used.map((u): Range => (typeof u === 'number' ? [u, u] : [u[0], u[1]]))]);
}

/** The numbers at level `depth` that live children hold as each fork begins. */
function liveNumbersAtEachFork(observation: Observation): Set<number>[] {
  const depth = observation.scenario.depth;
  const live = new Set<number>();
  const out: Set<number>[] = [];
  let fork = 0;
  for (const op of observation.scenario.ops) {
    if (op.op === 'exit') live.delete(op.pid);
    if (op.op !== 'fork') continue;
    for (let r = 0; r < op.repeat && fork < observation.outcome.forks.length; r++, fork++) {
      out.push(new Set(live));
      const result = observation.outcome.forks.at(fork);
      if ('pids' in result) live.add(result.pids[depth]);
    }
  }
  return out;
}

/** Per level: numbers set that nothing explains, and numbers that should be set but are not. */
function mapDrift(observation: Observation): { extra: Range[]; missing: Range[] }[] {
  const depth = observation.scenario.depth;
  const live: number[][] = Array.from({ length: depth + 1 }, () => []);
  const byNr = new Map<number, readonly number[]>();
  let fork = 0;
  for (const op of observation.scenario.ops) {
    if (op.op === 'exit') byNr.delete(op.pid);
    if (op.op !== 'fork') continue;
    for (let r = 0; r < op.repeat && fork < observation.outcome.forks.length; r++, fork++) {
      const result = observation.outcome.forks.at(fork);
      if ('pids' in result) byNr.set(result.pids[depth], result.pids);
    }
  }
  for (const pids of byNr.values()) pids.forEach((nr, level) => live[level].push(nr));
  return observation.outcome.final.map((final, level) => {
    const expected = normalise([...initialUsed(observation, level), ...live[level].map((nr): Range => [nr, nr])]);
    const actual = normalise(final.used);
    return { extra: subtract(actual, expected), missing: subtract(expected, actual) };
  });
}
