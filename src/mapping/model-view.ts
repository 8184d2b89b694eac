// A plain-text view of one modelled function: every statement the model executes as a step, in
// source order, beside the patch line that shows it. C text comes only from the patch; a
// statement the patch does not show is named by the TypeScript that implements it.
import { FUNCTIONS, statementsOf, type ModelFunction, type Variant } from '../kernel/statements';

export { isModelFunction } from '../kernel/statements';
import type { MappingIndex } from './mapping-index';

export interface ModelView {
  readonly text: string;
  /** 0-based line of the view that shows each step. */
  readonly lineOfStep: ReadonlyMap<string, number>;
}

export function modelFunctionView(fn: ModelFunction, variant: Variant, index: MappingIndex): ModelView {
  const info = FUNCTIONS[fn];
  const lines = [
    `Model of ${fn} (${variant} variant) — implemented in ${info.tsFile}, ${info.tsSymbol}`,
    `${info.cFile ?? 'scenario driver'}; each row is one step: its id, kind, the patch line that shows it and that line's text.`,
    `Rows without a patch line run code the patch does not show: the model's TypeScript (${info.tsSymbol}) is the reference there.`,
    '',
  ];
  const lineOfStep = new Map<string, number>();
  const statements = statementsOf(variant).filter((s) => s.fn === fn);
  const idWidth = Math.max(8, ...statements.map((s) => s.id.length));
  for (const statement of statements) {
    const docLines = index.linesOfStep(variant, statement.id);
    const where = docLines.length ? docLines.map((l) => `L${l + 1}`).join(',') : '—';
    const text = docLines.length ? (index.line(docLines[0])?.text ?? '').trim() : `(not in the patch: ${info.tsSymbol} in ${info.tsFile})`;
    const note = statement.reachable ? '' : '   [no scenario reaches this]';
    lineOfStep.set(statement.id, lines.length);
    lines.push(`${statement.id.padEnd(idWidth)}  ${statement.kind.padEnd(14)}  ${where.padEnd(8)}  ${text}${note}`);
  }
  if (statements.length === 0) lines.push(`${fn} does not exist in the ${variant} variant.`);
  return { text: lines.join('\n') + '\n', lineOfStep };
}
