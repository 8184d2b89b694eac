// The Problems panel: the parser's problems (errors, warnings), its repairs summarised per mail
// and kind (information, each repaired fragment in the related information; the per-line
// evidence is an editor decoration), and the model's findings (warnings) on the lines that
// commit them, each with the scenario that reproduces it and a quick fix that debugs it.
import * as vscode from 'vscode';
import { shownLine, type Finding } from '../../explore';
import { describeRepair, summariseRepairs, type RepairGroup } from '../../explain/repair-summary';
import type { Patch, Problem } from '../../patch/model';
import { lineRange, toRange } from '../convert';
import type { Findings } from '../findings';
import { Commands } from '../ids';
import { PatchDocuments } from '../patch-documents';
import { interpreterDiagnostic } from './interpreter-diagnostics';
import { RepairDecorations } from './repair-decorations';

export const DIAGNOSTIC_SOURCE = 'kpr';
export const FINDING_SOURCE = 'kpr model';

export class PatchDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('kpr');
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly repairDecorations: RepairDecorations;

  constructor(private readonly documents: PatchDocuments, private readonly findings: Findings) {
    this.repairDecorations = new RepairDecorations(documents);
    this.subscriptions.push(
      this.collection,
      this.repairDecorations,
      documents.onDidParse((d) => this.update(d)),
      findings.onDidChange((d) => this.update(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
    );
    for (const d of vscode.workspace.textDocuments) if (PatchDocuments.isPatchDocument(d)) this.update(d);
  }

  update(document: vscode.TextDocument): void {
    const report = this.findings.current(document);
    const found = report?.findings ?? [];
    const patch = this.documents.get(document);
    this.collection.set(document.uri, [
      ...diagnosticsOf(patch, document.uri),
      ...(report?.refused ?? []).map((p) => interpreterDiagnostic(document, p)),
      // A finding in code the patch does not show goes on its file's header in the patch.
      ...found.filter((f) => shownLine(f) >= 0).map((f) => findingDiagnostic(document, f)),
    ]);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

export function diagnosticsOf(patch: Patch, uri: vscode.Uri): vscode.Diagnostic[] {
  return [...patch.problems.map(problemDiagnostic), ...summariseRepairs(patch).map((g) => repairGroupDiagnostic(g, uri))];
}

function problemDiagnostic(problem: Problem): vscode.Diagnostic {
  const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error
    : problem.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
  const diagnostic = new vscode.Diagnostic(toRange(problem.range), problem.message, severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = problem.code;
  return diagnostic;
}

/** Related information beyond this many fragments is left out: the editor shows them all. */
const MAX_RELATED = 100;

function repairGroupDiagnostic(group: RepairGroup, uri: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(group.range), group.message, vscode.DiagnosticSeverity.Information);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = `repair-${group.kind}`;
  const listed = group.firstRepairs(MAX_RELATED + 1);
  const related = listed.slice(0, MAX_RELATED).map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.range)), describeRepair(r)));
  if (group.count > MAX_RELATED) {
    const rest = listed[MAX_RELATED];
    related.push(new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(rest.range)), `… and ${group.count - MAX_RELATED} more (underlined in the editor)`));
  }
  diagnostic.relatedInformation = related;
  return diagnostic;
}

function findingDiagnostic(document: vscode.TextDocument, finding: Finding): vscode.Diagnostic {
  const paths = finding.paths.length > 1 ? ` Reached by ${finding.paths.length} error paths: ${finding.paths.map((p) => p.label).join('; ')}.` : '';
  const outside = finding.outside === undefined ? '' : `In ${finding.outside.calls}, which the patch does not show: `;
  const message = `${finding.kind} (${finding.variant}): ${outside}${finding.message}${paths} Reproduce: ${JSON.stringify(finding.scenario)}`;
  const diagnostic = new vscode.Diagnostic(lineRange(document, shownLine(finding)), message, vscode.DiagnosticSeverity.Warning);
  diagnostic.source = FINDING_SOURCE;
  diagnostic.code = `finding-${finding.kind}`;
  return diagnostic;
}

/** The quick fix "Debug This Scenario" on each model finding. */
export class FindingQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly findings: Findings) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== FINDING_SOURCE) continue;
      const finding = this.findings.findingsAt(document, diagnostic.range.start.line).find((f) => diagnostic.code === `finding-${f.kind}`);
      if (!finding) continue;
      const action = new vscode.CodeAction(`Debug This Scenario (${finding.kind}, ${finding.variant})`, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.command = { title: 'Debug This Scenario', command: Commands.debugScenario, arguments: [finding.scenario, document.uri.toString()] };
      actions.push(action);
    }
    return actions;
  }
}
