// `npm run bench`: runs every suite and prints a table (and bench/results/latest.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suites } from './suites';
import type { BenchResult } from './measure';

async function main(): Promise<void> {
  const all: { suite: string; results: BenchResult[] }[] = [];
  for (const suite of suites) {
    const results = await suite.run();
    all.push({ suite: suite.name, results });
    console.log(`\n## ${suite.name}`);
    for (const r of results) {
      const ref = r.reference ? `  (reference ${r.reference.name}: ${fmt(r.reference.value)})` : '';
      const ratio = r.ratio !== undefined ? `  ratio ${r.ratio.toFixed(2)}` : '';
      console.log(`${r.name.padEnd(56)} ${fmt(r.value).padStart(12)} ${r.unit}${ratio}${ref}${r.note ? `  — ${r.note}` : ''}`);
    }
  }
  const dir = join(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), JSON.stringify(all, null, 2) + '\n');
}

function fmt(n: number): string {
  return Math.abs(n) >= 100 ? n.toFixed(0) : n.toPrecision(3);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
