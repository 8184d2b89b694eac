// Collects the repairs made and the problems found while parsing, in document order at the end.
// Repairs that say the same at the same columns of consecutive lines are kept as one run
// (repair-runs.ts): a damaged hunk repairs line after line alike.
import type { RepairWords } from './line-repair';
import type { DocRange, Problem, RepairKind, Severity } from './model';
import { rangeOf, type SourceLine } from './positions';
import { expandRuns, LineRepairRun, runStartCharacter, runStartLine, singleRun, type RepairRun } from './repair-runs';

export class Diagnostics {
  /** The repairs in the order they were made. */
  private readonly runs: RepairRun[] = [];
  readonly problems: Problem[] = [];
  /** The words of the last line repair, for the next that says the same. */
  private lastWords: RepairWords | undefined;
  /** The last repair made, when it is a line run: only it may grow, so a run's repairs were made one after the other. */
  private openRun: LineRepairRun | undefined;

  repair(kind: RepairKind, range: DocRange, before: string, after: string, reason: string): void {
    this.runs.push(singleRun({ kind, range, before, after, reason }));
    this.openRun = undefined;
  }

  /** A repair of characters [from, to) of document line `line`: its range is made only if read. */
  repairOnLine(kind: RepairKind, line: number, from: number, to: number, before: string, after: string, reason: string): void {
    let words = this.lastWords;
    if (words === undefined || words.kind !== kind || words.before !== before || words.after !== after || words.reason !== reason) words = this.lastWords = { kind, before, after, reason };
    const open = this.openRun;
    if (open !== undefined && open.continuedBy(words, line, from, to)) open.count++;
    else this.runs.push((this.openRun = new LineRepairRun(words, line, from, to)));
  }

  /** A repair of logical characters [from, to) of `source` (all of it by default). */
  repairIn(kind: RepairKind, source: SourceLine, before: string, after: string, reason: string, from = 0, to = source.text.length): void {
    // A line no repair pieced together maps onto one document line: its range can wait.
    if (source.segments === undefined && from >= 0 && from <= to && to <= source.text.length) this.repairOnLine(kind, source.line, source.character + from, source.character + to, before, after, reason);
    else this.repair(kind, rangeOf(source, from, to), before, after, reason);
  }

  problem(severity: Severity, code: string, range: DocRange, message: string): void {
    this.problems.push({ severity, code, range, message });
  }

  /**
   * Repairs and problems sorted by where they start, stable for equal positions. The repair runs
   * are in the order their repairs, one by one, would sort in.
   */
  sorted(): { repairs: RepairRun[]; problems: Problem[] } {
    return { repairs: sortRuns(this.runs), problems: sortByRange(this.problems, problemStart) };
  }
}

interface Start {
  line(item: unknown): number;
  character(item: unknown): number;
}

const problemStart: Start = {
  line: (p) => (p as Problem).range.start.line,
  character: (p) => (p as Problem).range.start.character,
};

const runStart: Start = {
  line: (r) => runStartLine(r as RepairRun),
  character: (r) => runStartCharacter(r as RepairRun),
};

function sortByRange<T>(items: readonly T[], start: Start): T[] {
  // Most are found in document order already: then there is nothing to sort.
  let ordered = true;
  for (let i = 1; i < items.length && ordered; i++) {
    const line = start.line(items[i]);
    const previousLine = start.line(items[i - 1]);
    if (line < previousLine || (line === previousLine && start.character(items[i]) < start.character(items[i - 1]))) ordered = false;
  }
  if (ordered) return [...items];
  // Array sort is stable: items that start at the same place keep the order they were found in.
  return [...items].sort((a, b) => start.line(a) - start.line(b) || start.character(a) - start.character(b));
}

/**
 * The runs sorted by where they start. Where a run's later repairs would sort after a repair of
 * the next run (runs that interleave, which no input seen so far makes), every run is taken
 * apart into its repairs first, so the order is always that of the repairs one by one.
 */
function sortRuns(runs: readonly RepairRun[]): RepairRun[] {
  const sorted = sortByRange(runs, runStart);
  for (let i = 1; i < sorted.length; i++) {
    const run = sorted[i - 1];
    if (run.count === 1) continue;
    const lastLine = runStartLine(run) + run.count - 1;
    const next = sorted[i];
    const nextLine = runStartLine(next);
    const character = runStartCharacter(run);
    const nextCharacter = runStartCharacter(next);
    // At the same place, the repair made first sorts first: the next run, if it was made before this one.
    const inOrder = lastLine < nextLine || (lastLine === nextLine && (character < nextCharacter || (character === nextCharacter && runs.indexOf(run) < runs.indexOf(next))));
    if (!inOrder) return sortByRange(expandRuns(runs).map(singleRun), runStart);
  }
  return sorted;
}
