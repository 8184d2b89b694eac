// Sets of pid numbers as sorted, merged, inclusive ranges: a full map is one range, so the
// comparisons stay cheap however many numbers a scenario marks used.

export type Range = readonly [number, number];

export function normalise(ranges: Iterable<Range>): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** The numbers in a but not in b (both normalised). */
export function subtract(a: readonly Range[], b: readonly Range[]): Range[] {
  const out: Range[] = [];
  let j = 0;
  for (const [from, to] of a) {
    let start = from;
    while (j < b.length && b[j][1] < start) j++;
    let k = j;
    while (start <= to) {
      if (k >= b.length || b[k][0] > to) {
        out.push([start, to]);
        break;
      }
      if (b[k][0] > start) out.push([start, b[k][0] - 1]);
      start = Math.max(start, b[k][1] + 1);
      k++;
    }
  }
  return out;
}

export function contains(ranges: readonly Range[], nr: number): boolean {
  return ranges.some(([from, to]) => nr >= from && nr <= to);
}

export function formatRanges(ranges: readonly Range[], limit = 4): string {
  const parts = ranges.slice(0, limit).map(([from, to]) => (from === to ? `${from}` : `${from}-${to}`));
  return parts.join(', ') + (ranges.length > limit ? ', …' : '');
}
