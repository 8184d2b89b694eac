// The interpreter's view of the kernel state: one Runtime per compiled program, pointed at the
// Kernel of the run. Values are plain numbers in the model's encodings (see src/kernel/pid.ts and
// locals.ts), so interpreted code and the model's TypeScript share every object:
//   struct pid *            heap id, 0 NULL, -1..-4095 ERR_PTR
//   struct pid_namespace *  level + 1 (0 NULL); ->parent is the value minus one
//   struct pidmap *         ((level << 8) | entry) + 1; pointer arithmetic moves the entry
//   struct upid *           pid * 64 + level (pid->numbers + i)
//   void * (a pidmap page)  heap id of the page object
import { clearBit, findNextZeroBit, newPage, testAndSetBit } from '../kernel/bitmap';
import { BITS_PER_PAGE } from '../kernel/constants';
import type { Kernel } from '../kernel/kernel';
import type { PidNamespace } from '../kernel/namespace';
import type { FaultCause } from '../kernel/faults';
import { IS_ERR, UPID_STRIDE } from '../kernel/pointers';
import { objectTarget } from '../kernel/values';

/** One call's locals, by slot; slot 0 holds the return value. */
export type Frame = Float64Array;
export const RET_SLOT = 0;

/** Thrown to leave the current function when the sanitizer skips the rest of it. */
export class SkipCall {
  static readonly instance = new SkipCall();
}

export { UPID_STRIDE };

export class Runtime {
  k!: Kernel;

  ns(ref: number): PidNamespace {
    const ns = ref > 0 ? this.k.namespaces[ref - 1] : undefined;
    if (ns === undefined) this.badDeref('struct pid_namespace', ref === 0 ? { kind: 'null' } : { kind: 'namespace', level: ref - 1 });
    return ns as PidNamespace;
  }

  mapNs(map: number): PidNamespace {
    return this.ns(((map - 1) >> 8) + 1);
  }

  mapEntry(map: number): number {
    return (map - 1) & 255;
  }

  /** A struct pid the code dereferences: the sanitizer records err-ptr-deref and skips the call. */
  livePid(pid: number): number {
    if (IS_ERR(pid) || !this.k.heap.isLive(pid)) this.badDeref('struct pid', objectTarget(pid));
    return pid;
  }

  upidPid(upid: number): number {
    return Math.floor(upid / UPID_STRIDE);
  }

  upidLevel(upid: number): number {
    return upid - Math.floor(upid / UPID_STRIDE) * UPID_STRIDE;
  }

  badDeref(object: Extract<FaultCause, { kind: 'deref' }>['object'], ptr: Extract<FaultCause, { kind: 'deref' }>['ptr']): never {
    this.k.fault('err-ptr-deref', { kind: 'deref', object, ptr });
    throw SkipCall.instance;
  }

  /** The bitmap of a page object (map->page), or a fault for NULL. */
  bitmap(page: number): Uint32Array {
    if (page <= 0 || !this.k.heap.isLive(page)) this.badDeref('pidmap page', objectTarget(page, 'page'));
    // Forks touch the same page again and again: the last one is kept (per kernel, as a page's
    // contents live as long as the object does).
    if (page === this.lastPage && this.k === this.lastPageOf) return this.lastBitmap;
    const bitmap = this.k.heap.pageOf(page, newPage);
    this.lastPage = page;
    this.lastPageOf = this.k;
    this.lastBitmap = bitmap;
    return bitmap;
  }

  private lastPage = 0;
  private lastPageOf: Kernel | undefined;
  private lastBitmap: Uint32Array = new Uint32Array(0);

  private ownersOf: Kernel | undefined;
  private readonly owners = new Map<number, number>();
  private lastOwned = 0;
  private lastOwner = 0;

  /** Which pidmap entry holds a page object: (level << 8 | entry) + 1, or 0 when none does. */
  ownerOf(page: number): number {
    if (this.ownersOf !== this.k) {
      this.ownersOf = this.k;
      this.owners.clear();
      this.lastOwned = 0;
    }
    if (page === this.lastOwned) return this.lastOwner;
    const known = this.owners.get(page);
    if (known !== undefined) {
      this.lastOwned = page;
      this.lastOwner = known;
      return known;
    }
    for (const ns of this.k.namespaces) {
      const entry = ns.pageIds.indexOf(page);
      if (entry >= 0) {
        const owner = ((ns.level << 8) | entry) + 1;
        // A page object stays in its entry: entries are never emptied once installed.
        this.owners.set(page, owner);
        return owner;
      }
    }
    return 0;
  }

  /** test_and_set_bit(offset, page), with the bookkeeping the model keeps for pidmap-leak. */
  testAndSet(offset: number, page: number): number {
    if (testAndSetBit(this.bitmap(page), offset)) return 1;
    const owner = this.ownerOf(page);
    if (owner !== 0) this.k.numberSet(this.mapNs(owner).level, this.mapEntry(owner) * BITS_PER_PAGE + offset);
    return 0;
  }

  /** pid_ns->last_pid = value (gives value, as the C assignment does). */
  setLastPid(nsRef: number, value: number): number {
    const ns = this.ns(nsRef);
    ns.lastPid = value;
    if (this.k.tr !== null) this.k.tr.change({ kind: 'last-pid', level: ns.level, value });
    return value;
  }

  nsLevel(nsRef: number): number {
    return this.ns(nsRef).level;
  }

  nsLastPid(nsRef: number): number {
    return this.ns(nsRef).lastPid;
  }

  /** ns->parent: namespaces are level + 1, so the parent is one less (0, NULL, above level 0). */
  nsParent(nsRef: number): number {
    this.ns(nsRef);
    return nsRef - 1;
  }

  /** map->page: the page object's heap id, 0 when the entry has none. */
  mapPage(map: number): number {
    return this.mapNs(map).pageIds[this.mapEntry(map)];
  }

  /** map->page = page (gives page). */
  setMapPage(map: number, page: number): number {
    this.k.installPage(this.mapNs(map), this.mapEntry(map), page);
    return page;
  }

  /** The model's clear_bit(offset, map->page) in free_pidmap: nothing when the entry has no page. */
  clearMapBit(map: number, offset: number): number {
    const page = this.mapPage(map);
    if (page !== 0) {
      clearBit(this.bitmap(page), offset);
      if (this.k.tr !== null) this.k.tr.change({ kind: 'bit-cleared', level: this.mapNs(map).level, nr: this.mapEntry(map) * BITS_PER_PAGE + offset });
    }
    return 0;
  }

  /** atomic_read(&map->nr_free). */
  nrFree(map: number): number {
    return this.mapNs(map).nrFree[this.mapEntry(map)];
  }

  /** find_next_zero_bit(page, size, offset). */
  findNextZero(page: number, size: number, offset: number): number {
    return Math.min(size, findNextZeroBit(this.bitmap(page), offset));
  }

  /** pid->level, read or written through a pointer that must be a live struct pid. */
  pidLevel(pid: number): number {
    this.livePid(pid);
    return this.k.depth;
  }

  /** upid->ns: the namespace of the level the upid stands for. */
  upidNs(upid: number): number {
    this.livePid(this.upidPid(upid));
    return this.upidLevel(upid) + 1;
  }

  addNrFree(map: number, delta: number): number {
    const ns = this.mapNs(map);
    const entry = this.mapEntry(map);
    ns.nrFree[entry] += delta;
    if (this.k.tr !== null) this.k.tr.change({ kind: 'nr-free', level: ns.level, entry, value: ns.nrFree[entry] });
    return ns.nrFree[entry];
  }

  /** upid->nr = nr (gives nr). */
  setPidNumber(upid: number, nr: number): number {
    const pid = this.livePid(this.upidPid(upid));
    const level = this.upidLevel(upid);
    this.k.heap.setPidNumber(pid, level, nr);
    if (this.k.tr !== null) this.k.tr.change({ kind: 'pid-number', id: pid, level, nr });
    return nr;
  }

  pidNumber(upid: number): number {
    return this.k.heap.pidNumber(this.livePid(this.upidPid(upid)), this.upidLevel(upid));
  }
}
