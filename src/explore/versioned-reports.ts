// Reports per document version: the one computed for a version, and at most one computation in
// flight per document and version. A failed computation is not kept: the next request for the same
// version runs again (a worker that crashed once gets another chance without an edit).
// No `vscode` import: documents are keys and version numbers.

interface Pending<R> {
  readonly version: number;
  readonly promise: Promise<R>;
}

export class VersionedReports<R> {
  private readonly reports = new Map<string, { readonly version: number; readonly report: R }>();
  private readonly pending = new Map<string, Pending<R>>();

  /** The report computed for this version of the document, if any. */
  current(key: string, version: number): R | undefined {
    const entry = this.reports.get(key);
    return entry && entry.version === version ? entry.report : undefined;
  }

  /** Whether a computation for this version of the document is in flight. */
  isPending(key: string, version: number): boolean {
    return this.pending.get(key)?.version === version;
  }

  /**
   * The report for this version: the computed one, the one in flight, or a new run of `compute`.
   * When the run ends and `stillCurrent()` says the document is still at this version, the report
   * is kept and `onKept` is called; a report for an older version is dropped (a newer one follows).
   */
  request(key: string, version: number, compute: () => Promise<R>, stillCurrent: () => boolean, onKept: (report: R) => void): Promise<R> {
    const cached = this.current(key, version);
    if (cached !== undefined) return Promise.resolve(cached);
    const running = this.pending.get(key);
    if (running && running.version === version) return running.promise;
    const promise = compute().then(
      (report) => {
        this.settle(key, promise);
        if (stillCurrent()) {
          this.reports.set(key, { version, report });
          onKept(report);
        }
        return report;
      },
      (error: unknown) => {
        this.settle(key, promise);
        throw error;
      },
    );
    this.pending.set(key, { version, promise });
    return promise;
  }

  /** The document closed: its report and the wait for one go. */
  forget(key: string): void {
    this.reports.delete(key);
    this.pending.delete(key);
  }

  private settle(key: string, promise: Promise<R>): void {
    if (this.pending.get(key)?.promise === promise) this.pending.delete(key);
  }
}
