// Try a Change: the editable copies of patch documents, each remembering its original "as sent".
// The copy is an untitled document beside the workspace (saved where the reviewer chooses); the
// original (often the read-only sample) is never touched.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Patch } from '../../patch/model';
import { parsePatchDocument } from '../../patch/parse';
import { PATCH_LANGUAGE_ID } from '../ids';
import { readSettings } from '../settings';

export interface AsSent {
  readonly uri: vscode.Uri;
  readonly text: string;
  readonly patch: Patch;
}

export class EditedCopies implements vscode.Disposable {
  /** Edited copy URI → its original as sent. */
  private readonly originals = new Map<string, AsSent>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [this.changed];
  /** Fires when a copy is opened or closed. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.subscriptions.push(vscode.workspace.onDidCloseTextDocument((d) => {
      if (this.originals.delete(d.uri.toString())) this.changed.fire();
    }));
  }

  /** The original of an edited copy, or undefined for any other document. */
  asSent(document: vscode.TextDocument): AsSent | undefined {
    return this.originals.get(document.uri.toString());
  }

  /** The open edited copies of a document as sent, latest first. */
  copiesOf(original: vscode.TextDocument): vscode.TextDocument[] {
    const key = original.uri.toString();
    return vscode.workspace.textDocuments.filter((d) => this.originals.get(d.uri.toString())?.uri.toString() === key).reverse();
  }

  /** Opens an editable copy of `original` (an edited copy's copy starts from its current text, its original kept). */
  async open(original: vscode.TextDocument): Promise<vscode.TextDocument> {
    const inherited = this.asSent(original);
    const text = original.getText();
    const asSent: AsSent = inherited ?? { uri: original.uri, text, patch: parsePatchDocument(text, { maxBytes: readSettings().maxFileSizeMB * 1024 * 1024 }) };
    const uri = vscode.Uri.file(copyPath(original)).with({ scheme: 'untitled' });
    const copy = await vscode.workspace.openTextDocument(uri);
    this.originals.set(copy.uri.toString(), asSent);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(copy.uri, new vscode.Position(0, 0), text);
    await vscode.workspace.applyEdit(edit);
    const shown = copy.languageId === PATCH_LANGUAGE_ID ? copy : await vscode.languages.setTextDocumentLanguage(copy, PATCH_LANGUAGE_ID);
    this.changed.fire();
    return shown;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.originals.clear();
  }
}

/** "<name>.edited.patch" (then -2, -3, …) in the workspace, beside the original, or in tmp: a path no file or document holds yet. */
function copyPath(original: vscode.TextDocument): string {
  const folder = vscode.workspace.getWorkspaceFolder(original.uri) ?? vscode.workspace.workspaceFolders?.[0];
  const dir = folder?.uri.scheme === 'file' ? folder.uri.fsPath : original.uri.scheme === 'file' ? path.dirname(original.uri.fsPath) : os.tmpdir();
  const base = path.basename(original.uri.path).replace(/\.(?:edited(?:-\d+)?\.)?(?:patch|diff|txt|mbox|eml)$/i, '') || 'patch';
  const taken = (candidate: string) => fs.existsSync(candidate) || vscode.workspace.textDocuments.some((d) => d.uri.fsPath === candidate);
  let candidate = path.join(dir, `${base}.edited.patch`);
  for (let n = 2; taken(candidate); n++) candidate = path.join(dir, `${base}.edited-${n}.patch`);
  return candidate;
}
