// Why a variant of a patch cannot run: one problem per line, at the patch's document position,
// printed like a compiler's `PATH:LINE:COLUMN: message` (1-based line and column).

export interface Problem {
  /** 0-based document line and column. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export function formatProblem(path: string, problem: Problem): string {
  return `${path}:${problem.line + 1}:${problem.column + 1}: ${problem.message}`;
}
