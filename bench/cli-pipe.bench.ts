// Peak memory of `kpr simulate` writing a 4194304-fork outcome (~170 MB of JSON) through a pipe
// read by a consumer, against the same command writing into /dev/null, in the same run: output
// streamed with backpressure keeps the two close (goal: ratio near 1, never the gigabytes an
// unbounded buffer would take).
import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResult, BenchSuite } from './measure';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const PRELOAD = join(ROOT, 'bench', 'report-max-rss.cjs');
const SCENARIO = JSON.stringify({ variant: 'patched', pid_max: 4194304, ops: [{ op: 'fork', repeat: 4194304 }] });

interface ChildRun {
  readonly maxRssKiB: number;
  readonly ms: number;
  readonly bytes: number;
}

/** Runs simulate with stdout into /dev/null (`pipe` false) or through a pipe this process drains. */
function runSimulate(pipe: boolean): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const devNull = pipe ? -1 : openSync('/dev/null', 'w');
    const started = Date.now();
    const child = spawn(process.execPath, ['--require', PRELOAD, CLI, 'simulate', '-'], {
      stdio: ['pipe', pipe ? 'pipe' : devNull, 'inherit', 'pipe'],
    });
    let bytes = 0;
    let rss = '';
    child.stdout?.on('data', (chunk: Buffer) => (bytes += chunk.length));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => (rss += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (devNull >= 0) closeSync(devNull);
      if (code !== 0) reject(new Error(`kpr simulate exited ${code}`));
      else resolve({ maxRssKiB: Number(rss), ms: Date.now() - started, bytes });
    });
    child.stdin?.end(SCENARIO);
  });
}

export const cliPipeSuite: BenchSuite = {
  name: 'cli-pipe',
  async run(): Promise<BenchResult[]> {
    const file = await runSimulate(false);
    const piped = await runSimulate(true);
    const mib = (kib: number): number => kib / 1024;
    return [
      {
        name: 'kpr simulate, 4194304 forks, peak memory through a pipe',
        value: mib(piped.maxRssKiB),
        unit: 'MiB',
        reference: { name: 'the same into /dev/null', value: mib(file.maxRssKiB) },
        ratio: piped.maxRssKiB / file.maxRssKiB,
        note: `${(piped.bytes / 1e6).toFixed(0)} MB written in ${piped.ms} ms through the pipe, ${file.ms} ms into /dev/null`,
      },
    ];
  },
};
