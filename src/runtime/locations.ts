// Where a step is shown: on the patch document line that executes it (an interpreted statement
// names its own span; a model step is placed by the mapping), or, for code the patch does not
// show, on its row of the model function's text view (never C text from elsewhere). The panel,
// the debug adapter and `kpr trace` all ask here.
import { isModelFunction, statementById, type ModelFunction, type StepId, type Variant } from '../kernel/statements';
import type { PatchSpan } from '../kernel/tracer';
import type { MappingIndex } from '../mapping';
import { modelFunctionView, type ModelView } from '../mapping/model-view';

/** What locates a step: the frame's function and its statement (see FrameRecord). */
export interface StepSiteRef {
  readonly fn: string;
  readonly stepId: StepId | null;
  readonly span: PatchSpan | null;
}

export type SourceLocation =
  /** `line` is the 0-based patch document line; `text` its C text, trimmed. */
  | { readonly kind: 'patch'; readonly line: number; readonly text: string }
  /**
   * Code the patch does not show: `line` is the 0-based line of modelFunctionView(fn)'s text,
   * `tsFile`/`tsSymbol` the TypeScript that implements the statement.
   */
  | { readonly kind: 'model'; readonly fn: ModelFunction; readonly line: number; readonly tsFile: string; readonly tsSymbol: string; readonly what: string };

export class SourceLocator {
  private readonly views = new Map<ModelFunction, ModelView>();

  constructor(
    readonly index: MappingIndex,
    readonly variant: Variant,
  ) {}

  /** The first patch line showing a model step, if the patch shows it. */
  patchLine(stepId: StepId | null): { line: number; text: string } | undefined {
    if (stepId === null) return undefined;
    const mapped = this.index.firstLineOfStep(this.variant, stepId);
    return mapped ? { line: mapped.line, text: mapped.text.trim() } : undefined;
  }

  /** Whether the patch shows the site (a reviewer can see the line). */
  isShown(site: StepSiteRef): boolean {
    return site.span !== null || this.patchLine(site.stepId) !== undefined;
  }

  /** Every patch line showing the site (a statement can span several): what breakpoints match. */
  linesOf(site: Pick<StepSiteRef, 'stepId' | 'span'>): readonly number[] {
    if (site.span !== null) return [site.span.line];
    return site.stepId === null ? [] : this.index.linesOfStep(this.variant, site.stepId);
  }

  locate(site: StepSiteRef): SourceLocation {
    if (site.span !== null) return { kind: 'patch', line: site.span.line, text: (this.index.line(site.span.line)?.text ?? '').trim() };
    const patch = this.patchLine(site.stepId);
    if (patch) return { kind: 'patch', ...patch };
    const statement = site.stepId === null ? undefined : statementById(site.stepId);
    const fn: ModelFunction = statement?.fn ?? (isModelFunction(site.fn) ? site.fn : 'scenario');
    return {
      kind: 'model',
      fn,
      line: site.stepId === null ? 0 : this.modelView(fn).lineOfStep.get(site.stepId) ?? 0,
      tsFile: statement?.tsFile ?? 'src/kernel/run.ts',
      tsSymbol: statement?.tsSymbol ?? 'runOps',
      what: statement ? `${statement.kind} in ${statement.fn}` : 'model step',
    };
  }

  /** The text view of a model function (computed once per function). */
  modelView(fn: ModelFunction): ModelView {
    let view = this.views.get(fn);
    if (view === undefined) {
      view = modelFunctionView(fn, this.variant, this.index);
      this.views.set(fn, view);
    }
    return view;
  }
}
