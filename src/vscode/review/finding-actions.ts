// "Add to Review": a model finding (with its scenario) or one of kpr's diagnostics becomes a
// draft review comment on its line.
import * as vscode from 'vscode';
import { findingCommentBody } from '../../review/finding-comment';
import type { FindingsStore } from '../findings';
import { ReviewCommands } from '../ids';
import { DIAGNOSTIC_SOURCE, FINDING_SOURCE } from '../providers/diagnostics';

const KPR_SOURCES = new Set([DIAGNOSTIC_SOURCE, FINDING_SOURCE]);

export class AddToReviewActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly findings: FindingsStore) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (!diagnostic.source || !KPR_SOURCES.has(diagnostic.source)) continue;
      const line = diagnostic.range.start.line;
      const finding = diagnostic.source === FINDING_SOURCE ? this.findings.findingsAt(document, line)[0] : undefined;
      const body = finding ? findingCommentBody(finding) : findingCommentBody({ message: diagnostic.message });
      const action = new vscode.CodeAction(finding ? 'Add Finding to Review (with its scenario)' : 'Add to Review as a Comment', vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.command = { command: ReviewCommands.addCommentAt, title: action.title, arguments: [document.uri.toString(), line, body] };
      actions.push(action);
    }
    return actions;
  }
}
