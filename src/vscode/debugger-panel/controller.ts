// Owns the debugging session: which patch document the lines refer to, the DebuggerCore (scenario,
// one Session per variant, moves), the breakpoints and the editor decorations. The panel only
// forwards the reviewer's requests here and posts back what `state()` returns.
import * as vscode from 'vscode';
import { setContextKey } from '../context-keys';
import type { KprLog } from '../log';
import { Commands, DEBUGGER_ACTIVE_CONTEXT, PATCH_LANGUAGE_ID } from '../ids';
import type { PatchDocuments } from '../patch-documents';
import type {
  DebuggerState, PersistedState, RunText, ScenarioErrorItem, ScenarioJson, StepCommand, ViewMode,
} from '../../shared/debugger-protocol';
import { breakpointItems, toggleBreakpoint } from './breakpoints';
import { DebuggerCore, type PatchText } from '../../panel/core';
import { unchangedLines } from '../../panel/line-correspondence';
import { loadCParser } from '../../c';
import { programsFor } from '../../interp/programs';
import { mapPatch, MappingIndex } from '../../mapping';
import type { AsSent } from '../versions/edited-copies';

/** Where the controller learns a document's original as sent (EditedCopies). */
export interface SentOriginals {
  asSent(document: vscode.TextDocument): AsSent | undefined;
}
import { DebugDecorations, type DecoratedLines } from './decorations';

export interface DebuggerSnapshot {
  readonly state: DebuggerState | null;
  readonly decorations: DecoratedLines;
  readonly documentUri: string | null;
}

export class DebuggerController implements vscode.Disposable {
  private core: DebuggerCore | null = null;
  private document: vscode.TextDocument | null = null;
  private readonly decorations = new DebugDecorations();
  private readonly changed = new vscode.EventEmitter<DebuggerState>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Fires after every change the panel must render. */
  readonly onDidChange = this.changed.event;

  /** The sent text's mapping and programs, computed once per original. */
  private readonly sentTexts = new WeakMap<AsSent, Promise<Omit<PatchText, 'fromDocumentLine'>>>();

  constructor(
    private readonly documents: PatchDocuments,
    private readonly log: KprLog,
    private readonly originals?: SentOriginals,
  ) {
    this.subscriptions.push(
      this.changed,
      this.decorations,
      vscode.debug.onDidChangeBreakpoints(() => this.publish()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.decorations.apply(this.document?.uri ?? null, this.state())),
      documents.onDidParse((document) => {
        if (this.core && document.uri.toString() === this.document?.uri.toString()) void this.remap(document);
      }),
    );
  }

  get active(): boolean {
    return (this.core?.runs.length ?? 0) > 0;
  }

  get documentUri(): vscode.Uri | null {
    return this.document?.uri ?? null;
  }

  /**
   * Records the scenario on the patch document (the given one, else the patch editor in view,
   * else the bundled sample) and shows it; returns the scenario's broken rules.
   */
  async start(scenario: ScenarioJson, mode: ViewMode, documentUri?: vscode.Uri, positions: readonly number[] = []): Promise<ScenarioErrorItem[]> {
    const document = await this.resolveDocument(documentUri);
    this.document = document;
    const mapping = this.documents.mapping(document);
    // The runs execute the document's text as written (an edited line runs as edited).
    const programs = await this.documents.programs(document);
    this.core ??= new DebuggerCore(mapping, programs);
    this.core.setMapping(mapping, programs);
    this.core.setSent(await this.sentText(document));
    this.core.breakpointLines = this.enabledBreakpointLines();
    const errors = this.core.load(scenario, mode, positions);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: true, preview: false });
    this.publish();
    return errors;
  }

  /** The document changed: its lines map anew, and the next load runs its new text. */
  private async remap(document: vscode.TextDocument): Promise<void> {
    const programs = await this.documents.programs(document);
    if (!this.core || document.uri.toString() !== this.document?.uri.toString()) return;
    this.core.setMapping(this.documents.mapping(document), programs);
    // The edited lines moved: the sent text's counterparts of the document's lines are counted anew.
    this.core.setSent(await this.sentText(document));
    this.publish();
  }

  /** The text as sent of an edited copy (Try a Change…), for the sent/edited modes; null for any other document. */
  private async sentText(document: vscode.TextDocument): Promise<PatchText | null> {
    const asSent = this.originals?.asSent(document);
    if (!asSent) return null;
    let text = this.sentTexts.get(asSent);
    if (!text) {
      const mapping = mapPatch(asSent.patch);
      text = loadCParser().then((parser) => ({ index: new MappingIndex(mapping), programs: programsFor(asSent.patch, parser, mapping) }));
      this.sentTexts.set(asSent, text);
    }
    return { ...(await text), fromDocumentLine: unchangedLines(asSent.text, document.getText()) };
  }

  /** Ends the session (the reviewer closed the panel): no highlight, and F5/F10/F11 are VS Code's again. */
  stop(): void {
    this.core = null;
    this.decorations.apply(null, null);
    setContextKey(DEBUGGER_ACTIVE_CONTEXT, false, this.log);
  }

  /** Loads another scenario on the same document (from the panel's form). */
  async setScenario(scenario: ScenarioJson, mode: ViewMode): Promise<ScenarioErrorItem[]> {
    return this.start(scenario, mode, this.document?.uri);
  }

  step(command: StepCommand): void {
    if (!this.core) return;
    this.core.breakpointLines = this.enabledBreakpointLines();
    this.core.step(command);
    this.publish();
  }

  goTo(run: number, index: number): void {
    this.core?.goTo(run, index);
    this.publish();
  }

  /** Restarts and runs to the first step mapped to the line; false when no run reaches it. */
  runToLine(line: number): boolean {
    const reached = this.core?.runToLine(line) ?? false;
    this.publish();
    return reached;
  }

  toggleBreakpoint(line: number): void {
    if (this.document) toggleBreakpoint(this.document.uri, line);
  }

  /**
   * Reveals a patch line in the patch editor (a click on a line in the panel). A line of the sent
   * column is a line of the patch as sent: it is shown in that original, not in the edited copy,
   * whose same line number may hold another line.
   */
  async revealLine(line: number, text?: RunText): Promise<void> {
    if (!this.document) return;
    const sent = text === 'sent' ? this.originals?.asSent(this.document) : undefined;
    if (text === 'sent' && !sent) return;
    const document = sent ? await vscode.workspace.openTextDocument(sent.uri) : this.document;
    if (line >= document.lineCount) return;
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false, preview: false });
    const range = new vscode.Range(line, 0, line, 0);
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  state(): DebuggerState | null {
    if (!this.core) return null;
    const document = this.document ? { uri: this.document.uri.toString(), name: this.document.uri.path.split('/').pop() ?? '' } : null;
    return this.core.state(document, this.document ? breakpointItems(this.document) : []);
  }

  /** What the panel keeps so a reload restores the scenario and the step. */
  persisted(): PersistedState | null {
    if (!this.core) return null;
    const { scenario, mode } = this.core.persistedScenario();
    return { version: 1, scenario, mode, positions: this.core.positions(), documentUri: this.document?.uri.toString() ?? null };
  }

  snapshot(): DebuggerSnapshot {
    return { state: this.state(), decorations: this.decorations.decorated, documentUri: this.document?.uri.toString() ?? null };
  }

  private enabledBreakpointLines(): number[] {
    return this.document ? breakpointItems(this.document).filter((b) => b.enabled).map((b) => b.line) : [];
  }

  /**
   * Builds the state once and hands it to the panel, then to the decorations: the panel's message
   * goes out before the editor's decorations and the context key are set (a step's round trip to
   * the panel's repaint does not wait on them).
   */
  private publish(): void {
    if (this.core) this.core.breakpointLines = this.enabledBreakpointLines();
    const state = this.state();
    if (state) this.changed.fire(state);
    setContextKey(DEBUGGER_ACTIVE_CONTEXT, this.active, this.log);
    this.decorations.apply(this.document?.uri ?? null, state);
  }

  private async resolveDocument(uri: vscode.Uri | undefined): Promise<vscode.TextDocument> {
    let document: vscode.TextDocument | undefined;
    if (uri) document = await vscode.workspace.openTextDocument(uri);
    document ??= [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors]
      .map((e) => e?.document)
      .find((d) => d?.languageId === PATCH_LANGUAGE_ID);
    document ??= this.document ?? undefined;
    if (!document) {
      const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>(Commands.openSample);
      document = editor?.document;
    }
    if (!document) throw new Error('no patch document to debug: open a patch mail first');
    // A debugging request on a file is a request to read it as a patch mail.
    return document.languageId === PATCH_LANGUAGE_ID ? document : vscode.languages.setTextDocumentLanguage(document, PATCH_LANGUAGE_ID);
  }

  dispose(): void {
    this.decorations.apply(null, null);
    for (const s of this.subscriptions) s.dispose();
  }
}
