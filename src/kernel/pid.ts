// kernel/pid.c of linux-2.6.26-rc8-mm1, statement by statement, before (baseline) and after
// (patched) "[RFC PATCH 3/5] use next syscall data to predefine process ids". Each statement is
// preceded by a tracer step named in statements.ts; fast mode runs with `k.tr === null`, so a
// hook costs one null check and builds nothing.
//
// Locals handed to the tracer use the encodings of locals.ts: namespaces as level + 1, pidmap
// entries as (level << 8 | entry) + 1, struct pid and page pointers as heap ids / ERR_PTR values,
// upids as pid * UPID_STRIDE + level.
import { findNextZeroBit, clearBit, testAndSetBit } from './bitmap';
import {
  BITS_PER_PAGE, BITS_PER_PAGE_MASK, EBUSY, EINVAL, ENOMEM, PIDTYPE_MAX, RESERVED_PIDS,
} from './constants';
import type { Kernel } from './kernel';
import type { PidNamespace } from './namespace';
import { ERR_PTR, IS_ERR, NULL, upidRef, type Ptr } from './pointers';
import type { Locals } from './tracer';
import { structPidTarget } from './values';

/** Pointer encodings shared with locals.ts. */
export function nsRef(ns: PidNamespace | null): number {
  return ns === null ? 0 : ns.level + 1;
}

export function mapRef(ns: PidNamespace, entry: number): number {
  return ((ns.level << 8) | entry) + 1;
}

// ---------------------------------------------------------------------------------------------
// free_pidmap(upid), called as free_pidmap(pid->numbers + i).

function freePidmapLocals(pid: Ptr, i: number, nr: number, map: number, offset: number): Locals {
  return { upid: upidRef(pid, i), nr, map, offset };
}

export function freePidmap(k: Kernel, pid: Ptr, i: number): void {
  // Read once: a tracer that stops recording mid-call ignores the rest of this call.
  const tr = k.tr;
  if (tr !== null) tr.call('free_pidmap', { upid: upidRef(pid, i) });
  if (tr !== null) tr.step('free_pidmap/nr', { upid: upidRef(pid, i), nr: null, map: null, offset: null });
  if (IS_ERR(pid) || !k.heap.isLive(pid)) {
    // Reading upid->nr through an error pointer: the sanitizer skips the whole call.
    k.fault('err-ptr-deref', { kind: 'upid-read', call: 'free_pidmap', pid: structPidTarget(pid), level: i });
    if (tr !== null) tr.ret(null);
    return;
  }
  const nr = k.heap.pidNumber(pid, i);
  const ns = k.namespaces[i];
  if (tr !== null) tr.step('free_pidmap/map', { upid: upidRef(pid, i), nr, map: null, offset: null });
  const entry = (nr / BITS_PER_PAGE) | 0;
  const map = mapRef(ns, entry);
  if (tr !== null) tr.step('free_pidmap/offset', { upid: upidRef(pid, i), nr, map, offset: null });
  const offset = nr & BITS_PER_PAGE_MASK;
  if (tr !== null) tr.step('free_pidmap/clear_bit', freePidmapLocals(pid, i, nr, map, offset));
  const page = ns.pages[entry];
  if (page !== null) {
    clearBit(page, offset);
    if (tr !== null) tr.change({ kind: 'bit-cleared', level: ns.level, nr });
  }
  if (tr !== null) tr.step('free_pidmap/nr_free-inc', freePidmapLocals(pid, i, nr, map, offset));
  ns.nrFree[entry]++;
  if (tr !== null) tr.change({ kind: 'nr-free', level: ns.level, entry, value: ns.nrFree[entry] });
  if (tr !== null) tr.step('free_pidmap/end', freePidmapLocals(pid, i, nr, map, offset));
  if (tr !== null) tr.ret(null);
}

// ---------------------------------------------------------------------------------------------
// alloc_pidmap_page(map) (patched only): the page allocation the patch moved out of alloc_pidmap.

function pageLocals(ns: PidNamespace, entry: number, page: Ptr | null): Locals {
  return { map: mapRef(ns, entry), page };
}

export function allocPidmapPage(k: Kernel, ns: PidNamespace, entry: number): number {
  // Read once: a tracer that stops recording mid-call ignores the rest of this call.
  const tr = k.tr;
  if (tr !== null) tr.call('alloc_pidmap_page', { map: mapRef(ns, entry) });
  if (tr !== null) tr.step('alloc_pidmap_page/if-no-page', { map: mapRef(ns, entry) });
  if (ns.pages[entry] === null) {
    if (tr !== null) tr.step('alloc_pidmap_page/kzalloc', pageLocals(ns, entry, null));
    const page = k.kzalloc();
    if (tr !== null) tr.step('alloc_pidmap_page/spin_lock_irq', pageLocals(ns, entry, page));
    if (tr !== null) tr.step('alloc_pidmap_page/if-raced', pageLocals(ns, entry, page));
    if (ns.pages[entry] !== null) {
      if (tr !== null) tr.step('alloc_pidmap_page/kfree', pageLocals(ns, entry, page));
      k.kfree(page);
    } else {
      if (tr !== null) tr.step('alloc_pidmap_page/install', pageLocals(ns, entry, page));
      k.installPage(ns, entry, page);
    }
    if (tr !== null) tr.step('alloc_pidmap_page/spin_unlock_irq', pageLocals(ns, entry, page));
    if (tr !== null) tr.step('alloc_pidmap_page/if-still-no-page', pageLocals(ns, entry, page));
    if (ns.pages[entry] === null) {
      if (tr !== null) tr.step('alloc_pidmap_page/return-fail', pageLocals(ns, entry, page));
      if (tr !== null) tr.ret(-1);
      return -1;
    }
  }
  if (tr !== null) tr.step('alloc_pidmap_page/return-0', { map: mapRef(ns, entry) });
  if (tr !== null) tr.ret(0);
  return 0;
}

// ---------------------------------------------------------------------------------------------
// alloc_pidmap(pid_ns): the scan for a free number after last_pid, with its max_scan and
// wrap-to-RESERVED_PIDS rules exactly as written (the quirks are the point).

function scanLocals(ns: PidNamespace, i: number, offset: number, maxScan: number, pid: number, last: number, entry: number): Locals {
  return { pid_ns: nsRef(ns), i, offset, max_scan: maxScan, pid, last, map: mapRef(ns, entry) };
}

function scanLocalsWithPage(
  ns: PidNamespace, i: number, offset: number, maxScan: number, pid: number, last: number, entry: number, page: Ptr,
): Locals {
  return { pid_ns: nsRef(ns), i, offset, max_scan: maxScan, pid, last, map: mapRef(ns, entry), page };
}

export function allocPidmap(k: Kernel, ns: PidNamespace): number {
  // Read once: a tracer that stops recording mid-call ignores the rest of this call.
  const tr = k.tr;
  const pidMax = k.pidMax;
  if (tr !== null) tr.call('alloc_pidmap', { pid_ns: nsRef(ns) });
  if (tr !== null) {
    tr.step('alloc_pidmap/last', { pid_ns: nsRef(ns), i: null, offset: null, max_scan: null, pid: null, last: null, map: null });
  }
  const last = ns.lastPid;
  if (tr !== null) {
    tr.step('alloc_pidmap/pid-next', { pid_ns: nsRef(ns), i: null, offset: null, max_scan: null, pid: null, last, map: null });
  }
  let pid = last + 1;
  if (tr !== null) {
    tr.step('alloc_pidmap/if-pid_max', { pid_ns: nsRef(ns), i: null, offset: null, max_scan: null, pid, last, map: null });
  }
  if (pid >= pidMax) {
    if (tr !== null) {
      tr.step('alloc_pidmap/pid-reserved', { pid_ns: nsRef(ns), i: null, offset: null, max_scan: null, pid, last, map: null });
    }
    pid = RESERVED_PIDS;
  }
  if (tr !== null) {
    tr.step('alloc_pidmap/offset', { pid_ns: nsRef(ns), i: null, offset: null, max_scan: null, pid, last, map: null });
  }
  let offset = pid & BITS_PER_PAGE_MASK;
  if (tr !== null) {
    tr.step('alloc_pidmap/map', { pid_ns: nsRef(ns), i: null, offset, max_scan: null, pid, last, map: null });
  }
  let entry = (pid / BITS_PER_PAGE) | 0;
  if (tr !== null) {
    tr.step('alloc_pidmap/max_scan', { pid_ns: nsRef(ns), i: null, offset, max_scan: null, pid, last, map: mapRef(ns, entry) });
  }
  const maxScan = (((pidMax + BITS_PER_PAGE - 1) / BITS_PER_PAGE) | 0) - (offset === 0 ? 1 : 0);
  const lastEntry = ((pidMax - 1) / BITS_PER_PAGE) | 0;
  if (tr !== null) {
    tr.step('alloc_pidmap/for-init', { pid_ns: nsRef(ns), i: null, offset, max_scan: maxScan, pid, last, map: mapRef(ns, entry) });
  }
  let i = 0;
  for (;;) {
    if (tr !== null) tr.step('alloc_pidmap/for-cond', scanLocals(ns, i, offset, maxScan, pid, last, entry));
    if (!(i <= maxScan)) break;

    if (k.patched) {
      if (tr !== null) tr.step('alloc_pidmap/if-alloc_pidmap_page', scanLocals(ns, i, offset, maxScan, pid, last, entry));
      if (allocPidmapPage(k, ns, entry) !== 0) {
        if (tr !== null) tr.step('alloc_pidmap/break-no-page', scanLocals(ns, i, offset, maxScan, pid, last, entry));
        break;
      }
    } else {
      if (tr !== null) tr.step('alloc_pidmap/if-no-page', scanLocals(ns, i, offset, maxScan, pid, last, entry));
      if (ns.pages[entry] === null) {
        if (tr !== null) tr.step('alloc_pidmap/kzalloc', scanLocalsWithPage(ns, i, offset, maxScan, pid, last, entry, NULL));
        const page = k.kzalloc();
        if (tr !== null) tr.step('alloc_pidmap/spin_lock_irq', scanLocalsWithPage(ns, i, offset, maxScan, pid, last, entry, page));
        if (tr !== null) tr.step('alloc_pidmap/if-raced', scanLocalsWithPage(ns, i, offset, maxScan, pid, last, entry, page));
        if (ns.pages[entry] !== null) {
          if (tr !== null) tr.step('alloc_pidmap/kfree', scanLocalsWithPage(ns, i, offset, maxScan, pid, last, entry, page));
          k.kfree(page);
        } else {
          if (tr !== null) tr.step('alloc_pidmap/install', scanLocalsWithPage(ns, i, offset, maxScan, pid, last, entry, page));
          k.installPage(ns, entry, page);
        }
        if (tr !== null) tr.step('alloc_pidmap/spin_unlock_irq', scanLocalsWithPage(ns, i, offset, maxScan, pid, last, entry, page));
        if (tr !== null) tr.step('alloc_pidmap/if-still-no-page', scanLocalsWithPage(ns, i, offset, maxScan, pid, last, entry, page));
        if (ns.pages[entry] === null) {
          if (tr !== null) tr.step('alloc_pidmap/break-no-page', scanLocalsWithPage(ns, i, offset, maxScan, pid, last, entry, page));
          break;
        }
      }
    }

    const page = ns.pages[entry] as Uint32Array;
    if (tr !== null) tr.step('alloc_pidmap/if-nr_free', scanLocals(ns, i, offset, maxScan, pid, last, entry));
    if (ns.nrFree[entry] !== 0) {
      if (tr !== null) tr.step('alloc_pidmap/do', scanLocals(ns, i, offset, maxScan, pid, last, entry));
      do {
        if (tr !== null) tr.step('alloc_pidmap/if-test_and_set', scanLocals(ns, i, offset, maxScan, pid, last, entry));
        if (!testAndSetBit(page, offset)) {
          k.numberSet(ns.level, pid);
          if (tr !== null) tr.step('alloc_pidmap/nr_free-dec', scanLocals(ns, i, offset, maxScan, pid, last, entry));
          ns.nrFree[entry]--;
          if (tr !== null) tr.change({ kind: 'nr-free', level: ns.level, entry, value: ns.nrFree[entry] });
          if (tr !== null) tr.step('alloc_pidmap/last_pid', scanLocals(ns, i, offset, maxScan, pid, last, entry));
          ns.lastPid = pid;
          if (tr !== null) tr.change({ kind: 'last-pid', level: ns.level, value: pid });
          if (tr !== null) tr.step('alloc_pidmap/return-pid', scanLocals(ns, i, offset, maxScan, pid, last, entry));
          if (tr !== null) tr.ret(pid);
          return pid;
        }
        if (tr !== null) tr.step('alloc_pidmap/find_next_offset', scanLocals(ns, i, offset, maxScan, pid, last, entry));
        offset = findNextZeroBit(page, offset);
        if (tr !== null) tr.step('alloc_pidmap/scan/mk_pid', scanLocals(ns, i, offset, maxScan, pid, last, entry));
        pid = entry * BITS_PER_PAGE + offset;
        if (tr !== null) tr.step('alloc_pidmap/while', scanLocals(ns, i, offset, maxScan, pid, last, entry));
      } while (offset < BITS_PER_PAGE && pid < pidMax && (i !== maxScan || pid < last || ((last + 1) & BITS_PER_PAGE_MASK) === 0));
    }
    if (tr !== null) tr.step('alloc_pidmap/if-not-last-map', scanLocals(ns, i, offset, maxScan, pid, last, entry));
    if (entry < lastEntry) {
      if (tr !== null) tr.step('alloc_pidmap/next-map', scanLocals(ns, i, offset, maxScan, pid, last, entry));
      ++entry;
      if (tr !== null) tr.step('alloc_pidmap/offset-0', scanLocals(ns, i, offset, maxScan, pid, last, entry));
      offset = 0;
    } else {
      if (tr !== null) tr.step('alloc_pidmap/wrap-map', scanLocals(ns, i, offset, maxScan, pid, last, entry));
      entry = 0;
      if (tr !== null) tr.step('alloc_pidmap/wrap-offset', scanLocals(ns, i, offset, maxScan, pid, last, entry));
      offset = RESERVED_PIDS;
      if (tr !== null) tr.step('alloc_pidmap/if-last-reserved', scanLocals(ns, i, offset, maxScan, pid, last, entry));
      if (last === offset) {
        if (tr !== null) tr.step('alloc_pidmap/break-wrapped', scanLocals(ns, i, offset, maxScan, pid, last, entry));
        break;
      }
    }
    if (tr !== null) tr.step('alloc_pidmap/next-pid', scanLocals(ns, i, offset, maxScan, pid, last, entry));
    pid = entry * BITS_PER_PAGE + offset;
    if (tr !== null) tr.step('alloc_pidmap/for-inc', scanLocals(ns, i, offset, maxScan, pid, last, entry));
    ++i;
  }
  if (tr !== null) tr.step('alloc_pidmap/return-fail', scanLocals(ns, i, offset, maxScan, pid, last, entry));
  if (tr !== null) tr.ret(-1);
  return -1;
}

// ---------------------------------------------------------------------------------------------
// alloc_fixed_pidmap(pid_ns, next_nr) (patched only): claims one given number.

function fixedLocals(ns: PidNamespace, nextNr: number, offset: number | null, map: number | null): Locals {
  return { pid_ns: nsRef(ns), next_nr: nextNr, offset, map };
}

export function allocFixedPidmap(k: Kernel, ns: PidNamespace, nextNr: number): number {
  // Read once: a tracer that stops recording mid-call ignores the rest of this call.
  const tr = k.tr;
  if (tr !== null) tr.call('alloc_fixed_pidmap', { pid_ns: nsRef(ns), next_nr: nextNr });
  if (tr !== null) tr.step('alloc_fixed_pidmap/if-range', fixedLocals(ns, nextNr, null, null));
  if (nextNr < RESERVED_PIDS || nextNr >= k.pidMax) {
    if (tr !== null) tr.step('alloc_fixed_pidmap/return-einval', fixedLocals(ns, nextNr, null, null));
    if (tr !== null) tr.ret(-EINVAL);
    return -EINVAL;
  }
  if (tr !== null) tr.step('alloc_fixed_pidmap/map', fixedLocals(ns, nextNr, null, null));
  const entry = (nextNr / BITS_PER_PAGE) | 0;
  const map = mapRef(ns, entry);
  if (tr !== null) tr.step('alloc_fixed_pidmap/if-page', fixedLocals(ns, nextNr, null, map));
  if (allocPidmapPage(k, ns, entry) !== 0) {
    if (tr !== null) tr.step('alloc_fixed_pidmap/return-enomem', fixedLocals(ns, nextNr, null, map));
    if (tr !== null) tr.ret(-ENOMEM);
    return -ENOMEM;
  }
  if (tr !== null) tr.step('alloc_fixed_pidmap/offset', fixedLocals(ns, nextNr, null, map));
  const offset = nextNr & BITS_PER_PAGE_MASK;
  if (tr !== null) tr.step('alloc_fixed_pidmap/if-test_and_set', fixedLocals(ns, nextNr, offset, map));
  if (testAndSetBit(ns.pages[entry] as Uint32Array, offset)) {
    if (tr !== null) tr.step('alloc_fixed_pidmap/return-ebusy', fixedLocals(ns, nextNr, offset, map));
    if (tr !== null) tr.ret(-EBUSY);
    return -EBUSY;
  }
  k.numberSet(ns.level, nextNr);
  if (tr !== null) tr.step('alloc_fixed_pidmap/nr_free-dec', fixedLocals(ns, nextNr, offset, map));
  ns.nrFree[entry]--;
  if (tr !== null) tr.change({ kind: 'nr-free', level: ns.level, entry, value: ns.nrFree[entry] });
  if (tr !== null) tr.step('alloc_fixed_pidmap/last_pid', fixedLocals(ns, nextNr, offset, map));
  ns.lastPid = Math.max(ns.lastPid, nextNr);
  if (tr !== null) tr.change({ kind: 'last-pid', level: ns.level, value: ns.lastPid });
  if (tr !== null) tr.step('alloc_fixed_pidmap/return-0', fixedLocals(ns, nextNr, offset, map));
  if (tr !== null) tr.ret(0);
  return 0;
}

// ---------------------------------------------------------------------------------------------
// set_predefined_pid(ns, pid, next_nr) (patched only): the predefined number at ns->level.

function predefinedLocals(ns: PidNamespace, pid: Ptr, nextNr: number, i: number | null, rc: number | null): Locals {
  return { ns: nsRef(ns), pid, next_nr: nextNr, i, rc };
}

export function setPredefinedPid(k: Kernel, ns: PidNamespace, pid: Ptr, nextNr: number): number {
  // Read once: a tracer that stops recording mid-call ignores the rest of this call.
  const tr = k.tr;
  if (tr !== null) tr.call('set_predefined_pid', { ns: nsRef(ns), pid, next_nr: nextNr });
  if (tr !== null) tr.step('set_predefined_pid/i', predefinedLocals(ns, pid, nextNr, null, null));
  const i = ns.level;
  if (tr !== null) tr.step('set_predefined_pid/alloc_fixed_pidmap', predefinedLocals(ns, pid, nextNr, i, null));
  const rc = allocFixedPidmap(k, ns, nextNr);
  if (tr !== null) tr.step('set_predefined_pid/if-rc', predefinedLocals(ns, pid, nextNr, i, rc));
  if (rc < 0) {
    if (tr !== null) tr.step('set_predefined_pid/return-rc', predefinedLocals(ns, pid, nextNr, i, rc));
    if (tr !== null) tr.ret(rc);
    return rc;
  }
  if (tr !== null) tr.step('set_predefined_pid/numbers-nr', predefinedLocals(ns, pid, nextNr, i, rc));
  k.heap.setPidNumber(pid, i, nextNr);
  if (tr !== null) tr.change({ kind: 'pid-number', id: pid, level: i, nr: nextNr });
  if (tr !== null) tr.step('set_predefined_pid/numbers-ns', predefinedLocals(ns, pid, nextNr, i, rc));
  if (tr !== null) tr.step('set_predefined_pid/return-0', predefinedLocals(ns, pid, nextNr, i, rc));
  if (tr !== null) tr.ret(0);
  return 0;
}

// ---------------------------------------------------------------------------------------------
// alloc_pid(ns): one upid per level from ns->level up to 0; out_free on failure.

/**
 * alloc_pid's locals in the kernel's encodings (locals.ts): the code below reads and writes them
 * here, and the tracer snapshots this one object at each step, so what a step shows is what the
 * code holds. `undefined` is a local of a block not entered (or left), null one not assigned yet.
 */
export type AllocPidFrame = {
  ns: number;
  pid: Ptr;
  i: number | null;
  nr: number | null;
  /** struct pid_namespace *: level + 1; ->parent is one less (0 is NULL above level 0). */
  tmp: number | null;
  next_nr: number | null | undefined;
  rc: number | null | undefined;
  type: number | undefined;
  upid: number | undefined;
};

export function allocPid(k: Kernel, ns: PidNamespace): Ptr {
  // Read once: a tracer that stops recording mid-call ignores the rest of this call.
  const tr = k.tr;
  // alloc_pid never re-enters itself, so its kernel keeps one frame for it: fast mode allocates
  // nothing per fork (the tracer copies what it keeps).
  const f = k.allocPidFrame;
  f.ns = nsRef(ns);
  f.pid = NULL;
  f.i = null;
  f.nr = null;
  f.tmp = null;
  f.next_nr = undefined;
  f.rc = undefined;
  f.type = undefined;
  f.upid = undefined;
  if (tr !== null) tr.call('alloc_pid', { ns: f.ns });
  if (tr !== null) tr.step('alloc_pid/kmem_cache_alloc', f);
  f.pid = k.kmemCacheAlloc();
  if (tr !== null) tr.step('alloc_pid/if-no-pid', f);
  if (f.pid === NULL) {
    if (k.patched) {
      if (tr !== null) tr.step('alloc_pid/if-no-pid/err-ptr', f);
      f.pid = ERR_PTR(-ENOMEM);
      if (tr !== null) tr.change({ kind: 'err-ptr', value: f.pid });
    }
    if (tr !== null) tr.step('alloc_pid/if-no-pid/goto-out', f);
    return allocPidOut(k, f);
  }

  if (tr !== null) tr.step('alloc_pid/tmp-ns', f);
  f.tmp = f.ns;
  outFree: {
    if (k.patched) {
      if (tr !== null) tr.step('alloc_pid/i-level', f);
      f.i = ns.level;
      if (tr !== null) tr.step('alloc_pid/if-next-data', f);
      if (k.nextSyscallData !== null) {
        f.rc = null;
        if (tr !== null) tr.step('alloc_pid/next_nr', f);
        f.next_nr = k.nextSyscallData;
        if (tr !== null) tr.step('alloc_pid/reset-next', f);
        k.setNextData(null);
        if (tr !== null) tr.step('alloc_pid/set_predefined_pid', f);
        f.rc = setPredefinedPid(k, k.namespaces[f.tmp - 1], f.pid, f.next_nr);
        if (tr !== null) tr.step('alloc_pid/if-rc', f);
        if (f.rc < 0) {
          if (tr !== null) tr.step('alloc_pid/if-rc/err-ptr', f);
          f.pid = ERR_PTR(f.rc);
          if (tr !== null) tr.change({ kind: 'err-ptr', value: f.pid });
          if (tr !== null) tr.step('alloc_pid/if-rc/goto-out_free', f);
          break outFree;
        }
        if (tr !== null) tr.step('alloc_pid/predefined/tmp-parent', f);
        f.tmp--;
        if (tr !== null) tr.step('alloc_pid/predefined/i-dec', f);
        f.i--;
        // The block declaring next_nr and rc ends here.
        f.next_nr = undefined;
        f.rc = undefined;
      }
    } else {
      if (tr !== null) tr.step('alloc_pid/for-init', f);
      f.i = ns.level;
    }

    for (;;) {
      if (tr !== null) tr.step('alloc_pid/for-cond', f);
      if (!(f.i >= 0)) break;
      if (tr !== null) tr.step('alloc_pid/for/alloc_pidmap', f);
      // tmp walks up one parent per level, so it is the level-i namespace here.
      f.nr = allocPidmap(k, k.namespaces[f.tmp - 1]);
      if (tr !== null) tr.step('alloc_pid/for/if-nr', f);
      if (f.nr < 0) {
        if (k.patched) {
          if (tr !== null) tr.step('alloc_pid/for/if-nr/err-ptr', f);
          f.pid = ERR_PTR(-ENOMEM);
          if (tr !== null) tr.change({ kind: 'err-ptr', value: f.pid });
        }
        if (tr !== null) tr.step('alloc_pid/for/if-nr/goto-out_free', f);
        break outFree;
      }
      if (tr !== null) tr.step('alloc_pid/for/numbers-nr', f);
      k.heap.setPidNumber(f.pid, f.i, f.nr);
      if (tr !== null) tr.change({ kind: 'pid-number', id: f.pid, level: f.i, nr: f.nr });
      if (tr !== null) tr.step('alloc_pid/for/numbers-ns', f);
      if (tr !== null) tr.step('alloc_pid/for/tmp-parent', f);
      f.tmp--;
      if (tr !== null) tr.step('alloc_pid/for-dec', f);
      f.i--;
    }

    // Success: the rest touches no pidmap; it is stepped so every line of the function maps.
    if (tr !== null) {
      tr.step('alloc_pid/get_pid_ns', f);
      tr.step('alloc_pid/level', f);
      tr.step('alloc_pid/count', f);
      f.type = 0;
      tr.step('alloc_pid/type-for-init', f);
      for (; ; f.type++) {
        tr.step('alloc_pid/type-for-cond', f);
        if (!(f.type < PIDTYPE_MAX)) break;
        tr.step('alloc_pid/INIT_HLIST_HEAD', f);
        tr.step('alloc_pid/type-for-inc', f);
      }
      tr.step('alloc_pid/spin_lock_irq', f);
      f.i = ns.level;
      tr.step('alloc_pid/hash-for-init', f);
      for (; ; f.i--) {
        tr.step('alloc_pid/hash-for-cond', f);
        if (!(f.i >= 0)) break;
        tr.step('alloc_pid/hash/upid', f);
        f.upid = upidRef(f.pid, f.i);
        tr.step('alloc_pid/hash/hlist_add_head_rcu', f);
        tr.step('alloc_pid/hash-for-dec', f);
      }
      tr.step('alloc_pid/spin_unlock_irq', f);
    }
    return allocPidOut(k, f);
  }

  // out_free:
  if (tr !== null) tr.step('alloc_pid/out_free', f);
  if (tr !== null) tr.step('alloc_pid/out_free/for-init', f);
  for (f.i = (f.i as number) + 1; ; f.i++) {
    if (tr !== null) tr.step('alloc_pid/out_free/for-cond', f);
    if (!(f.i <= ns.level)) break;
    if (tr !== null) tr.step('alloc_pid/out_free/free_pidmap', f);
    freePidmap(k, f.pid, f.i);
    if (tr !== null) tr.step('alloc_pid/out_free/for-inc', f);
  }
  if (tr !== null) tr.step('alloc_pid/out_free/kmem_cache_free', f);
  k.kmemCacheFree(f.pid);
  if (!k.patched) {
    if (tr !== null) tr.step('alloc_pid/out_free/pid-null', f);
    f.pid = NULL;
  }
  if (tr !== null) tr.step('alloc_pid/out_free/goto-out', f);
  return allocPidOut(k, f);
}

/** The `out:` label and `return pid;` shared by every path of alloc_pid. */
function allocPidOut(k: Kernel, f: AllocPidFrame): Ptr {
  // Read once: a tracer that stops recording mid-call ignores the rest of this call.
  const tr = k.tr;
  if (tr !== null) {
    tr.step('alloc_pid/out', f);
    tr.step('alloc_pid/return', f);
    tr.ret(f.pid);
  }
  return f.pid;
}

// ---------------------------------------------------------------------------------------------
// free_pid(pid): a child is reaped; its numbers go back at every level, then the struct pid.

function freePidLocals(pid: Ptr, i: number | null): Locals {
  return { pid, i, flags: 0 };
}

export function freePid(k: Kernel, pid: Ptr): void {
  // Read once: a tracer that stops recording mid-call ignores the rest of this call.
  const tr = k.tr;
  const level = k.depth;
  if (tr !== null) tr.call('free_pid', { pid });
  if (tr !== null) tr.step('free_pid/spin_lock_irqsave', freePidLocals(pid, null));
  if (tr !== null) {
    tr.step('free_pid/unhash-for-init', freePidLocals(pid, null));
    for (let i = 0; ; i++) {
      tr.step('free_pid/unhash-for-cond', freePidLocals(pid, i));
      if (!(i <= level)) break;
      tr.step('free_pid/hlist_del_rcu', freePidLocals(pid, i));
      tr.step('free_pid/unhash-for-inc', freePidLocals(pid, i));
    }
    tr.step('free_pid/spin_unlock_irqrestore', freePidLocals(pid, level + 1));
    tr.step('free_pid/free-for-init', freePidLocals(pid, level + 1));
  }
  for (let i = 0; ; i++) {
    if (tr !== null) tr.step('free_pid/free-for-cond', freePidLocals(pid, i));
    if (!(i <= level)) break;
    if (tr !== null) tr.step('free_pid/free_pidmap', freePidLocals(pid, i));
    freePidmap(k, pid, i);
    if (tr !== null) tr.step('free_pid/free-for-inc', freePidLocals(pid, i));
  }
  if (tr !== null) tr.step('free_pid/call_rcu', freePidLocals(pid, level + 1));
  // delayed_put_pid -> put_pid: the count drops to zero and the object goes back to its cache.
  k.kmemCacheFree(pid);
  if (tr !== null) tr.step('free_pid/end', freePidLocals(pid, level + 1));
  if (tr !== null) tr.ret(null);
}
