// A repair within one document line. Its range is made when first read: a hostile input has a
// repair on each of millions of lines, and the three objects of an eager range per repair were
// most of what parsing it cost. The fields are the plain Repair's once made (toJSON).
import type { DocRange, Repair, RepairKind } from './model';

/** What a repair says, apart from where: one object for a run of repairs that say the same. */
export interface RepairWords {
  readonly kind: RepairKind;
  readonly before: string;
  readonly after: string;
  readonly reason: string;
}

export class LineRepair implements Repair {
  #range: DocRange | undefined;

  constructor(
    /** Shared with the repairs that say the same: a hostile hunk repairs every one of millions of lines alike. */
    readonly words: RepairWords,
    /** The document line, and the characters [from, to) of it that the repair covers. */
    readonly line: number,
    readonly from: number,
    readonly to: number,
  ) {
    this.#range = undefined;
  }

  get kind(): RepairKind {
    return this.words.kind;
  }

  get before(): string {
    return this.words.before;
  }

  get after(): string {
    return this.words.after;
  }

  get reason(): string {
    return this.words.reason;
  }

  get range(): DocRange {
    if (this.#range === undefined) {
      const start = { line: this.line, character: this.from };
      // An empty range is one position, as rangeOf makes it.
      this.#range = { start, end: this.to === this.from ? start : { line: this.line, character: this.to } };
    }
    return this.#range;
  }

  /** The plain Repair the model describes (for JSON and tests). */
  toJSON(): Repair {
    return { kind: this.kind, range: this.range, before: this.before, after: this.after, reason: this.reason };
  }
}
