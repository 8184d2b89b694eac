// Formats the model's raw values for display: pointers as NULL, ERR_PTR(-12) or a kernel
// address (0xffff8800…), namespaces and pidmap entries with the level they belong to.
import { IS_ERR } from '../kernel/pointers';
import type { ValueType } from '../kernel/locals';
import type { RawValue } from '../kernel/tracer';

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

function pointer(value: number, target: (id: number) => string): string {
  if (value === 0) return 'NULL';
  if (IS_ERR(value)) return `ERR_PTR(${value})`;
  return target(value);
}

export function formatValue(type: ValueType | 'void', value: RawValue): string {
  if (value === null) return '?';
  if (typeof value === 'string') return value;
  switch (type) {
    case 'int':
    case 'op index':
    case 'fork index':
      return String(value);
    case 'unsigned long':
      return `0x${value.toString(16)}`;
    case 'enum pid_type':
      return PID_TYPES[value] ?? String(value);
    case 'struct pid *':
      return pointer(value, structPidAddress);
    case 'void *':
      return pointer(value, pageAddress);
    case 'struct pid_namespace *':
      return value === 0 ? 'NULL' : `${namespaceAddress(value - 1)} (level ${value - 1})`;
    case 'struct pidmap *': {
      if (value === 0) return 'NULL';
      const raw = value - 1;
      return `&pidmap[${raw & 0xff}] (level ${raw >> 8})`;
    }
    case 'struct task_struct *':
      return pointer(value, (fork) => hex(TASK_BASE + BigInt(fork) * 0x2000n));
    case 'struct upid *':
      return String(value);
    case 'void':
      return '';
  }
}
