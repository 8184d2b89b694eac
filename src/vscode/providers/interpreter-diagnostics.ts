// The interpreter's refusals as error diagnostics: what in the patch's C kpr cannot run as written
// (a syntax error, an unknown function or identifier, an unsupported construct), per variant, at
// its document position. The exploration worker compiles both variants anyway, so the refusals
// come with its report (ExplorationReport.refused) rather than from a second compile here, on the
// extension host, on every edit.
import * as vscode from 'vscode';
import type { RefusedLine } from '../../explore';

export const INTERPRETER_SOURCE = 'kpr interpreter';

export function interpreterDiagnostic(document: vscode.TextDocument, problem: RefusedLine): vscode.Diagnostic {
  const start = new vscode.Position(problem.line, problem.column);
  const word = document.getWordRangeAtPosition(start, /[\w$]+|\S/);
  const range = word ?? new vscode.Range(start, start.translate(0, 1));
  const diagnostic = new vscode.Diagnostic(range, `kpr cannot run the ${problem.variant} code as written: ${problem.message}`, vscode.DiagnosticSeverity.Error);
  diagnostic.source = INTERPRETER_SOURCE;
  diagnostic.code = `interpreter-${problem.variant}`;
  return diagnostic;
}
