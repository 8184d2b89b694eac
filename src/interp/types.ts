// The static types the compiler tracks: just enough of C's to resolve `->`, `.`, `[]`, `&` and
// pointer arithmetic over the objects the model keeps (runtime.ts has their number encodings).

export type CType =
  | 'int'
  | 'void'
  | 'opaque'
  | 'ptr:void'
  | 'ptr:pid'
  | 'ptr:ns'
  | 'ptr:pidmap'
  | 'ptr:upid'
  | 'ptr:page'
  | 'ptr:task'
  | 'ptr:atomic'
  | 'ptr:opaque'
  | 'val:upid'
  | 'val:pidmap'
  | 'val:atomic'
  | 'val:opaque'
  | 'arr:upid'
  | 'arr:pidmap';

const NAMED: Readonly<Record<string, CType>> = {
  'struct pid *': 'ptr:pid',
  'struct pid_namespace *': 'ptr:ns',
  'struct pidmap *': 'ptr:pidmap',
  'struct upid *': 'ptr:upid',
  // In this code a void * is a pidmap page.
  'void *': 'ptr:page',
  'struct task_struct *': 'ptr:task',
  'struct pt_regs *': 'ptr:opaque',
  'int *': 'ptr:opaque',
};

const INTEGER_WORDS = new Set(['int', 'long', 'short', 'char', 'unsigned', 'signed', 'bool', '_Bool', 'size_t', 'pid_t', 'gfp_t', 'u32', 'u64', 's32', 's64']);

/** The CType of a C type written as `base` plus `pointers` stars, or undefined when unsupported. */
export function ctypeOf(base: string, pointers: number): CType | undefined {
  const words = base.replace(/\b(const|volatile|static|inline|register|__user|__read_mostly)\b/g, ' ').trim().split(/\s+/);
  const name = words.join(' ');
  if (pointers === 0) {
    if (words.every((w) => INTEGER_WORDS.has(w)) || /^enum \w+$/.test(name)) return 'int';
    return undefined;
  }
  if (pointers === 1) return NAMED[`${name} *`];
  return undefined;
}

export function isPointer(t: CType): boolean {
  return t.startsWith('ptr:') || t.startsWith('arr:');
}
