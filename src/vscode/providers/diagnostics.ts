// The Problems panel: the parser's problems (errors, warnings) and every repair it made
// (information), on the lines they concern.
import * as vscode from 'vscode';
import type { Patch, Problem, Repair } from '../../patch/model';
import { toRange } from '../convert';
import { PatchDocuments } from '../patch-documents';

export const DIAGNOSTIC_SOURCE = 'kpr';

export class PatchDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('kpr');
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly documents: PatchDocuments) {
    this.subscriptions.push(
      this.collection,
      documents.onDidParse((d) => this.update(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
    );
    for (const d of vscode.workspace.textDocuments) if (PatchDocuments.isPatchDocument(d)) this.update(d);
  }

  update(document: vscode.TextDocument): void {
    this.collection.set(document.uri, diagnosticsOf(this.documents.get(document)));
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

export function diagnosticsOf(patch: Patch): vscode.Diagnostic[] {
  return [...patch.problems.map(problemDiagnostic), ...patch.repairs.map(repairDiagnostic)];
}

function problemDiagnostic(problem: Problem): vscode.Diagnostic {
  const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error
    : problem.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
  const diagnostic = new vscode.Diagnostic(toRange(problem.range), problem.message, severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = problem.code;
  return diagnostic;
}

function repairDiagnostic(repair: Repair): vscode.Diagnostic {
  const message = `Repaired (${repair.kind}): ${show(repair.before)} → ${show(repair.after)} — ${repair.reason}`;
  const diagnostic = new vscode.Diagnostic(toRange(repair.range), message, vscode.DiagnosticSeverity.Information);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = `repair-${repair.kind}`;
  return diagnostic;
}

/** Shows a repaired fragment with its invisible characters made visible, shortened for one line. */
function show(text: string): string {
  const visible = JSON.stringify(text);
  return visible.length > 60 ? `${visible.slice(0, 57)}…"` : visible;
}
