// The model's review findings for each open patch document. The exploration runs in a worker
// thread (dist/explore-worker.js), once per document version, shortly after the document opens or
// changes — so outline, hover and typing never wait for it — when kpr.findings.runAutomatically
// allows, or on demand ("Explore Scenarios").
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type { ExplorationReport, Finding } from '../explore';
import type { ExploreRequest, ExploreResponse } from '../explore/worker-main';
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

interface Entry {
  readonly version: number;
  readonly report: ExplorationReport;
}

export class Findings implements FindingsStore, vscode.Disposable {
  private readonly reports = new Map<string, Entry>();
  private readonly pending = new Map<string, { version: number; promise: Promise<ExplorationReport> }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly explorer: ExplorerWorker;
  /** Fires when a document's findings were (re)computed. */
  readonly onDidChange = this.changed.event;

  constructor(documents: PatchDocuments, extensionPath: string) {
    this.explorer = new ExplorerWorker(path.join(extensionPath, 'dist', 'explore-worker.js'));
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

  /** The report for the document's current version, exploring now if needed. */
  explore(document: vscode.TextDocument): Promise<ExplorationReport> {
    const cached = this.current(document);
    if (cached) return Promise.resolve(cached);
    const key = document.uri.toString();
    const running = this.pending.get(key);
    if (running && running.version === document.version) return running.promise;
    const version = document.version;
    const maxBytes = readSettings().maxFileSizeMB * 1024 * 1024;
    const promise = this.explorer.explore({ text: document.getText(), maxBytes, options: { budgetMs: BUDGET_MS } }).then((report) => {
      if (this.pending.get(key)?.promise === promise) this.pending.delete(key);
      // A report for an older version is dropped: the newer one is on its way.
      if (!document.isClosed && document.version === version) {
        this.reports.set(key, { version, report });
        this.changed.fire(document);
      }
      return report;
    });
    this.pending.set(key, { version, promise });
    return promise;
  }

  private schedule(document: vscode.TextDocument): void {
    if (!readSettings().runFindingsAutomatically) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!document.isClosed) {
        this.explore(document).catch((error: unknown) => {
          console.error(`kpr: exploring ${document.uri.toString()} failed: ${error instanceof Error ? error.message : String(error)}`);
        });
      }
    }, DELAY_MS));
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.reports.delete(key);
    this.pending.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const s of this.subscriptions) s.dispose();
    this.explorer.dispose();
  }
}

/** One long-lived worker thread answering exploration requests in order. */
class ExplorerWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: ExplorationReport) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>();

  constructor(private readonly script: string) {}

  explore(request: Omit<ExploreRequest, 'id'>): Promise<ExplorationReport> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new Error(`the exploration did not answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
      this.waiting.set(id, { resolve, reject, timer });
      worker.postMessage({ id, ...request } satisfies ExploreRequest);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.on('message', (response: ExploreResponse) => {
      const waiter = this.waiting.get(response.id);
      if (!waiter) return;
      this.waiting.delete(response.id);
      clearTimeout(waiter.timer);
      if ('report' in response) waiter.resolve(response.report);
      else waiter.reject(new Error(response.error));
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      if (code !== 0) this.fail(new Error(`the exploration worker exited with code ${code}`));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** Fails every waiting request and ends the worker; the next request starts a fresh one. */
  private fail(error: Error): void {
    for (const waiter of this.waiting.values()) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.waiting.clear();
    void this.worker?.terminate();
    this.worker = undefined;
  }

  dispose(): void {
    this.fail(new Error('kpr is shutting down'));
  }
}
