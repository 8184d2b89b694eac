// Some text extractions of archive pages lose every line break: the whole mail — headers,
// diffstat, file headers, `---`/`+++`, `@@` and the hunk lines — runs on as one line. The tokens
// that start a header field, a file header or a hunk header still show where those lines were;
// a hunk's own lines can be told apart only where its @@ counts admit a single split. This module
// puts back what the tokens allow, and says in an error what it could not.
import type { Diagnostics } from './diagnostics';
import { HUNK_HEADER } from './line-kinds';
import { rangeOf, sliceLine, withFlags, type SourceLine } from './positions';

/** A line this long holding diff tokens is a collapsed mail, not a long line of code. */
const MIN_COLLAPSED_LENGTH = 200;
const HEADER_LABEL = / (?=(?:From|Date|Subject|To|Cc|Message-ID|In-Reply-To|References): )/g;
const FILE_TOKEN = / (?=diff --git \S|Index: \S|index [0-9a-f]{7,40}\.\.[0-9a-f]{7,40}\b|--- (?:a\/|\/dev\/null|\S+\/)|\+\+\+ (?:b\/|\/dev\/null|\S+\/)|={10,}|new file mode \d|deleted file mode \d|-- (?:\d|$))/g;
const HUNK_TOKEN = / ?(@@ -\d{1,10}(?:,\d{1,10})? \+\d{1,10}(?:,\d{1,10})? @@)/g;
/** Above this many (candidate × old × new) steps a hunk is reported unsplit rather than searched. */
const SPLIT_BUDGET = 5_000_000;

function looksCollapsed(text: string): boolean {
  if (text.length < MIN_COLLAPSED_LENGTH) return false;
  const hunk = text.search(/@@ -\d/);
  if (hunk <= 0) return false;
  return /(?:^|\s)(?:diff --git |Index: |--- \S+ \+\+\+ )/.test(text);
}

interface HunkSplit {
  /** Offsets in the hunk text where a line starts (the prefix character). */
  readonly starts: number[] | undefined;
  /** How many splits fit the counts (2 means two or more). */
  readonly ways: number;
}

/**
 * The hunk text after "@@ … @@": a section, then lines each introduced by the space a lost line
 * break became, followed by the line's prefix. Counts the ways to choose line starts whose kinds
 * meet the header's counts exactly; only a single way is a recovery.
 */
function splitHunkText(text: string, oldLines: number, newLines: number): HunkSplit {
  const candidates: number[] = [];
  for (let p = 0; p + 1 < text.length; p++) {
    if (text.charCodeAt(p) !== 32) continue;
    const c = text[p + 1];
    if (c === ' ' || c === '+' || c === '-') candidates.push(p + 1);
    else if (c === '\\' && text.startsWith('\\ No newline at end of file', p + 1)) candidates.push(p + 1);
  }
  if (candidates.length * (oldLines + 1) * (newLines + 1) > SPLIT_BUDGET) return { starts: undefined, ways: 2 };
  const width = newLines + 1;
  const count = candidates.length;
  // A line is at least its prefix, then the space its break became: starts lie 2 or more apart.
  const after = new Int32Array(count);
  for (let k = 0, j = 0; k < count; k++) {
    while (j < count && candidates[j] < candidates[k] + 2) j++;
    after[k] = j;
  }
  const delta = (k: number): [number, number] => {
    const kind = text[candidates[k]];
    return [kind === ' ' || kind === '-' ? 1 : 0, kind === ' ' || kind === '+' ? 1 : 0];
  };
  // ways[k][o * width + n]: splits choosing starts among candidates k.. that add exactly (o, n).
  const ways: Uint8Array[] = new Array<Uint8Array>(count + 1);
  ways[count] = new Uint8Array((oldLines + 1) * width);
  ways[count][0] = 1;
  for (let k = count - 1; k >= 0; k--) {
    const taken = ways[after[k]];
    // "\ No newline at end of file" is its own line wherever it shows: always a start.
    if (text[candidates[k]] === '\\') {
      ways[k] = taken;
      continue;
    }
    const row = ways[k + 1].slice();
    const [dOld, dNew] = delta(k);
    for (let o = dOld; o <= oldLines; o++) {
      for (let n = dNew; n <= newLines; n++) {
        const t = taken[(o - dOld) * width + (n - dNew)];
        if (t !== 0) row[o * width + n] = Math.min(2, row[o * width + n] + t);
      }
    }
    ways[k] = row;
  }
  const total = ways[0][oldLines * width + newLines];
  if (total !== 1) return { starts: undefined, ways: total };
  // Walk the single split back out.
  const starts: number[] = [];
  let o = oldLines;
  let n = newLines;
  for (let k = 0; k < count && (o > 0 || n > 0); ) {
    const [dOld, dNew] = delta(k);
    if (text[candidates[k]] === '\\') {
      starts.push(candidates[k]);
      k = after[k];
      continue;
    }
    if (o >= dOld && n >= dNew && ways[after[k]][(o - dOld) * width + (n - dNew)] === 1 && ways[k + 1][o * width + n] === 0) {
      starts.push(candidates[k]);
      o -= dOld;
      n -= dNew;
      k = after[k];
    } else k++;
  }
  return { starts, ways: 1 };
}

/** Cut points (offsets where a new line starts, the space before it dropped) found by a pattern. */
function tokenStarts(text: string, pattern: RegExp, from: number, to: number): number[] {
  const out: number[] = [];
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m !== null && m.index < to; m = pattern.exec(text)) {
    out.push(m.index + (m[0].startsWith(' ') ? 1 : 0));
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return out;
}

/**
 * The mail's lines with any collapsed line split back where the tokens allow, or undefined when
 * no line is collapsed.
 */
export function splitCollapsedLines(lines: readonly SourceLine[], diagnostics: Diagnostics, longest = Infinity): SourceLine[] | undefined {
  // `longest`: no line is longer (DocumentLines.longest), so a document of short lines is not searched.
  if (longest < MIN_COLLAPSED_LENGTH || !lines.some((l) => looksCollapsed(l.text))) return undefined;
  const out: SourceLine[] = [];
  for (const line of lines) {
    // A loop, not push(...): one collapsed megabyte may split into more lines than the argument stack holds.
    if (looksCollapsed(line.text)) for (const split of splitLine(line, diagnostics)) out.push(split);
    else out.push(line);
  }
  return out;
}

function splitLine(line: SourceLine, diagnostics: Diagnostics): SourceLine[] {
  const text = line.text;
  const firstFile = text.search(/ (?:diff --git |Index: |--- \S)/);
  const diffFrom = firstFile < 0 ? text.search(/@@ -\d/) : firstFile;
  const cuts = new Set<number>();
  // Header fields and the "---" before the diffstat, ahead of the diff.
  for (const at of tokenStarts(text, HEADER_LABEL, 0, diffFrom)) if (at > 0) cuts.add(at);
  const separator = text.slice(0, diffFrom).search(/ --- (?=\S+ +\| +\d)/);
  if (separator >= 0) {
    cuts.add(separator + 1);
    cuts.add(separator + 5);
  }
  for (const at of tokenStarts(text, FILE_TOKEN, Math.max(0, diffFrom), text.length)) cuts.add(at);
  // Hunk headers, and the lines of each hunk where its counts allow a single split.
  const hunkHeaders: { at: number; end: number; oldLines: number; newLines: number }[] = [];
  HUNK_TOKEN.lastIndex = 0;
  for (let m = HUNK_TOKEN.exec(text); m !== null; m = HUNK_TOKEN.exec(text)) {
    const at = m.index + (m[0].startsWith(' ') ? 1 : 0);
    const parsed = HUNK_HEADER.exec(m[1]);
    if (!parsed) continue;
    hunkHeaders.push({ at, end: at + m[1].length, oldLines: parsed[2] === undefined ? 1 : Number(parsed[2]), newLines: parsed[4] === undefined ? 1 : Number(parsed[4]) });
    cuts.add(at);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const nextCut = (after: number) => sorted.find((c) => c > after) ?? text.length;
  let recovered = 0;
  const unsplit: { at: number; header: string; ways: number }[] = [];
  const unsplitBodies: { from: number; to: number }[] = [];
  for (const hunk of hunkHeaders) {
    const to = nextCut(hunk.at);
    const body = text.slice(hunk.end, to);
    const split = splitHunkText(body, hunk.oldLines, hunk.newLines);
    if (split.starts !== undefined) {
      recovered++;
      // The section runs to the first line; each line starts after the space its break became.
      for (const start of split.starts) cuts.add(hunk.end + start);
    } else {
      unsplit.push({ at: hunk.at, header: text.slice(hunk.at, hunk.end), ways: split.ways });
      // Keep the header's own line short: the unsplit lines are set aside, not read as a section.
      const section = body.search(/ [ +-]/);
      const bodyFrom = hunk.end + (section < 0 ? body.length : section + 1);
      cuts.add(bodyFrom);
      unsplitBodies.push({ from: bodyFrom, to });
    }
  }
  const points = [0, ...[...cuts].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b), text.length];
  const pieces: SourceLine[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    // The space a lost line break became is not part of the line before it.
    let to = points[i + 1];
    if (to < text.length && text.charCodeAt(to - 1) === 32) to--;
    if (to <= from && i + 2 < points.length) continue;
    const piece = sliceLine(line, from, Math.max(from, to));
    const setAside = unsplitBodies.some((b) => from >= b.from && from < b.to);
    pieces.push(setAside ? withFlags(piece, { marker: 'interruption' }) : piece);
  }
  const files = tokenStarts(text, / (?=diff --git \S|Index: \S)/g, 0, text.length).length;
  diagnostics.problem('error', 'collapsed-line-breaks', rangeOf(line),
    `line breaks lost: ${text.length} characters of a mail run on one line (${files} file${files === 1 ? '' : 's'}, ${hunkHeaders.length} hunk${hunkHeaders.length === 1 ? '' : 's'}); `
    + 'header fields, file and hunk headers were split back at their tokens'
    + (hunkHeaders.length > 0 ? `, and the lines of ${recovered} of ${hunkHeaders.length} hunks where their counts admit one split` : '')
    + '; where a header field ends and the next text begins (the subject and the message, the diffstat entries) cannot be told');
  for (const hunk of unsplit) {
    diagnostics.problem('error', 'collapsed-hunk-lines', rangeOf(line, hunk.at, hunk.at + hunk.header.length),
      `the lines of hunk ${hunk.header} cannot be split back: ${hunk.ways === 0 ? 'no split' : 'more than one split'} of its text fits its counts`);
  }
  return pieces;
}
