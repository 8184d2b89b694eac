// The interpreter on the sample's own text against the model: generated scenarios of both variants
// (fast-check, the kernel tests' generator) and every spec example must give the same outcome,
// and a traced run must report the same steps (so the same patch lines) in the same order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatOutcome } from '../../../src/kernel/outcome';
import { runOps, simulate, type KernelCode } from '../../../src/kernel/run';
import { parseScenario } from '../../../src/kernel/scenario-input';
import { createKernel } from '../../../src/kernel/setup';
import type { Scenario } from '../../../src/kernel/scenario';
import type { Variant } from '../../../src/kernel/statements';
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

/** The steps a run reports to a tracer, in order: calls, statement ids, returns. */
function stepsOf(scenario: Scenario, code?: KernelCode): string[] {
  const k = createKernel(scenario);
  const steps: string[] = [];
  k.tr = {
    call: (fn) => steps.push(`call ${fn}`),
    step: (site) => steps.push(typeof site === 'string' ? site : `${site.stepId ?? 'interpreted'}@${site.span.line}`),
    ret: () => steps.push('ret'),
    change: () => undefined,
  };
  runOps(k, scenario, code);
  return steps;
}

test('traced runs visit the same statements in the same order (spec examples and 200 generated scenarios)', async () => {
  const programs = { baseline: await compile(readText(samplePath), 'baseline'), patched: await compile(readText(samplePath), 'patched') };
  const codeOf = (variant: Variant): KernelCode => {
    const result = programs[variant];
    assert.ok(result.ok);
    return result.program.code;
  };
  for (const example of specExamples()) {
    const parsed = parseScenario(example.scenarioText);
    assert.ok(parsed.ok);
    if (parsed.ok) assert.deepEqual(stepsOf(parsed.scenario, codeOf(parsed.scenario.variant)), stepsOf(parsed.scenario), example.name);
  }
  fc.assert(
    fc.property(scenarioArb({ maxOps: 6 }), (scenario) => {
      assert.deepEqual(stepsOf(scenario, codeOf(scenario.variant)), stepsOf(scenario));
    }),
    { numRuns: 200, seed: 14 },
  );
});
