// Text matching of one C line onto the model's statements of a function, moving forward through
// the function with a cursor so that repeated text (`break;`, `goto out_free;`) resolves to the
// right occurrence. Only candidates: whether a match is trusted is the anchoring rule's call.
import { normaliseC, statementsOf, STATEMENTS, VARIANTS, type ModelStatement, type Variant } from '../kernel/statements';

/** Where the previous accepted line of a variant matched, per function: matching moves forward from it. */
export type Cursors = Map<string, number>;

export interface StatementMatch {
  readonly fn: string;
  /** The statement the line is (for a loop header: its first part). */
  readonly statement: ModelStatement;
  /** Every step the line executes as (a `for` header is its init, test and step). */
  readonly ids: readonly string[];
  /** The normalised text of the line, to check a multi-line statement's lines against it. */
  readonly key: string;
  /** The cursor after this line. */
  readonly cursorAfter: number;
}

const TABLE_INDEX = new Map(STATEMENTS.map((s, i) => [s, i]));
const VARIANT_INDEX: Record<Variant, Map<ModelStatement, number>> = {
  baseline: new Map(statementsOf('baseline').map((s, i) => [s, i])),
  patched: new Map(statementsOf('patched').map((s, i) => [s, i])),
};
const FUNCTIONS_WITH_TEXT = new Set(STATEMENTS.filter((s) => Object.values(s.matchKeys).some((k) => k)).map((s) => s.fn as string));
/** Per variant and function, the last statement with C text: a function's closing brace follows it. */
const LAST_WITH_TEXT: Record<Variant, Map<string, ModelStatement>> = { baseline: new Map(), patched: new Map() };
for (const variant of VARIANTS) {
  for (const s of statementsOf(variant)) if (s.matchKeys[variant]) LAST_WITH_TEXT[variant].set(s.fn, s);
}

/** Whether the model knows C statements of the function (so its lines can be checked against them). */
export function isModelledFunction(fn: string | undefined): boolean {
  return fn !== undefined && FUNCTIONS_WITH_TEXT.has(fn);
}

/** The position of a statement among its variant's statements (source order, that variant only). */
export function positionIn(variant: Variant, statement: ModelStatement): number {
  return VARIANT_INDEX[variant].get(statement) ?? -1;
}

export function isLastStatement(variant: Variant, statement: ModelStatement): boolean {
  return LAST_WITH_TEXT[variant].get(statement.fn) === statement;
}

/**
 * The statements of `fn` in `variant` whose C text (or one physical line of it) equals the
 * line's: the first one at or after the cursor, plus the other parts of the same loop header
 * (`-init`, `-cond`, `-inc`/`-dec` share one line). Does not move the cursor.
 */
export function matchStatement(text: string, fn: string, variant: Variant, cursors: Cursors): StatementMatch | undefined {
  const key = normaliseC(text);
  if (key === '') return undefined;
  const candidates = STATEMENTS.filter((s) => s.fn === fn && s.variants.includes(variant) && (s.matchLines[variant] ?? []).includes(key));
  if (candidates.length === 0) return undefined;
  const cursor = cursors.get(fn) ?? -1;
  const chosen = candidates.find((s) => tableIndex(s) >= cursor) ?? candidates[0];
  const stem = loopStem(chosen.id);
  const group = stem ? candidates.filter((s) => loopStem(s.id) === stem) : [chosen];
  const cursorAfter = Math.max(...group.map(tableIndex)) + (isMultiLine(chosen, variant) ? 0 : 1);
  return { fn, statement: stem ? group[0] : chosen, ids: group.map((s) => s.id), key, cursorAfter };
}

function tableIndex(statement: ModelStatement): number {
  return TABLE_INDEX.get(statement) ?? -1;
}

/** A statement written over several lines keeps the cursor on itself until its last line. */
export function isMultiLine(statement: ModelStatement, variant: Variant): boolean {
  return (statement.matchLines[variant]?.length ?? 0) > 1;
}

function loopStem(id: string): string | undefined {
  const match = /^(.*)-(init|cond|inc|dec)$/.exec(id);
  return match ? match[1] : undefined;
}
