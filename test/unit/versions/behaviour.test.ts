// The behavioural comparison of two explorations, and the one sentence about testing it allows.
import assert from 'node:assert/strict';
import { exploreAsWritten, type ExplorationReport } from '../../../src/explore';
import { before, test } from 'node:test';
import { parsePatchDocument } from '../../../src/patch/parse';
import { behaviourSummary, compareBehaviour, testedClaim } from '../../../src/versions/behaviour';
import { readSample, readV2 } from './support/inputs';

let asSent: ExplorationReport;
let asEdited: ExplorationReport;
before(async () => {
  asSent = await exploreAsWritten(parsePatchDocument(readSample()), { budgetMs: 60_000 });
  asEdited = await exploreAsWritten(parsePatchDocument(readV2()), { budgetMs: 60_000 });
});

/** What an exploration that ran the edited text would report if the edit fixed every `kind` fault. */
function ranAsWrittenWithout(report: ExplorationReport, kind: string): ExplorationReport {
  return { ...report, ranAsWritten: true, findings: report.findings.filter((f) => f.kind !== kind) };
}

test('both explorations ran their text as written (the v2 in the interpreter)', () => {
  assert.equal(asSent.ranAsWritten, true);
  assert.equal(asEdited.ranAsWritten, true);
});

test('the v2 that fixes out_free: the four fault kinds are gone and the tested claim names them', () => {
  const comparison = compareBehaviour(asSent, asEdited);
  assert.deepEqual(new Set(comparison.changes.filter((c) => c.direction === 'gone' && c.source === 'finding').map((c) => c.kind)), new Set(['invalid-free', 'leak', 'err-ptr-deref', 'pidmap-leak']));
  assert.deepEqual(comparison.changes.filter((c) => c.direction === 'new' && c.source === 'finding'), []);
  assert.match(testedClaim(comparison) ?? '', /^tested in kpr against \d+ scenarios: .*no longer reported$/);
});

test('without running the text as written, the comparison claims nothing and says why', () => {
  const comparison = compareBehaviour({ ...asSent, ranAsWritten: false }, asEdited);
  assert.equal(comparison.ranAsWritten, false);
  assert.equal(testedClaim(comparison), undefined);
  assert.match(behaviourSummary(comparison), /^kpr could not run both texts as written/);
});

test('a finding kind the edit removed is listed as gone, with the scenario that showed it', () => {
  const kind = asSent.findings[0].kind;
  const comparison = compareBehaviour({ ...asSent, ranAsWritten: true }, ranAsWrittenWithout(asSent, kind));
  const gone = comparison.changes.filter((c) => c.direction === 'gone');
  assert.ok(gone.length > 0 && gone.every((c) => c.kind === kind && c.source === 'finding'));
  assert.deepEqual(new Set(comparison.scenarios.map((s) => JSON.stringify(s.scenario))), new Set(gone.map((c) => JSON.stringify(c.scenario))));
});

test('the tested claim names the scenarios run and the kinds no longer reported', () => {
  const kind = asSent.findings[0].kind;
  const after = ranAsWrittenWithout(asSent, kind);
  assert.equal(testedClaim(compareBehaviour({ ...asSent, ranAsWritten: true }, after)), `tested in kpr against ${after.scenarios} scenarios: ${kind} no longer reported`);
});

test('a finding only the later text shows is new and forbids the tested claim', () => {
  const before = ranAsWrittenWithout(asSent, asSent.findings[0].kind);
  const comparison = compareBehaviour(before, { ...asSent, ranAsWritten: true });
  assert.ok(comparison.changes.some((c) => c.direction === 'new'));
  assert.equal(testedClaim(comparison), undefined);
});

test('a partial exploration forbids the tested claim', () => {
  const kind = asSent.findings[0].kind;
  assert.equal(testedClaim(compareBehaviour({ ...asSent, ranAsWritten: true }, { ...ranAsWrittenWithout(asSent, kind), partial: true })), undefined);
});

test('findings match across texts by kind, variant and step, not by line (an edit moves lines)', () => {
  const moved: ExplorationReport = { ...asSent, findings: asSent.findings.map((f) => ({ ...f, line: f.line + 1 })) };
  assert.deepEqual(compareBehaviour(asSent, moved).changes, []);
});
