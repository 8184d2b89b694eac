// The interpreter on the sample's own text against the model: generated scenarios of both variants
// (fast-check, the kernel tests' generator) and every spec example must give the same outcome,
// and a traced run must report the same steps (so the same patch lines) in the same order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatOutcome } from '../../../src/kernel/outcome';
import { parseScenario, runOps, simulate, type KernelCode } from '../../../src/kernel/run';
import { createKernel } from '../../../src/kernel/setup';
import type { Scenario } from '../../../src/kernel/scenario';
import { isStepId, type Variant } from '../../../src/kernel/statements';
import type { InterpretedSite, StepSite } from '../../../src/kernel/tracer';
import { MappingIndex, mapPatch } from '../../../src/mapping';
import { parsePatchDocument } from '../../../src/patch/parse';
import { specExamples } from '../kernel/support/fixtures';
import { scenarioArb } from '../kernel/support/scenario-arbitrary';
import { compile, readText, runOn, samplePath } from './support/programs';

const RUNS = 3000;

function modelOutcome(scenario: Scenario): string {
  const run = simulate(scenario);
  return run.ok ? formatOutcome(run.outcome) : `error: ${JSON.stringify(run.errors)}`;
}

test('the sample compiles in both variants', async () => {
  for (const variant of ['baseline', 'patched'] as Variant[]) {
    const result = await compile(readText(samplePath), variant);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    if (result.ok) assert.ok(result.program.interpreted.includes('alloc_pid'));
  }
});

test('every spec example gives the model\'s outcome on the interpreted sample', async () => {
  const programs = { baseline: await compile(readText(samplePath), 'baseline'), patched: await compile(readText(samplePath), 'patched') };
  for (const example of specExamples()) {
    const parsed = parseScenario(example.scenarioText);
    assert.ok(parsed.ok, example.name);
    if (!parsed.ok) continue;
    assert.equal(runOn(programs[parsed.scenario.variant], parsed.scenario), example.outcomeText, example.name);
  }
});

test(`${RUNS} generated scenarios of both variants: interpreter and model agree`, async () => {
  const programs = { baseline: await compile(readText(samplePath), 'baseline'), patched: await compile(readText(samplePath), 'patched') };
  fc.assert(
    fc.property(scenarioArb({ maxOps: 10 }), (scenario) => {
      assert.equal(runOn(programs[scenario.variant], scenario), modelOutcome(scenario));
    }),
    { numRuns: RUNS, seed: 11 },
  );
});

/** What a run reports to a tracer, in order: calls, steps (as StepSite), returns. */
function sitesOf(scenario: Scenario, code?: KernelCode): (string | StepSite)[] {
  const k = createKernel(scenario);
  const events: (string | StepSite)[] = [];
  k.tr = {
    call: (fn) => events.push(`call ${typeof fn === 'string' ? fn : fn.name}`),
    step: (site) => events.push(site),
    ret: () => events.push('ret'),
    change: () => undefined,
  };
  runOps(k, scenario, code);
  return events;
}

/** Calls, model statement ids and returns (an interpreted statement without an id is an error here). */
function idsOf(events: readonly (string | StepSite)[]): string[] {
  return events.map((e) => (typeof e === 'string' ? e : e.stepId ?? `no model statement at line ${e.span.line + 1}`));
}

/** The patch lines a run executes, in order: a model step on the line the mapping gives it. */
function linesOf(events: readonly (string | StepSite)[], index: MappingIndex, variant: Variant): number[] {
  return events.flatMap((e) => {
    if (typeof e !== 'string') return [e.span.line];
    if (!isStepId(e)) return [];
    const line = index.firstLineOfStep(variant, e);
    return line === undefined ? [] : [line.line];
  });
}

test('traced runs visit the same statements and the same patch lines in the same order (spec examples and 300 generated scenarios)', async () => {
  const text = readText(samplePath);
  const index = new MappingIndex(mapPatch(parsePatchDocument(text)));
  const programs = { baseline: await compile(text, 'baseline'), patched: await compile(text, 'patched') };
  const codeOf = (variant: Variant): KernelCode => {
    const result = programs[variant];
    assert.ok(result.ok);
    return result.program.code;
  };
  const check = (scenario: Scenario, name?: string): void => {
    const interpreted = sitesOf(scenario, codeOf(scenario.variant));
    const model = sitesOf(scenario);
    assert.deepEqual(idsOf(interpreted), idsOf(model), name);
    assert.deepEqual(linesOf(interpreted, index, scenario.variant), linesOf(model, index, scenario.variant), name);
  };
  for (const example of specExamples()) {
    const parsed = parseScenario(example.scenarioText);
    assert.ok(parsed.ok);
    if (parsed.ok) check(parsed.scenario, example.name);
  }
  fc.assert(fc.property(scenarioArb({ maxOps: 6 }), (scenario) => check(scenario)), { numRuns: 300, seed: 14 });
});

test('a statement on a patch line reports its span there, with the model statement the mapping places on that line', async () => {
  const text = readText(samplePath);
  const index = new MappingIndex(mapPatch(parsePatchDocument(text)));
  const result = await compile(text, 'patched');
  assert.ok(result.ok);
  const parsed = parseScenario(JSON.stringify({ variant: 'patched', depth: 1, ops: [{ op: 'set_next', value: 500 }, { op: 'fork' }] }));
  assert.ok(parsed.ok);
  const spans = sitesOf(parsed.scenario, result.program.code).filter((e): e is InterpretedSite => typeof e !== 'string');
  assert.ok(spans.length > 30);
  const lines = text.split('\n');
  for (const site of spans) {
    const line = lines[site.span.line];
    assert.ok(site.span.start < site.span.end && site.span.end <= line.length, `${JSON.stringify(site)} on ${JSON.stringify(line)}`);
    assert.ok(index.line(site.span.line) !== undefined, `line ${site.span.line + 1} is a hunk line`);
  }
  const call = spans.find((s) => s.stepId === 'alloc_pid/set_predefined_pid');
  assert.ok(call);
  assert.equal(lines[call.span.line].slice(call.span.start, call.span.end), 'rc = set_predefined_pid(tmp, pid, next_nr);');
});
