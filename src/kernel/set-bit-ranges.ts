// Turns bitmap words into the sorted, merged, inclusive ranges of set bit numbers that the
// outcome and the stepper's views report. Words must be added in ascending order of `base`.

export class SetBitRanges {
  private readonly ranges: [number, number][] = [];
  private start = -1;
  private prev = -2;

  /** Adds the set bits of one 32-bit word whose bit 0 is the number `base`. */
  addWord(word: number, base: number): void {
    if (word === 0) return;
    // A full word that continues the current range extends it by 32 (full maps stay cheap).
    if (word === 0xffffffff && base === this.prev + 1) {
      this.prev += 32;
      return;
    }
    for (let b = 0; b < 32; b++) {
      if ((word & (1 << b)) === 0) continue;
      const nr = base + b;
      if (nr !== this.prev + 1) {
        if (this.start >= 0) this.ranges.push([this.start, this.prev]);
        this.start = nr;
      }
      this.prev = nr;
    }
  }

  /** Adds every word of a bitmap whose bit 0 is the number `base`. */
  addWords(words: Uint32Array, base: number): void {
    for (let w = 0; w < words.length; w++) this.addWord(words[w], base + w * 32);
  }

  /** The ranges so far, the open one closed. */
  result(): [number, number][] {
    return this.start >= 0 ? [...this.ranges, [this.start, this.prev]] : [...this.ranges];
  }
}
