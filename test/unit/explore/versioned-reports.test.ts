import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VersionedReports } from '../../../src/explore/versioned-reports';

/** A computation the test settles by hand, counting how often it was started. */
function controlled<R>(): { compute: () => Promise<R>; runs: number; resolve: (r: R) => void; reject: (e: Error) => void } {
  const state = {
    runs: 0,
    resolve: (_: R) => undefined as void,
    reject: (_: Error) => undefined as void,
    compute: (): Promise<R> => {
      state.runs++;
      return new Promise<R>((resolve, reject) => {
        state.resolve = resolve;
        state.reject = reject;
      });
    },
  };
  return state;
}

const always = () => true;
const ignore = () => undefined;

test('a second request for the same version waits for the first run instead of starting another', async () => {
  const reports = new VersionedReports<string>();
  const run = controlled<string>();
  const first = reports.request('doc', 1, run.compute, always, ignore);
  const second = reports.request('doc', 1, run.compute, always, ignore);
  run.resolve('report');
  assert.deepEqual(await Promise.all([first, second]), ['report', 'report']);
  assert.equal(run.runs, 1);
  assert.equal(reports.current('doc', 1), 'report');
});

test('a failed run is not kept: the next request for the same version runs again', async () => {
  const reports = new VersionedReports<string>();
  const run = controlled<string>();
  const failed = reports.request('doc', 1, run.compute, always, ignore);
  run.reject(new Error('worker crashed'));
  await assert.rejects(failed, /worker crashed/);
  assert.equal(reports.isPending('doc', 1), false);
  const retried = reports.request('doc', 1, run.compute, always, ignore);
  assert.equal(run.runs, 2);
  run.resolve('report');
  assert.equal(await retried, 'report');
});

test('a report is kept, and onKept called, only while the document is still at that version', async () => {
  const reports = new VersionedReports<string>();
  const run = controlled<string>();
  let still = true;
  const kept: string[] = [];
  const stale = reports.request('doc', 1, run.compute, () => still, (r) => kept.push(r));
  still = false; // the document was edited while the exploration ran
  run.resolve('old');
  assert.equal(await stale, 'old', 'the caller still gets what it asked for');
  assert.equal(reports.current('doc', 1), undefined);
  assert.deepEqual(kept, []);
});

test('a new version starts its own run; the older run settling does not clear the newer one', async () => {
  const reports = new VersionedReports<string>();
  const older = controlled<string>();
  const newer = controlled<string>();
  const first = reports.request('doc', 1, older.compute, () => false, ignore);
  const second = reports.request('doc', 2, newer.compute, always, ignore);
  older.reject(new Error('gone'));
  await assert.rejects(first);
  assert.equal(reports.isPending('doc', 2), true);
  newer.resolve('v2');
  assert.equal(await second, 'v2');
  assert.equal(reports.current('doc', 2), 'v2');
  assert.equal(reports.current('doc', 1), undefined);
});

test('a cached report is answered without running', async () => {
  const reports = new VersionedReports<string>();
  const run = controlled<string>();
  const first = reports.request('doc', 3, run.compute, always, ignore);
  run.resolve('r');
  await first;
  assert.equal(await reports.request('doc', 3, run.compute, always, ignore), 'r');
  assert.equal(run.runs, 1);
});

test('forget drops the report and the wait: a reopened document explores again', async () => {
  const reports = new VersionedReports<string>();
  const run = controlled<string>();
  const first = reports.request('doc', 1, run.compute, always, ignore);
  run.resolve('r');
  await first;
  reports.forget('doc');
  assert.equal(reports.current('doc', 1), undefined);
  void reports.request('doc', 1, run.compute, always, ignore);
  assert.equal(run.runs, 2);
});
