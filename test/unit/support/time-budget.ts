// Time limits in unit tests are there to catch unbounded work (a quadratic loop, a regex that
// backtracks), not to measure speed (that is `npm run bench`). A limit written for a quiet
// machine fails at random on a loaded one, so each limit is scaled by how slow the machine is
// at that moment: a fixed piece of work is timed right after the work under test, against what
// it takes on a quiet machine, and the limit grows by that ratio (never shrinks).

/**
 * What `referenceWork` takes on a quiet machine, in ms: set low, so that on a quiet machine a
 * limit is loosened a few times at most, which still catches unbounded work (hundreds of times).
 */
const QUIET_REFERENCE_MS = 10;

function referenceWork(): number {
  // Plain CPU work of a fixed size: sorting and joining, like the parsers do.
  const values = Array.from({ length: 60_000 }, (_, i) => (i * 7919) % 60_013);
  values.sort((a, b) => a - b);
  return values.join(',').length;
}

/** How many times slower than a quiet machine this one is right now (at least 1). */
export function slowdown(): number {
  referenceWork(); // compiled before it is timed
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    referenceWork();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return Math.max(1, best / QUIET_REFERENCE_MS);
}

/** Asserts that work which took `ms` stayed within `budgetMs` as scaled for this machine's current load. */
export function assertWithinBudget(ms: number, budgetMs: number, what = 'the work'): void {
  if (ms < budgetMs) return;
  const factor = slowdown();
  if (ms >= budgetMs * factor) {
    throw new Error(`${what} took ${ms.toFixed(0)} ms, over its ${budgetMs} ms budget even scaled by this machine's current slowdown (×${factor.toFixed(1)})`);
  }
}
