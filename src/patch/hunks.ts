// Reads one hunk with its @@ counts as evidence. A clean hunk ends exactly where its counts are
// met. A damaged copy has lines that may or may not belong to it — blank lines next to code
// fences, context lines that lost their leading space, a trailing blank context line that was
// dropped — so the reader looks for the cheapest reading whose old/new line counts reconcile
// with the header (hunk-readings.ts), and records every decision it had to make as a Repair.
//
// A quoted reply may cut a hunk ("> [...]"). When no reading reconciles before the first cut, the
// hunk is read as an excerpt: the counts quoted need only fit within the header's. Lines before
// the first cut keep their line numbers (they count from the header); lines after it are kept
// aside in `quotedAfterCut` without numbers, because the cut hides how many lines it removed.
import type { Diagnostics } from './diagnostics';
import type { DocumentLines } from './document-lines';
import type { DiffLine, DiffLineKind, Hunk, Position } from './model';
import { ReadDiffLine } from './diff-line';
import { LineSteps } from './index-runs';
import { ReadHunk, type HunkHead } from './read-hunk';
import { scanHunkHeader } from './line-kinds';
import { blankCost, classify, cutAhead, emptyReading, exactReading, findReading, greedyReading, Kind, type BlankCost, type HunkHeader, type Reading } from './hunk-readings';
import { endOf, isDocumentLine, lineOf, positionAt, rangeOf, type SourceLine } from './positions';
import { functionFromSection } from './section';

export type { HunkHeader } from './hunk-readings';

export interface HunkOptions {
  /** The text comes from an archive or a quoted reply: unprefixed lines are expected damage. */
  readonly lenient: boolean;
  /** The patch is quoted in a reply, where quoting only part of a hunk is the normal case. */
  readonly reply?: boolean;
  /** The page was copied with a blank line after every line (ArchiveSignals.doubleSpaced). */
  readonly doubleSpaced?: boolean;
  /** The document the lines were read from: a clean hunk of its whole lines keeps only where they are. */
  readonly document?: DocumentLines;
}

export function parseHunkHeader(text: string): HunkHeader | undefined {
  if (!text.startsWith('@@ -') || text.length > 100_000) return undefined;
  const fields = scanHunkHeader(text);
  if (fields === undefined) return undefined;
  const rest = fields.rest;
  return {
    oldStart: fields.oldStart,
    oldLines: fields.oldLines,
    newStart: fields.newStart,
    newLines: fields.newLines,
    section: (rest.startsWith(' ') ? rest.slice(1) : rest).trim(),
  };
}

/** The last header's text: hostile inputs repeat one header thousands of times, each needing its name. */
let lastHeader: { oldStart: number; oldLines: number; newStart: number; newLines: number; text: string; restoredReason?: string; restoredProblem?: string } | undefined;

function headerText(header: HunkHeader): string {
  const last = lastHeader;
  if (last !== undefined && last.oldStart === header.oldStart && last.oldLines === header.oldLines && last.newStart === header.newStart && last.newLines === header.newLines) return last.text;
  const text = `@@ -${header.oldStart},${header.oldLines} +${header.newStart},${header.newLines} @@`;
  lastHeader = { oldStart: header.oldStart, oldLines: header.oldLines, newStart: header.newStart, newLines: header.newLines, text };
  return text;
}

/** The words of a restored-line repair and its warning, made once per header text. */
function restoredWords(header: HunkHeader): { reason: string; problem: string } {
  const text = headerText(header);
  const last = lastHeader!;
  last.restoredReason ??= `the header ${text} counts ${header.oldLines} old and ${header.newLines} new lines; the hunk ends one blank context line short, lost with the end of its code block`;
  last.restoredProblem ??= `the hunk ${text} ends one line short of its counts; a trailing blank context line was assumed lost and restored`;
  return { reason: last.restoredReason, problem: last.restoredProblem };
}

export interface ReadHunkResult {
  readonly hunk: Hunk;
  /** Index of the first line after the hunk. */
  readonly next: number;
}

/** Reads the hunk whose header is at lines[headerIndex]. */
export function readHunk(lines: readonly SourceLine[], headerIndex: number, header: HunkHeader, options: HunkOptions, diagnostics: Diagnostics): ReadHunkResult {
  const start = headerIndex + 1;
  // The clean case first: it needs neither the header's range nor its name.
  const exact = exactReading(lines, start, header);
  if (exact !== undefined) return { hunk: exactHunk(lines, headerIndex, header, exact, options.document), next: exact.end };
  const headerRange = rangeOf(lines[headerIndex]);
  const hunkName = headerText(header);
  const doubleSpaced = options.doubleSpaced === true;
  let reading: Reading | undefined = emptyReading(lines, start, header, options.lenient) ?? findReading(lines, start, header, options.lenient, doubleSpaced)
    ?? (cutAhead(lines, start) ? findReading(lines, start, header, options.lenient, doubleSpaced, true) : undefined);
  if (reading === undefined) {
    const greedy = greedyReading(lines, start, header, options.lenient, doubleSpaced);
    reading = greedy;
    if (greedy.unprefixedAt !== undefined) {
      const at = lines[greedy.unprefixedAt];
      diagnostics.problem('error', 'unprefixed-line', rangeOf(at),
        `line without a prefix inside a hunk: every hunk line starts with ' ', '+', '-' or '\\' (hunk ${hunkName} at line ${headerIndex + 1})`);
    }
  }
  // The lines before the first cut, as steps (the line's index and its Step): their DiffLines are
  // made when the hunk's lines are first read (deferredLines).
  const steps = new LineSteps();
  const afterCut: DiffLine[] = [];
  let cuts = 0;
  // One reason text per hunk and kind, made when first needed: a clean hunk needs none, and a
  // hostile hunk may need hundreds of thousands of repairs.
  let blankContextReason: string | undefined;
  let unprefixedReason: string | undefined;
  let droppedReasons: Map<BlankCost, string> | undefined;
  const droppedReason = (cost: BlankCost) => {
    droppedReasons ??= new Map();
    let reason = droppedReasons.get(cost);
    if (reason === undefined) {
      reason = `not a hunk line: the header ${hunkName} counts ${header.oldLines} old and ${header.newLines} new lines, and ${cost.why}`;
      droppedReasons.set(cost, reason);
    }
    return reason;
  };
  let oldLine = header.oldStart;
  let newLine = header.newStart;
  // The last document line read into the hunk, whose end is the hunk's end.
  let lastSource: SourceLine | undefined;
  let added = 0;
  let removed = 0;
  let unprefixed = 0;
  let firstUnprefixed: SourceLine | undefined;
  const emit = (kind: DiffLineKind, index: number, source: SourceLine, step: Step) => {
    if (cuts === 0) {
      steps.push(index, step);
      if (kind === ' ' || kind === '-') oldLine++;
      if (kind === ' ' || kind === '+') newLine++;
      if (kind === '+') added++;
      else if (kind === '-') removed++;
    } else afterCut.push(stepLine(kind, source, step, undefined, undefined));
    lastSource = source;
  };
  // The walk is ascending, as the set's lookups must be.
  const blankTaken = reading.blankTaken.walk();
  for (let i = start; i < reading.end; i++) {
    const kind = classify(lines, i);
    const source = lines[i];
    if (kind === Kind.Marker) continue;
    if (kind === Kind.Cut) {
      cuts++;
      continue;
    }
    if (kind === Kind.Blank) {
      if (blankTaken(i)) {
        diagnostics.repairIn('leading-whitespace', source, source.text, ' ', blankContextReason ??= `an empty line inside hunk ${hunkName} is a blank context line that lost its leading space`);
        emit(' ', i, source, Step.TakenBlank);
      } else {
        diagnostics.repairIn('archive-blank-line', source, source.text, '', droppedReason(blankCost(lines, i, options.lenient, options.doubleSpaced)));
      }
      continue;
    }
    if (kind === Kind.Unprefixed) {
      diagnostics.repairIn('leading-whitespace', source, '', ' ', unprefixedReason ??= `a context line of hunk ${hunkName} lost its leading space`, 0, 0);
      if (!options.lenient) {
        unprefixed++;
        firstUnprefixed ??= source;
      }
      emit(' ', i, source, Step.Unprefixed);
      continue;
    }
    emit(source.text[0] as DiffLineKind, i, source, Step.Prefixed);
  }
  if (firstUnprefixed !== undefined) {
    // One warning per hunk: its lines are in the repairs, each with its place.
    diagnostics.problem('warning', 'unprefixed-line', rangeOf(firstUnprefixed),
      `${unprefixed === 1 ? 'a line' : `${unprefixed} lines`} without a prefix inside hunk ${hunkName}, read as context: every hunk line starts with ' ', '+', '-' or '\\'`);
  }
  const lastEnd = lastSource === undefined ? headerRange.end : rangeOf(lastSource).end;
  for (let r = 0; r < reading.restored; r++) {
    // A point at the hunk's end, for the repair and the restored line alike (each range made when read).
    const words = restoredWords(header);
    diagnostics.repairOnLine('restored-blank-context', lastEnd.line, lastEnd.character, lastEnd.character, '', ' ', words.reason);
    oldLine++;
    newLine++;
    if (!options.lenient) diagnostics.problem('warning', 'restored-blank-context', headerRange, words.problem);
  }
  let oldSeen = oldLine - header.oldStart;
  let newSeen = newLine - header.newStart;
  for (const line of afterCut) {
    if (line.kind === ' ' || line.kind === '-') oldSeen++;
    if (line.kind === ' ' || line.kind === '+') newSeen++;
  }
  if (cuts > 0 && oldSeen <= header.oldLines && newSeen <= header.newLines) {
    diagnostics.problem('info', 'quoted-excerpt', headerRange,
      `the hunk ${hunkName} is quoted as an excerpt: ${oldSeen} of its ${header.oldLines} old and ${newSeen} of its ${header.newLines} new lines are quoted, around ${cuts} cut${cuts === 1 ? '' : 's'}`
      + (afterCut.length > 0 ? `; the ${afterCut.length} line${afterCut.length === 1 ? ' quoted after the first cut has' : 's quoted after the first cut have'} no line numbers, since the cut hides how many lines it left out` : ''));
  } else if (options.reply === true && oldSeen <= header.oldLines && newSeen <= header.newLines && (oldSeen < header.oldLines || newSeen < header.newLines)) {
    // A reviewer quotes the lines they answer and stops: an excerpt, not a damaged hunk.
    diagnostics.problem('info', 'quoted-excerpt', headerRange,
      `the hunk ${hunkName} is quoted as an excerpt: the reply quotes ${oldSeen} of its ${header.oldLines} old and ${newSeen} of its ${header.newLines} new lines`);
  } else if (oldSeen !== header.oldLines || newSeen !== header.newLines) {
    const truncated = oldSeen <= header.oldLines && newSeen <= header.newLines;
    diagnostics.problem('error', truncated ? 'truncated-hunk' : 'hunk-count-mismatch', headerRange,
      truncated
        ? `truncated hunk: the header ${hunkName} counts ${header.oldLines} old and ${header.newLines} new lines, but the hunk ends after ${oldSeen} old and ${newSeen} new`
        : `hunk counts cannot be reconciled: the header ${hunkName} counts ${header.oldLines} old and ${header.newLines} new lines, the hunk has ${oldSeen} old and ${newSeen} new`);
  }
  const made = deferredLines(lines, steps, header, reading.restored, lastEnd);
  const hunk = new ReadHunk(hunkHead(header, lineOf(lines[headerIndex])), { start: headerRange.start, end: lastEnd }, made, added, removed);
  if (afterCut.length > 0) (hunk as { quotedAfterCut?: readonly DiffLine[] }).quotedAfterCut = afterCut;
  return { hunk, next: reading.end };
}

/** How a line read before the first cut becomes its DiffLine. */
const enum Step {
  /** A diff line: its prefix is its kind, its text what follows. */
  Prefixed = 0,
  /** A context line that lost its leading space: all of it is the text. */
  Unprefixed = 1,
  /** An empty line taken as a blank context line: a point where the document line starts. */
  TakenBlank = 2,
}

function stepLine(kind: DiffLineKind, source: SourceLine, step: Step, old: number | undefined, neu: number | undefined): DiffLine {
  if (step === Step.TakenBlank) return new ReadDiffLine(' ', '', 0, source.line, source.character, undefined, old, neu, true);
  const from = step === Step.Prefixed ? 1 : 0;
  // Only a line pieced together by a repair needs its range now; a clean one computes it on demand.
  const range = source.segments === undefined ? undefined : rangeOf(source, from);
  return new ReadDiffLine(kind, source.text, from, source.line, source.character + from, range, old, neu, step === Step.Unprefixed ? true : undefined);
}

/**
 * A read hunk's DiffLines, made when first asked for: a hostile hunk of millions of repaired
 * lines then holds a few runs of steps until read (the text summary never reads them), not an
 * object per line. Restored blank context lines follow, at the hunk's end. It keeps the source lines
 * its steps span, not the whole mail's: those go once the mail is read.
 */
function deferredLines(lines: readonly SourceLine[], steps: LineSteps, header: HunkHeader, restored: number, end: Position): readonly DiffLine[] | (() => DiffLine[]) {
  // The restored lines after `made` lines, numbered on from the image lines those take.
  const withRestored = (out: DiffLine[], made: number, oldLine: number, newLine: number) => {
    for (let r = 0; r < restored; r++) out[made + r] = new ReadDiffLine(' ', '', 0, end.line, end.character, undefined, oldLine + r, newLine + r, true);
    return out;
  };
  const span = steps.span;
  // Nothing read but restored lines (an empty hunk): those few now, not a closure kept per hunk.
  if (span === undefined) return withRestored(new Array<DiffLine>(restored), 0, header.oldStart, header.newStart);
  const spanned = lines.slice(span.first, span.last + 1);
  // Made anew on each call: a hunk and its copy (withFunction) may each make their lines.
  return () => {
    const out = new Array<DiffLine>(steps.length + restored);
    let oldLine = header.oldStart;
    let newLine = header.newStart;
    let k = 0;
    steps.forEach((index, step: Step) => {
      const source = spanned[index - span.first];
      const kind = step === Step.Prefixed ? (source.text[0] as DiffLineKind) : ' ';
      const old = kind === ' ' || kind === '-' ? oldLine++ : undefined;
      const neu = kind === ' ' || kind === '+' ? newLine++ : undefined;
      out[k++] = stepLine(kind, source, step, old, neu);
    });
    return withRestored(out, k, oldLine, newLine);
  };
}

/** What a hunk takes from its header, whichever way its lines are read. */
function hunkHead(header: HunkHeader, headerLine: number): HunkHead {
  return {
    oldStart: header.oldStart,
    oldLines: header.oldLines,
    newStart: header.newStart,
    newLines: header.newLines,
    section: header.section,
    functionName: functionFromSection(header.section),
    headerLine,
  };
}

/**
 * The clean case: every line up to `end` is a prefixed diff line and the counts are met exactly,
 * so nothing needs reporting and each line's kind, text, position and image numbers follow from
 * its source line. Its DiffLines are made when `lines` is first read: a parse that only needs the
 * hunks' places (a 4 MB diff, the outline) then holds one object per hunk, not one per line.
 */
function exactHunk(lines: readonly SourceLine[], headerIndex: number, header: HunkHeader, reading: Reading, document: DocumentLines | undefined): Hunk {
  const start = headerIndex + 1;
  const end = reading.end;
  const head = hunkHead(header, lineOf(lines[headerIndex]));
  const range = { start: positionAt(lines[headerIndex], 0), end: endOf(lines[end > start ? end - 1 : headerIndex]) };
  const added = reading.added ?? 0;
  const removed = reading.removed ?? 0;
  if (document !== undefined && wholeDocumentLines(lines, start, end)) {
    return ReadHunk.clean(head, range, document, start < end ? lines[start].line : head.headerLine + 1, end - start, added, removed);
  }
  // Lines cut or decoded from the document keep their own positions: the hunk keeps those lines.
  const own = lines.slice(start, end);
  return new ReadHunk(head, range, () => exactLines(own, header.oldStart, header.newStart), added, removed);
}

/** Whether lines [start, end) are whole document lines as the document has them, each the one after the last. */
function wholeDocumentLines(lines: readonly SourceLine[], start: number, end: number): boolean {
  const first = start < end ? lines[start].line : 0;
  for (let i = start; i < end; i++) {
    const source = lines[i];
    // The same text, not only the same place: a line may have lost a CR, or a no-break space.
    if (!isDocumentLine(source) || source.line !== first + (i - start)) return false;
  }
  return true;
}

function exactLines(lines: readonly SourceLine[], oldStart: number, newStart: number): DiffLine[] {
  const out = new Array<DiffLine>(lines.length);
  let oldLine = oldStart;
  let newLine = newStart;
  for (let i = 0; i < lines.length; i++) {
    const source = lines[i];
    const kind = source.text[0] as DiffLineKind;
    const old = kind === ' ' || kind === '-' ? oldLine++ : undefined;
    const neu = kind === ' ' || kind === '+' ? newLine++ : undefined;
    out[i] = stepLine(kind, source, Step.Prefixed, old, neu);
  }
  return out;
}
