// "Open Pre/Post Image": the file before and after the patch, rebuilt from its hunks, in VS Code's
// own diff editor. The images are virtual read-only documents under the kpr-image: scheme.
import * as vscode from 'vscode';
import { buildFileImages } from '../../patch/file-images';
import type { FilePatch, Patch } from '../../patch/model';
import { Commands } from '../ids';
import type { PatchDocuments } from '../patch-documents';
import { displayPath } from '../../patch/display';

export const IMAGE_SCHEME = 'kpr-image';

interface ImageQuery {
  readonly document: string;
  readonly mail: number;
  readonly file: number;
  readonly side: 'pre' | 'post';
}

export function registerFileImages(context: vscode.ExtensionContext, documents: PatchDocuments): void {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const query = JSON.parse(uri.query) as ImageQuery;
      const source = await vscode.workspace.openTextDocument(vscode.Uri.parse(query.document));
      const file = documents.get(source).mails[query.mail]?.files[query.file];
      if (!file) return `// kpr: this file is no longer in ${vscode.Uri.parse(query.document).path}\n`;
      return buildFileImages(file)[query.side];
    },
  };
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(IMAGE_SCHEME, provider),
    vscode.commands.registerCommand(Commands.openFileImages, async (uri?: vscode.Uri, line?: number) => {
      const editor = vscode.window.activeTextEditor;
      const document = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
      if (!document) return;
      const patch = documents.get(document);
      const at = line ?? editor?.selection.active.line ?? 0;
      const found = fileAt(patch, at) ?? (await pickFile(patch));
      if (!found) return;
      const imageUri = (side: ImageQuery['side']) => {
        const query: ImageQuery = { document: document.uri.toString(), mail: found.mail, file: found.file, side };
        // The path ends in the file's own name, so the diff editor highlights C as C.
        return vscode.Uri.from({ scheme: IMAGE_SCHEME, path: `/${side}/${displayPath(found.patch)}`, query: JSON.stringify(query) });
      };
      const title = `${displayPath(found.patch)} (pre-image ↔ post-image, from the patch)`;
      return vscode.commands.executeCommand('vscode.diff', imageUri('pre'), imageUri('post'), title);
    }),
  );
}

interface FoundFile {
  readonly mail: number;
  readonly file: number;
  readonly patch: FilePatch;
}

function allFiles(patch: Patch): FoundFile[] {
  return patch.mails.flatMap((m, mail) => m.files.map((f, file) => ({ mail, file, patch: f })));
}

/** The file whose header or hunks contain the line. */
export function fileAt(patch: Patch, line: number): FoundFile | undefined {
  return allFiles(patch).find((f) => f.patch.range.start.line <= line && line <= f.patch.range.end.line);
}

async function pickFile(patch: Patch): Promise<FoundFile | undefined> {
  const files = allFiles(patch);
  if (files.length <= 1) return files[0];
  const picked = await vscode.window.showQuickPick(
    files.map((f) => ({ label: displayPath(f.patch), found: f })),
    { placeHolder: 'Which file of the patch?' },
  );
  return picked?.found;
}
