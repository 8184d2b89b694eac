// Shows the debugger's position in the patch editor: the current line of each run highlighted
// like VS Code's own current stack frame and revealed, and faults in red on the line that
// commits them. Side by side, baseline and patched are told apart: baseline in the colour VS Code
// gives a focused frame, patched in the top frame's, each labelled at the line's end (the panel's
// columns carry the same colours). Remembers what it drew so the integration tests can read it back.
import * as vscode from 'vscode';
import type { DebuggerState } from '../../shared/debugger-protocol';

export interface DecoratedLines {
  readonly current: readonly number[];
  readonly faults: readonly number[];
  /** Side by side: the lines drawn in the baseline colour (absent otherwise). */
  readonly baseline?: readonly number[];
}

interface CurrentLines {
  /** Drawn in the top stack frame's colour: the only run, or patched side by side. */
  readonly primary: vscode.DecorationOptions[];
  /** Side by side: baseline's line where it is not also patched's. */
  readonly baseline: vscode.DecorationOptions[];
}

/** Each run's current line; side by side, labelled with its variant, and one label where both stand on the same line. */
export function currentLineDecorations(state: DebuggerState | null): CurrentLines {
  const runs = (state?.runs ?? []).filter((run) => run.location.kind === 'patch');
  const sideBySide = (state?.runs.length ?? 0) > 1;
  const lineOf = (run: (typeof runs)[number]): number => (run.location.kind === 'patch' ? run.location.line : -1);
  const primary: vscode.DecorationOptions[] = [];
  const baseline: vscode.DecorationOptions[] = [];
  for (const run of runs) {
    const line = lineOf(run);
    const range = new vscode.Range(line, 0, line, 0);
    const hover = `${sideBySide ? `${run.variant}: ` : ''}step ${run.index} of ${run.length} (${run.location.stepId})`;
    if (!sideBySide) {
      primary.push({ range, hoverMessage: hover });
      continue;
    }
    const shared = runs.filter((other) => lineOf(other) === line);
    if (shared.length > 1 && run.variant === 'baseline') continue; // drawn once, with patched
    const label = shared.length > 1 ? 'baseline and patched' : run.variant;
    const options = { range, hoverMessage: shared.map((r) => `${r.variant}: step ${r.index} of ${r.length} (${r.location.stepId})`).join('  \n'), renderOptions: { after: { contentText: `  ◀ ${label}` } } };
    (run.variant === 'baseline' ? baseline : primary).push(options);
  }
  return { primary, baseline };
}

/** A run's current line: the stack-frame colour, and an outline that high-contrast themes show. */
function currentLineDecoration(color: string, outlineStyle: 'solid' | 'dashed'): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor(color),
    overviewRulerColor: new vscode.ThemeColor(color),
    overviewRulerLane: vscode.OverviewRulerLane.Full,
    // High-contrast themes define a focus border but no highlight background.
    outlineColor: new vscode.ThemeColor('contrastActiveBorder'),
    outlineStyle,
    outlineWidth: '1px',
    after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic', margin: '0 0 0 1em' },
  });
}

export class DebugDecorations implements vscode.Disposable {
  private readonly current = currentLineDecoration('editor.stackFrameHighlightBackground', 'solid');
  private readonly baselineCurrent = currentLineDecoration('editor.focusedStackFrameHighlightBackground', 'dashed');
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
  apply(uri: vscode.Uri | null, full: DebuggerState | null): void {
    // The run of the text as sent (as sent vs as edited) numbers the lines of another text: the
    // document shows the edited run only (the panel's column shows the sent one).
    const state = full && { ...full, runs: full.runs.filter((run) => run.text !== 'sent') };
    const lines = currentLineDecorations(state);
    const current = [...lines.baseline, ...lines.primary];
    const faults: vscode.DecorationOptions[] = [];
    for (const run of state?.runs ?? []) {
      const byLine = new Map<number, string[]>();
      for (const f of run.faults) if (f.line !== null) byLine.set(f.line, [...(byLine.get(f.line) ?? []), `${f.kind} (fork ${f.fork})`]);
      for (const [line, kinds] of byLine) {
        const text = `${state!.runs.length > 1 ? `${run.variant}: ` : ''}${kinds.join(', ')}`;
        faults.push({ range: new vscode.Range(line, 0, line, 0), hoverMessage: `Fault: ${text}`, renderOptions: { after: { contentText: ` ⚠ ${text}` } } });
      }
    }
    this.lines = {
      current: current.map((d) => d.range.start.line), faults: faults.map((d) => d.range.start.line),
      ...(state && state.runs.length > 1 ? { baseline: lines.baseline.map((d) => d.range.start.line) } : {}),
    };
    const key = uri?.toString();
    for (const editor of vscode.window.visibleTextEditors) {
      const mine = key !== undefined && editor.document.uri.toString() === key;
      editor.setDecorations(this.current, mine ? lines.primary : []);
      editor.setDecorations(this.baselineCurrent, mine ? lines.baseline : []);
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
    this.baselineCurrent.dispose();
    this.fault.dispose();
  }
}
