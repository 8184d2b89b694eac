import { before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyMessage, stateDelta, StateSender } from '../../../src/shared/debugger-delta';
import { isMessageToWebview, type DebuggerState } from '../../../src/shared/debugger-protocol';
import { parsePatchDocument } from '../../../src/patch/parse';
import { mapPatch, MappingIndex } from '../../../src/mapping';
import { DebuggerCore } from '../../../src/panel/core';
import { defaultScenario } from '../../../src/kernel/scenario-input';
import { loadCParser } from '../../../src/c';
import { programsFor, type PatchPrograms } from '../../../src/interp/programs';

const sample = readFileSync(join(__dirname, '..', '..', '..', '..', 'samples', 'rfc-3-5-next-syscall-data-pids.txt'), 'utf8');
const index = new MappingIndex(mapPatch(parsePatchDocument(sample)));
let programs: PatchPrograms;
before(async () => {
  programs = programsFor(parsePatchDocument(sample), await loadCParser());
});

function steppedCore(mode: 'patched' | 'both'): DebuggerCore {
  const core = new DebuggerCore(index, programs);
  core.load(defaultScenario(500), mode);
  return core;
}

test('a step sends only the run fields it changed, never the outcome or the scenario', () => {
  const core = steppedCore('both');
  const before = core.state(null, []);
  core.step('stepIn');
  const delta = stateDelta(before, core.state(null, []));
  assert.ok(delta);
  assert.deepEqual(Object.keys(delta.fields), []);
  for (const run of delta.runs) {
    assert.ok('index' in run);
    assert.equal('outcome' in run, false);
    assert.equal('scenarioKeys' in run, false);
  }
});

test('a step inside a call sends the frames above the ones that stayed, not the whole stack', () => {
  const core = steppedCore('patched');
  // Into alloc_pid, three frames deep, then one more step there: only the top frame changed.
  while (core.state(null, []).runs[0].stack.length < 3) core.step('stepIn');
  const before = core.state(null, []);
  core.step('stepIn');
  const after = core.state(null, []);
  assert.equal(after.runs[0].stack.length, before.runs[0].stack.length);
  const delta = stateDelta(before, after);
  assert.ok(delta);
  assert.equal('stack' in delta.runs[0], false);
  assert.deepEqual(delta.runs[0].stackTail, { from: 2, frames: [after.runs[0].stack[2]] });
});

test('frames kept from a stack the webview does not hold are refused', () => {
  const core = steppedCore('patched');
  const state = core.state(null, []);
  const frames = state.runs[0].stack;
  const message = { type: 'debugger/delta' as const, seq: 2, base: 1, delta: { fields: {}, runs: [{ stackTail: { from: frames.length + 1, frames } }] } };
  assert.ok(isMessageToWebview(message));
  assert.equal(applyMessage({ seq: 1, state }, message), null);
});

test('deltas applied in order rebuild every state the host had, step after step', () => {
  const core = steppedCore('both');
  const sender = new StateSender();
  let held: { seq: number | null; state: DebuggerState | null } = { seq: null, state: null };
  for (let i = 0; i < 120; i++) {
    const state = core.state(null, []);
    const message = sender.next(state);
    if (message) {
      // What crosses postMessage is JSON, and must pass the webview's guard.
      const received: unknown = JSON.parse(JSON.stringify(message));
      assert.ok(isMessageToWebview(received));
      const applied = applyMessage(held, received);
      assert.ok(applied);
      held = applied;
    }
    assert.deepEqual(held.state, JSON.parse(JSON.stringify(state)));
    core.step(i % 7 === 6 ? 'stepBack' : 'stepIn');
  }
});

test('after the first whole state the sender posts deltas, and nothing when nothing changed', () => {
  const core = steppedCore('patched');
  const sender = new StateSender();
  assert.equal(sender.next(core.state(null, []))?.type, 'debugger/state');
  assert.equal(sender.next(core.state(null, [])), null);
  core.step('stepIn');
  assert.equal(sender.next(core.state(null, []))?.type, 'debugger/delta');
  sender.reset();
  assert.equal(sender.next(core.state(null, []))?.type, 'debugger/state');
});

test('another set of variants is sent whole: the panel rebuilds its columns', () => {
  const core = steppedCore('patched');
  const before = core.state(null, []);
  core.load(defaultScenario(500), 'both');
  assert.equal(stateDelta(before, core.state(null, [])), null);
});

test('a delta against a state the webview does not hold is refused', () => {
  const core = steppedCore('patched');
  const sender = new StateSender();
  const first = sender.next(core.state(null, []));
  assert.ok(first);
  const held = applyMessage({ seq: null, state: null }, first);
  assert.ok(held);
  core.step('stepIn');
  sender.next(core.state(null, []));
  core.step('stepIn');
  const skipped = sender.next(core.state(null, []));
  assert.ok(skipped?.type === 'debugger/delta');
  assert.equal(applyMessage(held, skipped), null);
});

test('a delta naming a field the state does not have, or carrying markup as bits, fails the guard', () => {
  const core = steppedCore('patched');
  const run = core.state(null, []).runs[0];
  const delta = (runs: unknown[], fields: unknown = {}): unknown => ({ type: 'debugger/delta', seq: 2, base: 1, delta: { fields, runs } });
  assert.equal(isMessageToWebview(delta([{ index: 3 }])), true);
  assert.equal(isMessageToWebview(delta([{ stackTail: { from: 0, frames: run.stack } }])), true);
  assert.equal(isMessageToWebview(delta([{ stackTail: { from: -1, frames: run.stack } }])), false);
  assert.equal(isMessageToWebview(delta([{ stackTail: { from: 0, frames: [{ fn: '<b>' }] } }])), false);
  assert.equal(isMessageToWebview(delta([{ innerHTML: '<img>' }])), false);
  assert.equal(isMessageToWebview(delta([{}], { runs: [] })), false);
  assert.equal(isMessageToWebview(delta([{ bitmaps: [{ ...run.bitmaps[0], windowBits: '<img src=x onerror=alert(1)>' }] }])), false);
});
