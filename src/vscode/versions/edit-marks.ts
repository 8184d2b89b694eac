// Marks the lines of an edited copy that differ from the patch as sent (a bar in the gutter's
// place and a CodeLens), and recounts the @@ headers an edit left stale, so the copy always reads
// as the reviewer meant it. The CodeLens says whether kpr ran the text as written: until the
// exploration runs the patch's C text, it runs kpr's model and an edit cannot change findings.
import * as vscode from 'vscode';
import { editedLines, type EditedLines } from '../../versions/edited-lines';
import { recountEditedHeaders } from '../../versions/recount';
import type { Findings } from '../findings';
import { errorMessage, type KprLog } from '../log';
import type { EditedCopies } from './edited-copies';

const RECOUNT_DELAY_MS = 300;
/** How often a recount the editor refused is tried again before kpr leaves the headers to the next change. */
const MAX_RECOUNT_RETRIES = 3;

export class EditMarks implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly edited = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    borderStyle: 'solid',
    borderWidth: '0 0 0 3px',
    borderColor: new vscode.ThemeColor('editorGutter.modifiedBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.modifiedForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  private readonly removedBelow = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    borderStyle: 'solid',
    borderWidth: '0 0 2px 0',
    borderColor: new vscode.ThemeColor('editorGutter.deletedBackground'),
  });
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[] = [this.edited, this.removedBelow, this.lensesChanged];
  readonly onDidChangeCodeLenses = this.lensesChanged.event;

  constructor(private readonly copies: EditedCopies, private readonly findings: Findings, private readonly log: KprLog) {
    this.subscriptions.push(
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.decorate(e))),
      vscode.workspace.onDidChangeTextDocument((e) => this.changed(e.document)),
      findings.onDidChange(() => this.lensesChanged.fire()),
      copies.onDidChange(() => {
        vscode.window.visibleTextEditors.forEach((e) => this.decorate(e));
        this.lensesChanged.fire();
      }),
    );
  }

  /** The edited lines of a copy, or undefined for a document that is not one. */
  marksOf(document: vscode.TextDocument): EditedLines | undefined {
    const sent = this.copies.asSent(document);
    return sent ? editedLines(sent.text, document.getText()) : undefined;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const marks = this.marksOf(document);
    if (!marks) return [];
    const report = this.findings.current(document);
    // Until the edited text's exploration is back, the mark says only that the line was edited.
    const title = report === undefined ? '$(edit) edited' : report.ranAsWritten ? '$(edit) edited — runs as written' : '$(edit) edited — not run: kpr cannot run this text';
    const tooltip = report === undefined
      ? 'This line differs from the patch as sent; the edited text is being explored.'
      : report.ranAsWritten
        ? 'This line differs from the patch as sent; the exploration ran your text as written.'
        : 'This line differs from the patch as sent. The interpreter refuses the edited text (its problems are in the Problems panel), so the exploration did not run it.';
    return marks.stretches.map((s) => new vscode.CodeLens(new vscode.Range(s.first, 0, s.first, 0), { title, tooltip, command: '' }));
  }

  private changed(document: vscode.TextDocument): void {
    const sent = this.copies.asSent(document);
    if (!sent) return;
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.decorate(editor);
    this.scheduleRecount(document, 0);
  }

  /** Recounts after a pause; an edit the editor refused is tried again, a few times. */
  private scheduleRecount(document: vscode.TextDocument, attempt: number): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.recount(document)
        .then((outcome) => {
          // Refused with no typing of the reviewer's in between (the editor's copy of the text was
          // a version ahead, as when a revert of the same untitled name races it): the headers are
          // still stale and no change will come to retry, so try again here.
          if (outcome === 'refused' && attempt < MAX_RECOUNT_RETRIES) this.scheduleRecount(document, attempt + 1);
        })
        .catch((error: unknown) => this.log.error(`versions: recounting the @@ headers of ${key} failed: ${errorMessage(error)}`));
    }, RECOUNT_DELAY_MS));
  }

  /** Rewrites the stale @@ headers of a copy, unless the reviewer typed on meanwhile. */
  async recount(document: vscode.TextDocument): Promise<'none' | 'applied' | 'typed-on' | 'refused'> {
    const sent = this.copies.asSent(document);
    if (!sent || document.isClosed) return 'none';
    const version = document.version;
    const edits = recountEditedHeaders(sent.text, sent.patch, document.getText());
    if (edits.length === 0) return 'none';
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) edit.replace(document.uri, document.lineAt(e.line).range, e.after);
    // Typing since: its change event has scheduled the next recount.
    if (document.version !== version) return 'typed-on';
    if (await vscode.workspace.applyEdit(edit)) return 'applied';
    return document.isClosed || document.version !== version ? 'typed-on' : 'refused';
  }

  private decorate(editor: vscode.TextEditor): void {
    const marks = this.marksOf(editor.document);
    if (!marks) return;
    const hover = new vscode.MarkdownString('Edited: differs from the patch as sent.');
    editor.setDecorations(this.edited, marks.stretches.map((s) => ({ range: new vscode.Range(s.first, 0, s.last, 0), hoverMessage: hover })));
    editor.setDecorations(this.removedBelow, marks.deletionsAfter.filter((l) => l >= 0).map((l) => ({ range: new vscode.Range(l, 0, l, 0), hoverMessage: 'Sent lines removed below this line.' })));
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const s of this.subscriptions) s.dispose();
  }
}
