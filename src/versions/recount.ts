// Recounts the @@ headers an edit left stale. The counts of the patch as sent are the evidence
// (its parser already reconciled them with an archive copy's damage); the edit's own added and
// removed lines change them by their prefixes. Reading the edited text alone would not do: a
// damaged archive copy has lines without prefixes that only the sent counts explain.
import { diffArrays } from 'diff';
import type { DiffLineKind, Hunk, Patch } from '../patch/model';
import { HUNK_HEADER } from '../patch/line-kinds';

export interface HeaderEdit {
  /** 0-based line of the header in the edited text. */
  readonly line: number;
  readonly before: string;
  readonly after: string;
}

interface Counts {
  old: number;
  new: number;
}

/** What a line with this prefix adds to a hunk's counts. */
function weight(kind: DiffLineKind | string | undefined): Counts {
  if (kind === '+') return { old: 0, new: 1 };
  if (kind === '-') return { old: 1, new: 0 };
  if (kind === ' ' || kind === '') return { old: 1, new: 1 };
  return { old: 0, new: 0 };
}

/**
 * The header edits that make the edited text's hunk counts agree with its lines again. A header
 * the reviewer changed is theirs and left alone; a hunk whose header the edit removed is skipped.
 */
export function recountEditedHeaders(sentText: string, sent: Patch, editedText: string): HeaderEdit[] {
  const sentLines = sentText.split(/\r?\n/);
  const editedLines = editedText.split(/\r?\n/);
  // For each sent line, its edited line (undefined when the edit removed it); inserted edited lines by position.
  const toEdited: (number | undefined)[] = new Array(sentLines.length).fill(undefined);
  const inserted = new Set<number>();
  let i = 0;
  let j = 0;
  for (const change of diffArrays(sentLines, editedLines)) {
    for (let k = 0; k < change.value.length; k++) {
      if (change.added) inserted.add(j++);
      else if (change.removed) i++;
      else toEdited[i++] = j++;
    }
  }
  const kindAt = new Map<number, DiffLineKind>();
  for (const mail of sent.mails) for (const file of mail.files) for (const hunk of file.hunks) for (const line of hunk.lines) if (!kindAt.has(line.line)) kindAt.set(line.line, line.kind);

  const edits: HeaderEdit[] = [];
  for (const mail of sent.mails) {
    for (const file of mail.files) {
      let shift = 0;
      for (const hunk of file.hunks) {
        const headerLine = toEdited[hunk.headerLine] ?? rewrittenHeader(hunk, toEdited, inserted, editedLines);
        if (headerLine === undefined) continue;
        const match = HUNK_HEADER.exec(editedLines[headerLine]);
        if (!match) continue;
        const counts = countsAfterEdit(hunk, headerLine, sentLines.length, toEdited, inserted, editedLines, kindAt);
        const newStart = hunk.newStart + shift;
        // Later hunks move whoever wrote this header (a header recounted before reads as changed too).
        shift += (counts.new - hunk.newLines) - (counts.old - hunk.oldLines);
        const after = `@@ -${hunk.oldStart},${counts.old} +${newStart},${counts.new} @@${match[5]}`;
        const untouched = editedLines[headerLine] === sentLines[hunk.headerLine];
        if (untouched && after !== editedLines[headerLine]) edits.push({ line: headerLine, before: editedLines[headerLine], after });
      }
    }
  }
  return edits;
}

/** Where a header the reviewer rewrote now sits: an inserted @@ line with the same old start, in the sent header's place. */
function rewrittenHeader(hunk: Hunk, toEdited: readonly (number | undefined)[], inserted: ReadonlySet<number>, editedLines: readonly string[]): number | undefined {
  let before = hunk.headerLine - 1;
  while (before >= 0 && toEdited[before] === undefined) before--;
  for (let line = (before >= 0 ? (toEdited[before] ?? -1) : -1) + 1; inserted.has(line); line++) {
    const match = HUNK_HEADER.exec(editedLines[line]);
    if (match && Number(match[1]) === hunk.oldStart) return line;
  }
  return undefined;
}

function countsAfterEdit(
  hunk: Hunk, editedHeaderLine: number, sentLength: number, toEdited: readonly (number | undefined)[], inserted: ReadonlySet<number>,
  editedLines: readonly string[], kindAt: ReadonlyMap<number, DiffLineKind>,
): Counts {
  const counts: Counts = { old: hunk.oldLines, new: hunk.newLines };
  const last = hunk.range.end.character === 0 ? hunk.range.end.line - 1 : hunk.range.end.line;
  const add = (w: Counts, sign: number) => {
    counts.old += sign * w.old;
    counts.new += sign * w.new;
  };
  // Sent lines the edit removed, each by what the sent parse read it as.
  for (let line = hunk.headerLine + 1; line <= last && line < sentLength; line++) {
    if (toEdited[line] === undefined && kindAt.has(line)) add(weight(kindAt.get(line)), -1);
  }
  // Edited lines inserted inside the hunk, or just after its last line when they carry a diff prefix.
  const from = editedHeaderLine;
  let to = editedLines.length;
  for (let line = last; line >= hunk.headerLine; line--) {
    const mapped = toEdited[line];
    if (mapped !== undefined) {
      to = mapped;
      break;
    }
  }
  for (let line = from + 1; line < editedLines.length; line++) {
    if (!inserted.has(line)) {
      if (line > to) break;
      continue;
    }
    const prefix = editedLines[line].charAt(0);
    if (line > to && prefix !== '+' && prefix !== '-') break;
    add(weight(prefix === '' || '+- '.includes(prefix) ? prefix : undefined), 1);
  }
  return counts;
}

/** The edited text with the edits applied (each on its own header line). */
export function applyHeaderEdits(text: string, edits: readonly HeaderEdit[]): string {
  if (edits.length === 0) return text;
  const lines = text.split('\n');
  for (const edit of edits) {
    const old = lines[edit.line];
    if (old === undefined) continue;
    lines[edit.line] = old.endsWith('\r') ? `${edit.after}\r` : edit.after;
  }
  return lines.join('\n');
}
