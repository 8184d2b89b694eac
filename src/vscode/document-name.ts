// How kpr names a document in titles and messages: its path in the workspace when it is a
// workspace file, else its file name. asRelativePath alone gives the whole path of an untitled
// copy (/tmp/…/x.edited.patch) and a leading slash to the bundled sample's kpr-sample: URI.
import * as vscode from 'vscode';

export function documentName(uri: vscode.Uri): string {
  if (uri.scheme === 'file' && vscode.workspace.getWorkspaceFolder(uri)) return vscode.workspace.asRelativePath(uri, false);
  return uri.path.split('/').pop() || uri.toString();
}
