// The DiffLine the hunk reader emits. A clean line's range follows from its document line, the
// column its text starts at and the text's length, so it is computed when first asked for rather
// than stored: on a 10 MB mbox the four objects of an eager range per line were most of the
// parser's garbage-collection time. Lines whose text was pieced together by a repair (segments)
// or placed at a point (a restored line) carry their range from the start. The text, likewise,
// stays the source line until asked for: no copy of a line that needs none.
import type { DiffLine, DiffLineKind, DocRange } from './model';

export class ReadDiffLine implements DiffLine {
  private knownRange: DocRange | undefined;
  /** The logical line the text is cut from; cut (and kept) when first asked for. */
  private source: string;
  private from: number;

  // Every field is set in the constructor, in one order: one object shape for every line.
  constructor(
    readonly kind: DiffLineKind,
    source: string,
    /** Where the text starts in `source`: 1 past a prefix, 0 for a line that lost it. */
    from: number,
    readonly line: number,
    /** The document column of text[0] when the text maps contiguously onto the line. */
    private readonly character: number,
    range: DocRange | undefined,
    readonly oldLine: number | undefined,
    readonly newLine: number | undefined,
    readonly repaired: boolean | undefined,
  ) {
    this.knownRange = range;
    this.source = source;
    this.from = from;
  }

  get text(): string {
    if (this.from !== 0) {
      this.source = this.source.slice(this.from);
      this.from = 0;
    }
    return this.source;
  }

  /** kind + text, the line as the diff shows it: a line read with its prefix is its source line, uncopied. */
  get diffText(): string {
    if (this.from === 1 && this.source.charCodeAt(0) === this.kind.charCodeAt(0)) return this.source;
    return this.kind + this.text;
  }

  get range(): DocRange {
    this.knownRange ??= {
      start: { line: this.line, character: this.character },
      end: { line: this.line, character: this.character + this.source.length - this.from },
    };
    return this.knownRange;
  }

  /** Own enumerable fields only, like the plain object the model describes (for JSON and tests). */
  toJSON(): DiffLine {
    const plain: { -readonly [K in keyof DiffLine]: DiffLine[K] } = { kind: this.kind, text: this.text, line: this.line, range: this.range };
    if (this.oldLine !== undefined) plain.oldLine = this.oldLine;
    if (this.newLine !== undefined) plain.newLine = this.newLine;
    if (this.repaired) plain.repaired = true;
    return plain;
  }
}
