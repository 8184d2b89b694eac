import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { BitmapView } from '../../../src/shared/debugger-protocol';
import {
  bitTitle, BIT_CELL, cellAt, cellBox, cellsPath, focusPage, gridHeight, PAGE_CELL, pagesPlan, pageTitle, setRanges, stripPlan, WIDTH,
} from '../../../src/webview/bitmap-plan';

/** A 256-bit strip from pid 256 with pids 256–258 and 300 set, the scan cursor on 300 and the bit under test 301. */
function view(overrides: Partial<BitmapView> = {}): BitmapView {
  const bits = Array.from({ length: 256 }, (_, i) => (i <= 2 || i === 44 ? '1' : '0')).join('');
  return { level: 0, pidMax: 32768, lastPid: 258, pages: [{ entry: 0, allocated: true, used: 4 }], windowStart: 256, windowBits: bits, cursor: 300, test: 301, ...overrides };
}

/** The cells a path draws, by index (it draws each cell's box inset by half a unit). */
function cellsIn(path: string, cell = BIT_CELL): number[] {
  return [...path.matchAll(/M([\d.]+) ([\d.]+)/g)].map((m) => cellAt((Number(m[1]) + 1) / WIDTH, Number(m[2]) + 1, Number.MAX_SAFE_INTEGER, cell)!);
}

test('the set bits are drawn in the set path and every other bit in the free path', () => {
  const plan = stripPlan(view());
  assert.deepEqual(cellsIn(plan.setPath), [0, 1, 2, 44]);
  const free = cellsIn(plan.freePath);
  assert.equal(free.length, 252);
  assert.ok(!free.includes(44) && free.includes(45) && free.includes(255));
});

test('a cell under the pointer is the cell drawn there, and a gap or a point past the end is no cell', () => {
  for (const i of [0, 31, 32, 45, 255]) {
    const box = cellBox(i, BIT_CELL);
    assert.equal(cellAt((box.x + box.width / 2) / WIDTH, box.y + box.height / 2, 256, BIT_CELL), i);
  }
  assert.equal(cellAt(0.5, BIT_CELL.height + 0.5, 256, BIT_CELL), null, 'the gap between two rows');
  assert.equal(cellAt(0.5, gridHeight(256, BIT_CELL) + 5, 256, BIT_CELL), null, 'below the last row');
  assert.equal(cellAt(0.99, 0, 20, BIT_CELL), null, 'past the last of 20 cells');
  assert.equal(cellAt(1, 0, 256, BIT_CELL), null);
});

test('the strip is as tall as its rows: 8 rows of 32 bits', () => {
  assert.equal(stripPlan(view()).height, 8 * (BIT_CELL.height + BIT_CELL.gap) - BIT_CELL.gap);
});

test('last_pid, the scan cursor and the bit under test are marked on their cells, the set one as set', () => {
  const plan = stripPlan(view());
  assert.deepEqual([plan.lastPid.pid, plan.lastPid.box, plan.lastPid.set], [258, cellBox(2, BIT_CELL), true]);
  assert.deepEqual([plan.cursor.pid, plan.cursor.box, plan.cursor.set], [300, cellBox(44, BIT_CELL), true]);
  assert.deepEqual([plan.test.pid, plan.test.box, plan.test.set], [301, cellBox(45, BIT_CELL), false]);
});

test('a mark whose pid is outside the strip, or absent, is not drawn', () => {
  const plan = stripPlan(view({ lastPid: 5000, cursor: null, test: null }));
  assert.equal(plan.lastPid.box, null);
  assert.equal(plan.cursor.box, null);
  assert.equal(plan.test.box, null);
  assert.match(plan.label, /last_pid 5000$/);
});

test('the strip\'s label states its pids, the set ranges and the marks as text', () => {
  assert.equal(stripPlan(view()).label, 'level 0 pids 256–511: set 256–258, 300; bit under test 301 (free); scan cursor 300; last_pid 258');
  assert.deepEqual(stripPlan(view()).axis, ['256', '511']);
});

test('set ranges join runs of set bits and name single bits alone', () => {
  assert.equal(setRanges(0, '1101'), '0–1, 3');
  assert.equal(setRanges(10, '0000'), 'none');
  assert.equal(setRanges(500, '1'), '500');
});

test('a bit\'s hover text says its pid, whether it is set and what marks it', () => {
  assert.equal(bitTitle(view(), 2), 'pid 258: set (last_pid)');
  assert.equal(bitTitle(view(), 45), 'pid 301: free (bit under test)');
  assert.equal(bitTitle(view({ test: 300 }), 44), 'pid 300: set (bit under test, scan cursor)');
  assert.equal(bitTitle(view(), 100), 'pid 356: free');
});

test('pages go in the free, allocated or full path, and the strip\'s page is outlined', () => {
  const pages = [{ entry: 0, allocated: true, used: 32768 }, { entry: 1, allocated: false, used: 0 }, { entry: 2, allocated: true, used: 7 }, ...Array.from({ length: 125 }, (_, i) => ({ entry: i + 3, allocated: false, used: 0 }))];
  const plan = pagesPlan(view({ pidMax: 4194304, pages, windowStart: 65536, test: 65600, cursor: 65599, lastPid: 65599 }));
  assert.deepEqual(cellsIn(plan.fullPath, PAGE_CELL), [0]);
  assert.deepEqual(cellsIn(plan.allocatedPath, PAGE_CELL), [2]);
  assert.equal(cellsIn(plan.freePath, PAGE_CELL).length, 126);
  assert.deepEqual(plan.focus, { entry: 2, box: cellBox(2, PAGE_CELL) });
  assert.equal(plan.height, 4 * (PAGE_CELL.height + PAGE_CELL.gap) - PAGE_CELL.gap);
  assert.equal(plan.label, 'level 0 pages: 2 of 128 allocated; the strip below is in page 2');
});

test('the focused page is the bit under test\'s, else the cursor\'s, else last_pid\'s', () => {
  assert.equal(focusPage(view({ test: 40000, cursor: 70000, lastPid: 100000 })), 1);
  assert.equal(focusPage(view({ test: null, cursor: 70000, lastPid: 100000 })), 2);
  assert.equal(focusPage(view({ test: null, cursor: null, lastPid: 100000 })), 3);
});

test('a page\'s hover text gives its pids and how many are used', () => {
  assert.equal(pageTitle({ entry: 1, allocated: true, used: 12 }), 'pidmap[1]: pids 32768–65535, 12 used');
  assert.equal(pageTitle({ entry: 3, allocated: false, used: 0 }), 'pidmap[3]: pids 98304–131071, no page allocated');
});

test('an empty list of cells draws nothing', () => {
  assert.equal(cellsPath([], BIT_CELL), '');
});
