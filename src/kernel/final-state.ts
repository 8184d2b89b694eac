// Reads each level's pid map as the outcome reports it: last_pid, the set bits as merged
// ranges, and nr_free of every allocated entry.
import { BITS_PER_PAGE } from './constants';
import type { Kernel } from './kernel';
import type { PidNamespace } from './namespace';
import type { LevelOutcome } from './outcome';

/** The set bits of a namespace's allocated pages as sorted, merged, inclusive ranges. */
export function usedRanges(ns: PidNamespace): [number, number][] {
  const ranges: [number, number][] = [];
  let start = -1;
  let prev = -2;
  ns.pages.forEach((page, entry) => {
    if (page === null) return;
    const base = entry * BITS_PER_PAGE;
    for (let w = 0; w < page.length; w++) {
      const word = page[w];
      if (word === 0) continue;
      // A full word that continues the current range extends it by 32 (full maps stay cheap).
      if (word === 0xffffffff && base + w * 32 === prev + 1) {
        prev += 32;
        continue;
      }
      for (let b = 0; b < 32; b++) {
        if ((word & (1 << b)) === 0) continue;
        const nr = base + w * 32 + b;
        if (nr !== prev + 1) {
          if (start >= 0) ranges.push([start, prev]);
          start = nr;
        }
        prev = nr;
      }
    }
  });
  if (start >= 0) ranges.push([start, prev]);
  return ranges;
}

export function levelOutcome(ns: PidNamespace): LevelOutcome {
  const nrFree: [number, number][] = [];
  ns.pages.forEach((page, entry) => {
    if (page !== null) nrFree.push([entry, ns.nrFree[entry]]);
  });
  return { level: ns.level, lastPid: ns.lastPid, used: usedRanges(ns), nrFree };
}

export function finalState(k: Kernel): LevelOutcome[] {
  return k.namespaces.map(levelOutcome);
}
