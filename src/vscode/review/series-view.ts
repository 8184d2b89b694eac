// The "Patch Series" view: each series (from open patch documents, or an mbox or folder opened
// with "Open Patch Series…") with its cover letter, its parts and their review states, and the
// trailers replies gave. States live in workspace state (they survive a reload), keyed by the
// series' thread, so the same series read from an mbox or a folder shares them.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { parsePatchDocument } from '../../patch/parse';
import { ReviewStates, stateLabel, type ReviewState } from '../../review/review-state';
import { groupSeries, neighbourPart, partAt, readingOrder, type CollectedTrailer, type Series, type SeriesPart, type SeriesSource } from '../../review/series';
import { mailIndexAt } from '../../review/compose';
import { ReviewCommands, REVIEW_SERIES_VIEW_ID } from '../ids';
import { setContextKey } from '../context-keys';
import { errorMessage, type KprLog } from '../log';
import { PatchDocuments } from '../patch-documents';
import { readSettings } from '../settings';
import { toUri } from './comments';

const ROOTS_KEY = 'kpr.review.seriesRoots';
const MAIL_FILE = /\.(patch|diff|mbox|eml|txt|mail)$/i;
const MAX_FOLDER_FILES = 500;

type Node =
  | { readonly kind: 'series'; readonly series: Series }
  | { readonly kind: 'part'; readonly series: Series; readonly part: SeriesPart }
  | { readonly kind: 'missing'; readonly series: Series; readonly index: number }
  | { readonly kind: 'trailer'; readonly trailer: CollectedTrailer; readonly id: string };

const STATE_ICONS: Record<ReviewState, string> = { 'not-started': 'circle-large-outline', 'in-progress': 'circle-large-filled', done: 'pass-filled' };

export class SeriesView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Mails read from opened files and folders, by file URI. */
  private readonly opened = new Map<string, SeriesSource>();
  private series: Series[] = [];
  private current: string | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly context: vscode.ExtensionContext, private readonly documents: PatchDocuments, private readonly log: KprLog) {
    const view = vscode.window.createTreeView(REVIEW_SERIES_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions.push(
      this.changed,
      view,
      documents.onDidParse(() => this.scheduleRefresh()),
      vscode.workspace.onDidCloseTextDocument(() => this.scheduleRefresh()),
      vscode.commands.registerCommand(ReviewCommands.openSeries, (uri?: unknown) => this.openSeries(uri)),
      vscode.commands.registerCommand(ReviewCommands.openPart, (arg?: unknown) => this.openPart(this.partOf(arg))),
      vscode.commands.registerCommand(ReviewCommands.nextPart, () => this.step(1)),
      vscode.commands.registerCommand(ReviewCommands.previousPart, () => this.step(-1)),
      vscode.commands.registerCommand(ReviewCommands.markNotStarted, (arg?: unknown) => this.mark(arg, 'not-started')),
      vscode.commands.registerCommand(ReviewCommands.markInProgress, (arg?: unknown) => this.mark(arg, 'in-progress')),
      vscode.commands.registerCommand(ReviewCommands.markDone, (arg?: unknown) => this.mark(arg, 'done')),
      vscode.commands.registerCommand(ReviewCommands.inspectSeries, () => this.inspect()),
    );
    this.restoreRoots().catch((error: unknown) => this.log.error(`review: restoring the series folders failed: ${errorMessage(error)}`));
  }

  /** A fresh reader of the workspace state each time: what is shown is what is stored. */
  private get states(): ReviewStates {
    return new ReviewStates(this.context.workspaceState);
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), 150);
  }

  refresh(): void {
    const sources = new Map(this.opened);
    for (const document of vscode.workspace.textDocuments) {
      if (!PatchDocuments.isPatchDocument(document)) continue;
      const patch = this.documents.get(document);
      if (!patch.mails.some((m) => m.series.total !== undefined)) continue;
      sources.set(document.uri.toString(), { id: document.uri.toString(), patch, lines: document.getText().split(/\r?\n/) });
    }
    this.series = groupSeries([...sources.values()]);
    setContextKey('kpr.review.seriesOpen', this.series.length > 0, this.log);
    this.changed.fire(undefined);
  }

  private async restoreRoots(): Promise<void> {
    const roots = this.context.workspaceState.get<unknown>(ROOTS_KEY);
    if (Array.isArray(roots)) {
      for (const root of roots) if (typeof root === 'string') await this.readRoot(vscode.Uri.parse(root), false);
    }
    this.refresh();
  }

  /** Reads an mbox or every mail file of a folder; returns how many files held mails. */
  private async readRoot(uri: vscode.Uri, report: boolean): Promise<number> {
    let files: vscode.Uri[] = [uri];
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) {
        const entries = await vscode.workspace.fs.readDirectory(uri);
        files = entries.filter(([name, type]) => type & vscode.FileType.File && MAIL_FILE.test(name)).map(([name]) => vscode.Uri.joinPath(uri, name)).slice(0, MAX_FOLDER_FILES);
      }
    } catch (error) {
      if (report) void vscode.window.showWarningMessage(`kpr could not read ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    }
    const maxBytes = readSettings().maxFileSizeMB * 1024 * 1024;
    let read = 0;
    for (const file of files) {
      try {
        const stat = await vscode.workspace.fs.stat(file);
        if (stat.size > maxBytes) continue;
        const text = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8');
        const patch = parsePatchDocument(text, { maxBytes });
        if (patch.mails.length === 0) continue;
        this.opened.set(file.toString(), { id: file.toString(), patch, lines: text.split(/\r?\n/) });
        read++;
      } catch (error) {
        // An unreadable file is skipped; the others still make the series.
        this.log.warn(`review: skipped ${file.toString()} in the series: ${errorMessage(error)}`);
      }
    }
    return read;
  }

  private async openSeries(arg: unknown): Promise<number> {
    let uri = toUri(arg);
    if (!uri) {
      const picked = await vscode.window.showOpenDialog({ canSelectFiles: true, canSelectFolders: true, canSelectMany: false, title: 'Open a patch series (an mbox, or a folder of patch mails)' });
      uri = picked?.[0];
    }
    if (!uri) return 0;
    const read = await this.readRoot(uri, true);
    if (read === 0) {
      void vscode.window.showWarningMessage(`No patch mails found in ${path.basename(uri.fsPath)}.`);
      return 0;
    }
    const roots = this.context.workspaceState.get<unknown>(ROOTS_KEY);
    const list = Array.isArray(roots) ? roots.filter((r): r is string => typeof r === 'string') : [];
    if (!list.includes(uri.toString())) await this.context.workspaceState.update(ROOTS_KEY, [...list, uri.toString()]);
    this.refresh();
    return this.series.length;
  }

  /** A part from a tree node, a part key, or the part at the cursor. */
  private partOf(arg: unknown): { series: Series; part: SeriesPart } | undefined {
    if (arg && typeof arg === 'object' && (arg as Node).kind === 'part') {
      const node = arg as Extract<Node, { kind: 'part' }>;
      return { series: node.series, part: node.part };
    }
    const key = typeof arg === 'string' ? arg : undefined;
    if (key) {
      for (const series of this.series) {
        const part = readingOrder(series).find((p) => p.key === key);
        if (part) return { series, part };
      }
      return undefined;
    }
    const editor = vscode.window.activeTextEditor;
    if (editor && PatchDocuments.isPatchDocument(editor.document)) {
      const mailIndex = mailIndexAt(this.documents.get(editor.document), editor.selection.active.line);
      const found = mailIndex === undefined ? undefined : partAt(this.series, editor.document.uri.toString(), mailIndex);
      if (found) return found;
      // The same mail read from an opened file rather than the open document.
      if (mailIndex !== undefined) {
        for (const series of this.series) {
          const part = readingOrder(series).find((p) => p.mail.source === editor.document.uri.toString() && p.mail.mailIndex === mailIndex);
          if (part) return { series, part };
        }
      }
    }
    if (this.current) return this.partOf(this.current);
    return undefined;
  }

  private async openPart(found: { series: Series; part: SeriesPart } | undefined): Promise<string | undefined> {
    if (!found) return undefined;
    const { part } = found;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(part.mail.source));
    const position = new vscode.Position(Math.min(part.mail.line, document.lineCount - 1), 0);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), preview: false });
    this.current = part.key;
    if (this.states.get(part.key) === 'not-started' && part.index > 0) await this.states.set(part.key, 'in-progress');
    this.changed.fire(undefined);
    return part.key;
  }

  private async step(direction: 1 | -1): Promise<string | undefined> {
    const here = this.partOf(undefined);
    if (!here) {
      const first = this.series[0] && readingOrder(this.series[0])[0];
      return first ? this.openPart({ series: this.series[0], part: first }) : undefined;
    }
    const next = neighbourPart(here.series, here.part.key, direction);
    if (!next) {
      void vscode.window.showInformationMessage(direction > 0 ? 'This is the last part of the series.' : 'This is the first part of the series.');
      return undefined;
    }
    return this.openPart({ series: here.series, part: next });
  }

  private async mark(arg: unknown, state: ReviewState): Promise<boolean> {
    const found = this.partOf(arg);
    if (!found) return false;
    await this.states.set(found.part.key, state);
    this.changed.fire(undefined);
    return true;
  }

  /** The view's model as plain data (integration tests, and a check that states are stored). */
  private inspect() {
    const states = this.states;
    return this.series.map((s) => ({
      key: s.key,
      title: s.title,
      total: s.total,
      missing: s.missing,
      parts: readingOrder(s).map((p) => ({ key: p.key, index: p.index, title: p.title, state: states.get(p.key), trailers: p.trailers.map((t) => `${t.key}: ${t.value}`) })),
    }));
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.series.map((series) => ({ kind: 'series', series }));
    if (node.kind === 'series') {
      const s = node.series;
      const rows: Node[] = s.cover ? [{ kind: 'part', series: s, part: s.cover }] : [];
      for (let index = 1; index <= s.total; index++) {
        const part = s.parts.find((p) => p.index === index);
        rows.push(part ? { kind: 'part', series: s, part } : { kind: 'missing', series: s, index });
      }
      return rows;
    }
    if (node.kind === 'part') return node.part.trailers.map((trailer, i) => ({ kind: 'trailer', trailer, id: `${node.part.key}/trailer/${i}` }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'series') {
      const s = node.series;
      const states = this.states;
      const done = s.parts.filter((p) => states.get(p.key) === 'done').length;
      const item = new vscode.TreeItem(s.title || '(untitled series)', vscode.TreeItemCollapsibleState.Expanded);
      item.id = s.key;
      item.description = `${s.rfc ? 'RFC ' : ''}${s.version ? `v${s.version} · ` : ''}${done}/${s.total} done`;
      item.contextValue = 'series';
      item.iconPath = new vscode.ThemeIcon('git-pull-request');
      return item;
    }
    if (node.kind === 'missing') {
      const item = new vscode.TreeItem(`${node.index}/${node.series.total}`, vscode.TreeItemCollapsibleState.None);
      item.id = `${node.series.key}#missing-${node.index}`;
      item.description = 'not in the mails opened';
      item.iconPath = new vscode.ThemeIcon('question');
      return item;
    }
    if (node.kind === 'trailer') {
      const item = new vscode.TreeItem(`${node.trailer.key}: ${node.trailer.value}`, vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.tooltip = `Given in the reply "${node.trailer.reply.subject}"${node.trailer.by ? ` from ${node.trailer.by}` : ''}`;
      item.iconPath = new vscode.ThemeIcon('tag');
      item.command = { command: 'vscode.open', title: 'Open Reply', arguments: [vscode.Uri.parse(node.trailer.reply.source), { selection: new vscode.Range(node.trailer.line, 0, node.trailer.line, 0) }] };
      return item;
    }
    const { part, series } = node;
    const state = this.states.get(part.key);
    const label = part.index === 0 ? `0/${series.total} Cover letter` : `${part.index}/${series.total} ${part.title}`;
    const item = new vscode.TreeItem(label, part.trailers.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = part.key;
    item.description = part.index === 0 ? part.title : `${stateLabel(state)}${part.trailers.length > 0 ? ` · ${part.trailers.length} trailer${part.trailers.length > 1 ? 's' : ''}` : ''}`;
    item.tooltip = `${part.mail.subject}\n${stateLabel(state)}`;
    item.iconPath = part.index === 0 ? new vscode.ThemeIcon('mail') : new vscode.ThemeIcon(STATE_ICONS[state]);
    item.contextValue = part.index === 0 ? 'cover' : `part-${state}`;
    item.command = { command: ReviewCommands.openPart, title: 'Open Part', arguments: [part.key] };
    return item;
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const s of this.subscriptions) s.dispose();
  }
}
