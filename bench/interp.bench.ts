// Interpreter speed: forks per second of the patch's C as interpreted (src/interp) against the
// model's fast mode on the same scenarios, measured in the same process in alternating rounds
// (goal: ratio >= 1/3).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCParser } from '../src/c';
import { compileVariant } from '../src/interp';
import { runOps, simulate } from '../src/kernel/run';
import type { Scenario } from '../src/kernel/scenario';
import { createKernel } from '../src/kernel/setup';
import { checkScenarioShape } from '../src/kernel/validate';
import { parsePatchDocument } from '../src/patch/parse';
import { timeAlternating, timePerCall, type BenchResult, type BenchSuite } from './measure';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'rfc-3-5-next-syscall-data-pids.txt');

function scenario(json: unknown): Scenario {
  const r = checkScenarioShape(json);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

const CASES: readonly { name: string; forks: number; json: unknown }[] = [
  { name: 'patched, depth 0, 20000 forks', forks: 20000, json: { variant: 'patched', pid_max: 65536, ops: [{ op: 'fork', repeat: 20000 }] } },
  { name: 'baseline, depth 0, 20000 forks', forks: 20000, json: { variant: 'baseline', pid_max: 65536, ops: [{ op: 'fork', repeat: 20000 }] } },
  {
    name: 'patched, depth 2, set_next + 5000 forks', forks: 5001,
    json: { variant: 'patched', depth: 2, ops: [{ op: 'set_next', value: 5000 }, { op: 'fork' }, { op: 'fork', repeat: 5000 }] },
  },
];

export const interpSuite: BenchSuite = {
  name: 'interp',
  async run(): Promise<BenchResult[]> {
    const patch = parsePatchDocument(readFileSync(SAMPLE, 'utf8'));
    const parser = await loadCParser();
    const results: BenchResult[] = [];
    const compileMs = timePerCall(() => compileVariant(patch, 'patched', parser), 500, 3);
    results.push({ name: 'compile the sample\'s patched variant', value: compileMs, unit: 'ms' });
    for (const c of CASES) {
      const s = scenario(c.json);
      const compiled = compileVariant(patch, s.variant, parser);
      if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
      const code = compiled.program.code;
      const ms = timeAlternating(() => runOps(createKernel(s), s, code), () => simulate(s), 200, 5);
      const interpreted = c.forks / (ms.a / 1000);
      const model = c.forks / (ms.b / 1000);
      results.push({
        name: `interpreted forks: ${c.name}`, value: interpreted, unit: 'forks/s',
        reference: { name: 'model fast mode', value: model }, ratio: interpreted / model,
        note: 'goal: ratio >= 0.33 (within 3x of the model)',
      });
    }
    return results;
  },
};
