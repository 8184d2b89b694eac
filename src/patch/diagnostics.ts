// Collects the repairs made and the problems found while parsing, in document order at the end.
import { LineRepair, startCharacter, startLine, type RepairWords } from './line-repair';
import type { DocRange, Problem, Repair, RepairKind, Severity } from './model';
import { rangeOf, type SourceLine } from './positions';

export class Diagnostics {
  readonly repairs: Repair[] = [];
  readonly problems: Problem[] = [];
  /** The words of the last line repair, for the next that says the same. */
  private lastWords: RepairWords | undefined;

  repair(kind: RepairKind, range: DocRange, before: string, after: string, reason: string): void {
    this.repairs.push({ kind, range, before, after, reason });
  }

  /** A repair of characters [from, to) of document line `line`: its range is made only if read. */
  repairOnLine(kind: RepairKind, line: number, from: number, to: number, before: string, after: string, reason: string): void {
    let words = this.lastWords;
    if (words === undefined || words.kind !== kind || words.before !== before || words.after !== after || words.reason !== reason) words = this.lastWords = { kind, before, after, reason };
    this.repairs.push(new LineRepair(words, line, from, to));
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

  /** Repairs and problems sorted by where they start, stable for equal positions. */
  sorted(): { repairs: Repair[]; problems: Problem[] } {
    return { repairs: sortByRange(this.repairs), problems: sortByRange(this.problems) };
  }
}

function before(a: { readonly range: DocRange }, b: { readonly range: DocRange }): boolean {
  const aLine = startLine(a);
  const bLine = startLine(b);
  return aLine < bLine || (aLine === bLine && startCharacter(a) < startCharacter(b));
}

function sortByRange<T extends { readonly range: DocRange }>(items: readonly T[]): T[] {
  // Most are found in document order already: then there is nothing to sort.
  let ordered = true;
  for (let i = 1; i < items.length && ordered; i++) if (before(items[i], items[i - 1])) ordered = false;
  if (ordered) return [...items];
  // Array sort is stable: items that start at the same place keep the order they were found in.
  return [...items].sort((a, b) => startLine(a) - startLine(b) || startCharacter(a) - startCharacter(b));
}
