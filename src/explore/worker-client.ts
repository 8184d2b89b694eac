// The editor's side of the exploration worker (worker-main.ts): requests are numbered and answered
// in order by one long-lived worker thread; a worker that crashes, exits or stops answering fails
// the requests it holds — only those — and the next request starts a fresh worker. No `vscode`
// import: the worker comes from an injected factory, so unit tests drive every failure path.
import { Worker } from 'node:worker_threads';
import type { ExplorationReport } from './explore';
import type { ExploreRequest, ExploreResponse } from './worker-main';

/** What the client needs of a worker thread (node:worker_threads' Worker has it). */
export interface WorkerPort {
  postMessage(message: ExploreRequest): void;
  on(event: 'message', listener: (response: ExploreResponse) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): unknown;
  unref?(): void;
}

export interface WorkerClientOptions {
  /** Starts a worker; called again after a failure. */
  readonly start: () => WorkerPort;
  /** A worker that has not answered a request by then is ended and its requests fail. */
  readonly timeoutMs: number;
}

interface Waiter {
  readonly resolve: (report: ExplorationReport) => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/** One worker and the requests sent to it: a failure of this worker fails these and no others. */
class Generation {
  readonly waiting = new Map<number, Waiter>();
  ended = false;

  constructor(readonly port: WorkerPort) {}
}

/** A worker thread running dist/explore-worker.js (or any script speaking the same messages). */
export function startWorkerThread(script: string): () => WorkerPort {
  return () => new Worker(script);
}

export class ExploreWorkerClient {
  private current: Generation | undefined;
  private nextId = 1;
  private disposed = false;

  constructor(private readonly options: WorkerClientOptions) {}

  /** Requests sent and neither answered nor failed (an ended worker holds none). */
  get waitingCount(): number {
    return this.current?.waiting.size ?? 0;
  }

  explore(request: Omit<ExploreRequest, 'id'>): Promise<ExplorationReport> {
    if (this.disposed) return Promise.reject(new Error('kpr is shutting down'));
    let generation: Generation;
    try {
      generation = this.generation();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.end(generation, new Error(`the exploration did not answer within ${this.options.timeoutMs / 1000} s`)),
        this.options.timeoutMs,
      );
      generation.waiting.set(id, { resolve, reject, timer });
      try {
        generation.port.postMessage({ id, ...request });
      } catch (error) {
        this.end(generation, error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  private generation(): Generation {
    if (this.current && !this.current.ended) return this.current;
    const port = this.options.start();
    const generation = new Generation(port);
    port.on('message', (response) => {
      const waiter = generation.waiting.get(response.id);
      if (!waiter) return;
      generation.waiting.delete(response.id);
      clearTimeout(waiter.timer);
      if ('report' in response) waiter.resolve(response.report);
      else waiter.reject(new Error(response.error));
    });
    // A crash emits 'error' and then 'exit': the first one fails the requests, the second finds none.
    port.on('error', (error) => this.end(generation, error));
    port.on('exit', (code) => this.end(generation, new Error(`the exploration worker exited with code ${code}`)));
    port.unref?.();
    this.current = generation;
    return generation;
  }

  /** Fails the requests this worker holds and ends it; the next request starts a fresh one. */
  private end(generation: Generation, error: Error): void {
    const waiters = [...generation.waiting.values()];
    generation.waiting.clear();
    if (!generation.ended) {
      generation.ended = true;
      void generation.port.terminate();
    }
    if (this.current === generation) this.current = undefined;
    for (const waiter of waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.current) this.end(this.current, new Error('kpr is shutting down'));
  }
}
