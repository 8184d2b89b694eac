// The one stop rule, through both faces: the panel's core and the debug adapter (over the Debug
// Adapter Protocol) get the same breakpoints and the same moves, and must stop at the same
// points — on the sample's own cases and on generated scenarios and breakpoint lines.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { parsePatchDocument } from '../../../src/patch/parse';
import { mapPatch, MappingIndex } from '../../../src/mapping';
import { defaultScenario } from '../../../src/kernel/scenario-input';
import { DebuggerCore } from '../../../src/panel/core';
import { loadCParser } from '../../../src/c';
import { programsFor, type PatchPrograms } from '../../../src/interp/programs';
import type { ScenarioJson } from '../../../src/shared/debugger-protocol';
import { SAMPLE, startAdapter } from '../debug-adapter/support';

const sample = readFileSync(SAMPLE, 'utf8');
const sampleLines = sample.split('\n');
const index = new MappingIndex(mapPatch(parsePatchDocument(sample)));
let programs: PatchPrograms;
before(async () => {
  programs = programsFor(parsePatchDocument(sample), await loadCParser());
});

/** The moves both faces offer (the adapter's stepBack is the panel's stepBackOver). */
type Move = 'continue' | 'reverseContinue' | 'stepOver' | 'stepOut' | 'stepBackOver' | 'stepIn';
const RUN_MOVES: readonly Move[] = ['continue', 'reverseContinue'];

/** 0-based line of the first sample line containing `text`. */
function lineOf(text: string): number {
  const i = sampleLines.findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`no sample line contains ${text}`);
  return i;
}

/** The stops (point indexes; 'end' when the run ends) of the moves in the panel's core. */
function panelStops(scenario: ScenarioJson, lines: readonly number[], moves: readonly Move[], from = 0): (number | 'end')[] {
  const core = new DebuggerCore(index, programs);
  assert.deepEqual(core.load(scenario, scenario.variant === 'baseline' ? 'baseline' : 'patched'), []);
  core.goTo(0, from);
  core.breakpointLines = lines;
  const session = core.runs[0].session;
  const last = session.length - 1;
  const stops: (number | 'end')[] = [];
  for (const move of moves) {
    const before = session.index;
    core.step(move);
    const ended = RUN_MOVES.includes(move) ? core.runs[0].stopReason === 'end' : before === last && session.index === last;
    if (ended) {
      stops.push('end');
      break;
    }
    stops.push(session.index);
  }
  return stops;
}

/** The same in the debug adapter: stop on entry, go to `from`, set the breakpoints, then the moves. */
async function adapterStops(scenario: ScenarioJson, lines: readonly number[], moves: readonly Move[], from = 0): Promise<(number | 'end')[]> {
  const adapter = await startAdapter();
  const { client, notices } = adapter;
  try {
    const stopOrEnd = (): Promise<'stop' | 'end'> => Promise.race([
      client.waitForEvent('stopped').then(() => 'stop' as const),
      client.waitForEvent('terminated').then(() => 'end' as const),
    ]);
    let next = stopOrEnd();
    await client.initializeRequest();
    await client.launchRequest({ patch: SAMPLE, scenario, stopOnEntry: true } as DebugProtocol.LaunchRequestArguments);
    await client.setBreakpointsRequest({ source: { path: SAMPLE }, breakpoints: lines.map((line) => ({ line: line + 1 })) });
    await client.configurationDoneRequest();
    await next;
    for (let i = 0; i < from; i++) {
      next = stopOrEnd();
      await client.stepInRequest({ threadId: 1 });
      await next;
    }
    const stops: (number | 'end')[] = [];
    for (const move of moves) {
      next = stopOrEnd();
      const args = { threadId: 1 };
      if (move === 'continue') await client.continueRequest(args);
      else if (move === 'reverseContinue') await client.reverseContinueRequest(args);
      else if (move === 'stepOver') await client.nextRequest(args);
      else if (move === 'stepOut') await client.stepOutRequest(args);
      else if (move === 'stepIn') await client.stepInRequest(args);
      else await client.stepBackRequest(args);
      if ((await next) === 'end') {
        stops.push('end');
        break;
      }
      stops.push(notices[notices.length - 1].pointIndex);
    }
    return stops;
  } finally {
    await adapter.close();
  }
}

async function sameStops(scenario: ScenarioJson, lines: readonly number[], moves: readonly Move[], from = 0): Promise<(number | 'end')[]> {
  const panel = panelStops(scenario, lines, moves, from);
  assert.deepEqual(await adapterStops(scenario, lines, moves, from), panel, `${JSON.stringify(scenario)} lines ${lines.join(',')} moves ${moves.join(',')}`);
  return panel;
}

test('a breakpoint on the sample\'s for header at depth 1 stops once per arrival on the line, in both', { timeout: 120_000 }, async () => {
  const stops = await sameStops({ ...defaultScenario(null), depth: 1 }, [lineOf('for ( ; i >= 0; i--) {')], ['continue', 'continue', 'continue', 'continue']);
  assert.deepEqual(stops, [13, 38, 64, 'end']);
});

test('reverse continue stops at the same points as continue, walking back', { timeout: 120_000 }, async () => {
  const stops = await sameStops({ ...defaultScenario(null), depth: 1 }, [lineOf('for ( ; i >= 0; i--) {')], ['continue', 'continue', 'continue', 'reverseContinue', 'reverseContinue']);
  assert.deepEqual(stops, [13, 38, 64, 38, 13]);
});

test('Step Over a call stops at a breakpoint hit inside the call, in both', { timeout: 120_000 }, async () => {
  // Point 6 is copy_process's `pid = alloc_pid(...)`; the breakpoint is on alloc_pid's signature.
  const scenario = defaultScenario(null);
  const call = 6;
  const entry = lineOf('struct pid *alloc_pid(struct pid_namespace *ns)');
  assert.deepEqual(await sameStops(scenario, [entry], ['stepOver'], call), [call + 1]);
  const over = await sameStops(scenario, [], ['stepOver'], call);
  assert.ok((over[0] as number) > call + 1, 'without the breakpoint the call is stepped over whole');
});

test('Step Out stops at a breakpoint hit before the frame returns, in both', { timeout: 120_000 }, async () => {
  const scenario = defaultScenario(null);
  const line = lineOf('tmp = ns;');
  const plain = await sameStops(scenario, [], ['stepOut'], 8);
  const stopped = await sameStops(scenario, [line], ['stepOut'], 8);
  assert.ok((stopped[0] as number) < (plain[0] as number), `${stopped[0]} before ${plain[0]}`);
});

const breakable = (variant: 'baseline' | 'patched'): number[] =>
  sampleLines.map((_, line) => line).filter((line) => index.stepsAtLine(variant, line).length > 0);

const scenarioJson: fc.Arbitrary<ScenarioJson> = fc.record({
  variant: fc.constantFrom('baseline', 'patched'),
  depth: fc.integer({ min: 0, max: 2 }),
  next: fc.constantFrom(null, -1, 1, 299, 300, 500, 32767, 40000),
  forks: fc.integer({ min: 1, max: 3 }),
  kmem: fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 1 }),
}).map(({ variant, depth, next, forks, kmem }) => ({
  variant, pid_max: 32768, depth, fail: { kmem_cache_alloc: kmem },
  ops: [...(next === null ? [] : [{ op: 'set_next', value: next }]), { op: 'fork', repeat: forks }],
}));

test('generated scenarios, breakpoint lines and moves: the panel and the adapter stop at the same points', { timeout: 240_000 }, async () => {
  await fc.assert(
    fc.asyncProperty(
      scenarioJson.chain((scenario) => fc.tuple(
        fc.constant(scenario),
        fc.subarray(breakable(scenario.variant as 'baseline' | 'patched'), { minLength: 1, maxLength: 3 }),
        fc.array(fc.constantFrom<Move>('continue', 'continue', 'stepOver', 'stepOut', 'reverseContinue', 'stepBackOver', 'stepIn'), { minLength: 3, maxLength: 10 }),
      )),
      async ([scenario, lines, moves]) => {
        await sameStops(scenario, lines, moves);
      },
    ),
    { numRuns: 30 },
  );
});
