// The editor's view of what the interpreter refuses: every problem of both variants, tagged with
// the variant, at the patch's document position (the VS Code glue turns them into diagnostics).
import type { CParser } from '../c';
import { VARIANTS, type Variant } from '../kernel/statements';
import type { Patch } from '../patch/model';
import { compileVariant } from './program';
import type { Problem } from './problems';

export interface VariantProblem extends Problem {
  readonly variant: Variant;
}

/** Why each variant of the patch cannot run as written (empty when both can). */
export function interpreterProblems(patch: Patch, parser: CParser): VariantProblem[] {
  const problems: VariantProblem[] = [];
  for (const variant of VARIANTS) {
    const result = compileVariant(patch, variant, parser);
    if (!result.ok) for (const problem of result.problems) problems.push({ ...problem, variant });
  }
  return problems;
}
