// Series grouping from an mbox or a folder of mails, trailers from replies, and review states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePatchDocument } from '../../../src/patch/parse';
import { ReviewStates, STATES_KEY, type StateStore } from '../../../src/review/review-state';
import { groupSeries, neighbourPart, partAt, readingOrder, type SeriesSource } from '../../../src/review/series';
import { readSample, readSeries, repoRoot, seriesDir } from './support/inputs';

function source(id: string, text: string): SeriesSource {
  return { id, patch: parsePatchDocument(text), lines: text.split('\n') };
}

const mbox = [source('ring-v1.mbox', readSeries('ring-v1.mbox'))];
const folder = readdirSync(`${seriesDir}/ring-v1`).sort().map((name) => source(name, readSeries('ring-v1', name)));

for (const [what, sources] of [['an mbox', mbox], ['a folder of mails', folder]] as const) {
  test(`${what} holding 0/3…3/3 is one series with its cover letter and three parts`, () => {
    const [series, ...others] = groupSeries(sources);
    assert.equal(others.length, 0);
    assert.equal(series.title, 'ring: size checks and ring_reset()');
    assert.equal(series.total, 3);
    assert.equal(series.cover?.title, 'ring: size checks and ring_reset()');
    assert.deepEqual(series.parts.map((p) => [p.index, p.title]), [[1, 'ring: refuse a zero or huge size'], [2, 'ring: add ring_reset()'], [3, 'Documentation: describe ring_reset()']]);
    assert.deepEqual(series.missing, []);
  });

  test(`${what}: trailers from replies are shown on the part they answer`, () => {
    const [series] = groupSeries(sources);
    const given = readingOrder(series).map((p) => p.trailers.map((t) => `${t.key}: ${t.value}`));
    assert.deepEqual(given, [['Acked-by: Carol Acker <carol@example.org>'], ['Reviewed-by: Bob Maintainer <bob@example.org>'], [], ['Tested-by: Lina Maintainer <lina@example.org>']]);
  });
}

test('part keys are the same whether the series is read from the mbox or the folder', () => {
  assert.deepEqual(readingOrder(groupSeries(mbox)[0]).map((p) => p.key), readingOrder(groupSeries(folder)[0]).map((p) => p.key));
});

test('a part of a series alone lists the parts it lacks', () => {
  const [series] = groupSeries([source('sample', readSample())]);
  assert.equal(series.total, 5);
  assert.deepEqual(series.parts.map((p) => p.index), [3]);
  assert.deepEqual(series.missing, [1, 2, 4, 5]);
  assert.equal(series.rfc, true);
});

test('an unthreaded series is grouped by sender and tags: the git fixture with a cover letter', () => {
  const text = readFileSync(join(repoRoot, 'test', 'fixtures', 'patches', 'git', 'series-v2-cover.mbox'), 'utf8');
  const [series, ...others] = groupSeries([source('v2', text)]);
  assert.equal(others.length, 0);
  assert.equal(series.version, 2);
  assert.deepEqual(readingOrder(series).map((p) => p.index), [0, 1, 2, 3]);
});

test('next and previous part walk cover, 1, 2, 3 and stop at the ends', () => {
  const [series] = groupSeries(mbox);
  const order = readingOrder(series);
  assert.equal(neighbourPart(series, order[0].key, 1)?.index, 1);
  assert.equal(neighbourPart(series, order[2].key, -1)?.index, 1);
  assert.equal(neighbourPart(series, order[3].key, 1), undefined);
  assert.equal(neighbourPart(series, order[0].key, -1), undefined);
});

test('partAt finds the part of a mail in its source', () => {
  const series = groupSeries(mbox);
  assert.equal(partAt(series, 'ring-v1.mbox', 2)?.part.title, 'ring: add ring_reset()');
});

class MemoryStore implements StateStore {
  readonly values = new Map<string, unknown>();
  get(key: string): unknown {
    return this.values.get(key);
  }
  update(key: string, value: unknown): Thenable<void> {
    this.values.set(key, JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
}

test('a part without a stored state is not started', () => {
  assert.equal(new ReviewStates(new MemoryStore()).get('x#1'), 'not-started');
});

test('states written through one reader are read back by a new reader of the same store', async () => {
  const store = new MemoryStore();
  await new ReviewStates(store).set('x#1', 'done');
  await new ReviewStates(store).set('x#2', 'in-progress');
  const again = new ReviewStates(store);
  assert.deepEqual(['x#1', 'x#2', 'x#3'].map((k) => again.get(k)), ['done', 'in-progress', 'not-started']);
});

test('a malformed stored value is ignored, not trusted', () => {
  const store = new MemoryStore();
  store.values.set(STATES_KEY, { 'x#1': 'finished', 'x#2': 'done', 'x#3': 7 });
  const states = new ReviewStates(store);
  assert.deepEqual(['x#1', 'x#2', 'x#3'].map((k) => states.get(k)), ['not-started', 'done', 'not-started']);
  store.values.set(STATES_KEY, ['done']);
  assert.equal(states.get('0'), 'not-started');
});

test('the same series read from its mbox and its folder is one series, each reply counted once', () => {
  const [series, ...others] = groupSeries([...mbox, ...folder]);
  assert.equal(others.length, 0);
  assert.deepEqual(readingOrder(series).map((p) => p.trailers.length), [1, 1, 0, 1]);
});
