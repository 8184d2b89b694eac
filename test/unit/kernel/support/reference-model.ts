// A second, deliberately naive implementation of the same C code, for differential tests: one
// byte per bit, bit-by-bit scans, struct pids as objects, pointers as tagged values. It shares
// no code with src/kernel except the scenario types, so a slip in the optimised model (word
// scans, typed-array logs, pointer encodings) shows up as a disagreement.
import type { OutcomeJson } from '../../../../src/kernel/outcome';
import type { Scenario } from '../../../../src/kernel/scenario';

const BITS = 32768;
const RESERVED = 300;

interface RefNs {
  pages: Map<number, Uint8Array>;
  nrFree: number[];
  last: number;
}

interface RefPid {
  numbers: number[];
  live: boolean;
  attached: boolean;
}

type RefPtr = { tag: 'null' } | { tag: 'err'; errno: number } | { tag: 'pid'; obj: RefPid };

export type ReferenceResult = { ok: true; outcome: OutcomeJson } | { ok: false; opIndex: number };

export function referenceRun(s: Scenario): ReferenceResult {
  const pidMax = s.pidMax;
  const patched = s.variant === 'patched';
  const nss: RefNs[] = [];
  for (let level = 0; level <= s.depth; level++) {
    const ns: RefNs = { pages: new Map(), nrFree: new Array<number>(128).fill(BITS), last: s.namespaces[level].lastPid };
    const mark = (nr: number): void => {
      const e = Math.floor(nr / BITS);
      if (!ns.pages.has(e)) ns.pages.set(e, new Uint8Array(BITS));
      (ns.pages.get(e) as Uint8Array)[nr % BITS] = 1;
    };
    ns.pages.set(0, new Uint8Array(BITS));
    mark(0);
    for (const u of s.namespaces[level].used) {
      if (typeof u === 'number') mark(u);
      else for (let n = u[0]; n <= u[1]; n++) mark(n);
    }
    for (const [e, page] of ns.pages) ns.nrFree[e] = BITS - page.reduce((a, b) => a + b, 0);
    nss.push(ns);
  }
  let kmemCalls = 0;
  let kzCalls = 0;
  let next: number | null = null;
  let forkNo = -1;
  const faults: { fork: number; kind: 'err-ptr-deref' | 'invalid-free' | 'leak' | 'pidmap-leak' }[] = [];
  const fault = (kind: (typeof faults)[number]['kind']): void => {
    faults.push({ fork: forkNo, kind });
  };
  let setThisFork: [number, number][] = [];

  const pageFor = (ns: RefNs, e: number): boolean => {
    if (!ns.pages.has(e)) {
      kzCalls++;
      if (s.fail.kzalloc.includes(kzCalls)) return false;
      ns.pages.set(e, new Uint8Array(BITS));
    }
    return true;
  };

  const allocPidmap = (level: number): number => {
    const ns = nss[level];
    const last = ns.last;
    let pid = last + 1;
    if (pid >= pidMax) pid = RESERVED;
    let offset = pid % BITS;
    let e = Math.floor(pid / BITS);
    const maxScan = Math.ceil(pidMax / BITS) - (offset === 0 ? 1 : 0);
    for (let i = 0; i <= maxScan; i++) {
      if (!pageFor(ns, e)) break;
      const page = ns.pages.get(e) as Uint8Array;
      if (ns.nrFree[e] > 0) {
        for (;;) {
          if (page[offset] === 0) {
            page[offset] = 1;
            setThisFork.push([level, pid]);
            ns.nrFree[e]--;
            ns.last = pid;
            return pid;
          }
          while (offset < BITS && page[offset] === 1) offset++;
          pid = e * BITS + offset;
          const goOn = offset < BITS && pid < pidMax && (i !== maxScan || pid < last || (last + 1) % BITS === 0);
          if (!goOn) break;
        }
      }
      if (e < Math.floor((pidMax - 1) / BITS)) {
        e++;
        offset = 0;
      } else {
        e = 0;
        offset = RESERVED;
        if (last === offset) break;
      }
      pid = e * BITS + offset;
    }
    return -1;
  };

  const allocFixed = (level: number, nr: number): number => {
    const ns = nss[level];
    if (nr < RESERVED || nr >= pidMax) return -22;
    const e = Math.floor(nr / BITS);
    if (!pageFor(ns, e)) return -12;
    const page = ns.pages.get(e) as Uint8Array;
    if (page[nr % BITS] === 1) return -16;
    page[nr % BITS] = 1;
    setThisFork.push([level, nr]);
    ns.nrFree[e]--;
    ns.last = Math.max(ns.last, nr);
    return 0;
  };

  const freeNumber = (ptr: RefPtr, level: number): void => {
    if (ptr.tag !== 'pid') {
      fault('err-ptr-deref');
      return;
    }
    const nr = ptr.obj.numbers[level];
    const ns = nss[level];
    (ns.pages.get(Math.floor(nr / BITS)) as Uint8Array)[nr % BITS] = 0;
    ns.nrFree[Math.floor(nr / BITS)]++;
  };

  const cacheFree = (ptr: RefPtr): void => {
    if (ptr.tag !== 'pid' || !ptr.obj.live) fault('invalid-free');
    else ptr.obj.live = false;
  };

  const allocPid = (): { ptr: RefPtr; allocated: RefPid | null } => {
    kmemCalls++;
    if (s.fail.kmemCacheAlloc.includes(kmemCalls)) return { ptr: patched ? { tag: 'err', errno: 12 } : { tag: 'null' }, allocated: null };
    const obj: RefPid = { numbers: new Array<number>(s.depth + 1).fill(0), live: true, attached: false };
    let ptr: RefPtr = { tag: 'pid', obj };
    let i = s.depth;
    let failedAt: number | null = null;
    if (patched && next !== null) {
      const nr = next;
      next = null;
      const rc = allocFixed(s.depth, nr);
      if (rc < 0) {
        ptr = { tag: 'err', errno: -rc };
        failedAt = i;
      } else {
        obj.numbers[i] = nr;
        i--;
      }
    }
    if (failedAt === null) {
      for (; i >= 0; i--) {
        const nr = allocPidmap(i);
        if (nr < 0) {
          if (patched) ptr = { tag: 'err', errno: 12 };
          failedAt = i;
          break;
        }
        obj.numbers[i] = nr;
      }
    }
    if (failedAt !== null) {
      for (let j = failedAt + 1; j <= s.depth; j++) freeNumber(ptr, j);
      cacheFree(ptr);
      if (!patched) ptr = { tag: 'null' };
    }
    return { ptr, allocated: obj };
  };

  const forks: OutcomeJson['forks'] = [];
  const children = new Map<number, RefPid>();
  for (let opIndex = 0; opIndex < s.ops.length; opIndex++) {
    const op = s.ops[opIndex];
    if (op.op === 'set_next') next = op.value;
    else if (op.op === 'exit') {
      const child = children.get(op.pid);
      if (!child) return { ok: false, opIndex };
      children.delete(op.pid);
      for (let level = 0; level <= s.depth; level++) freeNumber({ tag: 'pid', obj: child }, level);
      cacheFree({ tag: 'pid', obj: child });
    } else {
      for (let r = 0; r < op.repeat; r++) {
        forkNo = forks.length;
        setThisFork = [];
        const { ptr, allocated } = allocPid();
        if (ptr.tag === 'pid') {
          ptr.obj.attached = true;
          children.set(ptr.obj.numbers[s.depth], ptr.obj);
          forks.push({ pids: ptr.obj.numbers.slice() });
        } else {
          const errno = ptr.tag === 'err' ? ptr.errno : 12;
          forks.push({ errno: errno === 12 ? 'ENOMEM' : errno === 22 ? 'EINVAL' : 'EBUSY' });
          if (allocated && allocated.live && !allocated.attached) fault('leak');
          if (setThisFork.some(([level, nr]) => nss[level].pages.get(Math.floor(nr / BITS))?.[nr % BITS] === 1)) fault('pidmap-leak');
        }
      }
    }
  }
  const final = nss.map((ns, level) => {
    const used: [number, number][] = [];
    const entries = [...ns.pages.keys()].sort((a, b) => a - b);
    for (const e of entries) {
      const page = ns.pages.get(e) as Uint8Array;
      for (let b = 0; b < BITS; b++) {
        if (page[b] === 0) continue;
        const nr = e * BITS + b;
        const tail = used[used.length - 1];
        if (tail && tail[1] === nr - 1) tail[1] = nr;
        else used.push([nr, nr]);
      }
    }
    return { level, last_pid: ns.last, used, nr_free: Object.fromEntries(entries.map((e) => [String(e), ns.nrFree[e]])) };
  });
  return { ok: true, outcome: { forks, faults, next_syscall_data: next, final } };
}
