// The memory-safety faults the sanitizer records (spec: "Fault kinds"), kept append-only and
// compact so a run of millions of forks stays small and a recorded step can name "faults so far"
// by a count. What the sanitizer saw travels as data (FaultCause); the faces word it.
import type { PtrTarget, StructPidTarget } from './values';

export type FaultKind = 'err-ptr-deref' | 'invalid-free' | 'leak' | 'pidmap-leak';

export const FAULT_KINDS: readonly FaultKind[] = ['err-ptr-deref', 'invalid-free', 'leak', 'pidmap-leak'];

export interface Fault {
  /** 0-based index of the fork during which it happened. */
  readonly fork: number;
  readonly kind: FaultKind;
}

/** Why a fault was recorded, as data: which call, through which pointer (formatted by the faces). */
export type FaultCause =
  /** kmem_cache_free or kfree of something that is not a live object of its cache. */
  | { readonly kind: 'bad-free'; readonly call: 'kmem_cache_free' | 'kfree'; readonly ptr: PtrTarget }
  /** free_pidmap(pid->numbers + level) reads upid->nr through an error pointer or a freed struct pid. */
  | { readonly kind: 'upid-read'; readonly call: 'free_pidmap'; readonly pid: StructPidTarget; readonly level: number }
  /** Interpreted code dereferences a pointer that is no live object of its type. */
  | { readonly kind: 'deref'; readonly object: 'struct pid' | 'struct pid_namespace' | 'pidmap page'; readonly ptr: PtrTarget }
  /** A failed fork's struct pid is neither attached to a child nor freed. */
  | { readonly kind: 'pid-leaked' }
  /** A pid number a failed fork set is still set. */
  | { readonly kind: 'number-left-set' };

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
