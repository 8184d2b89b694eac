import { before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMessageToExtension, isMessageToWebview, isPersistedState } from '../../../src/shared/debugger-protocol';
import { parsePatchDocument } from '../../../src/patch/parse';
import { mapPatch, MappingIndex } from '../../../src/mapping';
import { defaultScenario } from '../../../src/kernel/scenario-input';
import { DebuggerCore } from '../../../src/panel/core';
import { loadCParser } from '../../../src/c';
import { programsFor, type PatchPrograms } from '../../../src/interp/programs';

const sample = readFileSync(join(__dirname, '..', '..', '..', '..', 'samples', 'rfc-3-5-next-syscall-data-pids.txt'), 'utf8');
const index = new MappingIndex(mapPatch(parsePatchDocument(sample)));
let programs: PatchPrograms;
before(async () => {
  programs = programsFor(parsePatchDocument(sample), await loadCParser());
});

test('a step request with a known command passes the guard', () => {
  assert.equal(isMessageToExtension({ type: 'debugger/step', command: 'stepIn' }), true);
});

test('a step request with an unknown command is rejected', () => {
  assert.equal(isMessageToExtension({ type: 'debugger/step', command: 'rm -rf' }), false);
});

test('a goTo with a negative or fractional index is rejected', () => {
  assert.equal(isMessageToExtension({ type: 'debugger/goTo', run: 0, index: -1 }), false);
  assert.equal(isMessageToExtension({ type: 'debugger/goTo', run: 0, index: 1.5 }), false);
});

test('a setScenario whose scenario is not an object is rejected', () => {
  assert.equal(isMessageToExtension({ type: 'debugger/setScenario', scenario: [1], mode: 'patched' }), false);
});

test('non-objects and unknown types are rejected', () => {
  for (const value of [null, undefined, 42, 'webview/ready', [], { type: 'debugger/explode' }]) assert.equal(isMessageToExtension(value), false);
});

test('the state the core computes for the sample passes the webview guard', () => {
  const core = new DebuggerCore(index, programs);
  core.load(defaultScenario(500), 'both');
  core.step('stepIn');
  assert.equal(isMessageToWebview({ type: 'debugger/state', state: core.state({ uri: 'file:///x', name: 'x' }, []) }), true);
});

test('a state with a bitmap strip holding markup instead of bits is rejected', () => {
  const core = new DebuggerCore(index, programs);
  core.load(defaultScenario(500), 'patched');
  const state = core.state(null, []);
  const run = { ...state.runs[0], bitmaps: [{ ...state.runs[0].bitmaps[0], windowBits: '<img src=x onerror=alert(1)>' }] };
  assert.equal(isMessageToWebview({ type: 'debugger/state', state: { ...state, runs: [run] } }), false);
});

test('a persisted state needs version 1 and at most two positions', () => {
  const saved = { version: 1, scenario: {}, mode: 'patched', positions: [3], documentUri: null };
  assert.equal(isPersistedState(saved), true);
  assert.equal(isPersistedState({ ...saved, version: 2 }), false);
  assert.equal(isPersistedState({ ...saved, positions: [1, 2, 3] }), false);
});
