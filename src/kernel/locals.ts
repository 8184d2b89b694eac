// The C type of every local the model reports to its tracer, which says how to read the raw
// number: ints as themselves; struct pid * and void * (a page) as a heap id, 0 NULL, -errno an
// ERR_PTR; struct pid_namespace * as level + 1; struct pidmap * as ((level << 8) | entry) + 1;
// struct upid * as pid * UPID_STRIDE + level; struct task_struct * as fork + 1. values.ts turns
// a number into a typed Value by this table.
import type { ModelFunction } from './statements';

export type ValueType =
  | 'int'
  | 'unsigned long'
  | 'enum pid_type'
  | 'struct pid *'
  | 'struct pid_namespace *'
  | 'struct pidmap *'
  | 'struct upid *'
  | 'struct task_struct *'
  | 'void *'
  | 'op index'
  | 'fork index';

export const LOCAL_TYPES: Readonly<Record<ModelFunction, Readonly<Record<string, ValueType>>>> = {
  scenario: { op: 'op index', fork: 'fork index' },
  copy_process: { clone_flags: 'unsigned long', p: 'struct task_struct *', pid: 'struct pid *', retval: 'int' },
  alloc_pid: {
    ns: 'struct pid_namespace *', pid: 'struct pid *', i: 'int', nr: 'int', tmp: 'struct pid_namespace *',
    next_nr: 'int', rc: 'int', type: 'enum pid_type', upid: 'struct upid *',
  },
  set_predefined_pid: { ns: 'struct pid_namespace *', pid: 'struct pid *', next_nr: 'int', i: 'int', rc: 'int' },
  alloc_fixed_pidmap: { pid_ns: 'struct pid_namespace *', next_nr: 'int', offset: 'int', map: 'struct pidmap *' },
  alloc_pidmap: {
    pid_ns: 'struct pid_namespace *', i: 'int', offset: 'int', max_scan: 'int', pid: 'int', last: 'int',
    map: 'struct pidmap *', page: 'void *',
  },
  alloc_pidmap_page: { map: 'struct pidmap *', page: 'void *' },
  free_pidmap: { upid: 'struct upid *', nr: 'int', map: 'struct pidmap *', offset: 'int' },
  free_pid: { pid: 'struct pid *', i: 'int', flags: 'unsigned long' },
  next_pidmap: { pid_ns: 'struct pid_namespace *', last: 'int', offset: 'int' },
};

export const RETURN_TYPES: Readonly<Record<ModelFunction, ValueType | 'void'>> = {
  scenario: 'void',
  copy_process: 'struct task_struct *',
  alloc_pid: 'struct pid *',
  set_predefined_pid: 'int',
  alloc_fixed_pidmap: 'int',
  alloc_pidmap: 'int',
  alloc_pidmap_page: 'int',
  free_pidmap: 'void',
  free_pid: 'void',
  next_pidmap: 'int',
};
