// What the interpreter refuses, as the faces show it: every problem of the variants that cannot
// run, tagged with the variant, at the patch's document position (exploration reports them, the
// VS Code glue turns them into diagnostics).
import { VARIANTS, type Variant } from '../kernel/statements';
import type { Problem } from './problems';
import type { PatchPrograms } from './programs';

export interface VariantProblem extends Problem {
  readonly variant: Variant;
}

/** Why each variant of the patch cannot run as written (empty when both can). */
export function refusedProblems(programs: PatchPrograms): VariantProblem[] {
  const problems: VariantProblem[] = [];
  for (const variant of VARIANTS) {
    const program = programs[variant];
    if (program.kind === 'refused') for (const p of program.problems) problems.push({ variant, line: p.line, column: p.column, message: p.message });
  }
  return problems;
}
