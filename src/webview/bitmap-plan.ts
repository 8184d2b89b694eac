// What the pid bitmap draws, worked out apart from the DOM (unit-tested in Node): where each cell
// of the page overview and of the strip of bits sits, which path each kind of cell goes in, where
// last_pid, the scan cursor and the bit under test are marked, what a screen reader is told, and
// which cell is under the pointer. bitmap.ts puts it into one small SVG per map: a few paths
// instead of one element per bit, which was most of the panel's elements in its first paint.
import type { BitmapView, PageCell } from '../shared/debugger-protocol';

export const BITS_PER_PAGE = 32768;
/** Cells per row, in the strip and in the page overview. */
export const COLUMNS = 32;
/**
 * Cell sizes in the SVG's user units. A unit is a CSS pixel at the maps' widest (640 px); narrower,
 * the SVG is squeezed across only (preserveAspectRatio="none"), so a cell keeps its height and its
 * 1 px border (non-scaling strokes), as the grid of one element per cell did.
 */
export const COLUMN_WIDTH = 20;
export const WIDTH = COLUMNS * COLUMN_WIDTH;
/** A cell's border box, then the gap after it. */
export interface CellShape {
  readonly width: number;
  readonly height: number;
  readonly gap: number;
}
export const BIT_CELL: CellShape = { width: COLUMN_WIDTH - 1, height: 14, gap: 1 };
export const PAGE_CELL: CellShape = { width: COLUMN_WIDTH - 1, height: 10, gap: 1 };

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The SVG's height for `count` cells. */
export function gridHeight(count: number, cell: CellShape): number {
  const rows = Math.max(1, Math.ceil(count / COLUMNS));
  return rows * (cell.height + cell.gap) - cell.gap;
}

/** The border box of the i-th cell. */
export function cellBox(i: number, cell: CellShape): Box {
  return { x: (i % COLUMNS) * COLUMN_WIDTH, y: Math.floor(i / COLUMNS) * (cell.height + cell.gap), width: cell.width, height: cell.height };
}

/** The cell under a point (x as a fraction of the SVG's width, y in units from its top), or null in a gap or past the end. */
export function cellAt(fractionX: number, y: number, count: number, cell: CellShape): number | null {
  if (!(fractionX >= 0 && fractionX < 1 && y >= 0)) return null;
  const column = Math.floor(fractionX * COLUMNS);
  const row = Math.floor(y / (cell.height + cell.gap));
  if (y - row * (cell.height + cell.gap) >= cell.height) return null;
  const i = row * COLUMNS + column;
  return i < count ? i : null;
}

/**
 * A path of the cells' boxes, each inset by half a unit so that a 1 px stroke on it covers the
 * cell's border exactly, as `border: 1px` did.
 */
export function cellsPath(indexes: readonly number[], cell: CellShape): string {
  return indexes.map((i) => {
    const b = cellBox(i, cell);
    return `M${b.x + 0.5} ${b.y + 0.5}h${b.width - 1}v${b.height - 1}h${1 - b.width}z`;
  }).join('');
}

/** A box grown by `by` on every side (a negative `by` shrinks it). */
export function grow(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

/** The set bits of the strip as ranges, e.g. "0–2, 500". */
export function setRanges(start: number, bits: string): string {
  const ranges: string[] = [];
  let from = -1;
  for (let i = 0; i <= bits.length; i++) {
    const set = bits[i] === '1';
    if (set && from < 0) from = i;
    if (!set && from >= 0) {
      ranges.push(from === i - 1 ? String(start + from) : `${start + from}–${start + i - 1}`);
      from = -1;
    }
  }
  return ranges.length === 0 ? 'none' : ranges.join(', ');
}

/** A mark on one bit of the strip: where it is drawn, or null when its pid is not in the strip (or there is none). */
export interface BitMark {
  readonly pid: number | null;
  readonly box: Box | null;
  /** Whether the marked bit is set (the bit under test is filled when it is). */
  readonly set: boolean;
}

export interface StripPlan {
  readonly height: number;
  readonly setPath: string;
  readonly freePath: string;
  readonly test: BitMark;
  readonly cursor: BitMark;
  readonly lastPid: BitMark;
  readonly label: string;
  readonly axis: readonly [string, string];
}

function mark(view: BitmapView, pid: number | null): BitMark {
  const i = pid === null ? -1 : pid - view.windowStart;
  if (pid === null || i < 0 || i >= view.windowBits.length) return { pid, box: null, set: false };
  return { pid, box: cellBox(i, BIT_CELL), set: view.windowBits[i] === '1' };
}

/** The strip: one cell per bit of the window, set bits filled, and its three marks. */
export function stripPlan(view: BitmapView): StripPlan {
  const set: number[] = [];
  const free: number[] = [];
  for (let i = 0; i < view.windowBits.length; i++) (view.windowBits[i] === '1' ? set : free).push(i);
  const end = view.windowStart + view.windowBits.length - 1;
  const marks = [
    view.test !== null ? `bit under test ${view.test} (${view.windowBits[view.test - view.windowStart] === '1' ? 'set' : 'free'})` : '',
    view.cursor !== null ? `scan cursor ${view.cursor}` : '',
    `last_pid ${view.lastPid}`,
  ].filter(Boolean);
  return {
    height: gridHeight(view.windowBits.length, BIT_CELL),
    setPath: cellsPath(set, BIT_CELL),
    freePath: cellsPath(free, BIT_CELL),
    test: mark(view, view.test),
    cursor: mark(view, view.cursor),
    lastPid: mark(view, view.lastPid),
    label: `level ${view.level} pids ${view.windowStart}–${end}: set ${setRanges(view.windowStart, view.windowBits)}; ${marks.join('; ')}`,
    axis: [String(view.windowStart), String(end)],
  };
}

/** The hover text of one bit of the strip. */
export function bitTitle(view: BitmapView, i: number): string {
  const nr = view.windowStart + i;
  const marks: string[] = [];
  if (nr === view.test) marks.push('bit under test');
  if (nr === view.cursor) marks.push('scan cursor');
  if (nr === view.lastPid) marks.push('last_pid');
  return `pid ${nr}: ${view.windowBits[i] === '1' ? 'set' : 'free'}${marks.length > 0 ? ` (${marks.join(', ')})` : ''}`;
}

export interface PagesPlan {
  readonly height: number;
  /** No page allocated; allocated, some bits free; allocated and full. */
  readonly freePath: string;
  readonly allocatedPath: string;
  readonly fullPath: string;
  /** The page the strip is in, outlined (null if it is not in the overview). */
  readonly focus: { readonly entry: number; readonly box: Box } | null;
  readonly label: string;
}

/** The page the strip shows: the bit under test's, or the scan cursor's, or last_pid's. */
export function focusPage(view: BitmapView): number {
  return Math.floor((view.test ?? view.cursor ?? view.lastPid) / BITS_PER_PAGE);
}

/** The page overview: one cell per pidmap entry below pid_max. */
export function pagesPlan(view: BitmapView): PagesPlan {
  const free: number[] = [];
  const allocated: number[] = [];
  const full: number[] = [];
  view.pages.forEach((page, i) => (!page.allocated ? free : page.used >= BITS_PER_PAGE ? full : allocated).push(i));
  const focus = focusPage(view);
  const focusIndex = view.pages.findIndex((page) => page.entry === focus);
  return {
    height: gridHeight(view.pages.length, PAGE_CELL),
    freePath: cellsPath(free, PAGE_CELL),
    allocatedPath: cellsPath(allocated, PAGE_CELL),
    fullPath: cellsPath(full, PAGE_CELL),
    focus: focusIndex < 0 ? null : { entry: focus, box: cellBox(focusIndex, PAGE_CELL) },
    label: `level ${view.level} pages: ${allocated.length + full.length} of ${view.pages.length} allocated; the strip below is in page ${focus}`,
  };
}

/** The hover text of one page cell. */
export function pageTitle(page: PageCell): string {
  return `pidmap[${page.entry}]: pids ${page.entry * BITS_PER_PAGE}–${(page.entry + 1) * BITS_PER_PAGE - 1}, ${page.allocated ? `${page.used} used` : 'no page allocated'}`;
}
