// Is a variant's text exactly the model's? Then the TypeScript model (src/kernel) may run it: the
// fast path, and what the differential tests prove equal to the interpreter on that text. Any
// doubt answers no, and the interpreter runs the text as written.
//
// The text is the model's when every C line the variant shows of a modelled file is a statement of
// the model, a brace, a comment or a declaration of a local the model declares with the same type,
// and, function by function, those lines come in the model's order with the model's block
// structure: each statement line reduces to its statement ids plus the `}` it opens with and the
// `{` it ends with, each other line to its braces and keywords, and the sequence must equal the
// same reduction of the model's skeleton (skeletons.ts) over the whole assembled function (the
// patch's lines where it shows them, the skeleton's elsewhere). A function the model has no
// skeleton for (one the patch adds, shown whole) is compared by its statement ids in table order
// and balanced braces; where a block closes inside it is not compared (the table has no braces).
import { statementsOf, type Variant } from '../kernel/statements';
import type { LineMapping, PatchMapping } from '../mapping/map-patch';
import { isModelledFunction } from '../mapping/statement-match';
import type { Patch } from '../patch/model';
import { assemble } from './assemble';
import { skeletonOf } from './skeletons';
import type { TextLine } from '../c/function-text';

function inImage(kind: string, variant: Variant): boolean {
  return kind === ' ' || (variant === 'baseline' ? kind === '-' : kind === '+');
}

/** True when the variant's text of every function the patch shows is exactly the model's. */
export function isModelText(patch: Patch, mapping: PatchMapping, variant: Variant): boolean {
  const byDocLine = new Map<number, LineMapping>();
  const modelledFunctions = new Set<string>();
  for (const file of mapping.files) {
    if (!file.modelled) continue;
    for (const line of file.lines) if (line.fn !== undefined) modelledFunctions.add(line.fn);
    if (file.unmappedHunks.length > 0) return false;
    for (const line of file.lines) {
      if (!inImage(line.kind, variant)) continue;
      if (line.lineClass === 'unmapped') return false;
      // A directive inside a function (`#if 0`) changes what runs; the model has none.
      if (line.lineClass === 'preprocessor' && isModelledFunction(line.fn)) return false;
      // A repaired line can share its document line with another: the first one is the line shown.
      if (!byDocLine.has(line.line)) byDocLine.set(line.line, line);
    }
  }
  const assembly = assemble(patch, mapping, variant);
  if (assembly.problems.length > 0) return false;
  for (const fn of assembly.functions) {
    // Code of other files is never called by the modelled functions: it runs in neither path.
    if (!modelledFunctions.has(fn.text.name)) continue;
    const skeleton = skeletonOf(fn.text.name, variant);
    const shape = shapeOf(fn.text.lines, byDocLine, skeleton?.locals);
    if (shape === undefined) return false;
    if (skeleton !== undefined) {
      const expected = shapeOf(skeleton.lines.map((l): TextLine => ({ text: l.text, origin: { from: 'model', statementIds: l.ids } })), byDocLine, undefined);
      if (expected === undefined || shape.join(' ') !== expected.join(' ')) return false;
    } else if (!matchesTableOrder(fn.text.name, variant, shape)) {
      return false;
    }
  }
  return true;
}

/** The statement ids of a function without skeleton, in table order, and its braces balanced. */
function matchesTableOrder(fn: string, variant: Variant, shape: readonly string[]): boolean {
  if (!isModelledFunction(fn)) return false;
  const expected = statementsOf(variant).filter((s) => s.fn === fn && s.matchKeys[variant]).map((s) => s.id);
  const ids = shape.filter((t) => t.startsWith('#')).flatMap((t) => t.slice(1).split(','));
  const unique = ids.filter((id, i) => ids.indexOf(id) === i);
  if (unique.join(' ') !== expected.join(' ')) return false;
  let depth = 0;
  for (const t of shape) {
    if (t === '{') depth++;
    else if (t === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * The reduction of a function's lines (see the opening comment), consecutive repeats of one
 * statement (a statement over several lines) kept once; undefined when a line cannot be the model's.
 */
function shapeOf(lines: readonly TextLine[], byDocLine: ReadonlyMap<number, LineMapping>, locals: Readonly<Record<string, string>> | undefined): string[] | undefined {
  const shape: string[] = [];
  let lastIds = '';
  for (const line of lines) {
    const code = line.text.replace(/\/\*.*?\*\//g, ' ').replace(/\/\/.*$/, '').trim();
    const mapped = line.origin.from === 'patch' ? byDocLine.get(line.origin.docLine) : undefined;
    if (code === '' || code.startsWith('*') || code.startsWith('/*') || mapped?.lineClass === 'comment' || mapped?.lineClass === 'blank') continue;
    if (mapped?.lineClass === 'declaration') {
      if (!declaresModelLocals(code, locals)) return undefined;
      continue;
    }
    const ids = line.origin.statementIds;
    // A void function's closing brace is the model's `end` step: structure, like any brace.
    if (ids.length > 0 && !/^[{}]$|^\}?\s*else\s*\{?$/.test(code)) {
      const key = `#${ids.join(',')}`;
      if (code.startsWith('}')) shape.push('}');
      if (key !== lastIds) shape.push(key);
      if (code.endsWith('{')) shape.push('{');
      lastIds = key;
      continue;
    }
    lastIds = '';
    if (line.origin.from === 'patch' && mapped?.lineClass !== 'brace') return undefined;
    for (const token of code.match(/[{}]|[A-Za-z_]\w*|[^\s{}A-Za-z_]+/g) ?? []) shape.push(token);
  }
  return shape;
}

/** `int i, nr;` whose every name the model declares with that type (no skeleton: any declaration). */
function declaresModelLocals(code: string, locals: Readonly<Record<string, string>> | undefined): boolean {
  if (locals === undefined) return true;
  const m = /^((?:const\s+|unsigned\s+|signed\s+|long\s+|struct\s+|enum\s+)*\w+)\s*(.*);$/.exec(code);
  if (m === null) return false;
  const type = m[1].replace(/\s+/g, ' ');
  return m[2].split(',').every((part) => {
    const d = /^(\**)\s*(\w+)$/.exec(part.trim());
    if (d === null) return false;
    const declared = locals[d[2]];
    return declared !== undefined && declared.replace(/\s*\*\s*/g, '*').replace(/\s+/g, ' ') === `${type}${d[1]}`.replace(/\s*\*\s*/g, '*');
  });
}
