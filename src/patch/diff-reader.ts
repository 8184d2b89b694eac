// Walks the diff part of a mail: file headers, then each file's hunks, until the next file.
import type { Diagnostics } from './diagnostics';
import { readFileHeader } from './file-headers';
import { parseHunkHeader, readHunk, type HunkHeader, type HunkOptions } from './hunks';
import { fileStartKind, nextContent } from './line-kinds';
import type { FilePatch, Hunk } from './model';
import { lineOf, rangeOf, type SourceLine } from './positions';
import { ReadHunk } from './read-hunk';
import { isLabel } from './section';

/** Reads every file diff from lines[start] on. */
export function readFiles(lines: readonly SourceLine[], start: number, options: HunkOptions, diagnostics: Diagnostics): FilePatch[] {
  const files: FilePatch[] = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i];
    if (line.marker !== undefined) {
      i++;
      continue;
    }
    if (fileStartKind(lines, i) !== undefined) {
      const header = readFileHeader(lines, i);
      const { hunks, next } = readHunks(lines, header.next, options, diagnostics);
      const headerRange = rangeOf(lines[i]);
      const lastLine = lines[Math.max(i, Math.min(header.next, lines.length) - 1)];
      const end = hunks.length > 0 ? hunks[hunks.length - 1].range.end : rangeOf(lastLine).end;
      files.push({
        oldPath: header.oldPath,
        newPath: header.newPath,
        oldPrefix: header.oldPrefix,
        newPrefix: header.newPrefix,
        extendedHeaders: header.extendedHeaders,
        isBinary: header.isBinary,
        hunks,
        range: { start: headerRange.start, end },
        headerLine: lineOf(lines[i]),
      });
      i = Math.max(next, i + 1);
      continue;
    }
    if (line.text.startsWith('@@ -') && parseHunkHeader(line.text)) {
      // A hunk with no file header before it: keep it, under an unnamed file.
      const { hunks, next } = readHunks(lines, i, options, diagnostics);
      diagnostics.problem('warning', 'missing-file-header', rangeOf(line), 'a hunk without a file header (`diff --git`, `Index:` or `---`/`+++`) before it: the file it changes is unknown');
      files.push({
        oldPath: '',
        newPath: '',
        oldPrefix: '',
        newPrefix: '',
        extendedHeaders: [],
        isBinary: false,
        hunks,
        range: { start: rangeOf(line).start, end: hunks.length > 0 ? hunks[hunks.length - 1].range.end : rangeOf(line).end },
        headerLine: lineOf(line),
      });
      i = Math.max(next, i + 1);
      continue;
    }
    i++;
  }
  return files;
}

/** Reads consecutive hunks; text between hunks of one file is stepped over up to the next hunk or file. */
function readHunks(lines: readonly SourceLine[], from: number, options: HunkOptions, diagnostics: Diagnostics): { hunks: Hunk[]; next: number } {
  const hunks: Hunk[] = [];
  let i = from;
  for (;;) {
    // Find the next hunk header of this file, stopping at the next file.
    const firstAfter = nextContent(lines, i);
    let j = firstAfter;
    let stray: number | undefined;
    let header: HunkHeader | undefined;
    // Hunk-like lines between a hunk and the next one's header: no header counts them.
    let leftOut = 0;
    let firstLeftOut: number | undefined;
    while (j < lines.length) {
      const text = lines[j].text;
      if (lines[j].marker === undefined) {
        if (text.startsWith('@@ -') && (header = parseHunkHeader(text)) !== undefined) break;
        if (fileStartKind(lines, j) !== undefined) break;
        if (stray === undefined && hunks.length > 0 && j === firstAfter && (text[0] === '+' || text[0] === '-') && !isSignatureOrRule(text)) stray = j;
        if (hunks.length > 0 && (text[0] === '+' || text[0] === '-' || (text[0] === ' ' && text.trim() !== '')) && !isSignatureOrRule(text)) {
          leftOut++;
          firstLeftOut ??= j;
        }
      }
      j++;
    }
    const last = hunks[hunks.length - 1];
    if (stray !== undefined && !options.lenient) {
      diagnostics.problem('warning', 'hunk-count-mismatch', rangeOf(lines[stray]),
        `a diff line follows the hunk @@ -${last.oldStart},${last.oldLines} +${last.newStart},${last.newLines} @@ but its header does not count it`);
    } else if (header !== undefined && firstLeftOut !== undefined) {
      // git stops reading the file at such a line; kpr reads on to the next hunk and says so.
      diagnostics.problem('warning', 'hunk-count-mismatch', rangeOf(lines[firstLeftOut]),
        `${leftOut === 1 ? 'a line that looks like a hunk line' : `${leftOut} lines that look like hunk lines`} between the hunk @@ -${last.oldStart},${last.oldLines} +${last.newStart},${last.newLines} @@ and the next one ${leftOut === 1 ? 'is' : 'are'} counted by neither header and left out`);
    }
    if (j >= lines.length || fileStartKind(lines, j) !== undefined) return { hunks, next: hunks.length > 0 ? i : j };
    // Read once, in the search above: a hostile input is hundreds of thousands of headers.
    if (!header) return { hunks, next: j };
    const { hunk, next } = readHunk(lines, j, header, options, diagnostics);
    hunks.push(inheritFunction(hunk, hunks[hunks.length - 1]));
    i = Math.max(next, j + 1);
  }
}

/** "-- " (git), "--" (quilt) and "---" rules end a diff without being diff lines. */
function isSignatureOrRule(text: string): boolean {
  return /^-{2,}\s*$/.test(text.length > 200 ? '' : text) || text.startsWith('---');
}

/** A hunk whose section is a goto label ("out_free:") is still inside the previous hunk's function. */
function inheritFunction(hunk: Hunk, previous: Hunk | undefined): Hunk {
  if (hunk.functionName !== undefined || previous?.functionName === undefined || !isLabel(hunk.section)) return hunk;
  return hunk instanceof ReadHunk ? hunk.withFunction(previous.functionName) : { ...hunk, functionName: previous.functionName };
}
