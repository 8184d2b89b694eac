// "Review This File as a Patch": for archive copies saved as .txt (like the sample) or any text
// the detection did not recognise.
import * as vscode from 'vscode';
import { Commands, PATCH_LANGUAGE_ID } from '../ids';

export function registerReviewAsPatch(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.reviewAsPatch, async (uri?: vscode.Uri) => {
      const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!document) {
        void vscode.window.showInformationMessage('Kernel Patch Review: open the file to review first.');
        return;
      }
      const patchDocument = await vscode.languages.setTextDocumentLanguage(document, PATCH_LANGUAGE_ID);
      // Shown only when it is not the active editor already (the command came from the Explorer):
      // showing it again would take the focus back from whatever the reviewer opened since, such
      // as the command palette for the next command.
      if (vscode.window.activeTextEditor?.document.uri.toString() !== patchDocument.uri.toString()) {
        await vscode.window.showTextDocument(patchDocument, { preview: false });
      }
    }),
  );
}
