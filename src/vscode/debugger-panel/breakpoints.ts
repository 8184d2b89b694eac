// Breakpoints on patch lines are VS Code's own source breakpoints (the patch editor's gutter takes
// them, see "breakpoints" in package.json), so the gutter, the Breakpoints view and the panel
// share one list.
import * as vscode from 'vscode';
import type { BreakpointItem } from '../../shared/debugger-protocol';

function sourceBreakpointsIn(uri: vscode.Uri): vscode.SourceBreakpoint[] {
  const key = uri.toString();
  return vscode.debug.breakpoints.filter(
    (b): b is vscode.SourceBreakpoint => b instanceof vscode.SourceBreakpoint && b.location.uri.toString() === key,
  );
}

/** The document's breakpoints, one per line, with the line's text. */
export function breakpointItems(document: vscode.TextDocument): BreakpointItem[] {
  const byLine = new Map<number, BreakpointItem>();
  for (const b of sourceBreakpointsIn(document.uri)) {
    const line = b.location.range.start.line;
    if (line >= document.lineCount) continue;
    const previous = byLine.get(line);
    byLine.set(line, { line, text: document.lineAt(line).text.slice(0, 200), enabled: b.enabled || (previous?.enabled ?? false) });
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

/** Adds a breakpoint on the line, or removes the ones there. */
export function toggleBreakpoint(uri: vscode.Uri, line: number): void {
  const existing = sourceBreakpointsIn(uri).filter((b) => b.location.range.start.line === line);
  if (existing.length > 0) vscode.debug.removeBreakpoints(existing);
  else vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(uri, new vscode.Position(line, 0)))]);
}
