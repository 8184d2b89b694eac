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
      await vscode.window.showTextDocument(patchDocument, { preview: false });
    }),
  );
}
