// "Open Sample Patch": opens the patch mail shipped in samples/ so a reviewer can try kpr at once.
// It opens read-only (kpr-sample: scheme, see sample-file-system.ts): the extension's own file is
// never the one edited.
import * as vscode from 'vscode';
import { Commands, PATCH_LANGUAGE_ID } from '../ids';
import { registerSampleFileSystem, SAMPLE_SCHEME } from './sample-file-system';

/** The bundled sample: a web-archive copy of "[RFC PATCH 3/5] use next syscall data to predefine process ids". */
export const SAMPLE_FILE = 'samples/rfc-3-5-next-syscall-data-pids.txt';

/** The sample as "Open Sample Patch" shows it: read-only. */
export function readOnlySampleUri(): vscode.Uri {
  return vscode.Uri.from({ scheme: SAMPLE_SCHEME, path: `/${SAMPLE_FILE.split('/').pop()}` });
}

export function registerSampleCommands(context: vscode.ExtensionContext): void {
  registerSampleFileSystem(context);
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.openSample, async () => {
      const opened = await vscode.workspace.openTextDocument(readOnlySampleUri());
      // The sample is a web-archive copy saved as .txt: read it as a patch mail, as a reviewer would.
      const document = opened.languageId === PATCH_LANGUAGE_ID ? opened : await vscode.languages.setTextDocumentLanguage(opened, PATCH_LANGUAGE_ID);
      return vscode.window.showTextDocument(document, { preview: false });
    }),
  );
}
