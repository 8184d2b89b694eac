// "Show in Model" / "Go to Model": opens the model's view of the function a patch line belongs
// to, as a read-only document (kpr-model: scheme), with the line's step selected.
import * as vscode from 'vscode';
import type { Variant } from '../../kernel/statements';
import { isModelFunction, modelFunctionView } from '../../mapping/model-view';
import { Commands } from '../ids';
import type { PatchDocuments } from '../patch-documents';

export const MODEL_SCHEME = 'kpr-model';

interface ModelQuery {
  readonly document: string;
  readonly fn: string;
  readonly variant: Variant;
}

export function registerModelView(context: vscode.ExtensionContext, documents: PatchDocuments): void {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const query = JSON.parse(uri.query) as ModelQuery;
      if (!isModelFunction(query.fn)) return `${query.fn} is not part of the model.\n`;
      const source = await vscode.workspace.openTextDocument(vscode.Uri.parse(query.document));
      return modelFunctionView(query.fn, query.variant, documents.mapping(source)).text;
    },
  };
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(MODEL_SCHEME, provider),
    vscode.commands.registerCommand(Commands.showInModel, async (documentUri?: string, line?: number) => {
      const editor = vscode.window.activeTextEditor;
      const document = documentUri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(documentUri)) : editor?.document;
      if (!document) return;
      const at = line ?? editor?.selection.active.line ?? 0;
      const index = documents.mapping(document);
      const mapped = index.line(at);
      if (!mapped?.fn || !isModelFunction(mapped.fn)) {
        void vscode.window.showInformationMessage('Kernel Patch Review: this line is not in a function the model implements (kernel/pid.c, kernel/fork.c).');
        return;
      }
      const variant: Variant = mapped.kind === '-' ? 'baseline' : 'patched';
      const query: ModelQuery = { document: document.uri.toString(), fn: mapped.fn, variant };
      const uri = vscode.Uri.from({ scheme: MODEL_SCHEME, path: `/${mapped.fn} (${variant}).model`, query: JSON.stringify(query) });
      const view = modelFunctionView(mapped.fn, variant, index);
      const step = mapped.steps[variant]?.[0];
      const viewLine = (step ? view.lineOfStep.get(step) : undefined) ?? 0;
      const shown = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true, viewColumn: vscode.ViewColumn.Beside });
      const selection = new vscode.Range(viewLine, 0, viewLine, shown.document.lineAt(Math.min(viewLine, shown.document.lineCount - 1)).text.length);
      shown.selection = new vscode.Selection(selection.start, selection.end);
      shown.revealRange(selection, vscode.TextEditorRevealType.InCenter);
    }),
  );
}
