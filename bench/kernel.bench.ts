// Kernel model speed: fast-mode forks per second against a compiled C program of our own doing
// the same bitmap scan (or, without gcc, a plain JS loop over the same Uint32Array), recording
// steps per second, and memory per recorded step.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Kernel } from '../src/kernel/kernel';
import { allocPidmap } from '../src/kernel/pid';
import { simulate } from '../src/kernel/run';
import type { Scenario } from '../src/kernel/scenario';
import { checkScenarioShape } from '../src/kernel/validate';
import { Session } from '../src/stepper/session';
import { timePerCall, type BenchResult, type BenchSuite } from './measure';

function scenario(json: unknown): Scenario {
  const r = checkScenarioShape(json);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

// The allocator's scan alone (pages of 32768 bits, nr_free, find-next-zero, the max_scan and
// wrap rules) in C, written for this bench: what "compiled C with the same bitmap" costs.
const C_REFERENCE = String.raw`
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <time.h>
#define BPP 32768
#define WORDS (BPP / 64)
struct entry { uint64_t *bits; int nr_free; };
static struct entry maps[128];
static int last_nr, nr_max;
static int next_clear(const uint64_t *w, int from) {
  if (from >= BPP) return BPP;
  int i = from >> 6;
  uint64_t free_bits = ~w[i] & (~0ULL << (from & 63));
  while (!free_bits) { if (++i >= WORDS) return BPP; free_bits = ~w[i]; }
  return (i << 6) + __builtin_ctzll(free_bits);
}
static int take(void) {
  int last = last_nr, nr = last + 1;
  if (nr >= nr_max) nr = 300;
  int off = nr & (BPP - 1), e = nr / BPP;
  int passes = (nr_max + BPP - 1) / BPP - !off;
  for (int pass = 0; pass <= passes; ++pass) {
    if (!maps[e].bits) maps[e].bits = calloc(WORDS, 8);
    if (maps[e].nr_free) {
      do {
        uint64_t mask = 1ULL << (off & 63);
        if (!(maps[e].bits[off >> 6] & mask)) {
          maps[e].bits[off >> 6] |= mask; maps[e].nr_free--; last_nr = nr; return nr;
        }
        off = next_clear(maps[e].bits, off);
        nr = e * BPP + off;
      } while (off < BPP && nr < nr_max && (pass != passes || nr < last || !((last + 1) & (BPP - 1))));
    }
    if (e < (nr_max - 1) / BPP) { e++; off = 0; } else { e = 0; off = 300; if (last == off) break; }
    nr = e * BPP + off;
  }
  return -1;
}
int main(int argc, char **argv) {
  nr_max = atoi(argv[1]);
  long forks = atol(argv[2]);
  int rounds = atoi(argv[3]);
  double best = 1e30; long handed = 0;
  for (int r = 0; r < rounds; r++) {
    for (int i = 0; i < 128; i++) { free(maps[i].bits); maps[i].bits = NULL; maps[i].nr_free = BPP; }
    maps[0].bits = calloc(WORDS, 8); maps[0].bits[0] = 1; maps[0].nr_free = BPP - 1; last_nr = 0;
    struct timespec a, b;
    handed = 0;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (long f = 0; f < forks; f++) if (take() > 0) handed++;
    clock_gettime(CLOCK_MONOTONIC, &b);
    double s = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
    if (s < best) best = s;
  }
  printf("%.9f %ld\n", best, handed);
  return 0;
}
`;

/** Seconds per run of the C reference, or undefined when gcc is not there. */
function cReference(pidMax: number, forks: number): number | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'kpr-bench-'));
  try {
    writeFileSync(join(dir, 'scan.c'), C_REFERENCE);
    execFileSync('gcc', ['-O2', '-o', join(dir, 'scan'), join(dir, 'scan.c')], { stdio: 'ignore' });
    const out = execFileSync(join(dir, 'scan'), [String(pidMax), String(forks), '5'], { encoding: 'utf8' });
    return Number(out.split(' ')[0]);
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same scan as a plain JS loop over a Uint32Array (the fallback reference). */
function jsLoopReference(pidMax: number, forks: number): number {
  const pages = Math.ceil(pidMax / 32768);
  return timePerCall(() => {
    const bits = new Uint32Array(pages * 1024);
    bits[0] = 1;
    let last = 0;
    for (let f = 0; f < forks; f++) {
      let nr = last + 1 >= pidMax ? 300 : last + 1;
      for (let tries = 0; tries < pidMax; tries++) {
        if ((bits[nr >>> 5] & (1 << (nr & 31))) === 0) {
          bits[nr >>> 5] |= 1 << (nr & 31);
          last = nr;
          break;
        }
        nr = nr + 1 >= pidMax ? 300 : nr + 1;
      }
    }
  }) / 1000;
}

function forksPerSecond(name: string, s: Scenario, forks: number): BenchResult {
  const seconds = timePerCall(() => simulate(s)) / 1000;
  const value = forks / seconds;
  const pidMax = s.pidMax;
  const c = cReference(pidMax, forks);
  const refSeconds = c ?? jsLoopReference(pidMax, forks);
  const refName = c !== undefined ? 'gcc -O2 C scan of our own' : 'plain JS loop over Uint32Array';
  return {
    name, value, unit: 'forks/s',
    reference: { name: refName, value: forks / refSeconds },
    ratio: value / (forks / refSeconds),
    note: 'model runs copy_process + alloc_pid + fault bookkeeping; reference only the scan',
  };
}

/** alloc_pidmap alone, exhausting a namespace: the like-for-like comparison with the C scan. */
function scanOnly(pidMax: number): BenchResult {
  const forks = pidMax - 1;
  const seconds = timePerCall(() => {
    const k = new Kernel({ variant: 'baseline', pidMax, depth: 0, failKmemCacheAlloc: [], failKzalloc: [], expectedForks: 0 });
    const ns = k.namespaces[0];
    (k.setupPage(ns, 0))[0] = 1;
    ns.nrFree[0]--;
    for (let f = 0; f < forks; f++) allocPidmap(k, ns);
  }) / 1000;
  const c = cReference(pidMax, forks);
  const refSeconds = c ?? jsLoopReference(pidMax, forks);
  return {
    name: `alloc_pidmap alone: exhaust ${pidMax} pids`, value: forks / seconds, unit: 'allocs/s',
    reference: { name: c !== undefined ? 'gcc -O2 C scan of our own' : 'plain JS loop over Uint32Array', value: forks / refSeconds },
    ratio: (forks / seconds) / (forks / refSeconds),
  };
}

function gcFunction(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose_gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

function recording(): BenchResult[] {
  const s = scenario({ variant: 'patched', depth: 1, namespaces: [{ last_pid: 1000, used: [[300, 1000]] }], ops: [{ op: 'set_next', value: 20000 }, { op: 'fork', repeat: 1500 }] });
  let steps = 0;
  const ms = timePerCall(() => {
    const r = Session.record(s, { maxSteps: 1_000_000 });
    if (r.ok) steps = r.session.length;
  });
  const gc = gcFunction();
  let bytesPerStep = Number.NaN;
  if (gc) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const r = Session.record(s, { maxSteps: 1_000_000 });
    gc();
    const after = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    if (r.ok) bytesPerStep = (after - before) / r.session.length;
  }
  return [
    { name: `recording: steps/s (1500 forks, depth 1, ${steps} steps)`, value: steps / (ms / 1000), unit: 'steps/s' },
    { name: 'recording: memory per recorded step', value: bytesPerStep, unit: 'bytes/step', note: gc ? 'heap + array buffers after gc' : 'gc not available' },
  ];
}

export const kernelSuite: BenchSuite = {
  name: 'kernel model',
  run() {
    return [
      forksPerSecond('fast mode: exhaust a 32768-pid namespace', scenario({ variant: 'patched', ops: [{ op: 'fork', repeat: 32768 }] }), 32768),
      forksPerSecond('fast mode: 100000 forks, pid_max 4194304', scenario({ variant: 'patched', pid_max: 4194304, ops: [{ op: 'fork', repeat: 100000 }] }), 100000),
      forksPerSecond('fast mode: exhaust a 4194304-pid namespace', scenario({ variant: 'baseline', pid_max: 4194304, ops: [{ op: 'fork', repeat: 4194304 }] }), 4194304),
      scanOnly(32768),
      scanOnly(4194304),
      ...recording(),
    ];
  },
};
