import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { ExplorationReport } from '../../../src/explore';
import { ExploreWorkerClient, type WorkerPort } from '../../../src/explore/worker-client';
import type { ExploreRequest, ExploreResponse } from '../../../src/explore/worker-main';

/** A worker under the test's control: it holds what it was sent and answers, crashes or exits on demand. */
class FakeWorker extends EventEmitter implements WorkerPort {
  readonly received: ExploreRequest[] = [];
  terminated = false;

  postMessage(message: ExploreRequest): void {
    this.received.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  answer(index: number, report: ExplorationReport): void {
    this.emit('message', { id: this.received[index].id, report } satisfies ExploreResponse);
  }

  crash(error: Error): void {
    this.emit('error', error);
    this.emit('exit', 1);
  }
}

const REQUEST = { text: 'x', maxBytes: 100, options: {} };
const REPORT = { scenarios: 7 } as unknown as ExplorationReport;

function client(timeoutMs = 60_000): { client: ExploreWorkerClient; workers: FakeWorker[] } {
  const workers: FakeWorker[] = [];
  const c = new ExploreWorkerClient({
    start: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    timeoutMs,
  });
  return { client: c, workers };
}

/** Settles a promise into a value the test can compare, without an unhandled rejection. */
function outcome<T>(promise: Promise<T>): Promise<{ ok: T } | { error: string }> {
  return promise.then((ok) => ({ ok }), (error: Error) => ({ error: error.message }));
}

test('answers come back to the request that asked, by id', async () => {
  const { client: c, workers } = client();
  const first = c.explore(REQUEST);
  const second = c.explore(REQUEST);
  assert.equal(workers.length, 1, 'one long-lived worker');
  const other = { scenarios: 9 } as unknown as ExplorationReport;
  workers[0].answer(1, other);
  workers[0].answer(0, REPORT);
  assert.equal(await first, REPORT);
  assert.equal(await second, other);
  assert.equal(c.waitingCount, 0);
});

test('an error answer fails that request only; the worker keeps serving', async () => {
  const { client: c, workers } = client();
  const failing = outcome(c.explore(REQUEST));
  const fine = c.explore(REQUEST);
  workers[0].emit('message', { id: workers[0].received[0].id, error: 'no mails' } satisfies ExploreResponse);
  workers[0].answer(1, REPORT);
  assert.deepEqual(await failing, { error: 'no mails' });
  assert.equal(await fine, REPORT);
  assert.equal(workers[0].terminated, false);
});

test('a worker crash fails every request it holds with the crash, once', async () => {
  const { client: c, workers } = client();
  let rejections = 0;
  const held = [c.explore(REQUEST), c.explore(REQUEST)].map((p) => p.catch((error: Error) => {
    rejections++;
    return error.message;
  }));
  workers[0].crash(new Error('out of memory'));
  assert.deepEqual(await Promise.all(held), ['out of memory', 'out of memory']);
  assert.equal(rejections, 2, 'the exit after the error fails nothing a second time');
  assert.equal(workers[0].terminated, true);
  assert.equal(c.waitingCount, 0);
});

test('a worker that exits mid-request fails it, naming the exit code', async () => {
  const { client: c, workers } = client();
  const held = outcome(c.explore(REQUEST));
  workers[0].emit('exit', 134);
  assert.deepEqual(await held, { error: 'the exploration worker exited with code 134' });
});

test('a request after a crash gets a fresh worker, and it is answered', async () => {
  const { client: c, workers } = client();
  const lost = outcome(c.explore(REQUEST));
  workers[0].crash(new Error('boom'));
  await lost;
  const next = c.explore(REQUEST);
  assert.equal(workers.length, 2);
  assert.equal(workers[0].received.length, 1, 'nothing more is sent to the crashed worker');
  workers[1].answer(0, REPORT);
  assert.equal(await next, REPORT);
});

test("the old worker's late exit does not fail what its replacement holds", async () => {
  const { client: c, workers } = client();
  const lost = outcome(c.explore(REQUEST));
  workers[0].emit('error', new Error('boom')); // its 'exit' comes later, after a new request
  await lost;
  const next = c.explore(REQUEST);
  workers[0].emit('exit', 1);
  assert.equal(workers[1].terminated, false);
  assert.equal(c.waitingCount, 1);
  workers[1].answer(0, REPORT);
  assert.equal(await next, REPORT);
});

test('a worker that does not answer in time is ended and its requests fail', async () => {
  const { client: c, workers } = client(5);
  const held = outcome(c.explore(REQUEST));
  assert.deepEqual(await held, { error: 'the exploration did not answer within 0.005 s' });
  assert.equal(workers[0].terminated, true);
  // A late answer from the ended worker is ignored; the next request goes to a fresh one.
  workers[0].answer(0, REPORT);
  const next = c.explore(REQUEST);
  assert.equal(workers.length, 2);
  workers[1].answer(0, REPORT);
  assert.equal(await next, REPORT);
});

test('a worker that cannot start fails the request, and the next one tries again', async () => {
  let starts = 0;
  const c = new ExploreWorkerClient({
    start: () => {
      starts++;
      throw new Error('no such script');
    },
    timeoutMs: 60_000,
  });
  assert.deepEqual(await outcome(c.explore(REQUEST)), { error: 'no such script' });
  assert.deepEqual(await outcome(c.explore(REQUEST)), { error: 'no such script' });
  assert.equal(starts, 2);
});

test('dispose fails what is waiting and refuses later requests', async () => {
  const { client: c, workers } = client();
  const held = outcome(c.explore(REQUEST));
  c.dispose();
  assert.deepEqual(await held, { error: 'kpr is shutting down' });
  assert.equal(workers[0].terminated, true);
  assert.deepEqual(await outcome(c.explore(REQUEST)), { error: 'kpr is shutting down' });
  assert.equal(workers.length, 1);
});

// The same paths with real worker threads: a script that answers, throws, or exits on request.
const SCRIPT = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (request) => {
  if (request.text === 'throw') throw new Error('the worker threw');
  if (request.text === 'exit') process.exit(3);
  parentPort.postMessage({ id: request.id, report: { scenarios: request.text.length } });
});`;

function realClient(): ExploreWorkerClient {
  return new ExploreWorkerClient({ start: () => new Worker(SCRIPT, { eval: true }), timeoutMs: 30_000 });
}

test('a real worker thread: a throw fails its request, and the next request is answered by a fresh thread', async () => {
  const c = realClient();
  try {
    assert.deepEqual(await outcome(c.explore({ ...REQUEST, text: 'throw' })), { error: 'the worker threw' });
    const report = await c.explore({ ...REQUEST, text: 'abcd' });
    assert.equal(report.scenarios, 4);
  } finally {
    c.dispose();
  }
});

test('a real worker thread: process.exit mid-request fails it with the exit code, then a fresh thread answers', async () => {
  const c = realClient();
  try {
    assert.deepEqual(await outcome(c.explore({ ...REQUEST, text: 'exit' })), { error: 'the exploration worker exited with code 3' });
    assert.equal((await c.explore({ ...REQUEST, text: 'ab' })).scenarios, 2);
  } finally {
    c.dispose();
  }
});
