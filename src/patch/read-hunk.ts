// The Hunk the hunk reader emits. One class with every field set in its constructor, in one
// order: building hunks as object spreads with a getter was most of the time of an input of
// 300 000 empty hunks. A clean hunk's DiffLines are made when `lines` is first read (a parse
// that needs only the hunks' places holds one object per hunk), and its +/- counts are known
// from the reading, so counting changes (the summary, the diffstat check) makes no DiffLine.
// A clean hunk keeps only where its lines are in the document, not the mail's source lines nor
// their texts: once a mail is read its lines can go, which on a 10 MB mbox is most of what the
// collector would otherwise keep moving.
import { ReadDiffLine } from './diff-line';
import type { DocumentLines } from './document-lines';
import type { DiffLine, DiffLineKind, DocRange, Hunk } from './model';

export interface HunkHead {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  readonly section: string;
  readonly functionName: string | undefined;
  readonly headerLine: number;
}

/** Where a clean hunk's lines are: `count` whole document lines from `firstLine` on. */
export interface CleanPlace {
  readonly document: DocumentLines;
  readonly firstLine: number;
  readonly count: number;
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
  /** A clean hunk's lines are document lines #firstLine to #firstLine + #count - 1, whole (prefix included). */
  #document: DocumentLines | undefined;
  #firstLine = 0;
  #count = 0;
  readonly #added: number;
  readonly #removed: number;

  /**
   * `lines` made now, or by `make` when first read, or (undefined) from the place ReadHunk.clean
   * keeps; `added`/`removed` count its '+'/'-' lines.
   */
  constructor(head: HunkHead, range: DocRange, lines: readonly DiffLine[] | (() => readonly DiffLine[]) | undefined, added: number, removed: number) {
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
    this.#document = undefined;
  }

  /**
   * A clean hunk whose lines are whole document lines, `count` of them from `firstLine`: each
   * DiffLine follows from its text, made when `lines` is first read.
   */
  static clean(head: HunkHead, range: DocRange, document: DocumentLines, firstLine: number, count: number, added: number, removed: number): ReadHunk {
    // No closure to make its lines: they follow from the place kept, one object less per hunk.
    const hunk = new ReadHunk(head, range, undefined, added, removed);
    hunk.#document = document;
    hunk.#firstLine = firstLine;
    hunk.#count = count;
    return hunk;
  }

  /**
   * For a clean hunk: where its lines are, document lines `firstLine` to `firstLine + count - 1`,
   * each whole line being the line as the diff shows it (the DiffLine's kind and text as one
   * string). The JSON cuts each from the document and writes it as just that, with no DiffLine
   * made for it.
   */
  get cleanPlace(): CleanPlace | undefined {
    return this.#document === undefined ? undefined : { document: this.#document, firstLine: this.#firstLine, count: this.#count };
  }

  get lines(): readonly DiffLine[] {
    if (this.#lines === undefined) {
      this.#lines = this.#make !== undefined ? this.#make() : cleanLines(documentTexts(this.#document!, this.#firstLine, this.#count), this.#firstLine, this.oldStart, this.newStart);
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
    const copy = new ReadHunk({ ...this, functionName }, this.range, this.#lines ?? this.#make, this.#added, this.#removed);
    copy.#document = this.#document;
    copy.#firstLine = this.#firstLine;
    copy.#count = this.#count;
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

function documentTexts(document: DocumentLines, firstLine: number, count: number): string[] {
  const texts = new Array<string>(count);
  for (let k = 0; k < count; k++) texts[k] = document.text(firstLine + k);
  return texts;
}

/** A clean hunk's DiffLines: the prefix is the kind, the document column after it the text's start. */
function cleanLines(texts: readonly string[], firstLine: number, oldStart: number, newStart: number): DiffLine[] {
  const out = new Array<DiffLine>(texts.length);
  let oldLine = oldStart;
  let newLine = newStart;
  for (let k = 0; k < texts.length; k++) {
    const text = texts[k];
    const kind = text[0] as DiffLineKind;
    const old = kind === ' ' || kind === '-' ? oldLine++ : undefined;
    const neu = kind === ' ' || kind === '+' ? newLine++ : undefined;
    out[k] = new ReadDiffLine(kind, text, 1, firstLine + k, 1, undefined, old, neu, undefined);
  }
  return out;
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
