// The adapter's file access inside VS Code: an open document's current text (unsaved edits
// included), else the file through the workspace file system, refused past kpr.maxFileSizeMB.
import * as vscode from 'vscode';
import type { AdapterFiles } from '../../debug-adapter/files';
import { readSettings } from '../settings';

/** A launch attribute's path as a URI: a URI string (untitled:, vscode-remote:) or a file path. */
export function uriOfPath(path: string): vscode.Uri {
  // Two or more letters before the colon: a scheme, not a Windows drive letter.
  return /^[a-z][a-z0-9+.-]+:/i.test(path) ? vscode.Uri.parse(path, true) : vscode.Uri.file(path);
}

/** The launch attribute naming a document: its path for files, its URI otherwise (untitled). */
export function pathOfDocument(document: vscode.TextDocument): string {
  return document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.toString();
}

export const editorFiles: AdapterFiles = {
  async readText(path: string): Promise<string> {
    const uri = uriOfPath(path);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    const limitMB = readSettings().maxFileSizeMB;
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > limitMB * 1024 * 1024) throw new Error(`the file is larger than kpr.maxFileSizeMB (${limitMB} MiB)`);
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  },
};
