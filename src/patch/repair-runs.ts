// Repairs as runs. A damaged copy repairs line after line alike (each blank context line that
// lost its space, each quoted line's "> "), and a hostile one does so millions of times: an
// object per repair was most of what parsing such an input cost, nearly all of it the collector
// moving them. The parser keeps the repairs that say the same at the same columns of consecutive
// lines as one run, and a parsed Patch makes its one-object-per-repair list only when `repairs`
// is read. The text summary and the JSON read the runs.
import { LineRepair, type RepairWords } from './line-repair';
import type { DocRange, Mail, Patch, Repair } from './model';

/** `count` entries: `first`, then the same at the same columns of each of the next `count - 1` lines. */
export interface Run<T> {
  readonly first: T;
  readonly count: number;
}

/** `count` repairs: `first`, then the same repair at the same columns of each of the `count - 1` lines after it. */
export type RepairRun = Run<Repair>;

/** One repair (or problem), a run of one. */
export function singleRun<T>(first: T): Run<T> {
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
  return firstRepairs(runs, Infinity);
}

/** The first `limit` repairs of the runs, an object each, in order; the rest are not made. */
export function firstRepairs(runs: readonly RepairRun[], limit: number): Repair[] {
  const out: Repair[] = [];
  for (const run of runs) {
    if (out.length >= limit) break;
    if (!(run instanceof LineRepairRun)) out.push(run.first);
    else for (let k = 0; k < run.count && out.length < limit; k++) out.push(new LineRepair(run.words, run.line + k, run.from, run.to));
  }
  return out;
}

/** How many entries (repairs, problems) the runs hold. */
export function runsCount(runs: readonly Run<unknown>[]): number {
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

/**
 * Hands each run (sorted by start, as a Patch holds them) to `place` with the mail (in document
 * order) its entries start in, or -1 for none, in one pass and in document order. A run that
 * crosses a mail's end is split there (`part`).
 */
export function placeInMails<T extends { readonly range: DocRange }>(runs: readonly Run<T>[], mails: readonly Mail[], part: (run: Run<T>, skip: number, count: number) => Run<T>, place: (mail: number, run: Run<T>) => void): void {
  let m = 0;
  for (const run of runs) {
    const firstLine = run.first.range.start.line;
    let skip = 0;
    while (skip < run.count) {
      const line = firstLine + skip;
      while (m < mails.length && mails[m].range.end.line < line) m++;
      const inMail = m < mails.length && mails[m].range.start.line <= line;
      // The entries up to the mail's end, or up to the next mail's start when between mails.
      const stop = inMail ? mails[m].range.end.line : m < mails.length ? mails[m].range.start.line - 1 : Infinity;
      const count = Math.min(run.count - skip, stop - line + 1);
      place(inMail ? m : -1, part(run, skip, count));
      skip += count;
    }
  }
}

/**
 * The repairs that start on lines [fromLine, toLine], an object each, in order: what an editor
 * shows of a hostile input's millions is the few on screen. The runs are in document order, each
 * ending no later than the next starts (Diagnostics.sorted), so the first is found by bisection.
 */
export function repairsOnLines(runs: readonly RepairRun[], fromLine: number, toLine: number): Repair[] {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runStartLine(runs[mid]) + runs[mid].count - 1 < fromLine) lo = mid + 1;
    else hi = mid;
  }
  const out: Repair[] = [];
  for (let r = lo; r < runs.length && runStartLine(runs[r]) <= toLine; r++) {
    const run = runs[r];
    const start = runStartLine(run);
    const skip = Math.max(0, fromLine - start);
    const count = Math.min(run.count, toLine - start + 1) - skip;
    if (count > 0) for (const repair of firstRepairs([partOfRun(run, skip, count)], count)) out.push(repair);
  }
  return out;
}

/** The repairs whose range holds document line `line`, in order (the hover's question). */
export function repairsCovering(runs: readonly RepairRun[], line: number): Repair[] {
  // A line run's repairs are each within one line; only a repair of another kind may span lines.
  const spanning = runs.filter((run) => !(run instanceof LineRepairRun) && run.first.range.start.line < line && line <= run.first.range.end.line);
  return [...spanning.map((run) => run.first), ...repairsOnLines(runs, line, line)];
}
