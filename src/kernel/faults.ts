// The memory-safety faults the sanitizer records (spec: "Fault kinds"), kept append-only and
// compact so a run of millions of forks stays small and a recorded step can name "faults so far"
// by a count.

export type FaultKind = 'err-ptr-deref' | 'invalid-free' | 'leak' | 'pidmap-leak';

export const FAULT_KINDS: readonly FaultKind[] = ['err-ptr-deref', 'invalid-free', 'leak', 'pidmap-leak'];

export interface Fault {
  /** 0-based index of the fork during which it happened. */
  readonly fork: number;
  readonly kind: FaultKind;
}

export class FaultLog {
  private forks = new Int32Array(64);
  private kinds = new Uint8Array(64);
  private size = 0;

  get length(): number {
    return this.size;
  }

  add(fork: number, kind: FaultKind): void {
    if (this.size === this.forks.length) {
      const forks = new Int32Array(this.size * 2);
      forks.set(this.forks);
      this.forks = forks;
      const kinds = new Uint8Array(this.size * 2);
      kinds.set(this.kinds);
      this.kinds = kinds;
    }
    this.forks[this.size] = fork;
    this.kinds[this.size] = FAULT_KINDS.indexOf(kind);
    this.size++;
  }

  at(index: number): Fault {
    return { fork: this.forks[index], kind: FAULT_KINDS[this.kinds[index]] };
  }

  /** The first `count` faults (all by default) as objects. */
  list(count = this.size): Fault[] {
    const out: Fault[] = [];
    for (let i = 0; i < Math.min(count, this.size); i++) out.push(this.at(i));
    return out;
  }
}
