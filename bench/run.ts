// `npm run bench`: runs every suite and prints a table (and bench/results/latest.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suites } from './suites';
import type { BenchResult } from './measure';

async function main(): Promise<void> {
  const all: { suite: string; results: BenchResult[] }[] = [];
  // KPR_BENCH=interp,explore runs only the suites named (the whole run takes minutes).
  const wanted = process.env.KPR_BENCH?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = wanted?.filter((w) => !suites.some((s) => s.name === w)) ?? [];
  if (unknown.length > 0) throw new Error(`KPR_BENCH names no suite ${unknown.join(', ')} (suites: ${suites.map((s) => s.name).join(', ')})`);
  for (const suite of suites) {
    if (wanted && !wanted.includes(suite.name)) continue;
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
