// Reads each level's pid map as the outcome reports it: last_pid, the set bits as merged
// ranges, and nr_free of every allocated entry.
import { BITS_PER_PAGE } from './constants';
import type { Kernel } from './kernel';
import type { PidNamespace } from './namespace';
import type { LevelOutcome } from './outcome';
import { SetBitRanges } from './set-bit-ranges';

/** The set bits of a namespace's allocated pages as sorted, merged, inclusive ranges. */
export function usedRanges(ns: PidNamespace): [number, number][] {
  const ranges = new SetBitRanges();
  ns.pages.forEach((page, entry) => {
    if (page !== null) ranges.addWords(page, entry * BITS_PER_PAGE);
  });
  return ranges.result();
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
