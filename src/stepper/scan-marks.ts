// Where the pid-map code is looking, at one execution point: for each namespace level, the scan
// cursor (alloc_pidmap's map entry and offset, or pid) and the bit under test (alloc_pidmap at
// its test_and_set, alloc_fixed_pidmap's next_nr, free_pidmap's nr). The debugger panel draws
// them on the bitmap; the debug adapter shows the bit under test among the pid maps.
// They are read from the frames' typed locals (a pidmap pointer names its level and entry).
import { BITS_PER_PAGE } from '../kernel/constants';
import type { PtrTarget, Value } from '../kernel/values';
import type { ExecutionPoint, FrameView } from './point';

export interface ScanMarks {
  readonly cursor: number | null;
  readonly test: number | null;
}

export function localValue(frame: FrameView, name: string): Value | undefined {
  return frame.locals.find((l) => l.name === name)?.value;
}

function intLocal(frame: FrameView, name: string): number | null {
  const value = localValue(frame, name);
  return value?.kind === 'int' ? value.value : null;
}

function targetLocal(frame: FrameView, name: string): PtrTarget | null {
  const value = localValue(frame, name);
  return value?.kind === 'ptr' ? value.target : null;
}

/** The level a namespace or pidmap pointer belongs to. */
function levelOf(target: PtrTarget | null): number | null {
  return target?.kind === 'namespace' || target?.kind === 'pidmap' ? target.level : null;
}

/** The marks of each level touched by a frame on the stack; the innermost frame wins. */
export function scanMarks(point: ExecutionPoint): Map<number, ScanMarks> {
  const marks = new Map<number, ScanMarks>();
  for (let i = point.stack.length - 1; i >= 0; i--) {
    const frame = point.stack[i];
    const found = frameMarks(frame);
    if (found && !marks.has(found.level)) marks.set(found.level, found.marks);
  }
  return marks;
}

/**
 * The bit the innermost frame is about to claim or free, with its level — only when that frame
 * is itself a pid-map function (alloc_pidmap at its test_and_set, alloc_fixed_pidmap, free_pidmap).
 */
export function bitUnderTest(point: ExecutionPoint): { level: number; nr: number } | null {
  const frame = point.stack[point.stack.length - 1];
  const found = frame ? frameMarks(frame) : null;
  return found && found.marks.test !== null ? { level: found.level, nr: found.marks.test } : null;
}

function frameMarks(frame: FrameView): { level: number; marks: ScanMarks } | null {
  const offset = intLocal(frame, 'offset');
  const map = targetLocal(frame, 'map');
  const scan = map?.kind === 'pidmap' && offset !== null ? map.entry * BITS_PER_PAGE + offset : null;
  let level: number | null = null;
  let marks: ScanMarks | null = null;
  if (frame.fn === 'alloc_pidmap') {
    const cursor = scan ?? intLocal(frame, 'pid');
    level = levelOf(targetLocal(frame, 'pid_ns'));
    marks = { cursor, test: frame.stepId === 'alloc_pidmap/if-test_and_set' ? cursor : null };
  } else if (frame.fn === 'alloc_fixed_pidmap') {
    level = levelOf(targetLocal(frame, 'pid_ns'));
    marks = { cursor: scan, test: intLocal(frame, 'next_nr') };
  } else if (frame.fn === 'free_pidmap') {
    level = levelOf(map);
    marks = { cursor: null, test: intLocal(frame, 'nr') };
  }
  return level !== null && marks !== null ? { level, marks } : null;
}
