// Where the pid-map code is looking, at one execution point: for each namespace level, the scan
// cursor (alloc_pidmap's map entry and offset, or pid) and the bit under test (alloc_pidmap at
// its test_and_set, alloc_fixed_pidmap's next_nr, free_pidmap's nr). The debugger panel draws
// them on the bitmap; the debug adapter shows the bit under test among the pid maps.
// They are read back from the frames' formatted locals, the form the points keep them in.
import { BITS_PER_PAGE } from '../kernel/constants';
import type { ExecutionPoint, FrameView } from './point';

export interface ScanMarks {
  readonly cursor: number | null;
  readonly test: number | null;
}

/** "&init_pid_ns (level 0)", "&pidmap[3] (level 1)" → the level (see format.ts). */
export function levelOf(value: string | undefined): number | null {
  const m = value === undefined ? null : /\(level (\d+)\)$/.exec(value);
  return m ? Number(m[1]) : null;
}

export function entryOf(value: string | undefined): number | null {
  const m = value === undefined ? null : /^&pidmap\[(\d+)\]/.exec(value);
  return m ? Number(m[1]) : null;
}

export function intOf(value: string | undefined): number | null {
  return value !== undefined && /^-?\d{1,10}$/.test(value) ? Number(value) : null;
}

export function localValue(frame: FrameView, name: string): string | undefined {
  return frame.locals.find((l) => l.name === name)?.value;
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
  const offset = intOf(localValue(frame, 'offset'));
  const entry = entryOf(localValue(frame, 'map'));
  const scan = entry !== null && offset !== null ? entry * BITS_PER_PAGE + offset : null;
  let level: number | null = null;
  let marks: ScanMarks | null = null;
  if (frame.fn === 'alloc_pidmap') {
    const cursor = scan ?? intOf(localValue(frame, 'pid'));
    level = levelOf(localValue(frame, 'pid_ns'));
    marks = { cursor, test: frame.stepId === 'alloc_pidmap/if-test_and_set' ? cursor : null };
  } else if (frame.fn === 'alloc_fixed_pidmap') {
    level = levelOf(localValue(frame, 'pid_ns'));
    marks = { cursor: scan, test: intOf(localValue(frame, 'next_nr')) };
  } else if (frame.fn === 'free_pidmap') {
    level = levelOf(localValue(frame, 'map'));
    marks = { cursor: null, test: intOf(localValue(frame, 'nr')) };
  }
  return level !== null && marks !== null ? { level, marks } : null;
}
