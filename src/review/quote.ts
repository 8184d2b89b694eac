// The quoted part of a review reply, trimmed the way kernel reviewers trim: only the commented
// hunks (with their file's diff/---/+++ header and their @@ line), a few lines before each
// comment, the comment right under the line it addresses, every cut marked "> [...]".
import type { Mail, Repair } from '../patch/model';
import { diffLineText, fileHeaderLines, fileHeaderStyle, hunkHeaderText } from './patch-text';

export interface ReviewComment {
  /** 0-based document line the comment addresses (the last line of its range). */
  readonly line: number;
  readonly body: string;
}

export interface TrimOptions {
  /** Quoted lines kept above each commented line (default 3). */
  readonly contextBefore?: number;
  /** Quoted lines kept below it, after the comment (default 0: reviewers cut right after). */
  readonly contextAfter?: number;
}

export const CUT_MARK = '[...]';

type Item =
  | { readonly kind: 'message'; readonly text: string }
  | { readonly kind: 'file-header'; readonly text: string; readonly file: number }
  | { readonly kind: 'hunk-header' | 'diff'; readonly text: string; readonly file: number; readonly hunk: number };

/** Where a comment sits among the quotable items, or nowhere (a general remark). */
export interface Anchor {
  readonly comment: ReviewComment;
  readonly item?: number;
}

/** One piece of the reply body in order: a quoted line, a cut, or a comment under a line. */
export type QuotePiece =
  | { readonly kind: 'quote'; readonly text: string }
  | { readonly kind: 'cut' }
  | { readonly kind: 'comment'; readonly comment: ReviewComment };

export interface TrimmedQuote {
  readonly pieces: readonly QuotePiece[];
  /** Comments on lines that are not part of the quotable patch (headers, page text). */
  readonly general: readonly ReviewComment[];
  /** Indexes (in mail.files) of the files with at least one comment. */
  readonly commentedFiles: readonly number[];
}

/** A document line with the parser's single-line repairs applied (escapes undone, entities decoded). */
export function repairedLine(text: string, line: number, repairs: readonly Repair[]): string {
  const onLine = repairs
    .filter((r) => r.range.start.line === line && r.range.end.line === line)
    .sort((a, b) => b.range.start.character - a.range.start.character);
  let out = text;
  for (const repair of onLine) {
    const { start, end } = repair.range;
    if (out.slice(start.character, end.character) !== repair.before) continue;
    out = out.slice(0, start.character) + repair.after + out.slice(end.character);
  }
  return out;
}

function messageLines(mail: Mail): string[] {
  return mail.message === '' ? [] : mail.message.split('\n');
}

interface Layout {
  readonly items: readonly Item[];
  /** Item ranges: messages [0, messageEnd), per file its header items, per hunk its header index and last item. */
  readonly messageEnd: number;
  readonly fileHeaders: readonly { readonly first: number; readonly last: number }[];
  readonly hunks: readonly (readonly { readonly header: number; readonly last: number }[])[];
}

function layout(mail: Mail, documentLines: readonly string[]): Layout {
  const items: Item[] = messageLines(mail).map((text) => ({ kind: 'message', text }));
  const messageEnd = items.length;
  const fileHeaders: { first: number; last: number }[] = [];
  const hunks: { header: number; last: number }[][] = [];
  mail.files.forEach((file, f) => {
    const header = fileHeaderLines(file, fileHeaderStyle(documentLines[file.headerLine]));
    const first = items.length;
    for (const text of header) items.push({ kind: 'file-header', text, file: f });
    fileHeaders.push({ first, last: items.length - 1 });
    hunks.push(file.hunks.map((hunk, h) => {
      const headerIndex = items.length;
      items.push({ kind: 'hunk-header', text: hunkHeaderText(hunk), file: f, hunk: h });
      for (const line of hunk.lines) items.push({ kind: 'diff', text: diffLineText(line), file: f, hunk: h });
      return { header: headerIndex, last: items.length - 1 };
    }));
  });
  return { items, messageEnd, fileHeaders, hunks };
}

/** The item a comment addresses: a diff line, a hunk or file header, a commit message line. */
function anchorOf(comment: ReviewComment, mail: Mail, shape: Layout, documentLines: readonly string[], repairs: readonly Repair[]): number | undefined {
  const target = comment.line;
  for (let f = mail.files.length - 1; f >= 0; f--) {
    const file = mail.files[f];
    for (let h = file.hunks.length - 1; h >= 0; h--) {
      const hunk = file.hunks[h];
      if (hunk.headerLine === target) return shape.hunks[f][h].header;
      // Lines a repair restored share a document line with their neighbour: the last one wins.
      for (let l = hunk.lines.length - 1; l >= 0; l--) {
        if (hunk.lines[l].line === target) return shape.hunks[f][h].header + 1 + l;
      }
    }
    const firstHunk = file.hunks[0]?.headerLine ?? file.range.end.line + 1;
    if (target >= file.headerLine && target < firstHunk && shape.fileHeaders[f].last >= shape.fileHeaders[f].first) return shape.fileHeaders[f].last;
  }
  return messageAnchor(target, mail, shape, documentLines, repairs);
}

/** A commit message line, found by its repaired text; the n-th equal line for the n-th occurrence. */
function messageAnchor(target: number, mail: Mail, shape: Layout, documentLines: readonly string[], repairs: readonly Repair[]): number | undefined {
  if (target < mail.range.start.line || target > mail.range.end.line || target >= documentLines.length) return undefined;
  const firstDiff = mail.files[0]?.headerLine ?? mail.range.end.line + 1;
  if (target >= firstDiff) return undefined;
  const wanted = repairedLine(documentLines[target], target, repairs).trim();
  if (wanted === '') return undefined;
  const candidates: number[] = [];
  for (let i = 0; i < shape.messageEnd; i++) if (shape.items[i].text.trim() === wanted) candidates.push(i);
  if (candidates.length === 0) return undefined;
  let before = 0;
  for (let l = mail.range.start.line; l < target; l++) if (repairedLine(documentLines[l], l, repairs).trim() === wanted) before++;
  return candidates[Math.min(before, candidates.length - 1)];
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/** Which items to quote: the windows around each anchored comment, with the headers they need. */
function keptItems(anchors: readonly Anchor[], shape: Layout, before: number, after: number): boolean[] {
  const keep = new Array<boolean>(shape.items.length).fill(false);
  const mark = (from: number, to: number) => {
    for (let i = from; i <= to; i++) keep[i] = true;
  };
  for (const { item } of anchors) {
    if (item === undefined) continue;
    const it = shape.items[item];
    if (it.kind === 'message') {
      mark(clamp(item - before, 0, shape.messageEnd - 1), clamp(item + after, 0, shape.messageEnd - 1));
      continue;
    }
    const header = shape.fileHeaders[it.file];
    mark(header.first, header.last);
    if (it.kind === 'file-header') continue;
    const hunk = shape.hunks[it.file][it.hunk];
    keep[hunk.header] = true;
    if (it.kind === 'diff') mark(clamp(item - before, hunk.header + 1, hunk.last), clamp(item + after, hunk.header + 1, hunk.last));
  }
  return keep;
}

/** The quote of `mail` trimmed around `comments`. Comments outside the mail become general remarks. */
export function trimQuote(mail: Mail, documentLines: readonly string[], repairs: readonly Repair[], comments: readonly ReviewComment[], options: TrimOptions = {}): TrimmedQuote {
  const before = clamp(Math.trunc(options.contextBefore ?? 3), 0, 1000);
  const after = clamp(Math.trunc(options.contextAfter ?? 0), 0, 1000);
  const shape = layout(mail, documentLines);
  const sorted = [...comments].sort((a, b) => a.line - b.line);
  const anchors: Anchor[] = sorted.map((comment) => ({ comment, item: anchorOf(comment, mail, shape, documentLines, repairs) }));
  const keep = keptItems(anchors, shape, before, after);
  const byItem = new Map<number, ReviewComment[]>();
  for (const { comment, item } of anchors) if (item !== undefined) byItem.set(item, [...(byItem.get(item) ?? []), comment]);
  const pieces: QuotePiece[] = [];
  let skipped = false;
  for (let i = 0; i < shape.items.length; i++) {
    if (!keep[i]) {
      skipped = true;
      continue;
    }
    if (skipped) pieces.push({ kind: 'cut' });
    skipped = false;
    pieces.push({ kind: 'quote', text: shape.items[i].text });
    for (const comment of byItem.get(i) ?? []) pieces.push({ kind: 'comment', comment });
  }
  if (skipped && pieces.length > 0) pieces.push({ kind: 'cut' });
  const commentedFiles = [...new Set(anchors.flatMap(({ item }) => {
    const it = item === undefined ? undefined : shape.items[item];
    return it && it.kind !== 'message' ? [it.file] : [];
  }))];
  return { pieces, general: anchors.filter((a) => a.item === undefined).map((a) => a.comment), commentedFiles };
}
