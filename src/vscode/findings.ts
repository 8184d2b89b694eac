// The model's review findings for each open patch document: the exploration runs once per
// document version, shortly after it opens or changes (never on the typing path), when the
// setting kpr.findings.runAutomatically allows, or on demand ("Explore Scenarios").
import * as vscode from 'vscode';
import { explorePatch, type ExplorationReport, type Finding } from '../explore';
import { PatchDocuments } from './patch-documents';
import { readSettings } from './settings';

const DELAY_MS = 300;

export interface FindingsStore {
  findingsAt(document: vscode.TextDocument, line: number): readonly Finding[];
}

interface Entry {
  readonly version: number;
  readonly report: ExplorationReport;
}

export class Findings implements FindingsStore, vscode.Disposable {
  private readonly reports = new Map<string, Entry>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Fires when a document's findings were (re)computed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly documents: PatchDocuments) {
    this.subscriptions.push(
      this.changed,
      documents.onDidParse((d) => this.schedule(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
    );
    for (const d of vscode.workspace.textDocuments) if (PatchDocuments.isPatchDocument(d)) this.schedule(d);
  }

  findingsAt(document: vscode.TextDocument, line: number): readonly Finding[] {
    return this.current(document)?.findings.filter((f) => f.line === line) ?? [];
  }

  /** The report for the document's current version, if it has been computed. */
  current(document: vscode.TextDocument): ExplorationReport | undefined {
    const entry = this.reports.get(document.uri.toString());
    return entry && entry.version === document.version ? entry.report : undefined;
  }

  /** Runs the exploration now (the "Explore Scenarios" command) and returns its report. */
  explore(document: vscode.TextDocument): ExplorationReport {
    const cached = this.current(document);
    if (cached) return cached;
    const report = explorePatch(this.documents.get(document));
    this.reports.set(document.uri.toString(), { version: document.version, report });
    this.changed.fire(document);
    return report;
  }

  private schedule(document: vscode.TextDocument): void {
    if (!readSettings().runFindingsAutomatically) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!document.isClosed) this.explore(document);
    }, DELAY_MS));
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.reports.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const s of this.subscriptions) s.dispose();
  }
}
