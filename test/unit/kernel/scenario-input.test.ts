// Scenario text read once, the same way, by every face: the CLI's simulate and trace, the `kpr`
// launch configuration (and the panel, which calls the same functions through VS Code's files).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../../src/cli/run';
import { resolveLaunch } from '../../../src/debug-adapter/launch-config';
import { defaultScenario, parseScenario, readScenarioJson, scenarioErrorText } from '../../../src/kernel/scenario-input';
import { captureIo } from '../support/capture-io';
import { SAMPLE_PATH } from '../mapping/sample';

const BROKEN: Record<string, string> = {
  'malformed JSON': '{ "variant": "patched", ',
  'an array': '[1, 2]',
  'a string': '"patched"',
  'null': 'null',
};

/** The rule line each face prints for a scenario file holding `text`, without the face's own prefix. */
async function facesSay(text: string): Promise<{ simulate: string; trace: string; launch: string }> {
  const simulated = captureIo({ 's.json': text });
  assert.equal(await runCli(['simulate', 's.json'], simulated), 2);
  const traced = captureIo({ 's.json': text });
  assert.equal(await runCli(['trace', SAMPLE_PATH, '--scenario', 's.json'], traced), 2);
  const launched = await resolveLaunch({ patch: '/p', scenario: 's.json' }, { readText: async (path) => (path === 's.json' ? text : 'From: a\n') });
  assert.ok(!launched.ok);
  return { simulate: simulated.stderr.trimEnd(), trace: traced.stderr.trimEnd(), launch: launched.message };
}

for (const [what, text] of Object.entries(BROKEN)) {
  test(`a scenario that is ${what} gets the same rule text from simulate, trace and a launch configuration`, async () => {
    const read = readScenarioJson(text);
    assert.ok(!read.ok);
    const rule = read.error.message;
    assert.deepEqual(await facesSay(text), {
      simulate: `kpr simulate: scenario: ${rule}`,
      trace: `kpr trace: --scenario s.json: ${rule}`,
      launch: `scenario s.json: ${rule}`,
    });
  });
}

test('malformed JSON is named with the parser\'s reason', () => {
  const read = readScenarioJson('{oops');
  assert.ok(!read.ok);
  assert.equal(read.error.path, 'scenario');
  assert.match(read.error.message, /^is not valid JSON: \S/);
});

test('a value that is not an object says what it is', () => {
  assert.deepEqual(readScenarioJson('[1]'), { ok: false, error: { path: 'scenario', message: 'must be a JSON object, got an array' } });
  assert.deepEqual(readScenarioJson('5'), { ok: false, error: { path: 'scenario', message: 'must be a JSON object, got 5' } });
});

test('a UTF-8 byte order mark before the JSON is not part of it', () => {
  assert.deepEqual(readScenarioJson('\ufeff{"variant":"patched","ops":[]}'), { ok: true, json: { variant: 'patched', ops: [] } });
});

test('parseScenario gives the JSON error as the one error, and checks the rules otherwise', () => {
  const broken = parseScenario('{');
  assert.ok(!broken.ok);
  assert.equal(broken.errors.length, 1);
  assert.equal(broken.errors[0].path, 'scenario');
  const ruled = parseScenario('{"variant":"patched","depth":40,"ops":[]}');
  assert.ok(!ruled.ok);
  assert.equal(scenarioErrorText(ruled.errors[0]), 'depth: must be an integer from 0 to 31, got 40');
});

test('an error names its source before the field; an error on the whole scenario is the source\'s own', () => {
  assert.equal(scenarioErrorText({ path: 'ops[0].value', message: 'is required for "set_next"' }, 'a.json'), 'a.json: ops[0].value: is required for "set_next"');
  assert.equal(scenarioErrorText({ path: 'scenario', message: 'must be a JSON object, got null' }, 'a.json'), 'a.json: must be a JSON object, got null');
});

test('the default scenario writes next_syscall_data (when given) and forks once, and is valid', () => {
  assert.deepEqual(defaultScenario(500).ops, [{ op: 'set_next', value: 500 }, { op: 'fork' }]);
  assert.deepEqual(defaultScenario(null).ops, [{ op: 'fork' }]);
  assert.deepEqual(defaultScenario().ops, [{ op: 'fork' }]);
  for (const next of [undefined, null, 299]) assert.ok(parseScenario(JSON.stringify(defaultScenario(next))).ok);
});

test('the default scenario is a fresh object each time: a face that changes it changes only its own', () => {
  const first = defaultScenario();
  first.variant = 'baseline';
  assert.equal(defaultScenario().variant, 'patched');
});
