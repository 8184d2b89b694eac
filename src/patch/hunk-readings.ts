// The ways of reading a hunk's lines against its @@ counts (hunks.ts turns the chosen reading into
// DiffLines and repairs). A clean hunk is read exactly, as git reads it. A damaged copy is
// searched: each blank line may be a blank context line that lost its space or the archive's own,
// and the cheapest reading whose counts reconcile wins. Costs are what a reviewer would bet on:
// a blank line next to a code fence is the page's, a second blank context line in a row is rare
// in kernel code (checkpatch), and a reading that strands hunk lines before the next hunk loses
// them. Without a reconciling reading, lines are taken in order until the counts are met.
import { AscendingIndices } from './index-runs';
import { isHunkStop } from './line-kinds';
import type { SourceLine } from './positions';

/** What an @@ line says (hunks.ts parses it). */
export interface HunkHeader {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  readonly section: string;
}

export const enum Kind {
  Marker,
  /** A quoted reply's "[...]": lines were left out here. */
  Cut,
  Diff,
  Blank,
  Unprefixed,
  Stop,
  End,
}

/** What a blank line costs to read as blank context, or to drop as the archive's. */
export interface BlankCost {
  readonly take: number;
  readonly skip: number;
  readonly why: string;
}

const UNPREFIXED_COST_LENIENT = 1;
const UNPREFIXED_COST_STRICT = 4;
const RESTORE_COST = 2;
const MAX_RESTORED = 2;
/** checkpatch: "Blank lines aren't necessary before a close brace '}'". */
const BLANK_BEFORE_BRACE_COST = 3;
/** checkpatch: "Please don't use multiple blank lines": a second blank context line in a row. */
const MULTIPLE_BLANKS_COST = 6;
/** Ending a hunk right before another prefixed line is possible but unlikely. */
const END_BEFORE_DIFF_COST = 3;
/**
 * Each prefixed line a reading would leave stranded after the hunk. git stops reading a file's
 * hunks at the first line after a hunk that is not a hunk header, so stranded lines are lost; a
 * stranded line costs more than dropping a blank line, which is how a page that put blank lines
 * between the patch's lines (an archive without code fences) gets them all back.
 */
const STRANDED_LINE_COST = 10;
const STATE_BUDGET = 200_000;

export function classify(lines: readonly SourceLine[], i: number): Kind {
  if (i >= lines.length) return Kind.End;
  const line = lines[i];
  if (line.marker !== undefined) return line.marker === 'cut' ? Kind.Cut : Kind.Marker;
  const text = line.text;
  if (text.length === 0) return Kind.Blank;
  const first = text[0];
  if (first === '+' || first === '-' || first === '\\') return isHunkStop(lines, i) ? Kind.Stop : Kind.Diff;
  if (first === ' ') return Kind.Diff;
  if (text.trim() === '') return Kind.Blank;
  if (first === '@' || first === 'd' || first === 'I' || first === '=') return isHunkStop(lines, i) ? Kind.Stop : Kind.Unprefixed;
  return Kind.Unprefixed;
}

const BETWEEN_BLOCKS: BlankCost = { take: 4, skip: 0, why: 'it lies between two code blocks of the archive' };
const AFTER_FENCE: BlankCost = { take: 2, skip: 0, why: 'the archive puts a blank line after a code fence opens' };
const BEFORE_FENCE: BlankCost = { take: 0, skip: 0, why: 'it sits just before a code fence of the archive' };
const BESIDE_REPLY: BlankCost = { take: 0, skip: 0, why: 'it borders the reply text between quoted lines' };
const INSIDE_LENIENT: BlankCost = { take: 0, skip: 5, why: 'blank lines inside a hunk are context' };
const INSIDE_STRICT: BlankCost = { take: 0, skip: Infinity, why: 'blank lines inside a hunk are context' };
const SPACING: BlankCost = { take: 4, skip: 0, why: 'the page puts a blank line after every line' };

export function blankCost(lines: readonly SourceLine[], i: number, lenient: boolean, doubleSpaced = false): BlankCost {
  const line = lines[i];
  if (line.inFence === false) return BETWEEN_BLOCKS;
  const prev = lines[i - 1];
  const next = lines[i + 1];
  // A double-spaced copy writes a blank context line as three blanks: the spacing after the line
  // before, the line, its own spacing. The blanks at either end of a run are spacing.
  if (doubleSpaced && (hasText(prev) || hasText(next))) return SPACING;
  if (line.inFence === true && prev?.marker === 'fence') return AFTER_FENCE;
  if (line.inFence === true && next?.marker === 'fence') return BEFORE_FENCE;
  if (prev?.marker === 'interruption' || next?.marker === 'interruption') return BESIDE_REPLY;
  return lenient ? INSIDE_LENIENT : INSIDE_STRICT;
}

function hasText(line: SourceLine | undefined): boolean {
  return line !== undefined && line.marker === undefined && line.text.length > 0 && (line.text.length > 100_000 || line.text.trim() !== '');
}

function isClosingBrace(text: string): boolean {
  return text.trim() === '}';
}

interface Decision {
  readonly prev: Decision | undefined;
  readonly index: number;
  readonly take: boolean;
}

interface State {
  readonly cost: number;
  readonly taken: number;
  readonly blankLast: boolean;
  readonly decisions: Decision | undefined;
}

export interface Reading {
  readonly end: number;
  readonly restored: number;
  /**
   * The indices of the blank lines read as blank context; every other blank line before `end`
   * is the archive's. As runs: a hostile hunk has millions of them, one after the other.
   */
  readonly blankTaken: AscendingIndices;
  /** For an exact reading: its '+' and '-' lines. */
  readonly added?: number;
  readonly removed?: number;
}

/**
 * The cheapest reading whose counts reconcile with the header, or undefined. A cut ends the
 * search; as an `excerpt` the reading instead runs across cuts to the next hunk, and any counts
 * within the header's reconcile.
 */
export function findReading(lines: readonly SourceLine[], start: number, header: HunkHeader, lenient: boolean, doubleSpaced: boolean, excerpt = false): Reading | undefined {
  let states = new Map<number, State>([[0, { cost: 0, taken: 0, blankLast: false, decisions: undefined }]]);
  let oldDefinite = 0;
  let newDefinite = 0;
  // A clean mail loses at most its very last blank line (a client trimming the end of the text).
  const maxRestored = lenient ? MAX_RESTORED : 1;
  let best: { cost: number; end: number; restored: number; state: State } | undefined;
  let work = 0;
  const scanLimit = start + Math.min(header.oldLines + header.newLines, 10_000_000) * 3 + 200;
  if (!excerpt && !countsReachable(lines, start, scanLimit, header, maxRestored)) return undefined;
  // A lost trailing blank line can only be restored where the hunk's content has run out: the
  // next line with text is the next hunk or file, the end, or page text outside the code block.
  let contentAhead = -1;
  const restoreAllowed = (i: number): boolean => {
    if (contentAhead < i) {
      contentAhead = i;
      while (classify(lines, contentAhead) === Kind.Marker || classify(lines, contentAhead) === Kind.Blank) contentAhead++;
    }
    const kind = classify(lines, contentAhead);
    return kind === Kind.Stop || kind === Kind.End || (kind === Kind.Unprefixed && lines[contentAhead].inFence === false);
  };
  // The hunk lines an ending at i would strand: prefixed lines up to the next hunk, file or page
  // text, and in an archive's text also unprefixed lines when they run on to the next hunk or file
  // (context that lost its indentation). Counted once per run of such lines, as suffix sums.
  let run: { start: number; counts: Int32Array } | undefined;
  const strandedFrom = (i: number): number => {
    if (run === undefined || i < run.start || i >= run.start + run.counts.length - 1) run = strandedRun(lines, i, scanLimit, lenient);
    return run.counts[i - run.start];
  };
  for (let i = start; ; i++) {
    const kind = i >= scanLimit ? Kind.End : classify(lines, i);
    const isBackslash = kind === Kind.Diff && lines[i].text[0] === '\\';
    if (excerpt) {
      if (kind === Kind.End || kind === Kind.Stop) {
        for (const state of states.values()) if (best === undefined || state.cost < best.cost) best = { cost: state.cost, end: i, restored: 0, state };
      }
    } else if (!isBackslash && !(kind === Kind.Blank && backslashAhead(lines, i))) {
      let cheapest = Infinity;
      for (const state of states.values()) {
        cheapest = Math.min(cheapest, state.cost);
        const restored = header.oldLines - (oldDefinite + state.taken);
        if (restored !== header.newLines - (newDefinite + state.taken) || restored < 0 || restored > maxRestored) continue;
        if (restored > 0 && !restoreAllowed(i)) continue;
        const strands = kind === Kind.Stop || kind === Kind.End ? 0 : strandedFrom(i);
        const cost = state.cost + restored * RESTORE_COST + (strands > 0 ? END_BEFORE_DIFF_COST + STRANDED_LINE_COST * strands : 0);
        if (best === undefined || cost < best.cost) best = { cost, end: i, restored, state };
      }
      // Costs only grow: once the best ending is no dearer than every live reading, it wins.
      if (best !== undefined && best.cost <= cheapest) break;
    }
    if (kind === Kind.End || kind === Kind.Stop || (kind === Kind.Cut && !excerpt)) break;
    if (kind === Kind.Marker || kind === Kind.Cut) continue;
    const next = new Map<number, State>();
    const put = (state: State) => {
      if (oldDefinite + state.taken > header.oldLines || newDefinite + state.taken > header.newLines) return;
      const key = state.taken * 2 + (state.blankLast ? 1 : 0);
      const existing = next.get(key);
      if (existing === undefined || state.cost < existing.cost) next.set(key, state);
    };
    const text = lines[i].text;
    if (kind === Kind.Blank) {
      const cost = blankCost(lines, i, lenient, doubleSpaced);
      for (const state of states.values()) {
        const second = state.blankLast ? MULTIPLE_BLANKS_COST : 0;
        put({ cost: state.cost + cost.take + second, taken: state.taken + 1, blankLast: true, decisions: { prev: state.decisions, index: i, take: true } });
        if (Number.isFinite(cost.skip)) {
          put({ cost: state.cost + cost.skip, taken: state.taken, blankLast: state.blankLast, decisions: { prev: state.decisions, index: i, take: false } });
        }
      }
    } else {
      const prefix = kind === Kind.Unprefixed ? ' ' : text[0];
      if (prefix === '+' || prefix === ' ') newDefinite++;
      if (prefix === '-' || prefix === ' ') oldDefinite++;
      const extra = kind === Kind.Unprefixed ? (lenient ? UNPREFIXED_COST_LENIENT : UNPREFIXED_COST_STRICT) : 0;
      const braceContext = prefix === ' ' && isClosingBrace(kind === Kind.Unprefixed ? text : text.slice(1));
      const emptyContext = kind === Kind.Diff && prefix === ' ' && text.length <= 100_000 && text.trim() === '';
      for (const state of states.values()) {
        const penalty = braceContext && state.blankLast ? BLANK_BEFORE_BRACE_COST : 0;
        put({ cost: state.cost + extra + penalty, taken: state.taken, blankLast: emptyContext, decisions: state.decisions });
      }
    }
    states = next;
    work += states.size;
    if (states.size === 0 || work > STATE_BUDGET) break;
  }
  if (best === undefined) return undefined;
  const descending: number[] = [];
  for (let d = best.state.decisions; d !== undefined; d = d.prev) if (d.take) descending.push(d.index);
  return { end: best.end, restored: best.restored, blankTaken: AscendingIndices.fromDescending(descending) };
}

/**
 * Whether the lines the search would visit could add up to the header's counts at all: each
 * adds at most one old and one new line, and the end may restore `maxRestored`. When they cannot
 * (a header counting a billion lines), no reading reconciles, and the search over every way to
 * read their blank lines is skipped rather than run until its budget is spent.
 */
function countsReachable(lines: readonly SourceLine[], start: number, scanLimit: number, header: HunkHeader, maxRestored: number): boolean {
  const needed = Math.max(header.oldLines, header.newLines) - maxRestored;
  let counted = 0;
  for (let i = start; i < scanLimit && counted < needed; i++) {
    const kind = classify(lines, i);
    if (kind === Kind.End || kind === Kind.Stop || kind === Kind.Cut) break;
    if (kind !== Kind.Marker) counted++;
  }
  return counted >= needed;
}

/** Whether blank or marker lines from i lead to a "\\ No newline" line, which ends with its hunk. */
function backslashAhead(lines: readonly SourceLine[], i: number): boolean {
  for (let j = i; j < lines.length && j < i + 8; j++) {
    const kind = classify(lines, j);
    if (kind === Kind.Diff) return lines[j].text[0] === '\\';
    if (kind !== Kind.Blank && kind !== Kind.Marker) return false;
  }
  return false;
}

/**
 * Suffix counts of stranded lines over the run of hunk-like lines that starts at `from`:
 * counts[k] is what an ending at from + k would strand (the last entry, 0, is the run's end).
 */
function strandedRun(lines: readonly SourceLine[], from: number, limit: number, lenient: boolean): { start: number; counts: Int32Array } {
  let end = from;
  let unprefixed = false;
  for (; end < limit; end++) {
    const kind = classify(lines, end);
    if (kind === Kind.Unprefixed && lenient) unprefixed = true;
    else if (kind !== Kind.Diff && kind !== Kind.Blank && kind !== Kind.Marker) break;
  }
  // Unprefixed text is context stranded only when the next hunk or file follows it; before the
  // end of the page or other text it may be the page's own.
  const countUnprefixed = unprefixed && end < limit && classify(lines, end) === Kind.Stop;
  const counts = new Int32Array(end - from + 1);
  for (let j = end - 1; j >= from; j--) {
    const kind = classify(lines, j);
    const counted = (kind === Kind.Diff && lines[j].text[0] !== '\\') || (kind === Kind.Unprefixed && countUnprefixed);
    counts[j - from] = counts[j - from + 1] + (counted ? 1 : 0);
  }
  return { start: from, counts };
}

/** Whether the hunk's lines from `start` on reach a cut before the next hunk, file or the end. */
export function cutAhead(lines: readonly SourceLine[], start: number): boolean {
  for (let i = start; ; i++) {
    const kind = classify(lines, i);
    if (kind === Kind.Cut) return true;
    if (kind === Kind.End || kind === Kind.Stop) return false;
  }
}

/** Shared by every reading that takes no blank line: nothing is ever added to it. */
const NO_BLANKS = new AscendingIndices();

/** The clean case, read the way git reads it: prefixed lines only, until the counts are met. */
export function exactReading(lines: readonly SourceLine[], start: number, header: HunkHeader): Reading | undefined {
  let oldCount = 0;
  let newCount = 0;
  let added = 0;
  let removed = 0;
  let i = start;
  while (oldCount < header.oldLines || newCount < header.newLines) {
    if (i >= lines.length || lines[i].marker !== undefined) return undefined;
    const first = lines[i].text.charCodeAt(0);
    if (first === 43 /* + */) {
      newCount++;
      added++;
    } else if (first === 45 /* - */) {
      oldCount++;
      removed++;
    } else if (first === 32 /* space */) {
      oldCount++;
      newCount++;
    } else if (first !== 92 /* \ */) return undefined;
    if (oldCount > header.oldLines || newCount > header.newLines) return undefined;
    i++;
  }
  while (i < lines.length && lines[i].marker === undefined && lines[i].text.charCodeAt(0) === 92) i++;
  return { end: i, restored: 0, blankTaken: NO_BLANKS, added, removed };
}

/**
 * Whether the hunk from `start` shows a page that stripped indentation: a line without a prefix
 * followed, before the hunk stops, by a '+' or '-' line. Context then lost its leading space
 * throughout, including in lines after the last change.
 */
function indentationStripped(lines: readonly SourceLine[], start: number): boolean {
  let unprefixedSeen = false;
  for (let i = start; ; i++) {
    const kind = classify(lines, i);
    if (kind === Kind.End || kind === Kind.Stop) return false;
    if (kind === Kind.Unprefixed) unprefixedSeen = true;
    else if (unprefixedSeen && kind === Kind.Diff && (lines[i].text[0] === '+' || lines[i].text[0] === '-')) return true;
  }
}

/** Without a reconciling reading: take lines in order until the counts are met or the hunk stops. */
export function greedyReading(lines: readonly SourceLine[], start: number, header: HunkHeader, strictLenient: boolean, doubleSpaced: boolean): Reading & { stoppedAt: number; unprefixedAt?: number } {
  // A hunk cut short on a page that stripped indentation reads its context as a complete one would.
  const lenient = strictLenient || indentationStripped(lines, start);
  let oldCount = 0;
  let newCount = 0;
  const blankTaken = new AscendingIndices();
  let i = start;
  let unprefixedAt: number | undefined;
  for (; i < lines.length; i++) {
    if (oldCount >= header.oldLines && newCount >= header.newLines) {
      if (classify(lines, i) === Kind.Diff && lines[i].text[0] === '\\') continue;
      break;
    }
    const kind = classify(lines, i);
    if (kind === Kind.Marker || kind === Kind.Cut) continue;
    if (kind === Kind.Stop) break;
    if (kind === Kind.Blank) {
      if (blankCost(lines, i, lenient, doubleSpaced).take === 0) {
        blankTaken.add(i);
        oldCount++;
        newCount++;
      }
      continue;
    }
    if (kind === Kind.Unprefixed) {
      if (!lenient) {
        unprefixedAt = i;
        break;
      }
      oldCount++;
      newCount++;
      continue;
    }
    const prefix = lines[i].text[0];
    if (prefix === '+' || prefix === ' ') newCount++;
    if (prefix === '-' || prefix === ' ') oldCount++;
  }
  return { end: i, restored: 0, blankTaken, stoppedAt: i, unprefixedAt };
}

/**
 * A hunk with no line before the next hunk, file or the end: the reading findReading would give,
 * without its search — a trailing blank context line lost when that is all the counts miss.
 */
export function emptyReading(lines: readonly SourceLine[], start: number, header: HunkHeader, lenient: boolean): Reading | undefined {
  const kind = classify(lines, start);
  if (kind !== Kind.Stop && kind !== Kind.End) return undefined;
  const restorable = header.oldLines === header.newLines && header.oldLines <= (lenient ? MAX_RESTORED : 1);
  return { end: start, restored: restorable ? header.oldLines : 0, blankTaken: NO_BLANKS };
}
