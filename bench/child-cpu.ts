// Whole-process timing for the parse bench: a node child run to its end with its output into
// /dev/null, timed by the CPU it used (user + system, reported by a preload on fd 3) and by the
// wall clock. CPU time is what a busy machine disturbs least.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';

const PRELOAD = join(__dirname, '..', '..', 'bench', 'report-cpu.cjs');

export interface ChildTime {
  readonly cpuMs: number;
  readonly wallMs: number;
}

/** Runs `node ARGS` once; rejects when it exits with a status other than 0 or 1. */
export function timeNode(args: readonly string[]): Promise<ChildTime> {
  return new Promise((resolve, reject) => {
    const devNull = openSync('/dev/null', 'w');
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', PRELOAD, ...args], { stdio: ['ignore', devNull, 'inherit', 'pipe'] });
    let cpu = '';
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => (cpu += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      closeSync(devNull);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0 && code !== 1) reject(new Error(`node ${args.join(' ')} exited ${code}`));
      else resolve({ cpuMs: Number(cpu) / 1000, wallMs });
    });
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs two commands alternately `runs` times each; the median CPU and wall time of each. */
export async function timePair(ours: readonly string[], reference: readonly string[], runs: number): Promise<{ ours: ChildTime; reference: ChildTime }> {
  const a: ChildTime[] = [];
  const b: ChildTime[] = [];
  await timeNode(ours); // warm the file cache and the code cache alike
  await timeNode(reference);
  for (let i = 0; i < runs; i++) {
    a.push(await timeNode(ours));
    b.push(await timeNode(reference));
  }
  return {
    ours: { cpuMs: median(a.map((t) => t.cpuMs)), wallMs: median(a.map((t) => t.wallMs)) },
    reference: { cpuMs: median(b.map((t) => t.cpuMs)), wallMs: median(b.map((t) => t.wallMs)) },
  };
}
