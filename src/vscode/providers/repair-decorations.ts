// The per-line evidence of kpr's repairs, kept out of the Problems panel: a faint dotted
// underline on each repaired fragment of a patch editor. Hovering it shows the repair (the hover
// provider describes the repairs of the line).
import * as vscode from 'vscode';
import type { Repair } from '../../patch/model';
import { repairRuns, repairsOnLines, type RepairRun } from '../../patch/repair-runs';
import { toRange } from '../convert';
import { PatchDocuments } from '../patch-documents';

/**
 * Lines above and below the visible ones that are decorated too: a scroll within them shows its
 * underlines at once, and only leaving them asks for more. A hostile input repairs millions of
 * lines; sent to the editor at once, their ranges kept it busy for a minute.
 */
const MARGIN_LINES = 2000;

export class RepairDecorations implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({
    textDecoration: 'underline dotted',
    // A theme colour at low contrast: evidence, not an alarm.
    light: { textDecoration: 'underline dotted rgba(0, 0, 0, 0.25)' },
    dark: { textDecoration: 'underline dotted rgba(255, 255, 255, 0.25)' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly subscriptions: vscode.Disposable[] = [this.type];
  /** The repair runs of each parsed document. */
  private readonly runs = new Map<string, readonly RepairRun[]>();
  /** The lines each editor has decorations for: [first, last]. */
  private readonly windows = new WeakMap<vscode.TextEditor, { readonly runs: readonly RepairRun[]; readonly first: number; readonly last: number }>();

  constructor(private readonly documents: PatchDocuments) {
    this.subscriptions.push(
      documents.onDidParse((d) => this.update(d)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.applyAll()),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.follow(e.textEditor)),
      vscode.workspace.onDidCloseTextDocument((d) => this.runs.delete(d.uri.toString())),
    );
    this.applyAll();
  }

  update(document: vscode.TextDocument): void {
    this.runs.set(document.uri.toString(), repairRuns(this.documents.get(document)));
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.decorate(editor);
  }

  private applyAll(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (!PatchDocuments.isPatchDocument(editor.document)) continue;
      if (!this.runs.has(editor.document.uri.toString())) this.update(editor.document);
      else this.follow(editor);
    }
  }

  /** After a scroll: new decorations only when the visible lines near the decorated window's edge. */
  private follow(editor: vscode.TextEditor): void {
    const runs = this.runs.get(editor.document.uri.toString());
    if (runs === undefined) return;
    const window = this.windows.get(editor);
    const { first, last } = visibleLines(editor);
    const quarter = MARGIN_LINES / 4;
    if (window !== undefined && window.runs === runs && first - quarter >= window.first && last + quarter <= window.last) return;
    this.decorate(editor);
  }

  private decorate(editor: vscode.TextEditor): void {
    const runs = this.runs.get(editor.document.uri.toString()) ?? [];
    const visible = visibleLines(editor);
    const first = Math.max(0, visible.first - MARGIN_LINES);
    const last = visible.last + MARGIN_LINES;
    this.windows.set(editor, { runs, first, last });
    editor.setDecorations(this.type, repairsOnLines(runs, first, last).map(decorationRange));
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

function visibleLines(editor: vscode.TextEditor): { first: number; last: number } {
  const ranges = editor.visibleRanges;
  if (ranges.length === 0) return { first: 0, last: 0 };
  return { first: ranges[0].start.line, last: ranges[ranges.length - 1].end.line };
}

/** A repair that removed text has an empty range: decorate its whole line's start so it shows. */
function decorationRange(repair: Repair): vscode.Range {
  const range = toRange(repair.range);
  return range.isEmpty ? new vscode.Range(range.start.line, 0, range.start.line, Math.max(1, range.start.character)) : range;
}
