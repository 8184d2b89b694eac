// Conversions between the core's positions (0-based, like the editor's) and VS Code's types.
import * as vscode from 'vscode';
import type { DocRange } from '../patch/model';

export function toRange(range: DocRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** The whole of one document line, for selection ranges and decorations. */
export function lineRange(document: vscode.TextDocument, line: number): vscode.Range {
  const safe = Math.max(0, Math.min(line, document.lineCount - 1));
  return document.lineAt(safe).range;
}
