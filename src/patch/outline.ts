// The outline of a patch document (mail → file → hunk, each hunk named by the function it
// changes), with ranges an editor accepts: every symbol's range contains the header line it is
// named by. In a quoted reply the parser's ranges start after the "> " prefix while the header
// line starts at column 0, so the two are reconciled here, once, not in each editor's glue.
import { countChanges } from './diffstat';
import { displayPath, seriesLabel } from './display';
import type { DocRange, FilePatch, Hunk, Mail, Patch, Position } from './model';

export type OutlineKind = 'mail' | 'file' | 'function' | 'section';

export interface OutlineSymbol {
  /** Never blank (editors reject a symbol without a name). */
  readonly name: string;
  readonly detail: string;
  readonly kind: OutlineKind;
  /** The whole mail, file or hunk; always contains selectionRange. */
  readonly range: DocRange;
  /** The header the symbol is named by (Subject, first file header line, `@@` line). */
  readonly selectionRange: DocRange;
  readonly children: readonly OutlineSymbol[];
}

/** The length of a document line (0 for a line the document does not have). */
export type LineLength = (line: number) => number;

export function patchOutline(patch: Patch, lineLength: LineLength): OutlineSymbol[] {
  return patch.mails.map((mail) => mailSymbol(mail, lineLength));
}

function mailSymbol(mail: Mail, lineLength: LineLength): OutlineSymbol {
  return {
    name: nonBlank(mail.subject, '(no subject)'),
    detail: seriesLabel(mail),
    kind: 'mail',
    ...headedRanges(mail.range, mail.subjectLine, lineLength),
    children: mail.files.map((file) => fileSymbol(file, lineLength)),
  };
}

function fileSymbol(file: FilePatch, lineLength: LineLength): OutlineSymbol {
  const { added, removed } = countChanges(file);
  return {
    name: nonBlank(displayPath(file), '(unnamed file)'),
    detail: `+${added} −${removed}`,
    kind: 'file',
    ...headedRanges(file.range, file.headerLine, lineLength),
    children: file.hunks.map((hunk) => hunkSymbol(hunk, lineLength)),
  };
}

function hunkSymbol(hunk: Hunk, lineLength: LineLength): OutlineSymbol {
  return {
    name: hunkName(hunk),
    detail: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
    kind: hunk.functionName ? 'function' : 'section',
    ...headedRanges(hunk.range, hunk.headerLine, lineLength),
    children: [],
  };
}

/** The hunk's function, else its section text, else the post-image lines it covers. */
export function hunkName(hunk: Hunk): string {
  const fallback = `lines ${hunk.newStart}–${hunk.newStart + Math.max(0, hunk.newLines - 1)}`;
  return hunk.functionName?.trim() || hunk.section.trim() || fallback;
}

/**
 * The range and the selection range of a symbol headed by `headerLine`: the header line clipped
 * to the range where they overlap (a quoted header starts after its "> "), else the range
 * widened to take in the whole header line (a header the parser placed outside its range).
 */
export function headedRanges(range: DocRange, headerLine: number, lineLength: LineLength): { range: DocRange; selectionRange: DocRange } {
  const full = ordered(range);
  const line = Math.max(0, headerLine);
  const header: DocRange = { start: { line, character: 0 }, end: { line, character: Math.max(0, lineLength(line)) } };
  const start = later(full.start, header.start);
  const end = earlier(full.end, header.end);
  if (compare(start, end) <= 0) return { range: full, selectionRange: { start, end } };
  return { range: { start: earlier(full.start, header.start), end: later(full.end, header.end) }, selectionRange: header };
}

function nonBlank(text: string, fallback: string): string {
  return text.trim() === '' ? fallback : text;
}

function ordered(range: DocRange): DocRange {
  return compare(range.start, range.end) <= 0 ? range : { start: range.end, end: range.start };
}

function compare(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

function later(a: Position, b: Position): Position {
  return compare(a, b) >= 0 ? a : b;
}

function earlier(a: Position, b: Position): Position {
  return compare(a, b) <= 0 ? a : b;
}
