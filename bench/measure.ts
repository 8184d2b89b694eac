// Shared measuring helpers for `npm run bench`. Goals are ratios against a reference measured
// in the same run, so a slow or busy machine slows both sides alike.

export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** What the value is compared against, measured in the same run. */
  readonly reference?: { readonly name: string; readonly value: number };
  /** value / reference.value, oriented so that the README states what a good ratio is. */
  readonly ratio?: number;
  readonly note?: string;
}

export interface BenchSuite {
  readonly name: string;
  run(): Promise<BenchResult[]> | BenchResult[];
}

/**
 * Times two functions in alternating rounds (each round at least minMs of each) and gives each
 * one's best round, in milliseconds per call: a ratio of the two then stays fair when the machine
 * is busy in some rounds and not in others.
 */
export function timeAlternating(a: () => unknown, b: () => unknown, minMs = 200, rounds = 5): { a: number; b: number } {
  let bestA = Infinity;
  let bestB = Infinity;
  for (let round = 0; round < rounds; round++) {
    bestA = Math.min(bestA, timePerCall(a, minMs, 3));
    bestB = Math.min(bestB, timePerCall(b, minMs, 3));
  }
  return { a: bestA, b: bestB };
}

/** Runs fn repeatedly for at least minMs and returns the mean milliseconds per call. */
export function timePerCall(fn: () => unknown, minMs = 300, minRuns = 3): number {
  fn(); // warm up: the first call pays for compilation
  let runs = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs || runs < minRuns) {
    fn();
    runs++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return elapsed / runs;
}
