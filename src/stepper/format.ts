// Words typed values for display — the one formatter the faces (panel, debug adapter, `kpr
// trace`, exploration's findings) call: pointers as NULL, ERR_PTR(-12) or a kernel address
// (0xffff8800…), namespaces and pidmap entries with the level they belong to, the sanitizer's
// fault causes. Nothing reads these strings back: the typed values travel beside them.
import type { FaultCause } from '../kernel/faults';
import type { PtrTarget, Value } from '../kernel/values';
import type { HeapObjectView } from './point';

const PID_TYPES = ['PIDTYPE_PID', 'PIDTYPE_PGID', 'PIDTYPE_SID', 'PIDTYPE_MAX'];

// Made-up but stable direct-map addresses, so the same object always shows the same address.
const STRUCT_PID_BASE = 0xffff88007e400000n;
const PAGE_BASE = 0xffff880070000000n;
const NAMESPACE_BASE = 0xffff88007d800000n;
const TASK_BASE = 0xffff880078000000n;

function hex(value: bigint): string {
  return `0x${value.toString(16)}`;
}

export function structPidAddress(id: number): string {
  return hex(STRUCT_PID_BASE + BigInt(id) * 0x80n);
}

export function pageAddress(id: number): string {
  return hex(PAGE_BASE + BigInt(id) * 0x1000n);
}

export function namespaceAddress(level: number): string {
  return level === 0 ? '&init_pid_ns' : hex(NAMESPACE_BASE + BigInt(level) * 0x800n);
}

function taskAddress(fork: number): string {
  return hex(TASK_BASE + BigInt(fork + 1) * 0x2000n);
}

export function formatTarget(target: PtrTarget): string {
  switch (target.kind) {
    case 'null':
      return 'NULL';
    case 'err-ptr':
      return `ERR_PTR(${target.error})`;
    case 'struct pid':
      return structPidAddress(target.id);
    case 'page':
      return pageAddress(target.id);
    case 'namespace':
      return `${namespaceAddress(target.level)} (level ${target.level})`;
    case 'pidmap':
      return `&pidmap[${target.entry}] (level ${target.level})`;
    case 'upid':
      return target.pid.kind === 'err-ptr' ? `ERR_PTR(${target.pid.error})->numbers + ${target.level}` : `&pid->numbers[${target.level}]`;
    case 'task':
      return taskAddress(target.fork);
  }
}

export function formatValue(value: Value): string {
  switch (value.kind) {
    case 'unset':
      return '?';
    case 'ptr':
      return formatTarget(value.target);
    case 'int':
      if (value.type === 'unsigned long') return `0x${value.value.toString(16)}`;
      if (value.type === 'enum pid_type') return PID_TYPES[value.value] ?? String(value.value);
      return String(value.value);
  }
}

function derefTarget(object: Extract<FaultCause, { kind: 'deref' }>['object'], ptr: PtrTarget): string {
  if (ptr.kind === 'err-ptr') return formatTarget(ptr);
  switch (object) {
    case 'struct pid':
      return ptr.kind === 'null' ? 'NULL' : 'a freed struct pid';
    case 'pidmap page':
      return ptr.kind === 'null' ? 'a NULL pidmap page' : 'a freed pidmap page';
    case 'struct pid_namespace':
      return `a struct pid_namespace pointer (${ptr.kind === 'namespace' ? `to level ${ptr.level}, which does not exist` : 'NULL'})`;
  }
}

/** What a fault's argument is, in the sanitizer's words (`ERR_PTR(-22)`, `a freed or foreign object`). */
export function faultArgument(cause: FaultCause): string | null {
  switch (cause.kind) {
    case 'bad-free':
      return cause.ptr.kind === 'null' || cause.ptr.kind === 'err-ptr' ? formatTarget(cause.ptr) : 'a freed or foreign object';
    case 'upid-read':
      return formatTarget({ kind: 'upid', pid: cause.pid, level: cause.level });
    case 'deref':
      return derefTarget(cause.object, cause.ptr);
    case 'pid-leaked':
    case 'number-left-set':
      return null;
  }
}

/** The sanitizer's words for a fault, e.g. `kmem_cache_free(ERR_PTR(-22))`. */
export function formatFaultCause(cause: FaultCause): string {
  switch (cause.kind) {
    case 'bad-free':
      return `${cause.call}(${faultArgument(cause)})`;
    case 'upid-read':
      return `${cause.call}(${faultArgument(cause)}) reads upid->nr`;
    case 'deref':
      return `dereference of ${faultArgument(cause)}`;
    case 'pid-leaked':
      return 'the struct pid allocated by this fork is neither attached to a child nor freed';
    case 'number-left-set':
      return 'a pid number this failed fork set is still set';
  }
}

/** e.g. "numbers: [4001, ?]; allocated in fork 0; child of fork 0", or "made in fork 3". */
export function heapDetail(o: HeapObjectView): string {
  if (o.type === 'error pointer') return `made in fork ${o.fork}`;
  const owner = o.owner === null ? [] : [o.owner.kind === 'child' ? `child of fork ${o.owner.fork}` : `level ${o.owner.level} pidmap[${o.owner.entry}]`];
  return [
    o.type === 'struct pid' ? `numbers: [${o.numbers.map((n) => (n === null ? '?' : String(n))).join(', ')}]` : 'zeroed pidmap page',
    o.fork >= 0 ? `allocated in fork ${o.fork}` : 'allocated outside a fork',
    ...owner,
  ].join('; ');
}
