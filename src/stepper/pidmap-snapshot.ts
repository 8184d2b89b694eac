// Immutable snapshots of the pid maps, shared between recorded steps: a page is kept as 16
// chunks of 64 words, and a step that changes one bit copies one 256-byte chunk, not 4 KiB.
import { SetBitRanges } from '../kernel/set-bit-ranges';
import { BITS_PER_PAGE, WORDS_PER_PAGE } from '../kernel/constants';
import type { Kernel } from '../kernel/kernel';

const CHUNK_WORDS = 64;
const CHUNKS = WORDS_PER_PAGE / CHUNK_WORDS;
const CHUNK_BITS = CHUNK_WORDS * 32;

export interface PageSnapshot {
  readonly entry: number;
  readonly nrFree: number;
  /** The page's words in CHUNKS chunks; never mutated once recorded. */
  readonly chunks: readonly Uint32Array[];
}

export interface LevelSnapshot {
  readonly level: number;
  readonly lastPid: number;
  /** Allocated entries only, by entry index. */
  readonly pages: readonly PageSnapshot[];
}

export function isSetIn(page: PageSnapshot, bit: number): boolean {
  const chunk = page.chunks[(bit / CHUNK_BITS) | 0];
  const within = bit % CHUNK_BITS;
  return (chunk[within >>> 5] & (1 << (within & 31))) !== 0;
}

/** The set bits of a page snapshot as inclusive ranges of pid numbers. */
export function pageRanges(page: PageSnapshot): [number, number][] {
  const ranges = new SetBitRanges();
  const base = page.entry * BITS_PER_PAGE;
  page.chunks.forEach((chunk, c) => ranges.addWords(chunk, base + c * CHUNK_BITS));
  return ranges.result();
}

function copyChunk(page: Uint32Array, chunk: number): Uint32Array {
  return page.slice(chunk * CHUNK_WORDS, (chunk + 1) * CHUNK_WORDS);
}

function snapshotPage(page: Uint32Array, entry: number, nrFree: number): PageSnapshot {
  const chunks: Uint32Array[] = [];
  for (let c = 0; c < CHUNKS; c++) chunks.push(copyChunk(page, c));
  return { entry, nrFree, chunks };
}

/** Tracks which parts of the kernel's pid maps changed since the last snapshot. */
export class PidmapSnapshots {
  private current: readonly LevelSnapshot[];
  /** level -> set of entry * CHUNKS + chunk whose bits changed; a level present is dirty. */
  private readonly dirty = new Map<number, Set<number>>();

  constructor(private readonly k: Kernel) {
    this.current = k.namespaces.map((ns) => ({
      level: ns.level,
      lastPid: ns.lastPid,
      pages: ns.pages.flatMap((page, entry) => (page === null ? [] : [snapshotPage(page, entry, ns.nrFree[entry])])),
    }));
  }

  bitChanged(level: number, nr: number): void {
    this.levelChanged(level).add(((nr / BITS_PER_PAGE) | 0) * CHUNKS + (((nr % BITS_PER_PAGE) / CHUNK_BITS) | 0));
  }

  levelChanged(level: number): Set<number> {
    let set = this.dirty.get(level);
    if (set === undefined) {
      set = new Set();
      this.dirty.set(level, set);
    }
    return set;
  }

  /** The snapshot of now: unchanged levels, pages and chunks are the previous objects. */
  take(): readonly LevelSnapshot[] {
    if (this.dirty.size === 0) return this.current;
    const next = this.current.slice();
    for (const [level, chunks] of this.dirty) {
      const ns = this.k.namespaces[level];
      const before = new Map(this.current[level].pages.map((p) => [p.entry, p]));
      const pages: PageSnapshot[] = [];
      ns.pages.forEach((page, entry) => {
        if (page === null) return;
        const old = before.get(entry);
        if (old === undefined) {
          pages.push(snapshotPage(page, entry, ns.nrFree[entry]));
          return;
        }
        let copied: Uint32Array[] | null = null;
        for (let c = 0; c < CHUNKS; c++) {
          if (!chunks.has(entry * CHUNKS + c)) continue;
          copied ??= old.chunks.slice();
          copied[c] = copyChunk(page, c);
        }
        const nrFree = ns.nrFree[entry];
        pages.push(copied === null && nrFree === old.nrFree ? old : { entry, nrFree, chunks: copied ?? old.chunks });
      });
      next[level] = { level, lastPid: ns.lastPid, pages };
    }
    this.dirty.clear();
    this.current = next;
    return next;
  }
}
