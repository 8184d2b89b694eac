// Shared helpers for the extension-host suite.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'kpr.kernel-patch-review';

export function kprExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded in this host`);
  return extension;
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
