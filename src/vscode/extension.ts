// Extension entry point: reads like a table of contents. Each feature registers itself
// through a function that receives what it needs; no logic lives here.
import * as vscode from 'vscode';
import { PATCH_LANGUAGE_ID } from './ids';
import { PatchDocuments } from './patch-documents';
import { registerSampleCommands } from './commands/sample';
import { registerReviewAsPatch } from './commands/review-as-patch';
import { registerNavigationCommands } from './commands/navigation';
import { registerFileImages } from './commands/file-images';
import { PatchOutlineProvider } from './providers/outline';
import { PatchFoldingProvider } from './providers/folding';
import { registerDebugger } from './debugger-panel/commands';
import { registerNativeDebugger } from './native-debug';
import { FindingQuickFixes, PatchDiagnostics } from './providers/diagnostics';
import { PatchHoverProvider } from './providers/hover';
import { PatchCodeLensProvider } from './providers/code-lens';
import { registerModelView } from './commands/model-view';
import { Findings } from './findings';
import { createLog } from './log';
import { registerExploreCommand } from './commands/explore';
import { registerReview } from './review/register';
import { registerVersions } from './versions/register';
import { EditedCopies } from './versions/edited-copies';

export function activate(context: vscode.ExtensionContext): void {
  const log = createLog();
  const documents = new PatchDocuments();
  const findings = new Findings(documents, Findings.workerScript(context.extensionPath), log);
  const selector: vscode.DocumentSelector = { language: PATCH_LANGUAGE_ID };
  context.subscriptions.push(
    log,
    documents,
    findings,
    vscode.languages.registerDocumentSymbolProvider(selector, new PatchOutlineProvider(documents), { label: 'Kernel Patch Review' }),
    vscode.languages.registerFoldingRangeProvider(selector, new PatchFoldingProvider(documents)),
    vscode.languages.registerHoverProvider(selector, new PatchHoverProvider(documents, findings)),
    vscode.languages.registerCodeLensProvider(selector, new PatchCodeLensProvider(documents)),
    vscode.languages.registerCodeActionsProvider(selector, new FindingQuickFixes(findings), { providedCodeActionKinds: FindingQuickFixes.kinds }),
    new PatchDiagnostics(documents, findings),
  );
  registerSampleCommands(context);
  registerReviewAsPatch(context);
  registerNavigationCommands(context, documents);
  registerFileImages(context, documents);
  // Try a Change's copies: the debugger compares each with its original as sent.
  const copies = new EditedCopies();
  registerDebugger(context, documents, log, copies);
  registerNativeDebugger(context);
  registerModelView(context, documents);
  registerExploreCommand(context, documents, findings, log);
  registerReview(context, documents, findings, log, registerVersions(context, documents, findings, log, copies));
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
