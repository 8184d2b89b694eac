// Shows the debugger's position in the patch editor: the current line of each run highlighted
// like VS Code's own current stack frame and revealed, and faults in red on the line that
// commits them. Remembers what it drew so the integration tests can read it back.
import * as vscode from 'vscode';
import type { DebuggerState } from '../../shared/debugger-protocol';

export interface DecoratedLines {
  readonly current: readonly number[];
  readonly faults: readonly number[];
}

export class DebugDecorations implements vscode.Disposable {
  private readonly current = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('editor.stackFrameHighlightBackground'),
    overviewRulerColor: new vscode.ThemeColor('editor.stackFrameHighlightBackground'),
    overviewRulerLane: vscode.OverviewRulerLane.Full,
    // High-contrast themes define a focus border but no highlight background.
    outlineColor: new vscode.ThemeColor('contrastActiveBorder'),
    outlineStyle: 'solid',
    outlineWidth: '1px',
  });
  private readonly fault = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    borderColor: new vscode.ThemeColor('editorError.foreground'),
    borderStyle: 'solid',
    borderWidth: '0 0 0 3px',
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.errorForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    after: { color: new vscode.ThemeColor('editorError.foreground'), margin: '0 0 0 2em' },
  });
  private lines: DecoratedLines = { current: [], faults: [] };
  private revealed: string | null = null;

  get decorated(): DecoratedLines {
    return this.lines;
  }

  /** Draws the state on every visible editor of the document; reveals a current line that moved. */
  apply(uri: vscode.Uri | null, state: DebuggerState | null): void {
    const current: vscode.DecorationOptions[] = [];
    const faults: vscode.DecorationOptions[] = [];
    for (const run of state?.runs ?? []) {
      if (run.location.kind === 'patch') {
        const label = state!.runs.length > 1 ? `${run.variant}: ` : '';
        current.push({ range: new vscode.Range(run.location.line, 0, run.location.line, 0), hoverMessage: `${label}step ${run.index} of ${run.length} (${run.location.stepId})` });
      }
      const byLine = new Map<number, string[]>();
      for (const f of run.faults) if (f.line !== null) byLine.set(f.line, [...(byLine.get(f.line) ?? []), `${f.kind} (fork ${f.fork})`]);
      for (const [line, kinds] of byLine) {
        const text = `${state!.runs.length > 1 ? `${run.variant}: ` : ''}${kinds.join(', ')}`;
        faults.push({ range: new vscode.Range(line, 0, line, 0), hoverMessage: `Fault: ${text}`, renderOptions: { after: { contentText: ` ⚠ ${text}` } } });
      }
    }
    this.lines = { current: current.map((d) => d.range.start.line), faults: faults.map((d) => d.range.start.line) };
    const key = uri?.toString();
    for (const editor of vscode.window.visibleTextEditors) {
      const mine = key !== undefined && editor.document.uri.toString() === key;
      editor.setDecorations(this.current, mine ? current : []);
      editor.setDecorations(this.fault, mine ? faults : []);
      if (mine && current.length > 0) {
        const where = `${key}#${current[current.length - 1].range.start.line}`;
        if (where !== this.revealed) editor.revealRange(current[current.length - 1].range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
    }
    this.revealed = key !== undefined && current.length > 0 ? `${key}#${current[current.length - 1].range.start.line}` : null;
  }

  dispose(): void {
    this.current.dispose();
    this.fault.dispose();
  }
}
