// Exploration speed: the default exploration of the sample (it runs when a patch opens, so it
// must stay under a second), and scenario runs per second with the coverage tracer against the
// same scenarios run in fast mode (no tracer), measured in the same process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explorePatch } from '../src/explore';
import { runScenario } from '../src/explore/run-scenario';
import { scenarioSpace } from '../src/explore/scenario-space';
import type { ScenarioJson } from '../src/explore';
import { simulate } from '../src/kernel/run';
import { checkScenarioShape } from '../src/kernel/validate';
import { parsePatchDocument } from '../src/patch/parse';
import { timePerCall, type BenchResult, type BenchSuite } from './measure';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'rfc-3-5-next-syscall-data-pids.txt');

export const exploreSuite: BenchSuite = {
  name: 'explore',
  run(): BenchResult[] {
    const patch = parsePatchDocument(readFileSync(SAMPLE, 'utf8'));
    let last = explorePatch(patch);
    const ms = timePerCall(() => (last = explorePatch(patch)), 3000, 3);
    const scenarios: ScenarioJson[] = [];
    for (const c of scenarioSpace(3)) for (const variant of ['baseline', 'patched'] as const) scenarios.push({ variant, ...c.scenario });
    const parsed = scenarios.map((s) => {
      const shape = checkScenarioShape(s);
      if (!shape.ok) throw new Error(JSON.stringify(shape.errors));
      return shape.scenario;
    });
    const tracedMs = timePerCall(() => { for (const s of scenarios) runScenario(s, new Set(), () => true); }, 1000, 2);
    const fastMs = timePerCall(() => { for (const s of parsed) simulate(s); }, 1000, 2);
    const traced = scenarios.length / (tracedMs / 1000);
    const fast = scenarios.length / (fastMs / 1000);
    return [
      {
        name: 'default exploration of the sample', value: ms, unit: 'ms',
        note: `${last.scenarios} scenario runs, ${last.partial ? 'PARTIAL (budget)' : 'complete'}; goal < 1000 ms`,
      },
      { name: 'exploration throughput (whole pipeline)', value: last.scenarios / (ms / 1000), unit: 'scenarios/s' },
      {
        name: 'scenario runs with the coverage tracer', value: traced, unit: 'scenarios/s',
        reference: { name: 'the same scenarios in fast mode (no tracer)', value: fast }, ratio: traced / fast,
        note: 'ratio near 1 is good: coverage costs little over fast mode',
      },
    ];
  },
};
