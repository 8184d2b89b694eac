// Logical lines and their document positions. Every decoding and repair step turns document
// lines into logical lines whose text may differ from the document (an escape undone, a quote
// prefix removed, a quoted-printable soft break joined), but each character of a logical line
// still knows where it sits in the document. Positions are therefore computed once, here, and
// every later range is derived from them rather than re-searched in the text.
import type { DocRange, Position } from './model';

/** From text index `from` on, the logical text maps contiguously onto the document at (line, character). */
export interface Segment {
  readonly from: number;
  readonly line: number;
  readonly character: number;
}

/**
 * Why a logical line carries no patch content and must be skipped by the diff reader. A 'cut'
 * is a quoted "> [...]" where a reviewer left lines out: it also tells the hunk reader that the
 * quoted lines around it are an excerpt.
 */
export type LineMarker = 'fence' | 'interruption' | 'cut';

export interface SourceLine {
  readonly text: string;
  /** The document position of text[0]. */
  readonly line: number;
  readonly character: number;
  /**
   * Only when the text does not map contiguously from (line, character): sorted by `from`, the
   * first has `from` 0. Most lines have none, which keeps a 10 MB mbox cheap to hold.
   */
  readonly segments?: readonly Segment[];
  readonly marker?: LineMarker;
  /** In a document with code fences: whether the line sits inside one. Undefined otherwise. */
  readonly inFence?: boolean;
}

/**
 * Every SourceLine is made here, with all fields present in one order: lines of a single shape
 * keep property access monomorphic, which matters on a 10 MB mbox.
 */
export function makeLine(text: string, line: number, character: number, segments?: readonly Segment[], marker?: LineMarker, inFence?: boolean): SourceLine {
  return { text, line, character, segments, marker, inFence };
}

/**
 * A document line exactly as the document has it: its text and line are its own, the fields it
 * never sets are its prototype's. Every line of a mail is one of these until a repair changes it,
 * and the whole mail's lines live until it is read: at two fields instead of six, they are less
 * for the collector to copy. Any other text (a CR taken off, a repair) is made by makeLine.
 */
class WholeLine implements SourceLine {
  declare readonly character: number;
  declare readonly segments: undefined;
  declare readonly marker: undefined;
  declare readonly inFence: undefined;

  constructor(
    readonly text: string,
    readonly line: number,
  ) {}
}
Object.assign(WholeLine.prototype, { character: 0, segments: undefined, marker: undefined, inFence: undefined });

/** Document line `line`, whose text is `text`: as the document has it, or as read from `character` on. */
export function plainLine(text: string, line: number, character = 0): SourceLine {
  return character === 0 ? new WholeLine(text, line) : makeLine(text, line, character);
}

/** Whether `source` is a whole document line with the document's own text (made by plainLine from it). */
export function isDocumentLine(source: SourceLine): boolean {
  return source instanceof WholeLine;
}

/** The same line with its marker or fence state changed. */
export function withFlags(source: SourceLine, flags: Pick<SourceLine, 'marker' | 'inFence'>): SourceLine {
  const marker = 'marker' in flags ? flags.marker : source.marker;
  const inFence = 'inFence' in flags ? flags.inFence : source.inFence;
  return makeLine(source.text, source.line, source.character, source.segments, marker, inFence);
}

/** The document position of logical character `index` (clamped to the line). */
export function positionAt(source: SourceLine, index: number): Position {
  const i = Math.max(0, Math.min(index, source.text.length));
  const segments = source.segments;
  if (segments === undefined) return { line: source.line, character: source.character + i };
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].from <= i) lo = mid;
    else hi = mid - 1;
  }
  const segment = segments[lo];
  return { line: segment.line, character: segment.character + (i - segment.from) };
}

/** The document range of logical characters [from, to). */
export function rangeOf(source: SourceLine, from = 0, to = source.text.length): DocRange {
  // The end is the position just past the last character, so an unescaped "\_" that became
  // "_" at the end of a line still ends after the document's "_".
  const start = positionAt(source, from);
  if (to <= from) return { start, end: start };
  const last = positionAt(source, to - 1);
  return { start, end: { line: last.line, character: last.character + 1 } };
}

/** rangeOf(source).end, made as one object: the hunk reader asks it of every hunk. */
export function endOf(source: SourceLine): Position {
  const length = source.text.length;
  if (source.segments === undefined) return { line: source.line, character: source.character + length };
  if (length === 0) return positionAt(source, 0);
  const last = positionAt(source, length - 1);
  return { line: last.line, character: last.character + 1 };
}

/** The document line a logical line starts on. */
export function lineOf(source: SourceLine): number {
  return source.line;
}

export function pointRange(line: number, character = 0): DocRange {
  const p = { line, character };
  return { start: p, end: p };
}

/** Builds a logical line piece by piece, recording where each piece came from. */
export class LineBuilder {
  private text = '';
  private readonly segments: Segment[] = [];

  /** Appends text that maps contiguously onto the document from `at`. */
  append(text: string, at: Position): void {
    if (text.length === 0) {
      if (this.segments.length === 0) this.segments.push({ from: 0, line: at.line, character: at.character });
      return;
    }
    const last = this.segments[this.segments.length - 1];
    const contiguous =
      last !== undefined && last.line === at.line && last.character + (this.text.length - last.from) === at.character;
    if (!contiguous) {
      if (last !== undefined && last.from === this.text.length) this.segments.pop();
      this.segments.push({ from: this.text.length, line: at.line, character: at.character });
    }
    this.text += text;
  }

  /** Appends logical characters [from, to) of an existing line, keeping their positions. */
  appendSlice(source: SourceLine, from: number, to: number): void {
    let i = from;
    if (source.segments === undefined) {
      if (to > from) this.append(source.text.slice(from, to), positionAt(source, from));
      return;
    }
    while (i < to) {
      const segIndex = segmentIndexAt(source.segments, i);
      const next = source.segments[segIndex + 1];
      const stop = next === undefined ? to : Math.min(to, next.from);
      this.append(source.text.slice(i, stop), positionAt(source, i));
      i = stop;
    }
  }

  build(fallback: Position, extra: Pick<SourceLine, 'marker' | 'inFence'> = {}): SourceLine {
    const first = this.segments[0] ?? { from: 0, line: fallback.line, character: fallback.character };
    return makeLine(this.text, first.line, first.character, this.segments.length > 1 ? this.segments : undefined, extra.marker, extra.inFence);
  }
}

function segmentIndexAt(segments: readonly Segment[], index: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].from <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The logical line with characters [from, to) only. */
export function sliceLine(source: SourceLine, from: number, to = source.text.length): SourceLine {
  if (from === 0 && to >= source.text.length) return source;
  const builder = new LineBuilder();
  builder.appendSlice(source, from, to);
  return builder.build(positionAt(source, from), { marker: source.marker, inFence: source.inFence });
}
