// Next/previous hunk and file: move the cursor to the next header line the parser found, and
// reveal it. Wraps neither way: at the last hunk the reviewer is told so in the status bar.
import * as vscode from 'vscode';
import type { Patch } from '../../patch/model';
import { Commands } from '../ids';
import type { PatchDocuments } from '../patch-documents';

type Unit = 'hunk' | 'file';

export function registerNavigationCommands(context: vscode.ExtensionContext, documents: PatchDocuments): void {
  const jump = (unit: Unit, direction: 1 | -1) => () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const lines = headerLines(documents.get(editor.document), unit);
    const here = editor.selection.active.line;
    const target = direction > 0 ? lines.find((l) => l > here) : [...lines].reverse().find((l) => l < here);
    if (target === undefined) {
      vscode.window.setStatusBarMessage(`kpr: no ${direction > 0 ? 'next' : 'previous'} ${unit}`, 2500);
      return;
    }
    const position = new vscode.Position(target, 0);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.nextHunk, jump('hunk', 1)),
    vscode.commands.registerCommand(Commands.previousHunk, jump('hunk', -1)),
    vscode.commands.registerCommand(Commands.nextFile, jump('file', 1)),
    vscode.commands.registerCommand(Commands.previousFile, jump('file', -1)),
  );
}

/** Sorted document lines of every hunk header (or file header) in the patch. */
export function headerLines(patch: Patch, unit: Unit): number[] {
  const lines: number[] = [];
  for (const mail of patch.mails) {
    for (const file of mail.files) {
      if (unit === 'file') lines.push(file.headerLine);
      else for (const hunk of file.hunks) lines.push(hunk.headerLine);
    }
  }
  return lines.sort((a, b) => a - b);
}
