// Maps every line of the patch's kernel/pid.c and kernel/fork.c hunks onto the model's steps:
// pre-image lines (context and '-') onto the baseline, post-image lines (context and '+') onto
// the patched variant. Lines are matched by their normalised C text inside the function they
// belong to — never by document line numbers — so a clean copy and a damaged archive copy map
// alike; a match is kept only where neighbouring statements anchor it (anchoring.ts), and what
// cannot be placed is reported as unmapped.
import { enclosingFunctions, functionOfSection } from '../explain';
import { VARIANTS, type Variant } from '../kernel/statements';
import { displayPath } from '../patch/display';
import type { DiffLineKind, FilePatch, Hunk, Patch } from '../patch/model';
import { anchoredLines, NOT_THE_MODELLED_CODE, preImageIsModelled, type ImageLine } from './anchoring';
import { classifyCLine, START_OF_CODE, type LineClass, type LineState } from './line-class';
import { isModelledFile } from './model-files';
import { isModelledFunction, matchStatement, type Cursors, type StatementMatch } from './statement-match';

export interface LineMapping {
  /** 0-based document line. */
  readonly line: number;
  readonly kind: DiffLineKind;
  /** The C text of the line as the patch gives it (after repair, without the diff prefix). */
  readonly text: string;
  readonly lineClass: LineClass;
  /** The C function the line belongs to, when known. */
  readonly fn?: string;
  /** Steps of each variant this line executes as (a `for` header is its init, test and step). */
  readonly steps: Readonly<Partial<Record<Variant, readonly string[]>>>;
  /** For an unmapped line, why, when there is more to say than "no statement has this text". */
  readonly unmappedReason?: string;
  /**
   * Per variant, the statements the interpreter runs on this line as written where the model has
   * no statement for it (an edited or added line): their column spans (src/interp/as-written.ts).
   */
  readonly interpreted?: Readonly<Partial<Record<Variant, readonly { readonly start: number; readonly end: number }[]>>>;
}

/** A hunk of a modelled file none of whose lines is mapped, and why. */
export interface UnmappedHunk {
  /** The hunk's index in its file. */
  readonly hunk: number;
  /** 0-based document line of its `@@` header. */
  readonly headerLine: number;
  readonly reason: string;
}

export interface FileMapping {
  readonly mail: number;
  readonly file: number;
  readonly path: string;
  /** False for files the model does not implement (their lines are classified, not mapped). */
  readonly modelled: boolean;
  readonly executable: number;
  readonly mapped: number;
  readonly lines: readonly LineMapping[];
  readonly unmappedHunks: readonly UnmappedHunk[];
}

export interface PatchMapping {
  readonly files: readonly FileMapping[];
}

export function mapPatch(patch: Patch): PatchMapping {
  const files: FileMapping[] = [];
  patch.mails.forEach((mail, m) => mail.files.forEach((file, f) => files.push(mapFile(file, m, f))));
  return { files };
}

function mapFile(file: FilePatch, mail: number, index: number): FileMapping {
  const modelled = isModelledFile(file);
  const cursors: Record<Variant, Cursors> = { baseline: new Map(), patched: new Map() };
  const lines: LineMapping[] = [];
  const unmappedHunks: UnmappedHunk[] = [];
  file.hunks.forEach((hunk, h) => {
    const mapped = mapHunk(hunk, modelled, cursors);
    // A loop, not push(...): a hostile hunk's million lines overflow the argument stack.
    for (const line of mapped.lines) lines.push(line);
    if (mapped.unmappedReason) unmappedHunks.push({ hunk: h, headerLine: hunk.headerLine, reason: mapped.unmappedReason });
  });
  // Coverage is only meaningful for files the model implements.
  const executable = modelled ? lines.filter((l) => l.lineClass === 'executable' || l.lineClass === 'unmapped').length : 0;
  const mapped = modelled ? lines.filter((l) => l.lineClass === 'executable').length : 0;
  return { mail, file: index, path: displayPath(file), modelled, executable, mapped, lines, unmappedHunks };
}

interface ClassifiedHunkLine {
  readonly lineClass: LineClass;
  readonly fn?: string;
}

const TEXT_ONLY = 'its text matches a model statement, but its neighbouring statements are not the modelled code';

function mapHunk(hunk: Hunk, modelled: boolean, cursors: Record<Variant, Cursors>): { lines: LineMapping[]; unmappedReason?: string } {
  const classified = classifyHunk(hunk);
  const images = { baseline: imageOf(hunk, classified, 'baseline', modelled, cursors), patched: imageOf(hunk, classified, 'patched', modelled, cursors) };
  const anchored = { baseline: anchoredLines('baseline', images.baseline), patched: anchoredLines('patched', images.patched) };
  const codeInModel = images.baseline.some((l) => l.inModelledFunction) || images.patched.some((l) => l.inModelledFunction);
  let unmappedReason: string | undefined;
  if (codeInModel && (!preImageIsModelled(images.baseline, anchored.baseline) || anchored.baseline.size + anchored.patched.size === 0)) {
    unmappedReason = NOT_THE_MODELLED_CODE;
    anchored.baseline.clear();
    anchored.patched.clear();
  }
  const matches = { baseline: new Map<number, StatementMatch>(), patched: new Map<number, StatementMatch>() };
  for (const variant of VARIANTS) {
    for (const line of images[variant]) {
      if (!line.match || !anchored[variant].has(line.index)) continue;
      matches[variant].set(line.index, line.match);
      cursors[variant].set(line.match.fn, line.match.cursorAfter);
    }
  }
  const lines = hunk.lines.map((line, i): LineMapping => {
    const { fn } = classified[i];
    let lineClass = classified[i].lineClass;
    const steps: Partial<Record<Variant, readonly string[]>> = {};
    let reason: string | undefined;
    if (lineClass === 'executable' && modelled) {
      const variants = variantsOf(line.kind);
      for (const variant of variants) {
        const match = matches[variant].get(i);
        if (match) steps[variant] = match.ids;
      }
      if (Object.keys(steps).length < variants.length) {
        lineClass = 'unmapped';
        const textMatched = variants.some((v) => images[v].some((l) => l.index === i && l.match));
        reason = unmappedReason ?? (textMatched ? TEXT_ONLY : undefined);
      }
    }
    // Literals, not spreads of optional fields: spreads were most of mapping a hunk of a million lines.
    const mapped: { -readonly [K in keyof LineMapping]: LineMapping[K] } = fn ? { line: line.line, kind: line.kind, text: line.text, lineClass, fn, steps } : { line: line.line, kind: line.kind, text: line.text, lineClass, steps };
    if (reason) mapped.unmappedReason = reason;
    return mapped;
  });
  return { lines, ...(unmappedReason ? { unmappedReason } : {}) };
}

/** Each line's class (following block comments through each image) and enclosing function. */
function classifyHunk(hunk: Hunk): ClassifiedHunkLine[] {
  const sectionFunction = functionOfSection(hunk.section) ?? hunk.functionName;
  const functions = enclosingFunctions(hunk.lines.map((l) => l.text), sectionFunction);
  const state: Record<Variant, LineState> = { baseline: START_OF_CODE, patched: START_OF_CODE };
  return hunk.lines.map((line, i) => {
    if (line.kind === '\\') return { lineClass: 'blank' };
    let lineClass: LineClass = 'blank';
    for (const variant of variantsOf(line.kind)) {
      const classified = classifyCLine(line.text, state[variant]);
      state[variant] = classified;
      lineClass = classified.lineClass;
    }
    const fn = functions[i];
    return fn ? { lineClass, fn } : { lineClass };
  });
}

/** The hunk's lines of one image with their text matches (from the file's cursor on). */
function imageOf(hunk: Hunk, classified: readonly ClassifiedHunkLine[], variant: Variant, modelled: boolean, cursors: Record<Variant, Cursors>): ImageLine[] {
  const local: Cursors = new Map(cursors[variant]);
  const image: ImageLine[] = [];
  hunk.lines.forEach((line, index) => {
    if (line.kind === '\\' || !variantsOf(line.kind).includes(variant)) return;
    const { lineClass, fn } = classified[index];
    const inModelledFunction = modelled && lineClass === 'executable' && isModelledFunction(fn);
    const match = inModelledFunction ? matchStatement(line.text, fn!, variant, local) : undefined;
    if (match) local.set(match.fn, match.cursorAfter);
    image.push(match ? { index, lineClass, text: line.text, inModelledFunction, match } : { index, lineClass, text: line.text, inModelledFunction });
  });
  return image;
}

function variantsOf(kind: DiffLineKind): Variant[] {
  return kind === '-' ? ['baseline'] : kind === '+' ? ['patched'] : ['baseline', 'patched'];
}
