// Hostile input against ordinary input, for the parser and the hover's line explanation: the unit
// tests prove these inputs are handled correctly (test/unit/patch/robustness.test.ts,
// test/unit/explain/robustness.test.ts); here their cost is measured, per byte against the
// sample's, so unbounded work (a quadratic loop, a backtracking regex) shows as a large ratio.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explainLine } from '../src/explain/explain-line';
import { parsePatchDocument } from '../src/patch/parse';
import { HOSTILE_PATCHES } from '../test/unit/patch/support/hostile-inputs';
import { timePerCall, type BenchResult, type BenchSuite } from './measure';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'rfc-3-5-next-syscall-data-pids.txt');

/** The same hostile lines as the explanation's robustness tests. */
const HOSTILE_LINES: [string, string][] = [
  ['a 1 MB expression', ` x = ${'a + '.repeat(262_144)}b;`],
  ['200 000 nested parentheses', `if (${'('.repeat(200_000)}x${')'.repeat(200_000)})`],
  ['an unterminated string over 1 MB', `"${'x'.repeat(1_000_000)}`],
  ['an unterminated comment over 1 MB', `/*${'x'.repeat(1_000_000)}`],
  ['1 MB of */', '*/'.repeat(500_000)],
];

const ORDINARY_LINE = '\tpid->numbers[i].nr = nr;';

export const hostileSuite: BenchSuite = {
  name: 'hostile input',
  run(): BenchResult[] {
    const sample = readFileSync(SAMPLE, 'utf8');
    const samplePerMB = timePerCall(() => parsePatchDocument(sample), 300) / (sample.length / 1e6);
    const results: BenchResult[] = [];
    for (const [what, make] of HOSTILE_PATCHES) {
      const text = make();
      const perMB = timePerCall(() => parsePatchDocument(text), 300, 1) / (text.length / 1e6);
      results.push({
        name: `parse ${what} (ms/MB)`,
        value: perMB,
        unit: 'ms/MB',
        reference: { name: 'the sample, ms/MB', value: samplePerMB },
        ratio: perMB / samplePerMB,
        note: 'ratio = hostile ms/MB / sample ms/MB; goal: ≤ 10 (linear, like ordinary input)',
      });
    }
    const ordinary = timePerCall(() => explainLine(ORDINARY_LINE, { kind: '+' }), 300);
    for (const [what, line] of HOSTILE_LINES) {
      const ms = timePerCall(() => explainLine(line, { kind: '+' }), 300, 1);
      results.push({
        name: `explain ${what} (ms)`,
        value: ms,
        unit: 'ms',
        reference: { name: 'an ordinary line, ms', value: ordinary },
        ratio: ms / ordinary,
        note: 'ratio = hostile / ordinary; only the first MAX_LINE_CHARS characters are read, so it stays bounded whatever the length',
      });
    }
    return results;
  },
};
