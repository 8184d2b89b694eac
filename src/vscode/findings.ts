// The model's review findings for each open patch document. The exploration runs in a worker
// thread (dist/explore-worker.js), once per document version, shortly after the document opens or
// changes — so outline, hover and typing never wait for it — when kpr.findings.runAutomatically
// allows, or on demand ("Explore Scenarios").
import * as path from 'node:path';
import * as vscode from 'vscode';
import { shownLine, type ExplorationReport, type Finding } from '../explore';
import { VersionedReports } from '../explore/versioned-reports';
import { ExploreWorkerClient, startWorkerThread } from '../explore/worker-client';
import { errorMessage, type KprLog } from './log';
import { PatchDocuments } from './patch-documents';
import { readSettings } from './settings';

const DELAY_MS = 150;
/** Off the editor's thread the exploration can afford a larger budget than the CLI's default. */
const BUDGET_MS = 5_000;
/** A worker that has not answered by then is ended and the request fails. */
const TIMEOUT_MS = 60_000;

export interface FindingsStore {
  findingsAt(document: vscode.TextDocument, line: number): readonly Finding[];
}

export class Findings implements FindingsStore, vscode.Disposable {
  private readonly reports = new VersionedReports<ExplorationReport>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly explorer: ExploreWorkerClient;
  /** Fires when a document's findings were (re)computed. */
  readonly onDidChange = this.changed.event;

  /** `workerScript`: dist/explore-worker.js under the extension; tests give another. */
  constructor(documents: PatchDocuments, workerScript: string, private readonly log: KprLog) {
    this.explorer = new ExploreWorkerClient({ start: startWorkerThread(workerScript), timeoutMs: TIMEOUT_MS });
    this.subscriptions.push(
      this.changed,
      documents.onDidParse((d) => this.schedule(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
    );
    for (const d of vscode.workspace.textDocuments) if (PatchDocuments.isPatchDocument(d)) this.schedule(d);
  }

  static workerScript(extensionPath: string): string {
    return path.join(extensionPath, 'dist', 'explore-worker.js');
  }

  findingsAt(document: vscode.TextDocument, line: number): readonly Finding[] {
    return this.current(document)?.findings.filter((f) => shownLine(f) === line) ?? [];
  }

  /** The report for the document's current version, if it has been computed. */
  current(document: vscode.TextDocument): ExplorationReport | undefined {
    return this.reports.current(document.uri.toString(), document.version);
  }

  /**
   * The report for the document's current version, exploring now if needed. A failed exploration
   * is not kept: the next call explores again.
   */
  explore(document: vscode.TextDocument): Promise<ExplorationReport> {
    const version = document.version;
    const maxBytes = readSettings().maxFileSizeMB * 1024 * 1024;
    return this.reports.request(
      document.uri.toString(),
      version,
      () => this.explorer.explore({ text: document.getText(), maxBytes, options: { budgetMs: BUDGET_MS } }),
      () => !document.isClosed && document.version === version,
      () => this.changed.fire(document),
    );
  }

  private schedule(document: vscode.TextDocument): void {
    if (!readSettings().runFindingsAutomatically) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!document.isClosed) {
        this.explore(document).catch((error: unknown) => {
          this.log.error(`findings: exploring ${document.uri.toString()} failed: ${errorMessage(error)}`);
        });
      }
    }, DELAY_MS));
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.reports.forget(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const s of this.subscriptions) s.dispose();
    this.explorer.dispose();
  }
}
