// The outcome of a run (spec "Outcome") and its printing. Forks are kept in one growing
// Int32Array so that a run of millions of forks stays a few bytes per pid number; the printer
// writes in chunks for the same reason.
import { errnoName, type Errno } from './constants';
import type { Fault, FaultLog } from './faults';

export type ForkResult = { readonly pids: readonly number[] } | { readonly errno: Errno };

export class ForkLog {
  /** levels slots per fork: the pid numbers, or -errno in slot 0 for a failed fork. */
  private data: Int32Array;
  private size = 0;

  /** expectedForks sizes the log up front (the scenario says how many forks it makes). */
  constructor(
    readonly levels: number,
    expectedForks = 64,
  ) {
    this.data = new Int32Array(Math.max(1, expectedForks) * levels);
  }

  get length(): number {
    return this.size;
  }

  /** Appends a fork; returns the slot where its pid numbers go (write them with setNumber). */
  add(): number {
    if ((this.size + 1) * this.levels > this.data.length) {
      const data = new Int32Array(this.data.length * 2);
      data.set(this.data);
      this.data = data;
    }
    return this.size++;
  }

  setNumber(fork: number, level: number, nr: number): void {
    this.data[fork * this.levels + level] = nr;
  }

  setErrno(fork: number, errno: number): void {
    this.data[fork * this.levels] = -errno;
  }

  failed(fork: number): boolean {
    return this.data[fork * this.levels] < 0;
  }

  at(fork: number): ForkResult {
    const base = fork * this.levels;
    if (this.data[base] < 0) return { errno: errnoName(-this.data[base]) ?? String(-this.data[base]) };
    return { pids: Array.from(this.data.subarray(base, base + this.levels)) };
  }

  /** One fork as the outcome prints it: `{ "pids": [4001, 500] }` or `{ "errno": "ENOMEM" }`. */
  formatAt(fork: number): string {
    const base = fork * this.levels;
    if (this.data[base] < 0) return `{ "errno": "${errnoName(-this.data[base]) ?? String(-this.data[base])}" }`;
    let text = '{ "pids": [';
    for (let level = 0; level < this.levels; level++) text += (level === 0 ? '' : ', ') + this.data[base + level];
    return `${text}] }`;
  }
}

export interface LevelOutcome {
  readonly level: number;
  readonly lastPid: number;
  /** The set bits as sorted, merged, inclusive ranges. */
  readonly used: readonly (readonly [number, number])[];
  /** [entry index, nr_free] for every entry whose page is allocated, by index. */
  readonly nrFree: readonly (readonly [number, number])[];
}

export interface Outcome {
  readonly forks: ForkLog;
  readonly faults: FaultLog;
  readonly nextSyscallData: number | null;
  readonly final: readonly LevelOutcome[];
}

/** The outcome in the spec's JSON shape (for the webview and tests; small runs). */
export interface OutcomeJson {
  forks: ForkResult[];
  faults: Fault[];
  next_syscall_data: number | null;
  final: { level: number; last_pid: number; used: [number, number][]; nr_free: Record<string, number> }[];
}

export function outcomeToJson(outcome: Outcome): OutcomeJson {
  const forks: ForkResult[] = [];
  for (let i = 0; i < outcome.forks.length; i++) forks.push(outcome.forks.at(i));
  return {
    forks,
    faults: outcome.faults.list(),
    next_syscall_data: outcome.nextSyscallData,
    final: outcome.final.map((l) => ({
      level: l.level,
      last_pid: l.lastPid,
      used: l.used.map(([a, b]) => [a, b] as [number, number]),
      nr_free: Object.fromEntries(l.nrFree.map(([e, n]) => [String(e), n])),
    })),
  };
}

function formatLevel(l: LevelOutcome): string {
  const used = l.used.map(([a, b]) => `[${a}, ${b}]`).join(', ');
  const nrFree = l.nrFree.map(([e, n]) => `"${e}": ${n}`).join(', ');
  return `{ "level": ${l.level}, "last_pid": ${l.lastPid}, "used": [${used}], "nr_free": { ${nrFree} } }`;
}

/**
 * The outcome exactly as the spec's examples lay it out (2-space indent, one fork, fault or
 * level per line as an inline object, a trailing newline), in chunks of about 64 KB, in order:
 * a writer that waits between chunks holds one chunk at a time, however many forks there are.
 */
export function* outcomeChunks(outcome: Outcome): Generator<string> {
  let buffer = '{\n';
  function* list(name: string, count: number, item: (i: number) => string, last = false): Generator<string> {
    if (count === 0) {
      buffer += `  "${name}": []${last ? '' : ','}\n`;
      return;
    }
    buffer += `  "${name}": [\n`;
    for (let i = 0; i < count; i++) {
      buffer += `    ${item(i)}${i === count - 1 ? '' : ','}\n`;
      if (buffer.length > 1 << 16) {
        yield buffer;
        buffer = '';
      }
    }
    buffer += `  ]${last ? '' : ','}\n`;
  }
  yield* list('forks', outcome.forks.length, (i) => outcome.forks.formatAt(i));
  yield* list('faults', outcome.faults.length, (i) => {
    const f = outcome.faults.at(i);
    return `{ "fork": ${f.fork}, "kind": "${f.kind}" }`;
  });
  buffer += `  "next_syscall_data": ${outcome.nextSyscallData === null ? 'null' : outcome.nextSyscallData},\n`;
  yield* list('final', outcome.final.length, (i) => formatLevel(outcome.final[i]), true);
  yield `${buffer}}\n`;
}

/** The outcome's chunks (see outcomeChunks) handed to `write` in order. */
export function writeOutcome(outcome: Outcome, write: (chunk: string) => void): void {
  for (const chunk of outcomeChunks(outcome)) write(chunk);
}

export function formatOutcome(outcome: Outcome): string {
  let text = '';
  writeOutcome(outcome, (chunk) => {
    text += chunk;
  });
  return text;
}
