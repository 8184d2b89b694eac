// The kpr debug adapter driven over the Debug Adapter Protocol by the protocol test client, on
// the bundled sample: breakpoints on patch lines, the C call stack, the model's state in
// Variables, stepping both ways, faults, and launch errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { launchToStop, SAMPLE, scopeVariables, startAdapter, stopAfter, topFrame, type Adapter } from './support';

const sampleLines = readFileSync(SAMPLE, 'utf8').split('\n');

/** The 1-based line of the first sample line containing `text` (from a 1-based line on). */
function lineOf(text: string, from = 1): number {
  const i = sampleLines.findIndex((l, n) => n + 1 >= from && l.includes(text));
  if (i < 0) throw new Error(`the sample has no line containing ${JSON.stringify(text)}`);
  return i + 1;
}

const OUT_FREE_KMEM_CACHE_FREE = lineOf('kmem_cache_free(ns->pid_cachep, pid);');
const REMOVED_PID_NULL = lineOf('- pid = NULL;');
const COMMENT_IN_ALLOC_PID = lineOf('There is a upid nr specified');
const EINVAL_LAUNCH = { patch: SAMPLE, nextSyscallData: 299 };
// Hang guards, not speed claims: a launch compiles the patch's programs, and on a loaded 2-core
// machine (CI beside other jobs) that alone has taken over 10 s.
const TIMEOUT = { timeout: 120_000 };

async function withAdapter(body: (adapter: Adapter) => Promise<void>): Promise<void> {
  const adapter = await startAdapter();
  let timer: NodeJS.Timeout | undefined;
  // The client has no timeouts on a socket: a silent adapter fails the test instead of hanging it.
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the adapter did not answer within 90 s')), 90_000);
  });
  try {
    await Promise.race([body(adapter), silence]);
  } finally {
    clearTimeout(timer);
    await adapter.close();
  }
}

test('initialize announces step back, restart and configurationDone', TIMEOUT, () => withAdapter(async ({ client }) => {
  const caps = (await client.initializeRequest()).body ?? {};
  assert.deepEqual([caps.supportsStepBack, caps.supportsRestartRequest, caps.supportsConfigurationDoneRequest], [true, true, true]);
}));

test('stopOnEntry stops at the first step, in the scenario driver', TIMEOUT, () => withAdapter(async ({ client }) => {
  const stop = await launchToStop(client, { ...EINVAL_LAUNCH, stopOnEntry: true });
  assert.equal(stop.body.reason, 'entry');
  assert.match((await topFrame(client)).name, /^scenario/);
}));

test('with 299, a breakpoint on out_free\'s kmem_cache_free stops on that line of the patch', TIMEOUT, () => withAdapter(async ({ client }) => {
  await client.hitBreakpoint(EINVAL_LAUNCH, { path: SAMPLE, line: OUT_FREE_KMEM_CACHE_FREE });
}));

test('the stop reports the breakpoint it hit', TIMEOUT, () => withAdapter(async ({ client }) => {
  const initialized = client.waitForEvent('initialized');
  const stopped = client.waitForEvent('stopped');
  await client.launch(EINVAL_LAUNCH);
  await initialized;
  const set = await client.setBreakpointsRequest({ source: { path: SAMPLE }, breakpoints: [{ line: OUT_FREE_KMEM_CACHE_FREE }] });
  await client.configurationDoneRequest();
  const stop = (await stopped) as DebugProtocol.StoppedEvent;
  assert.deepEqual(stop.body.hitBreakpointIds, [set.body.breakpoints[0].id]);
}));

test('the call stack at out_free is alloc_pid in copy_process in the scenario, innermost first', TIMEOUT, () => withAdapter(async ({ client }) => {
  await launchToStop(client, EINVAL_LAUNCH, [OUT_FREE_KMEM_CACHE_FREE]);
  const frames = (await client.stackTraceRequest({ threadId: 1 })).body.stackFrames;
  assert.deepEqual(frames.map((f) => f.name.split(' ')[0]), ['alloc_pid()', 'copy_process()', 'scenario']);
}));

test('the caller frame copy_process points at its alloc_pid call line in the patch', TIMEOUT, () => withAdapter(async ({ client }) => {
  await launchToStop(client, EINVAL_LAUNCH, [OUT_FREE_KMEM_CACHE_FREE]);
  const caller = (await client.stackTraceRequest({ threadId: 1 })).body.stackFrames[1];
  assert.deepEqual([caller.source?.path, caller.line], [SAMPLE, lineOf('pid = alloc_pid(task_active_pid_ns(p));')]);
}));

test('at out_free the locals show pid = ERR_PTR(-22), typed struct pid *', TIMEOUT, () => withAdapter(async ({ client }) => {
  await launchToStop(client, EINVAL_LAUNCH, [OUT_FREE_KMEM_CACHE_FREE]);
  const locals = await scopeVariables(client, (await topFrame(client)).id, 'Locals');
  const pid = locals.find((v) => v.name === 'pid');
  assert.deepEqual([pid?.value, pid?.type], ['ERR_PTR(-22)', 'struct pid *']);
}));

test('a hover on a local evaluates it in the selected frame', TIMEOUT, () => withAdapter(async ({ client }) => {
  await launchToStop(client, EINVAL_LAUNCH, [OUT_FREE_KMEM_CACHE_FREE]);
  const result = await client.evaluateRequest({ expression: 'pid', frameId: (await topFrame(client)).id, context: 'hover' });
  assert.equal(result.body.result, 'ERR_PTR(-22)');
}));

test('stepping back from the breakpoint leaves the line, and next comes back to it', TIMEOUT, () => withAdapter(async ({ client }) => {
  await launchToStop(client, EINVAL_LAUNCH, [OUT_FREE_KMEM_CACHE_FREE]);
  await stopAfter(client, () => client.stepBackRequest({ threadId: 1 }));
  const back = await topFrame(client);
  await stopAfter(client, () => client.nextRequest({ threadId: 1 }));
  const again = await topFrame(client);
  assert.deepEqual([back.line !== OUT_FREE_KMEM_CACHE_FREE || back.source?.path !== SAMPLE, again.line, again.source?.path], [true, OUT_FREE_KMEM_CACHE_FREE, SAMPLE]);
}));

test('reverse continue from later in the run stops on the breakpoint again', TIMEOUT, () => withAdapter(async ({ client }) => {
  await launchToStop(client, EINVAL_LAUNCH, [OUT_FREE_KMEM_CACHE_FREE]);
  for (let i = 0; i < 3; i++) await stopAfter(client, () => client.nextRequest({ threadId: 1 }));
  const stop = await stopAfter(client, () => client.reverseContinueRequest({ threadId: 1 }));
  assert.deepEqual([stop.body.reason, (await topFrame(client)).line], ['breakpoint', OUT_FREE_KMEM_CACHE_FREE]);
}));

test('reverse continue with no breakpoint behind returns to the start of the run', TIMEOUT, () => withAdapter(async ({ client }) => {
  await launchToStop(client, EINVAL_LAUNCH, [OUT_FREE_KMEM_CACHE_FREE]);
  const stop = await stopAfter(client, () => client.reverseContinueRequest({ threadId: 1 }));
  assert.equal(stop.body.reason, 'entry');
}));

test('stepping over the kmem_cache_free of ERR_PTR(-22) prints the invalid-free on that line', TIMEOUT, () => withAdapter(async ({ client }) => {
  await launchToStop(client, EINVAL_LAUNCH, [OUT_FREE_KMEM_CACHE_FREE]);
  const output = client.assertOutput('stderr', `kpr: fault invalid-free (fork 0) at line ${OUT_FREE_KMEM_CACHE_FREE}: kmem_cache_free(ns->pid_cachep, pid);`);
  await stopAfter(client, () => client.nextRequest({ threadId: 1 }));
  await output;
}));

test('after the free the Faults scope lists the invalid-free on the kmem_cache_free line', TIMEOUT, () => withAdapter(async ({ client }) => {
  await launchToStop(client, EINVAL_LAUNCH, [OUT_FREE_KMEM_CACHE_FREE]);
  await stopAfter(client, () => client.nextRequest({ threadId: 1 }));
  const faults = await scopeVariables(client, (await topFrame(client)).id, 'Faults');
  assert.deepEqual(faults.map((f) => [f.name, f.value.includes(`line ${OUT_FREE_KMEM_CACHE_FREE}:`)]), [['#1 invalid-free', true]]);
}));

test('the leak found when the fork ends is printed on the kmem_cache_free line that should have prevented it', TIMEOUT, () => withAdapter(async ({ client }) => {
  await launchToStop(client, EINVAL_LAUNCH, [OUT_FREE_KMEM_CACHE_FREE]);
  const output = client.assertOutput('stderr', [
    `kpr: fault invalid-free (fork 0) at line ${OUT_FREE_KMEM_CACHE_FREE}: kmem_cache_free(ns->pid_cachep, pid); — kmem_cache_free(ERR_PTR(-22))\n`,
    `kpr: fault leak (fork 0) at line ${OUT_FREE_KMEM_CACHE_FREE}: kmem_cache_free(ns->pid_cachep, pid);`,
  ].join(''));
  const terminated = client.waitForEvent('terminated');
  await client.continueRequest({ threadId: 1 });
  await Promise.all([output, terminated]);
}));

test('the Heap scope shows the error pointer ERR_PTR(-22)', TIMEOUT, () => withAdapter(async ({ client }) => {
  await launchToStop(client, EINVAL_LAUNCH, [OUT_FREE_KMEM_CACHE_FREE]);
  const heap = await scopeVariables(client, (await topFrame(client)).id, 'Heap');
  assert.ok(heap.some((v) => v.name === 'ERR_PTR(-22)' && v.type === 'error pointer'), heap.map((v) => v.name).join(', '));
}));

test('the Pid maps scope has level 0 with its last_pid', TIMEOUT, () => withAdapter(async ({ client }) => {
  await launchToStop(client, EINVAL_LAUNCH, [OUT_FREE_KMEM_CACHE_FREE]);
  const levels = await scopeVariables(client, (await topFrame(client)).id, 'Pid maps');
  const fields = (await client.variablesRequest({ variablesReference: levels[0].variablesReference })).body.variables;
  assert.deepEqual([levels[0].name, fields[0].name], ['level 0', 'last_pid']);
}));

test('inside alloc_fixed_pidmap with 500 the level 0 pid map shows bit 500 under test, still clear', TIMEOUT, () => withAdapter(async ({ client }) => {
  await launchToStop(client, { patch: SAMPLE, nextSyscallData: 500 }, [lineOf('if (test_and_set_bit(offset, map->page))')]);
  const levels = await scopeVariables(client, (await topFrame(client)).id, 'Pid maps');
  const fields = (await client.variablesRequest({ variablesReference: levels[0].variablesReference })).body.variables;
  assert.equal(fields.find((f) => f.name === 'bit under test')?.value, '500: clear (free)');
}));

test('a frame outside the patch gets a model source whose text names the model function', TIMEOUT, () => withAdapter(async ({ client }) => {
  await launchToStop(client, { ...EINVAL_LAUNCH, stopOnEntry: true });
  const frame = await topFrame(client);
  const reference = frame.source?.sourceReference ?? 0;
  const content = (await client.sourceRequest({ source: { sourceReference: reference }, sourceReference: reference })).body.content;
  assert.ok(reference > 0 && content.startsWith('Model of scenario (patched variant)'), content.slice(0, 80));
}));

test('a breakpoint on a line the patch removes is unverified for the patched variant, with the reason', TIMEOUT, () => withAdapter(async ({ client }) => {
  const initialized = client.waitForEvent('initialized');
  await client.launch(EINVAL_LAUNCH);
  await initialized;
  const bp = (await client.setBreakpointsRequest({ source: { path: SAMPLE }, breakpoints: [{ line: REMOVED_PID_NULL }] })).body.breakpoints[0];
  assert.deepEqual([bp.verified, bp.message], [false, 'removed by the patch: the patched variant never runs it']);
}));

test('a breakpoint on a removed line is verified for the baseline variant', TIMEOUT, () => withAdapter(async ({ client }) => {
  const initialized = client.waitForEvent('initialized');
  await client.launch({ ...EINVAL_LAUNCH, variant: 'baseline' });
  await initialized;
  const bp = (await client.setBreakpointsRequest({ source: { path: SAMPLE }, breakpoints: [{ line: REMOVED_PID_NULL }] })).body.breakpoints[0];
  assert.equal(bp.verified, true);
}));

test('a breakpoint on a comment is unverified with "comment"', TIMEOUT, () => withAdapter(async ({ client }) => {
  const initialized = client.waitForEvent('initialized');
  await client.launch(EINVAL_LAUNCH);
  await initialized;
  const bp = (await client.setBreakpointsRequest({ source: { path: SAMPLE }, breakpoints: [{ line: COMMENT_IN_ALLOC_PID }] })).body.breakpoints[0];
  assert.deepEqual([bp.verified, bp.message], [false, 'comment']);
}));

test('a client counting lines from 0 sets and sees the same line as 0-based', TIMEOUT, () => withAdapter(async ({ client }) => {
  const zeroBased = OUT_FREE_KMEM_CACHE_FREE - 1;
  await launchToStop(client, EINVAL_LAUNCH, [zeroBased], { adapterID: 'kpr', linesStartAt1: false, columnsStartAt1: false, pathFormat: 'path' });
  assert.equal((await topFrame(client)).line, zeroBased);
}));

test('continue past the last breakpoint runs to the end and terminates', TIMEOUT, () => withAdapter(async ({ client }) => {
  await launchToStop(client, EINVAL_LAUNCH, [OUT_FREE_KMEM_CACHE_FREE]);
  const terminated = client.waitForEvent('terminated');
  await client.continueRequest({ threadId: 1 });
  await terminated;
}));

test('restart runs to the first breakpoint again', TIMEOUT, () => withAdapter(async ({ client }) => {
  await launchToStop(client, EINVAL_LAUNCH, [OUT_FREE_KMEM_CACHE_FREE]);
  await stopAfter(client, () => client.nextRequest({ threadId: 1 }));
  const stop = await stopAfter(client, () => client.restartRequest({}));
  assert.deepEqual([stop.body.reason, (await topFrame(client)).line], ['breakpoint', OUT_FREE_KMEM_CACHE_FREE]);
}));

test('every stop is reported to the listener with the point index and the scenario', TIMEOUT, () => withAdapter(async ({ client, notices }) => {
  await launchToStop(client, EINVAL_LAUNCH, [OUT_FREE_KMEM_CACHE_FREE]);
  await stopAfter(client, () => client.stepBackRequest({ threadId: 1 }));
  assert.deepEqual(
    notices.map((n) => [n.patchPath, n.variant, n.scenario.ops]),
    [[SAMPLE, 'patched', [{ op: 'set_next', value: 299 }, { op: 'fork' }]], [SAMPLE, 'patched', [{ op: 'set_next', value: 299 }, { op: 'fork' }]]],
  );
  assert.equal(notices[1].pointIndex, notices[0].pointIndex - 1);
}));

test('a nextSyscallData that is not an int fails the launch naming the attribute and the rule', TIMEOUT, () => withAdapter(async ({ client }) => {
  await client.initializeRequest();
  await assert.rejects(client.launchRequest({ patch: SAMPLE, nextSyscallData: 'abc' } as DebugProtocol.LaunchRequestArguments), {
    message: 'kpr: invalid scenario: nextSyscallData: must be a 32-bit signed integer (-2147483648 to 2147483647), got "abc"',
  });
}));

test('a scenario object breaking a rule fails the launch naming scenario.<field>', TIMEOUT, () => withAdapter(async ({ client }) => {
  await client.initializeRequest();
  await assert.rejects(client.launchRequest({ patch: SAMPLE, scenario: { variant: 'patched', depth: 40, ops: [] } } as DebugProtocol.LaunchRequestArguments), {
    message: 'kpr: invalid scenario: scenario.depth: must be an integer from 0 to 31, got 40',
  });
}));

test('a missing patch fails the launch naming the patch attribute', TIMEOUT, () => withAdapter(async ({ client }) => {
  await client.initializeRequest();
  await assert.rejects(client.launchRequest({ nextSyscallData: 1 } as DebugProtocol.LaunchRequestArguments), /^Error: kpr: invalid launch configuration: patch: required/);
}));

test('the stdio program (main.ts) speaks the protocol on stdin and stdout', TIMEOUT, async () => {
  const client = new DebugClient('node', join(__dirname, '..', '..', '..', 'src', 'debug-adapter', 'main.js'), 'kpr');
  await client.start();
  try {
    await client.hitBreakpoint(EINVAL_LAUNCH, { path: SAMPLE, line: OUT_FREE_KMEM_CACHE_FREE });
  } finally {
    await client.stop();
  }
});

test('requests before any launch are all answered, none with a crash', TIMEOUT, () => withAdapter(async ({ client }) => {
  await client.initializeRequest();
  const answers = await Promise.all([
    client.threadsRequest().then(() => 'ok', (e: Error) => e.message),
    client.stackTraceRequest({ threadId: 1 }).then((r) => `frames ${r.body.stackFrames.length}`, (e: Error) => e.message),
    client.scopesRequest({ frameId: 7 }).then((r) => `scopes ${r.body.scopes.length}`, (e: Error) => e.message),
    client.variablesRequest({ variablesReference: 12345 }).then((r) => `variables ${r.body.variables.length}`, (e: Error) => e.message),
    client.nextRequest({ threadId: 1 }).then(() => 'ok', (e: Error) => e.message),
    client.setBreakpointsRequest({ source: { path: SAMPLE }, breakpoints: [{ line: -5 }, { line: 1e9 }] }).then((r) => r.body.breakpoints.map((b) => b.verified).join(','), (e: Error) => e.message),
    client.sourceRequest({ sourceReference: 99 }).then(() => 'ok', (e: Error) => e.message),
  ]);
  assert.deepEqual(answers, [
    'ok', 'frames 0', 'scopes 0', 'variables 0',
    'the session has no run: the launch did not succeed',
    'false,false',
    'no such model source',
  ]);
}));

/** `forks` forks with next_syscall_data 299, each committing invalid-free and leak. */
function failingForks(forks: number): Record<string, unknown> {
  return { variant: 'patched', ops: Array.from({ length: forks }, () => [{ op: 'set_next', value: 299 }, { op: 'fork' }]).flat() };
}

test('a run committing 120 faults prints the first 100 and counts the rest', TIMEOUT, () => withAdapter(async ({ client }) => {
  const lines: string[] = [];
  client.on('output', (e: DebugProtocol.OutputEvent) => {
    if (e.body.category === 'stderr') lines.push(e.body.output);
  });
  const terminated = client.waitForEvent('terminated');
  await client.launch({ patch: SAMPLE, scenario: failingForks(60) });
  await client.configurationDoneRequest();
  await terminated;
  assert.deepEqual([lines.filter((l) => l.startsWith('kpr: fault ')).length, lines[lines.length - 1]], [100, 'kpr: … and 20 more faults on the way.\n']);
}));

test('the Faults scope lists the first 1000 faults and counts the rest', TIMEOUT, () => withAdapter(async ({ client }) => {
  await launchToStop(client, { patch: SAMPLE, scenario: failingForks(600), stopOnEntry: true });
  await stopAfter(client, () => client.stepOutRequest({ threadId: 1 }));
  const faults = await scopeVariables(client, (await topFrame(client)).id, 'Faults');
  assert.deepEqual([faults.length, faults[1000].value], [1001, '200 more faults (the Debug Console printed them as they happened)']);
}));

test('a restart into the baseline rebinds a breakpoint on a removed line and tells the client', TIMEOUT, () => withAdapter(async ({ client }) => {
  await launchToStop(client, { ...EINVAL_LAUNCH, stopOnEntry: true }, [REMOVED_PID_NULL]);
  const changed = client.waitForEvent('breakpoint') as Promise<DebugProtocol.BreakpointEvent>;
  await client.restartRequest({ arguments: { ...EINVAL_LAUNCH, stopOnEntry: true, variant: 'baseline' } } as DebugProtocol.RestartArguments);
  const event = await changed;
  assert.deepEqual([event.body.reason, event.body.breakpoint.verified, event.body.breakpoint.line], ['changed', true, REMOVED_PID_NULL]);
}));
