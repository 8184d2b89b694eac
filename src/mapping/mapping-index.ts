// Fast lookups over a PatchMapping: a document line to its steps (hover, breakpoints), and a step
// to the document lines that show it (the debugger's highlight).
import type { Variant } from '../kernel/statements';
import type { LineMapping, PatchMapping } from './map-patch';

export class MappingIndex {
  private readonly byLine = new Map<number, LineMapping>();
  private readonly byStep: Record<Variant, Map<string, number[]>> = { baseline: new Map(), patched: new Map() };

  constructor(readonly mapping: PatchMapping) {
    for (const file of mapping.files) {
      for (const line of file.lines) {
        // A restored line points at its neighbour's document line: keep the line's own mapping.
        if (!this.byLine.has(line.line)) this.byLine.set(line.line, line);
        for (const variant of ['baseline', 'patched'] as const) {
          for (const step of line.steps[variant] ?? []) {
            const lines = this.byStep[variant].get(step) ?? [];
            lines.push(line.line);
            this.byStep[variant].set(step, lines);
          }
        }
      }
    }
  }

  /** The mapping of a 0-based document line, if it is a hunk line. */
  line(line: number): LineMapping | undefined {
    return this.byLine.get(line);
  }

  /** The document lines (0-based, ascending) that show a step of a variant. */
  linesOfStep(variant: Variant, stepId: string): readonly number[] {
    return this.byStep[variant].get(stepId) ?? [];
  }

  /** The first patch line that shows a step of a variant (where a debugger points), if any. */
  firstLineOfStep(variant: Variant, stepId: string): LineMapping | undefined {
    const lines = this.linesOfStep(variant, stepId);
    return lines.length > 0 ? this.byLine.get(lines[0]) : undefined;
  }

  /** The step ids a breakpoint on a document line stops at, for a variant. */
  stepsAtLine(variant: Variant, line: number): readonly string[] {
    return this.byLine.get(line)?.steps[variant] ?? [];
  }
}
