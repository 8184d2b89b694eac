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
import { PatchDiagnostics } from './providers/diagnostics';

export function activate(context: vscode.ExtensionContext): void {
  const documents = new PatchDocuments();
  const selector: vscode.DocumentSelector = { language: PATCH_LANGUAGE_ID };
  context.subscriptions.push(
    documents,
    vscode.languages.registerDocumentSymbolProvider(selector, new PatchOutlineProvider(documents), { label: 'Kernel Patch Review' }),
    vscode.languages.registerFoldingRangeProvider(selector, new PatchFoldingProvider(documents)),
    new PatchDiagnostics(documents),
  );
  registerSampleCommands(context);
  registerReviewAsPatch(context);
  registerNavigationCommands(context, documents);
  registerFileImages(context, documents);
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
