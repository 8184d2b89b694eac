// "Open Sample Patch": opens the patch mail shipped in samples/ so a reviewer can try kpr at once.
import * as vscode from 'vscode';
import { Commands, PATCH_LANGUAGE_ID } from '../ids';

/** The bundled sample: a web-archive copy of "[RFC PATCH 3/5] use next syscall data to predefine process ids". */
export const SAMPLE_FILE = 'samples/rfc-3-5-next-syscall-data-pids.txt';

export function sampleUri(context: vscode.ExtensionContext): vscode.Uri {
  return vscode.Uri.joinPath(context.extensionUri, ...SAMPLE_FILE.split('/'));
}

export function registerSampleCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.openSample, async () => {
      const opened = await vscode.workspace.openTextDocument(sampleUri(context));
      // The sample is a web-archive copy saved as .txt: read it as a patch mail, as a reviewer would.
      const document = opened.languageId === PATCH_LANGUAGE_ID ? opened : await vscode.languages.setTextDocumentLanguage(opened, PATCH_LANGUAGE_ID);
      return vscode.window.showTextDocument(document, { preview: false });
    }),
  );
}
