// Ascending line indices kept as runs of consecutive ones. A hunk reading takes blank lines as
// context and the hunk reader keeps, per line, how to make its DiffLine later: in a damaged hunk
// most of those come in runs of consecutive lines, and in a hostile one there are millions of
// them. Growing an array by one number per line was most of the time of reading such a hunk.

/** A set of indices, added in ascending order, held as [start, end) runs. */
export class AscendingIndices {
  /** start0, end0, start1, end1, ...: the runs in order, none empty, none touching the next. */
  readonly #bounds: number[] = [];

  /** Adds `index`, which is above every index added so far. */
  add(index: number): void {
    const bounds = this.#bounds;
    const n = bounds.length;
    if (n > 0 && bounds[n - 1] === index) bounds[n - 1] = index + 1;
    else bounds.push(index, index + 1);
  }

  /** The indices in descending order, added: a search that finds its choices from the last one back. */
  static fromDescending(descending: readonly number[]): AscendingIndices {
    const set = new AscendingIndices();
    for (let k = descending.length - 1; k >= 0; k--) set.add(descending[k]);
    return set;
  }

  /** A membership test for indices asked in ascending order (a walk over the lines), each answered in amortised constant time. */
  walk(): (index: number) => boolean {
    const bounds = this.#bounds;
    let at = 0;
    return (index) => {
      while (at < bounds.length && bounds[at + 1] <= index) at += 2;
      return at < bounds.length && bounds[at] <= index;
    };
  }
}

/** Numbers in order, held as runs of the same step kind on consecutive lines (a hunk's lines as the reader took them). */
export class LineSteps {
  /** For each run: its first line's index times 4 plus its step kind, then how many lines it covers. */
  readonly #runs: number[] = [];
  #count = 0;

  /** Appends line `index` taken as step kind `step` (0 to 3). */
  push(index: number, step: number): void {
    const runs = this.#runs;
    const n = runs.length;
    this.#count++;
    if (n > 0 && (runs[n - 2] & 3) === step && (runs[n - 2] >> 2) + runs[n - 1] === index) runs[n - 1]++;
    else runs.push(index * 4 + step, 1);
  }

  /** How many lines were appended. */
  get length(): number {
    return this.#count;
  }

  /** The first and last line index appended (undefined when none). */
  get span(): { readonly first: number; readonly last: number } | undefined {
    const runs = this.#runs;
    if (runs.length === 0) return undefined;
    return { first: runs[0] >> 2, last: (runs[runs.length - 2] >> 2) + runs[runs.length - 1] - 1 };
  }

  /** Calls `visit` with each line's index and step kind, in order. */
  forEach(visit: (index: number, step: number) => void): void {
    const runs = this.#runs;
    for (let r = 0; r < runs.length; r += 2) {
      const first = runs[r] >> 2;
      const step = runs[r] & 3;
      for (let k = 0; k < runs[r + 1]; k++) visit(first + k, step);
    }
  }
}
