// The state the modelled code runs against: the namespaces at levels 0..depth, the heap, the
// allocators with fault injection and the sanitizer, the calling task's next_syscall_data, and
// the per-fork bookkeeping that turns "what was left behind" into leak faults.
import { newPage } from './bitmap';
import { FaultLog, type FaultCause, type FaultKind } from './faults';
import { KernelHeap, OBJ_PAGE, OBJ_STRUCT_PID } from './heap';
import { PidNamespace } from './namespace';
import { NULL, type Ptr } from './pointers';
import type { AllocPidFrame } from './pid';
import type { Variant } from './statements';
import type { Tracer } from './tracer';
import { objectTarget } from './values';

export interface KernelConfig {
  readonly variant: Variant;
  readonly pidMax: number;
  readonly depth: number;
  /** 1-based call numbers of kmem_cache_alloc / kzalloc that return NULL. */
  readonly failKmemCacheAlloc: readonly number[];
  readonly failKzalloc: readonly number[];
  /** How many forks the run will make, to size the heap up front (optional). */
  readonly expectedForks?: number;
}

export class Kernel {
  readonly variant: Variant;
  readonly patched: boolean;
  readonly pidMax: number;
  readonly depth: number;
  /** Index = level; namespaces[depth] is the one the forks run in. */
  readonly namespaces: PidNamespace[] = [];
  readonly heap: KernelHeap;
  readonly faults = new FaultLog();
  /** current->next_syscall_data: the value set, or null when none is. */
  nextSyscallData: number | null = null;
  /** The recording stepper's hook; null in fast mode. */
  tr: Tracer | null = null;
  /** alloc_pid's locals (see pid.ts), reused by every call. */
  readonly allocPidFrame: AllocPidFrame = {
    ns: 0, pid: NULL, i: null, nr: null, tmp: null, next_nr: undefined, rc: undefined, type: undefined, upid: undefined,
  };

  /** The fork being run (0-based), or -1 between forks. */
  forkIndex = -1;
  /** The struct pid kmem_cache_alloc returned during the current fork (NULL if none). */
  forkPid: Ptr = NULL;
  /** Pid numbers set in some pidmap during the current fork: (level, nr) pairs. */
  forkSetCount = 0;
  readonly forkSetLevels: Int32Array;
  readonly forkSetNrs: Int32Array;

  kmemCacheAllocCalls = 0;
  kzallocCalls = 0;
  private readonly failKmem: ReadonlySet<number>;
  private readonly failKzalloc: ReadonlySet<number>;
  /** Whether any call is set to fail at all: saves a set lookup per call in the common case. */
  private readonly injectKmem: boolean;
  private readonly injectKzalloc: boolean;

  constructor(config: KernelConfig) {
    this.variant = config.variant;
    this.patched = config.variant === 'patched';
    this.pidMax = config.pidMax;
    this.depth = config.depth;
    this.heap = new KernelHeap(config.depth + 1, (config.expectedForks ?? 0) + 64 * (config.depth + 1));
    this.failKmem = new Set(config.failKmemCacheAlloc);
    this.failKzalloc = new Set(config.failKzalloc);
    this.injectKmem = this.failKmem.size > 0;
    this.injectKzalloc = this.failKzalloc.size > 0;
    // Each level sets at most one number per fork; twice that leaves room for any future path.
    this.forkSetLevels = new Int32Array(2 * (config.depth + 1) + 2);
    this.forkSetNrs = new Int32Array(2 * (config.depth + 1) + 2);
    for (let level = 0; level <= config.depth; level++) {
      this.namespaces.push(new PidNamespace(level, level === 0 ? null : this.namespaces[level - 1]));
    }
  }

  /** Setup (not counted by fault injection): gives entry `entry` of a namespace a zeroed page. */
  setupPage(ns: PidNamespace, entry: number): Uint32Array {
    const existing = ns.pages[entry];
    if (existing !== null) return existing;
    const id = this.heap.allocate(OBJ_PAGE);
    const page = this.heap.pageOf(id, newPage);
    ns.pages[entry] = page;
    ns.pageIds[entry] = id;
    return page;
  }

  kmemCacheAlloc(): Ptr {
    const call = ++this.kmemCacheAllocCalls;
    if (this.injectKmem && this.failKmem.has(call)) {
      if (this.tr !== null) this.tr.change({ kind: 'alloc-failed', allocator: 'kmem_cache_alloc', call });
      return NULL;
    }
    const id = this.heap.allocate(OBJ_STRUCT_PID);
    if (this.forkIndex >= 0) this.forkPid = id;
    if (this.tr !== null) this.tr.change({ kind: 'alloc', allocator: 'kmem_cache_alloc', call, id });
    return id;
  }

  /** The sanitizer skips a free of anything but a live struct pid and records invalid-free. */
  kmemCacheFree(ptr: Ptr): void {
    if (!this.heap.isLive(ptr) || this.heap.typeOf(ptr) !== OBJ_STRUCT_PID) {
      this.fault('invalid-free', { kind: 'bad-free', call: 'kmem_cache_free', ptr: objectTarget(ptr) });
      return;
    }
    this.heap.markFreed(ptr);
    if (this.tr !== null) this.tr.change({ kind: 'free', allocator: 'kmem_cache_free', id: ptr });
  }

  kzalloc(): Ptr {
    const call = ++this.kzallocCalls;
    if (this.injectKzalloc && this.failKzalloc.has(call)) {
      if (this.tr !== null) this.tr.change({ kind: 'alloc-failed', allocator: 'kzalloc', call });
      return NULL;
    }
    const id = this.heap.allocate(OBJ_PAGE);
    if (this.tr !== null) this.tr.change({ kind: 'alloc', allocator: 'kzalloc', call, id });
    return id;
  }

  /** kfree(NULL) is a no-op, as in the kernel; anything else must be a live page. */
  kfree(ptr: Ptr): void {
    if (ptr === NULL) return;
    if (!this.heap.isLive(ptr) || this.heap.typeOf(ptr) !== OBJ_PAGE) {
      this.fault('invalid-free', { kind: 'bad-free', call: 'kfree', ptr: objectTarget(ptr, 'page') });
      return;
    }
    this.heap.markFreed(ptr);
    if (this.tr !== null) this.tr.change({ kind: 'free', allocator: 'kfree', id: ptr });
  }

  /** map->page = page, for a page object kzalloc returned (or NULL). */
  installPage(ns: PidNamespace, entry: number, page: Ptr): void {
    if (page === NULL) {
      ns.pages[entry] = null;
      ns.pageIds[entry] = 0;
      return;
    }
    ns.pages[entry] = this.heap.pageOf(page, newPage);
    ns.pageIds[entry] = page;
    if (this.tr !== null) this.tr.change({ kind: 'page-installed', level: ns.level, entry, id: page });
  }

  /** `cause` is built only when a fault happens, so fast mode pays nothing for it otherwise. */
  fault(kind: FaultKind, cause: FaultCause): void {
    this.faults.add(this.forkIndex, kind);
    if (this.tr !== null) this.tr.change({ kind: 'fault', fault: kind, fork: this.forkIndex, cause });
  }

  /** Bookkeeping for pidmap-leak: a number was set during the current fork. */
  numberSet(level: number, nr: number): void {
    if (this.forkIndex >= 0 && this.forkSetCount < this.forkSetNrs.length) {
      this.forkSetLevels[this.forkSetCount] = level;
      this.forkSetNrs[this.forkSetCount] = nr;
      this.forkSetCount++;
    }
    if (this.tr !== null) this.tr.change({ kind: 'bit-set', level, nr });
  }

  setNextData(value: number | null): void {
    this.nextSyscallData = value;
    if (this.tr !== null) this.tr.change({ kind: 'next-data', value });
  }
}
