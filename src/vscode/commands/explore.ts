// "Explore Scenarios": runs the exploration of the active patch (in the worker) and opens its
// report — findings, baseline/patched differences, unreached lines — as a read-only document.
import * as vscode from 'vscode';
import { PatchLines } from '../../explore/patch-lines';
import { formatReport } from '../../explore/report-text';
import type { Findings } from '../findings';
import { Commands } from '../ids';
import { errorMessage, type KprLog } from '../log';
import type { PatchDocuments } from '../patch-documents';

export const REPORT_SCHEME = 'kpr-explore';

export function registerExploreCommand(context: vscode.ExtensionContext, documents: PatchDocuments, findings: Findings, log: KprLog): void {
  const reports = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    provideTextDocumentContent: (uri) => reports.get(uri.query) ?? 'kpr: this exploration report is no longer available; run "Explore Scenarios" again.\n',
  };
  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, provider),
    vscode.commands.registerCommand(Commands.exploreScenarios, async (documentUri?: string) => {
      const document = documentUri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(documentUri)) : vscode.window.activeTextEditor?.document;
      if (!document) {
        void vscode.window.showInformationMessage('Kernel Patch Review: open a patch mail to explore.');
        return undefined;
      }
      let report;
      try {
        report = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: 'Kernel Patch Review: exploring scenarios…' },
          () => findings.explore(document),
        );
      } catch (error) {
        // A failed exploration is not kept: running the command again explores again.
        log.error(`findings: exploring ${document.uri.toString()} failed: ${errorMessage(error)}`);
        void vscode.window.showErrorMessage(`Kernel Patch Review: the exploration failed (${errorMessage(error)}); run Explore Scenarios again to retry.`);
        return undefined;
      }
      const key = document.uri.toString();
      reports.set(key, formatReport(report, new PatchLines(documents.get(document))));
      const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${document.uri.path.split('/').pop()} — exploration`, query: key });
      changed.fire(uri);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false, viewColumn: vscode.ViewColumn.Beside });
      return report;
    }),
  );
}
