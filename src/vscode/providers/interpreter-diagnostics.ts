// The interpreter's refusals as error diagnostics: what in the patch's C kpr cannot run as written
// (a syntax error, an unknown function or identifier, an unsupported construct), per variant, at
// its document position. Compiling needs the tree-sitter parser (loaded once, asynchronously), so
// problems arrive after the parse; a result for an older version of the document is dropped.
import * as vscode from 'vscode';
import { loadCParser } from '../../c';
import { interpreterProblems, type VariantProblem } from '../../interp';
import type { Patch } from '../../patch/model';

export const INTERPRETER_SOURCE = 'kpr interpreter';

interface Entry {
  readonly version: number;
  /** Undefined while the compile is under way. */
  problems: readonly VariantProblem[] | undefined;
}

export class InterpreterProblems {
  private readonly entries = new Map<string, Entry>();

  /** @param changed called when a document's problems arrive (to publish them). */
  constructor(private readonly changed: (document: vscode.TextDocument) => void) {}

  /** The problems known for this version of the document (computing them if needed). */
  current(document: vscode.TextDocument, patch: Patch): readonly VariantProblem[] {
    const key = document.uri.toString();
    const entry = this.entries.get(key);
    if (entry !== undefined && entry.version === document.version) return entry.problems ?? [];
    const fresh: Entry = { version: document.version, problems: undefined };
    this.entries.set(key, fresh);
    loadCParser()
      .then((parser) => {
        if (this.entries.get(key) !== fresh) return;
        fresh.problems = interpreterProblems(patch, parser);
        if (fresh.problems.length > 0 || entry?.problems?.length) this.changed(document);
      })
      .catch((error: unknown) => console.error('kpr: the patch\'s C could not be compiled', error));
    return entry?.problems ?? [];
  }

  forget(document: vscode.TextDocument): void {
    this.entries.delete(document.uri.toString());
  }
}

export function interpreterDiagnostic(document: vscode.TextDocument, problem: VariantProblem): vscode.Diagnostic {
  const start = new vscode.Position(problem.line, problem.column);
  const word = document.getWordRangeAtPosition(start, /[\w$]+|\S/);
  const range = word ?? new vscode.Range(start, start.translate(0, 1));
  const diagnostic = new vscode.Diagnostic(range, `kpr cannot run the ${problem.variant} code as written: ${problem.message}`, vscode.DiagnosticSeverity.Error);
  diagnostic.source = INTERPRETER_SOURCE;
  diagnostic.code = `interpreter-${problem.variant}`;
  return diagnostic;
}
