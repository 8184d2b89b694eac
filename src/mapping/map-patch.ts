// Maps every line of the patch's kernel/pid.c and kernel/fork.c hunks onto the model's steps:
// pre-image lines (context and '-') onto the baseline, post-image lines (context and '+') onto
// the patched variant. Lines are matched by their normalised C text inside the function they
// belong to — never by document line numbers — so a clean copy and a damaged archive copy map
// alike, and what cannot be placed is reported as unmapped.
import { enclosingFunction, functionOfSection } from '../explain';
import { normaliseC, STATEMENTS, type ModelStatement, type Variant } from '../kernel/statements';
import { displayPath } from '../patch/display';
import type { DiffLineKind, FilePatch, Hunk, Patch } from '../patch/model';
import { classifyCLine, type LineClass } from './line-class';
import { isModelledFile } from './model-files';

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
}

export interface PatchMapping {
  readonly files: readonly FileMapping[];
}

const INDEX_OF = new Map(STATEMENTS.map((s, i) => [s, i]));

export function mapPatch(patch: Patch): PatchMapping {
  const files: FileMapping[] = [];
  patch.mails.forEach((mail, m) => mail.files.forEach((file, f) => files.push(mapFile(file, m, f))));
  return { files };
}

/** Where the previous line of a variant matched, per function: matching moves forward from it. */
type Cursors = Map<string, number>;

function mapFile(file: FilePatch, mail: number, index: number): FileMapping {
  const modelled = isModelledFile(file);
  const cursors: Record<Variant, Cursors> = { baseline: new Map(), patched: new Map() };
  const lines: LineMapping[] = [];
  for (const hunk of file.hunks) lines.push(...mapHunk(hunk, modelled, cursors));
  // Coverage is only meaningful for files the model implements.
  const executable = modelled ? lines.filter((l) => l.lineClass === 'executable' || l.lineClass === 'unmapped').length : 0;
  const mapped = modelled ? lines.filter((l) => l.lineClass === 'executable').length : 0;
  return { mail, file: index, path: displayPath(file), modelled, executable, mapped, lines };
}

function mapHunk(hunk: Hunk, modelled: boolean, cursors: Record<Variant, Cursors>): LineMapping[] {
  const texts = hunk.lines.map((l) => l.text);
  const sectionFunction = functionOfSection(hunk.section) ?? hunk.functionName;
  const inComment: Record<Variant, boolean> = { baseline: false, patched: false };
  const result: LineMapping[] = [];
  hunk.lines.forEach((line, i) => {
    if (line.kind === '\\') {
      result.push({ line: line.line, kind: line.kind, text: line.text, lineClass: 'blank', steps: {} });
      return;
    }
    const variants = variantsOf(line.kind);
    let lineClass: LineClass = 'blank';
    for (const variant of variants) {
      const classified = classifyCLine(line.text, inComment[variant]);
      inComment[variant] = classified.inComment;
      lineClass = classified.lineClass;
    }
    const fn = enclosingFunction(texts, i, sectionFunction);
    const steps: Partial<Record<Variant, readonly string[]>> = {};
    if (lineClass === 'executable' && modelled) {
      for (const variant of variants) {
        const matched = fn ? matchStatement(line.text, fn, variant, cursors[variant]) : [];
        if (matched.length) steps[variant] = matched;
      }
      if (Object.keys(steps).length < variants.length) lineClass = 'unmapped';
    }
    result.push({ line: line.line, kind: line.kind, text: line.text, lineClass, ...(fn ? { fn } : {}), steps });
  });
  return result;
}

function variantsOf(kind: DiffLineKind): Variant[] {
  return kind === '-' ? ['baseline'] : kind === '+' ? ['patched'] : ['baseline', 'patched'];
}

/**
 * The statements of `fn` in `variant` whose C text (or one physical line of it) equals the
 * line's: the first one at or after the cursor (statements are in source order, so repeated
 * text such as `break;` or `goto out_free;` resolves to the right occurrence), plus the other
 * parts of the same loop header (`-init`, `-cond`, `-inc`/`-dec` share one line).
 */
function matchStatement(text: string, fn: string, variant: Variant, cursors: Cursors): string[] {
  const key = normaliseC(text);
  if (key === '') return [];
  const candidates = STATEMENTS.filter((s) => s.fn === fn && s.variants.includes(variant) && (s.matchLines[variant] ?? []).includes(key));
  if (candidates.length === 0) return [];
  const cursor = cursors.get(fn) ?? -1;
  const chosen = candidates.find((s) => indexOf(s) >= cursor) ?? candidates[0];
  const stem = loopStem(chosen.id);
  const group = stem ? candidates.filter((s) => loopStem(s.id) === stem) : [chosen];
  cursors.set(fn, Math.max(...group.map(indexOf)) + (isMultiLine(chosen, variant) ? 0 : 1));
  return group.map((s) => s.id);
}

function indexOf(statement: ModelStatement): number {
  return INDEX_OF.get(statement) ?? -1;
}

/** A statement written over several lines keeps the cursor on itself until its last line. */
function isMultiLine(statement: ModelStatement, variant: Variant): boolean {
  return (statement.matchLines[variant]?.length ?? 0) > 1;
}

function loopStem(id: string): string | undefined {
  const match = /^(.*)-(init|cond|inc|dec)$/.exec(id);
  return match ? match[1] : undefined;
}
