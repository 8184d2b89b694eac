// Repairs as runs. A damaged copy repairs line after line alike (each blank context line that
// lost its space, each quoted line's "> "), and a hostile one does so millions of times: an
// object per repair was most of what parsing such an input cost, nearly all of it the collector
// moving them. The parser keeps the repairs that say the same at the same columns of consecutive
// lines as one run, and a parsed Patch makes its one-object-per-repair list only when `repairs`
// is read. The text summary and the JSON read the runs.
import { LineRepair, type RepairWords } from './line-repair';
import type { Patch, Repair } from './model';

/** `count` repairs: `first`, then the same repair at the same columns of each of the `count - 1` lines after it. */
export interface RepairRun {
  readonly first: Repair;
  readonly count: number;
}

/** One repair (or problem), a run of one. */
export function singleRun<T>(first: T): { readonly first: T; readonly count: number } {
  return { first, count: 1 };
}

/** Line repairs that say the same (`words`) at characters [from, to) of lines `line` to `line + count - 1`. */
export class LineRepairRun implements RepairRun {
  constructor(
    readonly words: RepairWords,
    readonly line: number,
    readonly from: number,
    readonly to: number,
    /** Grown by the parser while the run is the last repair it made (Diagnostics). */
    public count = 1,
  ) {}

  get first(): Repair {
    return new LineRepair(this.words, this.line, this.from, this.to);
  }

  /** Whether a repair saying `words` at [from, to) of `line` is this run's next. */
  continuedBy(words: RepairWords, line: number, from: number, to: number): boolean {
    return words === this.words && line === this.line + this.count && from === this.from && to === this.to;
  }
}

/** Where a run starts, read without making its first repair. */
export function runStartLine(run: RepairRun): number {
  return run instanceof LineRepairRun ? run.line : run.first.range.start.line;
}

export function runStartCharacter(run: RepairRun): number {
  return run instanceof LineRepairRun ? run.from : run.first.range.start.character;
}

/** The part of `run` from its `skip`-th repair on, `count` repairs long. */
export function partOfRun(run: RepairRun, skip: number, count: number): RepairRun {
  // Only line runs grow: any other run is one repair.
  if (!(run instanceof LineRepairRun) || (skip === 0 && count === run.count)) return run;
  return new LineRepairRun(run.words, run.line + skip, run.from, run.to, count);
}

/** The runs' repairs, an object each, in order. */
export function expandRuns(runs: readonly RepairRun[]): Repair[] {
  const out: Repair[] = [];
  for (const run of runs) {
    if (run instanceof LineRepairRun) for (let k = 0; k < run.count; k++) out.push(new LineRepair(run.words, run.line + k, run.from, run.to));
    else out.push(run.first);
  }
  return out;
}

/** How many repairs the runs hold. */
export function repairCount(runs: readonly RepairRun[]): number {
  let count = 0;
  for (const run of runs) count += run.count;
  return count;
}

const runsOfPatch = new WeakMap<Patch, readonly RepairRun[]>();

/**
 * A Patch whose `repairs` are the runs' repairs, made when first read. `repairs` is an own
 * enumerable getter, so a spread, JSON.stringify or a structured clone of the patch still has them.
 */
export function patchWithRuns(mails: Patch['mails'], runs: readonly RepairRun[], problems: Patch['problems'], lineCount: number): Patch {
  let repairs: readonly Repair[] | undefined;
  const patch: Patch = {
    mails,
    get repairs() {
      return (repairs ??= expandRuns(runs));
    },
    problems,
    lineCount,
  };
  runsOfPatch.set(patch, runs);
  return patch;
}

/** The patch's repairs as runs: a parsed patch's own, or a run of one per repair of any other Patch. */
export function repairRuns(patch: Patch): readonly RepairRun[] {
  return runsOfPatch.get(patch) ?? patch.repairs.map(singleRun);
}
