// Where each compiled statement reports its step: a statement on a line of the patch reports its
// span in the patch document (with the model statement the mapping places it on, or none for a
// line an edit added or changed); a statement of the model's part (a skeleton line) reports its
// model step id. A function the model does not have enters with its signature's span.
import type { FunctionText, SyntaxNode } from '../c';
import { isModelFunction, isStepId, type StepId } from '../kernel/statements';
import type { FrameFunction, PatchSpan, StepSite } from '../kernel/tracer';

/** The nodes a statement's span runs between (clipped to the line where it starts). */
export interface SpanNodes {
  readonly start: SyntaxNode;
  readonly end: SyntaxNode;
}

export type SiteRef = StepSite;

export class SiteFinder {
  constructor(private readonly text: FunctionText) {}

  /**
   * The site of a statement at node: its patch span (spanning `span`, default the node) when it
   * sits on a patch line, else the model's step id (undefined when the line has none).
   */
  statement(node: SyntaxNode, id: string | undefined, span: SpanNodes = { start: node, end: node }): SiteRef | undefined {
    const stepId: StepId | null = id !== undefined && isStepId(id) ? id : null;
    const patchSpan = this.span(span);
    if (patchSpan === null) return stepId ?? undefined;
    return { stepId, span: patchSpan };
  }

  /** A model step by id (a statement of the model's part with no node of its own). */
  modelSite(id: string): SiteRef | undefined {
    return isStepId(id) ? id : undefined;
  }

  /** The frame function of a definition: the model's name, or the signature's span. */
  functionSite(name: string, definition: SyntaxNode): FrameFunction {
    if (isModelFunction(name)) return name;
    const declarator = definition.childForFieldName('declarator') ?? definition;
    return { name, span: this.span({ start: definition, end: declarator }) ?? { line: 0, start: 0, end: 0 } };
  }

  /** `if (cond)`, `while (cond)`: the keyword through the condition. */
  head(node: SyntaxNode, condition: SyntaxNode | null): SpanNodes {
    return { start: node, end: condition ?? node };
  }

  /** A keyword child of node (`do`). */
  keyword(node: SyntaxNode, type: string): SpanNodes {
    const child = node.children.find((c) => c !== null && c.type === type) ?? node;
    return { start: child, end: child };
  }

  /** A do loop's `while (cond)`. */
  whileOf(node: SyntaxNode, condition: SyntaxNode): SpanNodes {
    const keyword = node.children.find((c) => c !== null && c.type === 'while') ?? condition;
    return { start: keyword, end: condition };
  }

  /** `label:` */
  labelSpan(node: SyntaxNode): SpanNodes {
    const label = node.childForFieldName('label') ?? node;
    const colon = node.children.find((c) => c !== null && c.type === ':') ?? label;
    return { start: label, end: colon };
  }

  /** The document span of start..end, clipped to start's line; null on a model line. */
  private span({ start, end }: SpanNodes): PatchSpan | null {
    const row = start.startPosition.row;
    const at = this.text.docPoint(row, start.startPosition.column);
    if (at === null) return null;
    const lineText = this.text.lines[row].text;
    const endColumn = end.endPosition.row === row ? end.endPosition.column : lineText.trimEnd().length;
    return { line: at.line, start: at.column, end: at.column + (endColumn - start.startPosition.column) };
  }
}
