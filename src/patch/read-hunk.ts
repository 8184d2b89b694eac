// The Hunk the hunk reader emits. One class with every field set in its constructor, in one
// order: building hunks as object spreads with a getter was most of the time of an input of
// 300 000 empty hunks. A clean hunk's DiffLines are made when `lines` is first read (a parse
// that needs only the hunks' places holds one object per hunk), and its +/- counts are known
// from the reading, so counting changes (the summary, the diffstat check) makes no DiffLine.
import type { DiffLine, DocRange, Hunk } from './model';
import type { SourceLine } from './positions';

export interface HunkHead {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  readonly section: string;
  readonly functionName: string | undefined;
  readonly headerLine: number;
}

export class ReadHunk implements Hunk {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  readonly section: string;
  readonly functionName: string | undefined;
  readonly headerLine: number;
  readonly range: DocRange;
  declare readonly quotedAfterCut?: readonly DiffLine[];
  #lines: readonly DiffLine[] | undefined;
  #make: (() => readonly DiffLine[]) | undefined;
  /** A clean hunk's source lines are #source[#from .. #to). */
  #source: readonly SourceLine[] | undefined;
  #from = 0;
  #to = 0;
  readonly #added: number;
  readonly #removed: number;

  /** `lines` made now, or by `make` when first read; `added`/`removed` count its '+'/'-' lines. */
  constructor(head: HunkHead, range: DocRange, lines: readonly DiffLine[] | (() => readonly DiffLine[]), added: number, removed: number) {
    this.oldStart = head.oldStart;
    this.oldLines = head.oldLines;
    this.newStart = head.newStart;
    this.newLines = head.newLines;
    this.section = head.section;
    this.functionName = head.functionName;
    this.headerLine = head.headerLine;
    this.range = range;
    if (typeof lines === 'function') {
      this.#lines = undefined;
      this.#make = lines;
    } else {
      this.#lines = lines;
      this.#make = undefined;
    }
    this.#added = added;
    this.#removed = removed;
    this.#source = undefined;
  }

  /** A clean hunk: its DiffLines are read, one each, from source[from .. to), made by `make`. */
  static clean(head: HunkHead, range: DocRange, make: () => readonly DiffLine[], added: number, removed: number, source: readonly SourceLine[], from: number, to: number): ReadHunk {
    const hunk = new ReadHunk(head, range, make, added, removed);
    hunk.#source = source;
    hunk.#from = from;
    hunk.#to = to;
    return hunk;
  }

  /**
   * For a clean hunk: its source lines, each the DiffLine's kind and text as one string (the
   * line as the diff shows it) on the DiffLine's document line. The JSON writes a hunk line as
   * just that, with no DiffLine made for it.
   */
  get cleanSource(): readonly SourceLine[] | undefined {
    return this.#source?.slice(this.#from, this.#to);
  }

  get lines(): readonly DiffLine[] {
    if (this.#lines === undefined) {
      this.#lines = this.#make!();
      this.#make = undefined;
    }
    return this.#lines;
  }

  /** How many '+' and '-' lines `lines` holds, without making them. */
  get changes(): { added: number; removed: number } {
    return { added: this.#added, removed: this.#removed };
  }

  /** The same hunk inside `functionName` (a goto label's hunk continues the previous function). */
  withFunction(functionName: string): ReadHunk {
    const copy = new ReadHunk({ ...this, functionName }, this.range, this.#lines ?? this.#make!, this.#added, this.#removed);
    copy.#source = this.#source;
    copy.#from = this.#from;
    copy.#to = this.#to;
    if (this.quotedAfterCut !== undefined) (copy as { quotedAfterCut?: readonly DiffLine[] }).quotedAfterCut = this.quotedAfterCut;
    return copy;
  }

  /** The plain object the model describes, `lines` included (for JSON and tests). */
  toJSON(): Hunk {
    const plain: { -readonly [K in keyof Hunk]: Hunk[K] } = {
      oldStart: this.oldStart, oldLines: this.oldLines, newStart: this.newStart, newLines: this.newLines, section: this.section,
      functionName: this.functionName, headerLine: this.headerLine, lines: this.lines, range: this.range,
    };
    if (this.quotedAfterCut !== undefined) plain.quotedAfterCut = this.quotedAfterCut;
    return plain;
  }
}

/** The '+' and '-' lines of a hunk: known without reading its lines when the reader made it. */
export function hunkChanges(hunk: Hunk): { added: number; removed: number } {
  if (hunk instanceof ReadHunk) return hunk.changes;
  let added = 0;
  let removed = 0;
  for (const line of hunk.lines) {
    if (line.kind === '+') added++;
    else if (line.kind === '-') removed++;
  }
  return { added, removed };
}
