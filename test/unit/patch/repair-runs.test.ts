// Repairs kept as runs (repair-runs.ts) against the same repairs kept one by one: the order a
// parsed Patch lists them in, the text summary's counts, and the JSON's groups and places must
// be exactly what one object per repair gives, whatever the order the parser made them in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { summariseRepairs } from '../../../src/explain/repair-summary';
import { Diagnostics } from '../../../src/patch/diagnostics';
import { patchToJson } from '../../../src/patch/json';
import type { Mail, Patch, Repair, RepairKind } from '../../../src/patch/model';
import { parsePatchDocument } from '../../../src/patch/parse';
import { expandRuns, patchWithRuns, repairRuns, runsCount, repairsCovering, repairsOnLines } from '../../../src/patch/repair-runs';

/** A repair the parser may make: on one line (a run's candidate), or with a range of its own. */
type Made =
  | { on: 'line'; kind: RepairKind; line: number; from: number; to: number; reason: string }
  | { on: 'range'; kind: RepairKind; line: number; endLine: number; from: number; to: number; reason: string };

const madeArb: fc.Arbitrary<Made> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ on: fc.constant('line' as const), kind: fc.constantFrom<RepairKind>('leading-whitespace', 'quoted-reply-prefix'), line: fc.nat(12), from: fc.nat(2), to: fc.nat(2), reason: fc.constantFrom('a', 'b') }) },
  { weight: 1, arbitrary: fc.record({ on: fc.constant('range' as const), kind: fc.constantFrom<RepairKind>('leading-whitespace', 'archive-blank-line'), line: fc.nat(12), endLine: fc.nat(1), from: fc.nat(2), to: fc.nat(2), reason: fc.constantFrom('a', 'b') }) },
);

/** Runs of consecutive lines, so that runs form, grow, touch and interleave. */
const madeListArb = fc.array(
  fc.tuple(madeArb, fc.integer({ min: 1, max: 5 })).map(([made, length]) => Array.from({ length }, (_, k) => ({ ...made, line: made.line + k }))),
  { maxLength: 8 },
).map((runs) => runs.flat());

function record(made: readonly Made[]): Diagnostics {
  const diagnostics = new Diagnostics();
  for (const m of made) {
    const to = m.from + m.to;
    if (m.on === 'line') diagnostics.repairOnLine(m.kind, m.line, m.from, to, ' ', '', m.reason);
    else diagnostics.repair(m.kind, { start: { line: m.line, character: m.from }, end: { line: m.line + m.endLine, character: to } }, ' ', '', m.reason);
  }
  return diagnostics;
}

/** The repairs one by one, sorted as the parser always sorted them: by start, stable. */
function oneByOne(made: readonly Made[]): Repair[] {
  const repairs: Repair[] = made.map((m) => {
    const to = m.from + m.to;
    const end = m.on === 'line' ? { line: m.line, character: to } : { line: m.line + m.endLine, character: to };
    const start = { line: m.line, character: m.from };
    return { kind: m.kind, range: { start, end: end.line === start.line && end.character === start.character ? start : end }, before: ' ', after: '', reason: m.reason };
  });
  return repairs.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

const plain = (repairs: readonly Repair[]) => repairs.map((r) => ({ kind: r.kind, range: r.range, before: r.before, after: r.after, reason: r.reason }));

function mailAt(start: number, end: number): Mail {
  return {
    subject: '', series: { rfc: false, tags: [] }, references: [], headers: [], message: '', trailers: [], files: [], subjectLine: start,
    range: { start: { line: start, character: 0 }, end: { line: end, character: 0 } },
  };
}

test('runs list their repairs in the order one object per repair sorts in', () => {
  fc.assert(
    fc.property(madeListArb, (made) => {
      const runs = record(made).sorted().repairs;
      assert.deepEqual(plain(expandRuns(runs)), plain(oneByOne(made)));
    }),
    { numRuns: 400 },
  );
});

test('the JSON of runs is the JSON of the same repairs one by one, split among mails', () => {
  fc.assert(
    fc.property(madeListArb, fc.nat(14), fc.nat(3), (made, split, gap) => {
      const mails = [mailAt(0, split), mailAt(split + 1 + gap, 20)];
      const runs = record(made).sorted().repairs;
      const byRuns = patchWithRuns(mails, runs, [], 30);
      const byObjects: Patch = { mails, repairs: oneByOne(made), problems: [], lineCount: 30 };
      assert.deepEqual(JSON.parse(JSON.stringify(patchToJson(byRuns))), JSON.parse(JSON.stringify(patchToJson(byObjects))));
    }),
    { numRuns: 400 },
  );
});

test('the Problems summary of runs is that of the same repairs one by one: groups, counts, lines, first places', () => {
  fc.assert(
    fc.property(madeListArb, fc.nat(14), fc.nat(3), (made, split, gap) => {
      const mails = [mailAt(0, split), mailAt(split + 1 + gap, 20)];
      const groups = summariseRepairs(patchWithRuns(mails, record(made).sorted().repairs, [], 30));
      // One by one: each repair to its mail (-1 outside them) and kind, in document order.
      const expected = new Map<string, Repair[]>();
      for (const repair of oneByOne(made)) {
        const line = repair.range.start.line;
        const mail = mails.findIndex((m) => m.range.start.line <= line && line <= m.range.end.line);
        const key = `${mail} ${repair.kind}`;
        expected.set(key, [...(expected.get(key) ?? []), repair]);
      }
      assert.deepEqual(groups.map((g) => `${g.mail} ${g.kind}`), [...expected.keys()]);
      for (const g of groups) {
        const repairs = expected.get(`${g.mail} ${g.kind}`)!;
        assert.equal(g.count, repairs.length);
        assert.deepEqual(plain(g.repairs), plain(repairs));
        assert.deepEqual(plain(g.firstRepairs(2)), plain(repairs.slice(0, 2)));
        assert.deepEqual(g.range, repairs[0].range);
        const lines = new Set(repairs.map((r) => r.range.start.line)).size;
        assert.match(g.message, new RegExp(`: ${lines} lines? `));
      }
    }),
    { numRuns: 400 },
  );
});

test('the repairs on a stretch of lines are those of the runs one by one that start there', () => {
  fc.assert(
    fc.property(madeListArb, fc.nat(20), fc.nat(8), (made, from, length) => {
      const runs = record(made).sorted().repairs;
      const expected = oneByOne(made).filter((r) => r.range.start.line >= from && r.range.start.line <= from + length);
      assert.deepEqual(plain(repairsOnLines(runs, from, from + length)), plain(expected));
    }),
    { numRuns: 400 },
  );
});

test('the repairs covering a line are those of the runs one by one whose range holds it', () => {
  fc.assert(
    fc.property(madeListArb, fc.nat(20), (made, line) => {
      const runs = record(made).sorted().repairs;
      const expected = oneByOne(made).filter((r) => r.range.start.line <= line && line <= r.range.end.line);
      assert.deepEqual(plain(repairsCovering(runs, line)), plain(expected));
    }),
    { numRuns: 400 },
  );
});

test('a repair on each of many lines is one run, and reads as one repair per line', () => {
  const count = 5000;
  const patch = parsePatchDocument(`diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,${count} +1,${count} @@\n${'\n'.repeat(count + 1)}`);
  // The blank lines but the document's last are context that lost its space; the last is read as
  // the end of the mail, and the hunk's last context line restored.
  const runs = repairRuns(patch);
  assert.deepEqual(runs.map((r) => [r.first.kind, r.first.range.start.line, r.count]), [['leading-whitespace', 4, count - 1], ['restored-blank-context', count + 2, 1]]);
  assert.equal(patch.repairs.length, runsCount(runs));
  const last = 4 + count - 2;
  assert.deepEqual(patch.repairs[count - 2].range, { start: { line: last, character: 0 }, end: { line: last, character: 0 } });
  assert.equal(JSON.parse(JSON.stringify(patch)).repairs.length, count, 'a copy of the patch has its repairs');
});
