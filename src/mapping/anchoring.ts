// Which text matches of a hunk to trust. A line's C text alone says little (`if (retval)`,
// `return p;` occur in every kernel version); a match counts only where the hunk's neighbouring
// statements agree with the modelled function, and a hunk whose unchanged code mostly is not
// the modelled code is not mapped at all.
import type { Variant } from '../kernel/statements';
import type { LineClass } from './line-class';
import { isLastStatement, isMultiLine, positionIn, type StatementMatch } from './statement-match';

/** One line of a hunk's pre-image (baseline) or post-image (patched), in image order. */
export interface ImageLine {
  /** The line's index in the hunk. */
  readonly index: number;
  readonly lineClass: LineClass;
  readonly text: string;
  /** The line is executable and inside a function the model knows statements of. */
  readonly inModelledFunction: boolean;
  readonly match?: StatementMatch;
}

export const NOT_THE_MODELLED_CODE = 'context is not the modelled linux-2.6.26-rc8-mm1 code';

/** How many unmatched executable lines may sit between two neighbours (a reviewer's edit). */
const MAX_SKIPPED = 1;
/** How far apart (in the model's statements) two neighbouring lines may be: a loop header's test
 * sits between the header and its body, a loop's step between its body and what follows. */
const MAX_STEP = 3;

/** The hunk indexes of the image's lines whose match is anchored. */
export function anchoredLines(variant: Variant, image: readonly ImageLine[]): Set<number> {
  const code = image.filter((l) => l.inModelledFunction);
  const complete = completeMatches(variant, code);
  const anchored = new Set<number>();
  code.forEach((line, i) => {
    if (!complete[i]) return;
    const match = line.match!;
    if (match.statement.kind === 'call' || hasNeighbour(variant, code, complete, i) || closesFunction(variant, image, line)) anchored.add(line.index);
  });
  return anchored;
}

/**
 * Whether the hunk's unchanged kernel code (its pre-image) is the modelled code: at least half
 * of its executable lines in modelled functions are anchored. A reviewer's edit or an added line
 * leaves the pre-image alone; a patch against another kernel version does not.
 */
export function preImageIsModelled(preImage: readonly ImageLine[], anchored: ReadonlySet<number>): boolean {
  const code = preImage.filter((l) => l.inModelledFunction);
  if (code.length === 0) return true;
  return code.filter((l) => anchored.has(l.index)).length * 2 >= code.length;
}

/**
 * A statement written over several lines matches only as a whole: its lines in order, one after
 * another (a hunk may cut it at its start or end). Signature lines such as `unsigned long
 * stack_start,` are otherwise found in any version of the function.
 */
function completeMatches(variant: Variant, code: readonly ImageLine[]): boolean[] {
  const ok = code.map((l) => l.match !== undefined);
  let i = 0;
  while (i < code.length) {
    const match = code[i].match;
    if (!match || !isMultiLine(match.statement, variant)) {
      i++;
      continue;
    }
    let end = i;
    while (end + 1 < code.length && code[end + 1].match?.statement === match.statement) end++;
    const keys = code.slice(i, end + 1).map((l) => l.match!.key);
    const expected = match.statement.matchLines[variant] ?? [];
    const cutAtStart = i === 0 && endsWith(expected, keys);
    const cutAtEnd = end === code.length - 1 && startsWith(expected, keys);
    const whole = keys.length === expected.length && startsWith(expected, keys);
    if (!whole && !cutAtStart && !cutAtEnd) for (let k = i; k <= end; k++) ok[k] = false;
    i = end + 1;
  }
  return ok;
}

/** A matched line before or after it (at most MAX_SKIPPED unmatched lines between) that is its
 * neighbour in the model too. */
function hasNeighbour(variant: Variant, code: readonly ImageLine[], complete: readonly boolean[], i: number): boolean {
  for (const direction of [-1, 1]) {
    let skipped = 0;
    for (let j = i + direction; j >= 0 && j < code.length; j += direction) {
      if (!complete[j]) {
        if (++skipped > MAX_SKIPPED) break;
        continue;
      }
      const [before, after] = direction < 0 ? [code[j].match!, code[i].match!] : [code[i].match!, code[j].match!];
      if (areNeighbours(variant, before, after, skipped)) return true;
      break;
    }
  }
  return false;
}

function areNeighbours(variant: Variant, before: StatementMatch, after: StatementMatch, skipped: number): boolean {
  if (before.fn !== after.fn) return false;
  if (before.statement === after.statement) return isMultiLine(before.statement, variant) && skipped === 0;
  const step = positionIn(variant, after.statement) - positionIn(variant, before.statement);
  return step >= 1 && step <= MAX_STEP + skipped;
}

/** The function's last statement followed by a lone closing brace: the function's end. */
function closesFunction(variant: Variant, image: readonly ImageLine[], line: ImageLine): boolean {
  if (!isLastStatement(variant, line.match!.statement)) return false;
  const at = image.indexOf(line);
  const next = image.slice(at + 1).find((l) => l.lineClass !== 'blank' && l.lineClass !== 'comment');
  return next !== undefined && next.lineClass === 'brace' && next.text.trim().startsWith('}');
}

function startsWith(whole: readonly string[], part: readonly string[]): boolean {
  return part.length <= whole.length && part.every((k, i) => whole[i] === k);
}

function endsWith(whole: readonly string[], part: readonly string[]): boolean {
  return part.length <= whole.length && part.every((k, i) => whole[whole.length - part.length + i] === k);
}
