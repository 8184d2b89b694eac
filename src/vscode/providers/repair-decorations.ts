// The per-line evidence of kpr's repairs, kept out of the Problems panel: a faint dotted
// underline on each repaired fragment of a patch editor. Hovering it shows the repair (the hover
// provider describes the repairs of the line).
import * as vscode from 'vscode';
import type { Patch } from '../../patch/model';
import { toRange } from '../convert';
import { PatchDocuments } from '../patch-documents';

export class RepairDecorations implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({
    textDecoration: 'underline dotted',
    // A theme colour at low contrast: evidence, not an alarm.
    light: { textDecoration: 'underline dotted rgba(0, 0, 0, 0.25)' },
    dark: { textDecoration: 'underline dotted rgba(255, 255, 255, 0.25)' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly subscriptions: vscode.Disposable[] = [this.type];
  /** The decorated ranges per document, for tests and the inspect command. */
  private readonly ranges = new Map<string, readonly vscode.Range[]>();

  constructor(private readonly documents: PatchDocuments) {
    this.subscriptions.push(
      documents.onDidParse((d) => this.update(d)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.applyAll()),
      vscode.workspace.onDidCloseTextDocument((d) => this.ranges.delete(d.uri.toString())),
    );
    this.applyAll();
  }

  /** The repaired ranges decorated in a document. */
  decorated(document: vscode.TextDocument): readonly vscode.Range[] {
    return this.ranges.get(document.uri.toString()) ?? [];
  }

  update(document: vscode.TextDocument): void {
    this.ranges.set(document.uri.toString(), repairRanges(this.documents.get(document)));
    this.apply(document);
  }

  private applyAll(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (!PatchDocuments.isPatchDocument(editor.document)) continue;
      if (!this.ranges.has(editor.document.uri.toString())) this.update(editor.document);
      else this.apply(editor.document);
    }
  }

  private apply(document: vscode.TextDocument): void {
    const ranges = this.decorated(document);
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document === document) editor.setDecorations(this.type, ranges);
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** A repair that removed text has an empty range: decorate its whole line's start so it shows. */
function repairRanges(patch: Patch): vscode.Range[] {
  return patch.repairs.map((r) => {
    const range = toRange(r.range);
    return range.isEmpty ? new vscode.Range(range.start.line, 0, range.start.line, Math.max(1, range.start.character)) : range;
  });
}
