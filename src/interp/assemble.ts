// The seams: where the patch's text takes over from the model. For each function the patch shows
// in a variant's image, the hunks' lines of that function are laid over the model's skeleton
// (skeletons.ts): each hunk's part replaces the skeleton lines from the first to the last line it
// anchors (a patch line the mapping places on a model statement), widened over the structural
// lines (`}`, `} else {`, `{`) the patch also shows at its edges, and over the whole function when
// the hunk shows its head or its closing brace. What is left of the skeleton is the model's part.
// A function the model has no skeleton for must be shown whole.
import { FunctionText, type TextLine } from '../c/function-text';
import type { LineMapping, PatchMapping } from '../mapping/map-patch';
import type { Variant } from '../kernel/statements';
import type { DiffLine, Patch } from '../patch/model';
import { skeletonOf, type Skeleton } from './skeletons';
import type { Problem } from './problems';

export interface AssembledFunction {
  readonly text: FunctionText;
  /** The skeleton whose placeholders the text may contain (undefined: all from the patch). */
  readonly skeleton?: Skeleton;
}

export interface Assembly {
  readonly functions: readonly AssembledFunction[];
  readonly problems: readonly Problem[];
}

interface Portion {
  readonly fn: string;
  readonly lines: DiffLine[];
  readonly startsHere: boolean;
  endsHere: boolean;
}

function inImage(kind: DiffLine['kind'], variant: Variant): boolean {
  return kind === ' ' || (variant === 'baseline' ? kind === '-' : kind === '+');
}

function isCFile(path: string): boolean {
  return /\.[ch]$/.test(path);
}

/** The text a structural match compares: comments and all whitespace removed. */
function structureKey(text: string): string {
  return text.replace(/\/\*.*?\*\//g, '').replace(/\/\/.*$/, '').replace(/\s+/g, '');
}

/** Lines whose text is all comment or blank (or inside a comment block: they start with `*`). */
function isNoise(text: string): boolean {
  const key = structureKey(text);
  return key === '' || key.startsWith('*') || key.startsWith('/*');
}

export function assemble(patch: Patch, mapping: PatchMapping, variant: Variant): Assembly {
  // The mapping lists every hunk line of every file in order; a repaired line can share its
  // document line with another, so lines are paired by position, not by document line.
  const byLine = new Map<DiffLine, LineMapping>();
  for (const fileMapping of mapping.files) {
    const file = patch.mails[fileMapping.mail]?.files[fileMapping.file];
    const lines = file?.hunks.flatMap((h) => h.lines) ?? [];
    lines.forEach((line, i) => {
      const mapped = fileMapping.lines[i];
      if (mapped !== undefined) byLine.set(line, mapped);
    });
  }
  const portions = new Map<string, Portion[]>();
  const order: string[] = [];
  for (const mail of patch.mails) {
    for (const file of mail.files) {
      if (!isCFile(file.newPath) && !isCFile(file.oldPath)) continue;
      for (const hunk of file.hunks) {
        const lines = hunk.lines.filter((l) => l.kind !== '\\' && inImage(l.kind, variant));
        let current: Portion | undefined;
        lines.forEach((line, i) => {
          const fn = byLine.get(line)?.fn;
          if (fn === undefined) {
            if (current) current.endsHere = true;
            current = undefined;
            return;
          }
          if (current === undefined || current.fn !== fn) {
            if (current) current.endsHere = true;
            current = { fn, lines: [], startsHere: i > 0, endsHere: false };
            if (!portions.has(fn)) {
              portions.set(fn, []);
              order.push(fn);
            }
            (portions.get(fn) as Portion[]).push(current);
          }
          current.lines.push(line);
        });
      }
    }
  }
  const functions: AssembledFunction[] = [];
  const problems: Problem[] = [];
  for (const fn of order) {
    const parts = portions.get(fn) as Portion[];
    if (!parts.some((p) => p.lines.some((l) => !isNoise(l.text)))) continue;
    const skeleton = skeletonOf(fn, variant);
    if (skeleton === undefined) {
      // Not modelled: it runs only when shown whole; shown in part, a call to it is refused.
      const code = parts.filter((p) => p.lines.some((l) => !isNoise(l.text)));
      if (code.length === 1 && code[0].startsHere && code[0].endsHere) {
        functions.push({ text: new FunctionText(fn, code[0].lines.map((l) => patchLine(l, byLine, variant))) });
      }
      continue;
    }
    const merged = overlay(fn, skeleton, parts, byLine, variant, problems);
    if (merged) functions.push({ text: merged, skeleton });
  }
  return { functions, problems };
}

function patchLine(line: DiffLine, byLine: ReadonlyMap<DiffLine, LineMapping>, variant: Variant): TextLine {
  const statementIds = byLine.get(line)?.steps[variant] ?? [];
  return { text: line.text, origin: { from: 'patch', docLine: line.line, docColumn: line.range.start.character, statementIds } };
}

function overlay(
  fn: string, skeleton: Skeleton, parts: readonly Portion[], byLine: ReadonlyMap<DiffLine, LineMapping>, variant: Variant, problems: Problem[],
): FunctionText | undefined {
  const indexOfId = new Map<string, number>();
  skeleton.lines.forEach((line, i) => line.ids.forEach((id) => indexOfId.set(id, i)));
  const last = skeleton.lines.length - 1;
  const ranges: { from: number; to: number; lines: readonly DiffLine[] }[] = [];
  for (const part of parts) {
    const candidates: { at: number; index: number }[] = [];
    part.lines.forEach((line, at) => {
      for (const id of byLine.get(line)?.steps[variant] ?? []) {
        const index = indexOfId.get(id);
        if (index !== undefined) {
          candidates.push({ at, index });
          break;
        }
      }
    });
    const anchors = increasingRun(candidates);
    if (anchors.length === 0 && !part.startsHere && !part.endsHere) {
      const code = part.lines.find((l) => !isNoise(l.text));
      if (code === undefined) continue;
      problems.push({
        line: code.line, column: code.range.start.character,
        message: `cannot place this hunk's lines of ${fn}: none of them matches a statement of the model to anchor it`,
      });
      return undefined;
    }
    let from = part.startsHere ? 0 : Math.min(...anchors.map((a) => a.index));
    let to = part.endsHere ? last : Math.max(...anchors.map((a) => a.index));
    if (!part.startsHere) {
      const first = anchors[0].at;
      for (let j = first - 1; j >= 0 && from > 0; j--) {
        const text = part.lines[j].text;
        if (isNoise(text)) continue;
        const previous = skeleton.lines[from - 1];
        if (previous.ids.length > 0 || structureKey(previous.text) !== structureKey(text)) break;
        from--;
      }
    }
    if (!part.endsHere) {
      const lastAt = anchors[anchors.length - 1].at;
      for (let j = lastAt + 1; j < part.lines.length && to < last; j++) {
        const text = part.lines[j].text;
        if (isNoise(text)) continue;
        const next = skeleton.lines[to + 1];
        if (next.ids.length > 0 || structureKey(next.text) !== structureKey(text)) break;
        to++;
      }
    }
    const previous = ranges[ranges.length - 1];
    if (previous !== undefined && from <= previous.to) {
      const line = part.lines[0];
      problems.push({
        line: line.line, column: line.range.start.character,
        message: `cannot place this hunk's lines of ${fn}: they overlap the previous hunk's in the model's order`,
      });
      return undefined;
    }
    ranges.push({ from, to, lines: part.lines });
  }
  const lines: TextLine[] = [];
  let next = 0;
  for (const range of ranges) {
    for (; next < range.from; next++) lines.push(modelLine(skeleton, next));
    // A loop, not push(...): a hostile hunk's million lines overflow the argument stack.
    for (const l of range.lines) lines.push(patchLine(l, byLine, variant));
    next = range.to + 1;
  }
  for (; next <= last; next++) lines.push(modelLine(skeleton, next));
  return new FunctionText(fn, lines);
}

/**
 * The longest run of anchors in increasing model order: an edited line that matches a statement
 * elsewhere in the function (`goto out;` written where `goto out_free;` was) is not an anchor.
 */
function increasingRun(anchors: readonly { at: number; index: number }[]): { at: number; index: number }[] {
  const length = anchors.map(() => 1);
  const previous = anchors.map(() => -1);
  let best = -1;
  anchors.forEach((a, i) => {
    for (let j = 0; j < i; j++) {
      if (anchors[j].index < a.index && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    }
    if (best < 0 || length[i] > length[best]) best = i;
  });
  const run: { at: number; index: number }[] = [];
  for (let i = best; i >= 0; i = previous[i]) run.unshift(anchors[i]);
  return run;
}

function modelLine(skeleton: Skeleton, index: number): TextLine {
  const line = skeleton.lines[index];
  return { text: line.text, origin: { from: 'model', statementIds: line.ids } };
}
