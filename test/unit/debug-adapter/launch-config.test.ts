// The `kpr` launch attributes turned into a patch and a scenario, with file access injected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AdapterFiles } from '../../../src/debug-adapter/files';
import { describeScenarioError, resolveLaunch } from '../../../src/debug-adapter/launch-config';

/** Files served from memory; any other path fails like a missing file. */
function memoryFiles(files: Record<string, string>): AdapterFiles {
  return {
    readText: async (path) => {
      if (!Object.prototype.hasOwnProperty.call(files, path)) throw new Error(`ENOENT: no such file, open '${path}'`);
      return files[path];
    },
  };
}

const PATCH = { '/p.patch': 'From: a\n' };

test('nextSyscallData builds set_next then one fork, patched at depth 0', async () => {
  const result = await resolveLaunch({ patch: '/p.patch', nextSyscallData: 299 }, memoryFiles(PATCH));
  assert.deepEqual(result.ok && result.launch.scenario, { variant: 'patched', pid_max: 32768, depth: 0, ops: [{ op: 'set_next', value: 299 }, { op: 'fork' }] });
});

test('with neither scenario nor nextSyscallData the run is one plain fork', async () => {
  const result = await resolveLaunch({ patch: '/p.patch' }, memoryFiles(PATCH));
  assert.deepEqual(result.ok && result.launch.scenario.ops, [{ op: 'fork' }]);
});

test('a scenario given as a path is read through the injected files', async () => {
  const files = memoryFiles({ ...PATCH, '/s.json': '{"variant":"baseline","ops":[{"op":"fork","repeat":2}]}' });
  const result = await resolveLaunch({ patch: '/p.patch', scenario: '/s.json' }, files);
  assert.deepEqual(result.ok && result.launch.scenario, { variant: 'baseline', ops: [{ op: 'fork', repeat: 2 }] });
});

test('variant given beside a scenario overrides the scenario\'s', async () => {
  const result = await resolveLaunch({ patch: '/p.patch', scenario: { variant: 'baseline', ops: [] }, variant: 'patched' }, memoryFiles(PATCH));
  assert.equal(result.ok && result.launch.scenario.variant, 'patched');
});

test('scenario and nextSyscallData together are refused', async () => {
  const result = await resolveLaunch({ patch: '/p.patch', scenario: { ops: [] }, nextSyscallData: 5 }, memoryFiles(PATCH));
  assert.deepEqual(result, { ok: false, message: 'nextSyscallData: give either scenario or nextSyscallData, not both' });
});

test('a scenario file that is not JSON is named with the parser\'s reason', async () => {
  const result = await resolveLaunch({ patch: '/p.patch', scenario: '/s.json' }, memoryFiles({ ...PATCH, '/s.json': '{oops' }));
  assert.match(result.ok ? '' : result.message, /^scenario \/s\.json: is not valid JSON: /);
});

test('a scenario file holding an array is refused', async () => {
  const result = await resolveLaunch({ patch: '/p.patch', scenario: '/s.json' }, memoryFiles({ ...PATCH, '/s.json': '[1]' }));
  assert.deepEqual(result, { ok: false, message: 'scenario /s.json: must be a JSON object, got an array' });
});

test('an unreadable patch is named with the reader\'s error', async () => {
  const result = await resolveLaunch({ patch: '/missing.patch' }, memoryFiles(PATCH));
  assert.deepEqual(result, { ok: false, message: "patch: cannot read /missing.patch: ENOENT: no such file, open '/missing.patch'" });
});

test('stopOnEntry must be a boolean', async () => {
  const result = await resolveLaunch({ patch: '/p.patch', stopOnEntry: 'yes' }, memoryFiles(PATCH));
  assert.deepEqual(result, { ok: false, message: 'stopOnEntry: must be true or false, got "yes"' });
});

test('a scenario field path keeps its index and is prefixed with scenario.', () => {
  const names = new Map([['namespaces', 'scenario.namespaces']]);
  assert.equal(describeScenarioError('namespaces[1].last_pid', 'must be an integer', names), 'scenario.namespaces[1].last_pid: must be an integer');
});
