// Recognisers for the lines that start or end a file's diff. Shared by the mail-body splitter
// (where does the diff begin?) and the hunk reader (where must a hunk stop?).
import type { SourceLine } from './positions';

export const HUNK_HEADER = /^@@ -(\d{1,10})(?:,(\d{1,10}))? \+(\d{1,10})(?:,(\d{1,10}))? @@(.*)$/;

/** A hunk header's numbers (a count left out is 1) and the text after its second "@@". */
export interface HunkHeaderFields {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  readonly rest: string;
}

/** The end of a run of 1 to 10 ASCII digits at `i`, or -1; its value is left in `scannedNumber`. */
let scannedNumber = 0;
function digitsEnd(text: string, i: number): number {
  let value = 0;
  let j = i;
  for (; j < text.length && j - i <= 10; j++) {
    const c = text.charCodeAt(j);
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
  }
  if (j === i || j - i > 10) return -1;
  scannedNumber = value;
  return j;
}

/**
 * The end of a header range at `i` ("START" or "START,LINES"; LINES is 1 when absent, as in
 * diff's own format), or -1; its numbers are left in `scannedStart` and `scannedLines`.
 */
let scannedStart = 0;
let scannedLines = 1;
function rangeEnd(text: string, i: number): number {
  let end = digitsEnd(text, i);
  if (end < 0) return -1;
  scannedStart = scannedNumber;
  scannedLines = 1;
  if (text.charCodeAt(end) === 44 /* , */) {
    end = digitsEnd(text, end + 1);
    if (end < 0) return -1;
    scannedLines = scannedNumber;
  }
  return end;
}

/**
 * What HUNK_HEADER matches in `text`, read character by character: the hunk reader meets a
 * header on nearly every line of a hostile input, and a regex match there was a cost per line.
 */
export function scanHunkHeader(text: string): HunkHeaderFields | undefined {
  if (!text.startsWith('@@ -')) return undefined;
  let i = rangeEnd(text, 4);
  if (i < 0) return undefined;
  const oldStart = scannedStart;
  const oldLines = scannedLines;
  if (!text.startsWith(' +', i)) return undefined;
  i = rangeEnd(text, i + 2);
  if (i < 0) return undefined;
  const newStart = scannedStart;
  const newLines = scannedLines;
  if (!text.startsWith(' @@', i)) return undefined;
  // As the regex's "(.*)$": the rest holds no line terminator.
  for (let j = i + 3; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return undefined;
  }
  return { oldStart, oldLines, newStart, newLines, rest: text.slice(i + 3) };
}
const QUILT_SEPARATOR = /^={4,}\s*$/;
const DIFF_COMMAND = /^diff (?:-{1,2}[\w=-]+ ){0,10}\S/;

/** The index of the next line at or after `i` that is neither a marker nor blank, or lines.length. */
export function nextContent(lines: readonly SourceLine[], i: number, limit = lines.length): number {
  let j = i;
  while (j < limit && (lines[j].marker !== undefined || lines[j].text.trim() === '')) j++;
  return j;
}

/** The index of the next line at or after `i` that is not a marker, or lines.length. */
export function nextUnmarked(lines: readonly SourceLine[], i: number): number {
  let j = i;
  while (j < lines.length && lines[j].marker !== undefined) j++;
  return j;
}

export function isQuiltSeparator(text: string): boolean {
  return text.length < 200 && QUILT_SEPARATOR.test(text);
}

/** A `---` line followed by a `+++` line: the old/new file header pair. */
function isOldNewPair(lines: readonly SourceLine[], i: number): boolean {
  if (!lines[i].text.startsWith('--- ')) return false;
  const next = nextContent(lines, i + 1, Math.min(lines.length, i + 6));
  return next < lines.length && lines[next].text.startsWith('+++ ');
}

/** How a file's diff starts at line i, if it does. */
export function fileStartKind(lines: readonly SourceLine[], i: number): 'git' | 'index' | 'command' | 'pair' | undefined {
  const line = lines[i];
  if (line.marker !== undefined) return undefined;
  const text = line.text;
  if (text.startsWith('diff --git ')) return 'git';
  if (text.startsWith('Index: ') && text.length > 7) {
    const next = nextContent(lines, i + 1, Math.min(lines.length, i + 8));
    if (next < lines.length && (isQuiltSeparator(lines[next].text) || isOldNewPair(lines, next))) return 'index';
    return undefined;
  }
  if (text.startsWith('diff ') && text.length < 4000 && DIFF_COMMAND.test(text)) {
    const next = nextContent(lines, i + 1, Math.min(lines.length, i + 6));
    if (next < lines.length && isOldNewPair(lines, next)) return 'command';
    return undefined;
  }
  if (isOldNewPair(lines, i)) {
    // A bare pair must be followed by a hunk (or be a git-less header of an empty file).
    const plus = nextContent(lines, i + 1, Math.min(lines.length, i + 6));
    const hunk = nextContent(lines, plus + 1, Math.min(lines.length, plus + 6));
    if (hunk < lines.length && scanHunkHeader(lines[hunk].text) !== undefined) return 'pair';
  }
  return undefined;
}

/** Lines that no hunk may run into: the next hunk or file, or the mail's signature. */
export function isHunkStop(lines: readonly SourceLine[], i: number): boolean {
  const text = lines[i].text;
  if (text.startsWith('@@ -') && scanHunkHeader(text) !== undefined) return true;
  if (text.startsWith('diff --git ') || text.startsWith('Index: ')) return true;
  // `diff -up a b` before its ---/+++ pair starts the next file as surely as `diff --git`.
  if (text.startsWith('diff ') && fileStartKind(lines, i) === 'command') return true;
  if (isQuiltSeparator(text)) return true;
  if (text.startsWith('--- ') && isOldNewPair(lines, i)) return true;
  // The signature separator: "-- " from git, a bare "--" from quilt.
  if (text === '-- ' || text === '--') {
    const next = nextUnmarked(lines, i + 1);
    return next >= lines.length || /^\d+(?:\.\d+)+/.test(lines[next].text) || lines[next].text.trim() === '';
  }
  return false;
}
