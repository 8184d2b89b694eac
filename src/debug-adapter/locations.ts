// Where a step is shown: on the patch document line that executes it, or, for code the patch
// does not show, on its row of the model function's text view (never C text from elsewhere).
import type { ModelFunction, Variant } from '../kernel/statements';
import type { MappingIndex } from '../mapping';
import { modelFunctionView, type ModelView } from '../mapping/model-view';

export type StepLocation =
  /** `line` is the 0-based patch document line. */
  | { readonly kind: 'patch'; readonly line: number; readonly text: string }
  /** `line` is the 0-based line of modelFunctionView(fn)'s text. */
  | { readonly kind: 'model'; readonly fn: ModelFunction; readonly line: number };

export class StepLocator {
  private readonly views = new Map<ModelFunction, ModelView>();

  constructor(
    readonly index: MappingIndex,
    readonly variant: Variant,
  ) {}

  /** The first patch line showing the step, if the patch shows it. */
  patchLine(stepId: string): { line: number; text: string } | undefined {
    const mapped = this.index.firstLineOfStep(this.variant, stepId);
    return mapped ? { line: mapped.line, text: mapped.text.trim() } : undefined;
  }

  locate(fn: ModelFunction, stepId: string): StepLocation {
    const patch = this.patchLine(stepId);
    if (patch) return { kind: 'patch', ...patch };
    return { kind: 'model', fn, line: this.modelView(fn).lineOfStep.get(stepId) ?? 0 };
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
