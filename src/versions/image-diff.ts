// A unified diff between two shown post-images (shown-images.ts), made with jsdiff's diffArrays.
// The images are sparse: a hunk of the result never spans a gap between two shown segments,
// since the lines in the gap are unknown and `git apply` would find them missing.
import { diffArrays } from 'diff';
import type { ImageSegment, ShownImage } from './shown-images';

export interface DiffHunk {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  /** Each line with its prefix: ' ', '-' or '+'. */
  readonly lines: readonly string[];
}

export interface FileDiff {
  readonly path: string;
  /** The file exists on that side (a file only one version patches is all added or removed). */
  readonly oldExists: boolean;
  readonly newExists: boolean;
  readonly hunks: readonly DiffHunk[];
}

export interface ImageDiffOptions {
  /** Context lines around each change (default 3, as git). */
  readonly context?: number;
  /**
   * 'own': each side keeps the line numbers its own hunks give (two versions of a patch).
   * 'from-old': the new side is numbered from the old one (an edit of the old text, whose own
   * headers may be stale): what `git apply` needs to apply the diff to the old post-image.
   */
  readonly numbering?: 'own' | 'from-old';
}

const GAP = Symbol('gap');
type Token = string | typeof GAP;

interface Op {
  readonly kind: ' ' | '-' | '+' | 'gap';
  readonly text: string;
  /** Real line numbers on each side, where the op has that side. */
  readonly oldLine?: number;
  readonly newLine?: number;
}

function tokens(segments: readonly ImageSegment[]): { tokens: Token[]; numbers: (number | undefined)[] } {
  const out: Token[] = [];
  const numbers: (number | undefined)[] = [];
  segments.forEach((segment, s) => {
    if (s > 0) {
      out.push(GAP);
      numbers.push(undefined);
    }
    segment.lines.forEach((line, i) => {
      out.push(line);
      numbers.push(segment.start + i);
    });
  });
  return { tokens: out, numbers };
}

function operations(oldImage: readonly ImageSegment[], newImage: readonly ImageSegment[]): Op[] {
  const a = tokens(oldImage);
  const b = tokens(newImage);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  for (const change of diffArrays<Token>(a.tokens, b.tokens)) {
    for (const token of change.value) {
      if (change.added) {
        ops.push(token === GAP ? { kind: 'gap', text: '' } : { kind: '+', text: token, newLine: b.numbers[j] });
        j++;
      } else if (change.removed) {
        ops.push(token === GAP ? { kind: 'gap', text: '' } : { kind: '-', text: token, oldLine: a.numbers[i] });
        i++;
      } else {
        ops.push(token === GAP ? { kind: 'gap', text: '' } : { kind: ' ', text: token, oldLine: a.numbers[i], newLine: b.numbers[j] });
        i++;
        j++;
      }
    }
  }
  return ops;
}

/** The changed stretches of one gap-free run of ops, each widened by its context. */
function groups(run: readonly Op[], context: number): Op[][] {
  const out: Op[][] = [];
  let from = -1;
  let to = -1;
  for (let k = 0; k < run.length; k++) {
    if (run[k].kind === ' ') continue;
    const start = Math.max(0, k - context);
    if (from >= 0 && start <= to + context + 1) {
      to = k;
      continue;
    }
    if (from >= 0) out.push(run.slice(from, Math.min(run.length, to + context + 1)));
    from = start;
    to = k;
  }
  if (from >= 0) out.push(run.slice(from, Math.min(run.length, to + context + 1)));
  return out;
}

/** Where a side of a hunk starts: its first line, or, for an empty side, the line it follows. */
function startOf(ops: readonly Op[], run: readonly Op[], side: 'oldLine' | 'newLine'): number {
  const first = ops.find((op) => op[side] !== undefined)?.[side];
  if (first !== undefined) return first;
  // No line on this side: the hunk inserts after the nearest line before it in the run.
  const at = run.indexOf(ops[0]);
  for (let k = at - 1; k >= 0; k--) {
    const line = run[k][side];
    if (line !== undefined) return line;
  }
  for (let k = at + ops.length; k < run.length; k++) {
    const line = run[k][side];
    if (line !== undefined) return line - 1;
  }
  return 0;
}

export function diffImages(oldImage: ShownImage | undefined, newImage: ShownImage | undefined, options: ImageDiffOptions = {}): FileDiff {
  const context = Math.max(0, Math.trunc(options.context ?? 3));
  const path = newImage?.path ?? oldImage?.path ?? '';
  const ops = operations(oldImage?.exists ? oldImage.segments : [], newImage?.exists ? newImage.segments : []);
  const runs: Op[][] = [[]];
  for (const op of ops) {
    if (op.kind === 'gap') runs.push([]);
    else runs[runs.length - 1].push(op);
  }
  const hunks: DiffHunk[] = [];
  let delta = 0;
  for (const run of runs) {
    for (const group of groups(run, context)) {
      const oldLines = group.filter((op) => op.kind !== '+').length;
      const newLines = group.filter((op) => op.kind !== '-').length;
      const oldStart = startOf(group, run, 'oldLine');
      const newStart = options.numbering === 'from-old'
        ? fromOld(oldStart, oldLines, newLines, delta)
        : startOf(group, run, 'newLine');
      hunks.push({ oldStart, oldLines, newStart, newLines, lines: group.map((op) => `${op.kind}${op.text}`) });
      delta += newLines - oldLines;
    }
  }
  return { path, oldExists: oldImage?.exists ?? false, newExists: newImage?.exists ?? false, hunks };
}

/** The new side's start when the new image is the old one edited (unified diff's conventions for empty sides). */
function fromOld(oldStart: number, oldLines: number, newLines: number, delta: number): number {
  if (newLines === 0) return oldStart + delta - (oldLines === 0 ? 0 : 1);
  if (oldLines === 0) return oldStart + delta + 1;
  return oldStart + delta;
}

/** `-5,3`: the count left out when it is 1, as git writes it. */
function range(start: number, lines: number): string {
  return lines === 1 ? `${start}` : `${start},${lines}`;
}

export function hunkHeader(hunk: DiffHunk): string {
  return `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`;
}

/** The git-style text of one file's diff, or '' when nothing changed. */
export function formatFileDiff(diff: FileDiff): string {
  if (diff.hunks.length === 0) return '';
  const lines = [
    `diff --git a/${diff.path} b/${diff.path}`,
    ...(diff.oldExists ? [] : ['new file mode 100644']),
    ...(diff.newExists ? [] : ['deleted file mode 100644']),
    `--- ${diff.oldExists ? `a/${diff.path}` : '/dev/null'}`,
    `+++ ${diff.newExists ? `b/${diff.path}` : '/dev/null'}`,
  ];
  for (const hunk of diff.hunks) lines.push(hunkHeader(hunk), ...hunk.lines);
  return `${lines.join('\n')}\n`;
}
