// Collects the repairs made and the problems found while parsing, in document order at the end.
import type { DocRange, Problem, Repair, RepairKind, Severity } from './model';

export class Diagnostics {
  readonly repairs: Repair[] = [];
  readonly problems: Problem[] = [];

  repair(kind: RepairKind, range: DocRange, before: string, after: string, reason: string): void {
    this.repairs.push({ kind, range, before, after, reason });
  }

  problem(severity: Severity, code: string, range: DocRange, message: string): void {
    this.problems.push({ severity, code, range, message });
  }

  /** Repairs and problems sorted by where they start, stable for equal positions. */
  sorted(): { repairs: Repair[]; problems: Problem[] } {
    return { repairs: sortByRange(this.repairs), problems: sortByRange(this.problems) };
  }
}

function before(a: DocRange, b: DocRange): boolean {
  return a.start.line < b.start.line || (a.start.line === b.start.line && a.start.character < b.start.character);
}

function sortByRange<T extends { readonly range: DocRange }>(items: readonly T[]): T[] {
  // Most are found in document order already: then there is nothing to sort.
  let ordered = true;
  for (let i = 1; i < items.length && ordered; i++) if (before(items[i].range, items[i - 1].range)) ordered = false;
  if (ordered) return [...items];
  return items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        a.item.range.start.line - b.item.range.start.line ||
        a.item.range.start.character - b.item.range.start.character ||
        a.index - b.index,
    )
    .map((entry) => entry.item);
}
