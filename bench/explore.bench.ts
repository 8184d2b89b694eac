// Exploration speed: the default exploration of the sample and of the sample with out_free fixed
// (the edited text runs in the interpreter; both run when a patch opens or is edited, so each must
// stay under a second), and scenario runs per second with the coverage tracer against the
// same scenarios run in fast mode (no tracer), measured in the same process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explorePatch } from '../src/explore';
import { loadCParser } from '../src/c';
import { programsFor } from '../src/interp/programs';
import { runScenario } from '../src/explore/run-scenario';
import { scenarioSpace } from '../src/explore/scenario-space';
import type { ScenarioJson } from '../src/explore';
import { simulate } from '../src/kernel/run';
import { checkScenarioShape } from '../src/kernel/validate';
import { parsePatchDocument } from '../src/patch/parse';
import { timeAlternating, timePerCall, type BenchResult, type BenchSuite } from './measure';
import { MODEL_CODE } from '../src/kernel/run';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'rfc-3-5-next-syscall-data-pids.txt');
const FIXED = join(__dirname, '..', '..', 'test', 'fixtures', 'edits', 'v2-out-free-fixed.patch.txt');

export const exploreSuite: BenchSuite = {
  name: 'explore',
  async run(): Promise<BenchResult[]> {
    const parser = await loadCParser();
    const patch = parsePatchDocument(readFileSync(SAMPLE, 'utf8'));
    // What the editor's worker does per document: choose each variant's program, then explore.
    const explore = (p: typeof patch) => explorePatch(p, programsFor(p, parser));
    const fixed = parsePatchDocument(readFileSync(FIXED, 'utf8'));
    let last = explore(patch);
    let lastFixed = explore(fixed);
    // Alternating rounds: the edited sample's ratio to the unedited one stays fair on a busy machine.
    const { a: ms, b: fixedMs } = timeAlternating(() => (last = explore(patch)), () => (lastFixed = explore(fixed)), 1000, 3);
    const scenarios: ScenarioJson[] = [];
    for (const c of scenarioSpace(3)) for (const variant of ['baseline', 'patched'] as const) scenarios.push({ variant, ...c.scenario });
    const parsed = scenarios.map((s) => {
      const shape = checkScenarioShape(s);
      if (!shape.ok) throw new Error(JSON.stringify(shape.errors));
      return shape.scenario;
    });
    const tracedMs = timePerCall(() => { for (const s of scenarios) runScenario(s, MODEL_CODE, new Set(), () => true); }, 1000, 2);
    const fastMs = timePerCall(() => { for (const s of parsed) simulate(s); }, 1000, 2);
    const traced = scenarios.length / (tracedMs / 1000);
    const fast = scenarios.length / (fastMs / 1000);
    return [
      {
        name: 'default exploration of the sample', value: ms, unit: 'ms',
        note: `${last.scenarios} scenario runs, ${last.partial ? 'PARTIAL (budget)' : 'complete'}; goal < 1000 ms`,
      },
      {
        name: 'default exploration of the sample with out_free fixed (interpreted)', value: fixedMs, unit: 'ms',
        reference: { name: 'the unedited sample (model)', value: ms }, ratio: fixedMs / ms,
        note: `${lastFixed.scenarios} scenario runs, ${lastFixed.partial ? 'PARTIAL (budget)' : 'complete'}, ran as written: ${lastFixed.ranAsWritten}; goal < 1000 ms`,
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
