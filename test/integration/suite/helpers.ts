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

/** Opens the bundled sample through kpr's own command and returns its editor. */
export async function openSample(): Promise<vscode.TextEditor> {
  await vscode.commands.executeCommand('kpr.openSample');
  const editor = vscode.window.activeTextEditor;
  if (!editor || !editor.document.uri.path.endsWith('rfc-3-5-next-syscall-data-pids.txt')) throw new Error('the sample did not open');
  return editor;
}

/** The 0-based line of the first document line that starts with `prefix`. */
export function lineStartingWith(document: vscode.TextDocument, prefix: string): number {
  for (let i = 0; i < document.lineCount; i++) if (document.lineAt(i).text.startsWith(prefix)) return i;
  throw new Error(`no line starts with ${JSON.stringify(prefix)}`);
}

/** Waits until `probe` returns a value that is not undefined (providers run asynchronously). */
export async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
