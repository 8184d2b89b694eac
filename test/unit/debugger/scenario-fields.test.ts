import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fieldOfError, fieldsFromScenario, parseUsed, scenarioFromFields } from '../../../src/webview/scenario-fields';

const example = {
  variant: 'patched', pid_max: 32768, depth: 1,
  namespaces: [{ last_pid: 4000, used: [1, 2, [300, 4000]] }, { last_pid: 0, used: [] }],
  fail: { kmem_cache_alloc: [3], kzalloc: [] },
  ops: [{ op: 'set_next', value: 500 }, { op: 'fork' }, { op: 'fork', repeat: 3 }, { op: 'exit', pid: 500 }],
};

test('the spec example survives form fields and back unchanged', () => {
  const back = scenarioFromFields(fieldsFromScenario(example), 'patched');
  assert.deepEqual(back, { ok: true, scenario: { ...example, namespaces: [example.namespaces[0], { last_pid: 0 }] } });
});

test('used pids read as numbers and from-to ranges', () => {
  assert.deepEqual(parseUsed('1, 2, 300-4000'), [1, 2, [300, 4000]]);
});

test('a word typed for pid_max reaches the validator as the text typed', () => {
  const fields = { ...fieldsFromScenario(example), pidMax: 'lots' };
  const result = scenarioFromFields(fields, 'patched');
  assert.equal(result.ok && result.scenario.pid_max, 'lots');
});

test('ops that are not JSON are named beside the ops field', () => {
  const result = scenarioFromFields({ ...fieldsFromScenario(example), ops: '[{op: fork}' }, 'patched');
  assert.equal(!result.ok && result.errors[0].field, 'ops');
});

test('an error on ops[0].value goes beside next_syscall_data when set_next is the first op', () => {
  assert.deepEqual(fieldOfError('ops[0].value', 'must be a 32-bit signed integer', true), { field: 'next', message: 'next_syscall_data: must be a 32-bit signed integer' });
});

test('an error on a later op is renumbered as the ops field shows it', () => {
  assert.equal(fieldOfError('ops[2].pid', 'is required for "exit"', true).message, 'ops[1].pid: is required for "exit"');
});

test('an error on a level\'s last_pid goes beside that level', () => {
  assert.equal(fieldOfError('namespaces[1].last_pid', 'must be an integer', false).field, 'level-1-last');
});

test('a word typed for pid_max comes back into its field as typed, without quotes', () => {
  assert.equal(fieldsFromScenario({ ...example, pid_max: 'abc' }).pidMax, 'abc');
});

test('a text that would read back as a number keeps its quotes, so it stays text', () => {
  assert.equal(fieldsFromScenario({ ...example, pid_max: '4096' }).pidMax, '"4096"');
});

test('a depth that breaks its rule (40) draws no level rows of its own', () => {
  assert.equal(fieldsFromScenario({ ...example, depth: 40, namespaces: [] }).levels.length, 1);
  assert.equal(fieldsFromScenario({ ...example, depth: 40 }).depth, '40');
});
