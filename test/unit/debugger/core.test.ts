import { before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePatchDocument } from '../../../src/patch/parse';
import { mapPatch, MappingIndex } from '../../../src/mapping';
import { defaultScenario } from '../../../src/kernel/scenario-input';
import { DebuggerCore } from '../../../src/panel/core';
import type { RunView } from '../../../src/shared/debugger-protocol';
import { loadCParser } from '../../../src/c';
import { programsFor, type PatchPrograms } from '../../../src/interp/programs';
import { unchangedLines } from '../../../src/panel/line-correspondence';

const sample = readFileSync(join(__dirname, '..', '..', '..', '..', 'samples', 'rfc-3-5-next-syscall-data-pids.txt'), 'utf8');
const lines = sample.split('\n');
const index = new MappingIndex(mapPatch(parsePatchDocument(sample)));
let programs: PatchPrograms;
before(async () => {
  programs = programsFor(parsePatchDocument(sample), await loadCParser());
});

function started(next: number | null, mode: 'baseline' | 'patched' | 'both' = 'patched'): DebuggerCore {
  const core = new DebuggerCore(index, programs);
  assert.deepEqual(core.load(defaultScenario(next), mode), []);
  return core;
}

function run(core: DebuggerCore, i = 0): RunView {
  return core.state(null, []).runs[i];
}

/** Steps in until the innermost frame is `fn` (bounded). */
function stepInto(core: DebuggerCore, fn: string): RunView {
  for (let i = 0; i < 200; i++) {
    const view = run(core);
    if (view.stack[view.stack.length - 1].fn === fn) return view;
    core.step('stepIn');
  }
  throw new Error(`never entered ${fn}`);
}

test('entering alloc_fixed_pidmap with next_syscall_data 500 shows its signature line from the patch', () => {
  const view = stepInto(started(500), 'alloc_fixed_pidmap');
  assert.equal(view.location.kind, 'patch');
  if (view.location.kind !== 'patch') return;
  assert.match(lines[view.location.line], /static int alloc_fixed_pidmap\(struct pid_namespace \*pid_ns, int next_nr\)/);
});

test('inside alloc_fixed_pidmap the bit under test is next_syscall_data', () => {
  const view = stepInto(started(500), 'alloc_fixed_pidmap');
  assert.equal(view.bitmaps[0].test, 500);
});

test('after test_and_set_bit the strip shows bit 500 set', () => {
  const core = started(500);
  stepInto(core, 'alloc_fixed_pidmap');
  for (let i = 0; i < 40 && run(core).location.stepId !== 'alloc_fixed_pidmap/nr_free-dec'; i++) core.step('stepIn');
  const bitmap = run(core).bitmaps[0];
  assert.equal(bitmap.windowBits[500 - bitmap.windowStart], '1');
});

test('with 299 the patched run ends with invalid-free and leak on the kmem_cache_free line', () => {
  const core = started(299);
  core.step('runToEnd');
  const faults = run(core).faults;
  assert.deepEqual(faults.map((f) => f.kind), ['invalid-free', 'leak']);
  for (const f of faults) assert.match(lines[f.line ?? -1], /kmem_cache_free\(ns->pid_cachep, pid\);/);
});

test('a breakpoint on out_free\'s kmem_cache_free line stops continue there', () => {
  const core = started(299);
  const outFree = lines.findIndex((l) => l.includes('kmem_cache_free(ns->pid_cachep, pid);'));
  core.breakpointLines = [outFree];
  core.step('continue');
  const view = run(core);
  assert.equal(view.stopReason, 'breakpoint');
  assert.equal(view.location.kind === 'patch' && view.location.line, outFree);
});

test('step back returns to the previous step index', () => {
  const core = started(500);
  for (let i = 0; i < 10; i++) core.step('stepIn');
  core.step('stepBack');
  assert.equal(run(core).index, 9);
});

test('runToLine stops at the first step mapped to the line', () => {
  const core = started(500);
  const line = lines.findIndex((l) => l.includes('rc = alloc_fixed_pidmap(ns, next_nr);'));
  assert.equal(core.runToLine(line), true);
  assert.equal(run(core).location.stepId, 'set_predefined_pid/alloc_fixed_pidmap');
});

test('runToLine on a line no step maps to says so', () => {
  const core = started(500);
  assert.equal(core.runToLine(0), false);
  assert.match(core.message ?? '', /Line 1 is not executed/);
});

test('an invalid scenario yields its rule and no run', () => {
  const core = new DebuggerCore(index, programs);
  const errors = core.load({ variant: 'patched', pid_max: 12, ops: [] }, 'patched');
  assert.equal(errors[0].path, 'pid_max');
  assert.equal(core.runs.length, 0);
});

test('an invalid scenario after a valid one keeps the last valid run on screen, still steppable', () => {
  const core = started(299);
  core.step('stepIn');
  const before = run(core);
  const errors = core.load({ variant: 'patched', pid_max: 'abc', ops: [{ op: 'set_next', value: 42 }, { op: 'fork' }] }, 'patched');
  assert.equal(errors[0].path, 'pid_max');
  const state = core.state(null, []);
  assert.equal(state.errors[0].path, 'pid_max');
  assert.equal(state.runs.length, 1);
  assert.equal(state.runs[0].index, before.index);
  assert.equal(state.runs[0].scenarioKeys?.nextSyscallData, 299);
  core.step('stepIn');
  assert.equal(run(core).index, before.index + 1);
  assert.deepEqual(core.persistedScenario().scenario, defaultScenario(299));
  assert.deepEqual(state.runScenario, { scenario: defaultScenario(299), mode: 'patched' });
});

test('each run carries the key values of the scenario it was recorded from', () => {
  const core = new DebuggerCore(index, programs);
  core.load({ variant: 'patched', pid_max: 4096, depth: 1, fail: { kmem_cache_alloc: [1] }, ops: [{ op: 'set_next', value: -1 }, { op: 'fork' }] }, 'both');
  for (const view of core.state(null, []).runs) {
    assert.deepEqual(view.scenarioKeys, { nextSyscallData: -1, depth: 1, pidMax: 4096, failing: ['kmem_cache_alloc #1'] });
  }
});

test('both variants on 299: the outcomes differ in fork 0', () => {
  const core = started(299, 'both');
  const comparison = core.state(null, []).comparison;
  assert.ok(comparison?.outcomeDifferences.includes('fork 0: baseline pids [1], patched EINVAL'), JSON.stringify(comparison));
});

test('positions given to load restore each run at its step', () => {
  const core = new DebuggerCore(index, programs);
  core.load(defaultScenario(500), 'both', [12, 30]);
  assert.deepEqual(core.positions(), [12, 30]);
});

// As sent vs as edited: the sample (as sent) and its v2 with out_free fixed (as edited).
const editedText = readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'edits', 'v2-out-free-fixed.patch.txt'), 'utf8');
const editedIndex = new MappingIndex(mapPatch(parsePatchDocument(editedText)));

async function sentEdited(next: number | null, mode: 'sent-edited' | 'sent-edited-baseline' = 'sent-edited'): Promise<DebuggerCore> {
  const core = new DebuggerCore(editedIndex, programsFor(parsePatchDocument(editedText), await loadCParser()));
  core.setSent({ index, programs, fromDocumentLine: unchangedLines(sample, editedText) });
  assert.deepEqual(core.load({ ...defaultScenario(next), depth: 1 }, mode), []);
  return core;
}

test('as sent vs as edited on 299: the sent run commits the invalid-free and leak faults, the edited run none, and the comparison names where they part', async () => {
  const core = await sentEdited(299);
  for (let i = 0; i < 2; i++) core.goTo(i, core.runs[i].session.length - 1);
  const [sent, edited] = core.state(null, []).runs;
  assert.deepEqual([sent.variant, sent.text, edited.variant, edited.text], ['patched', 'sent', 'patched', 'edited']);
  const kinds = (view: RunView) => new Set(view.faults.map((f) => f.kind));
  assert.ok(kinds(sent).has('invalid-free') && kinds(sent).has('leak'), [...kinds(sent)].join(', '));
  assert.equal(edited.faultCount, 0);
  const comparison = core.comparison!;
  assert.match(comparison.pathsPart ?? '', /^The paths part at step \d+ — as sent runs .*, as edited runs /);
  assert.ok(comparison.outcomeDifferences.some((d) => /^faults: as sent .*invalid-free.*, as edited none$/.test(d)), comparison.outcomeDifferences.join('\n'));
});

test('as sent vs as edited: each run shows its own text\'s lines', async () => {
  const core = await sentEdited(299);
  const editedLines = editedText.split('\n');
  for (let i = 0; i < 2; i++) core.goTo(i, core.runs[i].session.length - 1);
  // The sent run's invalid free is committed on the sample's kmem_cache_free line, by its number in the sample.
  const free = core.state(null, []).runs[0].faults.find((f) => f.kind === 'invalid-free')!;
  assert.notEqual(free.line, null);
  assert.match(lines[free.line!], /kmem_cache_free/);
  // The edited run passes the line the edit added (`pid = ERR_PTR(nr);`, only in the edited text), at its number there.
  const added = editedLines.findIndex((l) => l.startsWith('+') && l.includes('pid = ERR_PTR(nr);'));
  let seen = false;
  for (let i = 0; i < core.runs[1].session.length && !seen; i++) {
    core.goTo(1, i);
    const location = core.state(null, []).runs[1].location;
    seen = location.kind === 'patch' && location.line === added;
    if (seen && location.kind === 'patch') assert.equal(location.text, 'pid = ERR_PTR(nr);');
  }
  assert.ok(seen, `the edited run never stood on line ${added + 1}`);
});

test('as sent vs as edited on 500 (a path the edit does not touch): same path, same outcome', async () => {
  const core = await sentEdited(500);
  assert.equal(core.comparison!.pathsPart, null);
  assert.deepEqual(core.comparison!.outcomeDifferences, []);
});

test('as sent vs as edited runs the baseline variant too', async () => {
  const core = await sentEdited(299, 'sent-edited-baseline');
  assert.deepEqual(core.runs.map((r) => [r.variant, r.text]), [['baseline', 'sent'], ['baseline', 'edited']]);
});

test('the state offers the sent/edited modes on an edited copy only', async () => {
  const plain = new DebuggerCore(index, programs);
  plain.load(defaultScenario(299), 'patched');
  assert.deepEqual(plain.state(null, []).modes, ['baseline', 'patched', 'both']);
  const copy = await sentEdited(299);
  assert.deepEqual(copy.state(null, []).modes, ['baseline', 'patched', 'both', 'sent-edited', 'sent-edited-baseline']);
});

test('as sent vs as edited on a document with no original says so and runs nothing', () => {
  const core = new DebuggerCore(index, programs);
  const errors = core.load(defaultScenario(299), 'sent-edited');
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /Try a Change/);
  assert.equal(core.runs.length, 0);
});

test('as sent vs as edited: run to a line below the edit stops each run on its own text\'s number for it', async () => {
  const core = await sentEdited(299);
  const editedLines = editedText.split('\n');
  // out_free's `goto out;`, one line lower in the edited text (the edit added `pid = ERR_PTR(nr);` above it).
  const added = editedLines.findIndex((l) => l.startsWith('+') && l.includes('pid = ERR_PTR(nr);'));
  const gotoOut = added + 1;
  assert.match(editedLines[gotoOut], /^\s*goto out;$/);
  assert.ok(core.runToLine(gotoOut));
  const [sent, edited] = core.state(null, []).runs;
  assert.deepEqual([sent.location.kind === 'patch' && sent.location.line, edited.location.kind === 'patch' && edited.location.line], [gotoOut - 1, gotoOut]);
  assert.match(lines[gotoOut - 1], /^\s*goto out;$/);
});

test('unchangedLines pairs the lines an edit left alone and none it changed', () => {
  const pairs = unchangedLines('a\nb\nc\nd', 'a\nB\nc\nnew\nd');
  assert.deepEqual([...pairs], [[0, 0], [2, 2], [4, 3]]);
});
