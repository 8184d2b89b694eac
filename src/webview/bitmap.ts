// Draws one namespace level's pid map: a page overview (one cell per pidmap entry, up to 128 for
// pid_max 4194304) and a strip of single bits around the focus, with last_pid, the scan cursor
// and the bit under test marked. Screen readers get a summary of each as the role="img" label.
// The cells stay from step to step; only what a step changed is written.
import type { BitmapView, PageCell } from '../shared/debugger-protocol';
import { el, setAttr, setText } from './dom';

const BITS_PER_PAGE = 32768;

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

function bitClass(view: BitmapView, nr: number, set: boolean): string {
  return ['bit', set ? 'set' : '', nr === view.test ? 'test' : '', nr === view.cursor ? 'cursor' : '', nr === view.lastPid ? 'last' : ''].filter(Boolean).join(' ');
}

function bitTitle(view: BitmapView, nr: number, set: boolean): string {
  const marks: string[] = [];
  if (nr === view.test) marks.push('bit under test');
  if (nr === view.cursor) marks.push('scan cursor');
  if (nr === view.lastPid) marks.push('last_pid');
  return `pid ${nr}: ${set ? 'set' : 'free'}${marks.length > 0 ? ` (${marks.join(', ')})` : ''}`;
}

function pageClass(page: PageCell, focusPage: number): string {
  return ['page', page.allocated ? 'allocated' : '', page.used >= BITS_PER_PAGE ? 'full' : '', page.entry === focusPage ? 'focus' : ''].filter(Boolean).join(' ');
}

function pageTitle(page: PageCell): string {
  return `pidmap[${page.entry}]: pids ${page.entry * BITS_PER_PAGE}–${(page.entry + 1) * BITS_PER_PAGE - 1}, ${page.allocated ? `${page.used} used` : 'no page allocated'}`;
}

/**
 * One level's map, kept across steps: the page cells and bit cells are made once (per pid_max and
 * strip width) and a step rewrites only the classes, titles and labels that differ.
 */
export class BitmapPanel {
  readonly root: HTMLElement;
  private readonly head: HTMLElement;
  private readonly headLevel = el('strong');
  private readonly headText = document.createTextNode('');
  private readonly pages: HTMLElement;
  private readonly strip: HTMLElement;
  private readonly axis: [HTMLElement, HTMLElement];
  private readonly pageCells: HTMLElement[] = [];
  private readonly bitCells: HTMLElement[] = [];

  constructor(view: BitmapView) {
    this.head = el('div', { class: 'bitmap-head' }, this.headLevel, this.headText);
    this.pages = el('div', { class: 'pages', role: 'img' });
    this.strip = el('div', { class: 'strip', role: 'img' });
    this.axis = [el('span'), el('span')];
    for (let i = 0; i < view.pages.length; i++) this.pageCells.push(this.pages.appendChild(el('div')));
    for (let i = 0; i < view.windowBits.length; i++) this.bitCells.push(this.strip.appendChild(el('div')));
    this.root = el('div', { class: 'bitmap', role: 'group' },
      this.head,
      this.pages,
      this.strip,
      el('div', { class: 'strip-axis', 'aria-hidden': 'true' }, ...this.axis),
      el('div', { class: 'legend', 'aria-hidden': 'true' },
        el('span', {}, el('span', { class: 'bit set' }), 'set'),
        el('span', {}, el('span', { class: 'bit' }), 'free'),
        el('span', {}, el('span', { class: 'bit last' }), 'last_pid'),
        el('span', {}, el('span', { class: 'bit cursor' }), 'scan cursor'),
        el('span', {}, el('span', { class: 'bit test' }), 'bit under test')),
    );
    this.update(view);
  }

  /** Whether this panel's cells fit the view (same page count and strip width). */
  fits(view: BitmapView): boolean {
    return view.pages.length === this.pageCells.length && view.windowBits.length === this.bitCells.length;
  }

  update(view: BitmapView): void {
    const end = view.windowStart + view.windowBits.length - 1;
    const focusPage = Math.floor((view.test ?? view.cursor ?? view.lastPid) / BITS_PER_PAGE);
    const allocated = view.pages.filter((p) => p.allocated).length;
    setAttr(this.root, 'aria-label', `level ${view.level} pid map`);
    setText(this.headLevel, `level ${view.level}`);
    const headText = ` — last_pid ${view.lastPid}, pid_max ${view.pidMax}${view.cursor !== null ? `, cursor ${view.cursor}` : ''}${view.test !== null ? `, bit under test ${view.test}` : ''}`;
    if (this.headText.data !== headText) this.headText.data = headText;
    setAttr(this.pages, 'aria-label', `level ${view.level} pages: ${allocated} of ${view.pages.length} allocated; the strip below is in page ${focusPage}`);
    view.pages.forEach((page, i) => {
      setAttr(this.pageCells[i], 'class', pageClass(page, focusPage));
      setAttr(this.pageCells[i], 'title', pageTitle(page));
    });

    const marks = [
      view.test !== null ? `bit under test ${view.test} (${view.windowBits[view.test - view.windowStart] === '1' ? 'set' : 'free'})` : '',
      view.cursor !== null ? `scan cursor ${view.cursor}` : '',
      `last_pid ${view.lastPid}`,
    ].filter(Boolean);
    setAttr(this.strip, 'data-level', String(view.level));
    setAttr(this.strip, 'data-start', String(view.windowStart));
    setAttr(this.strip, 'data-test', String(view.test ?? ''));
    setAttr(this.strip, 'data-cursor', String(view.cursor ?? ''));
    setAttr(this.strip, 'aria-label', `level ${view.level} pids ${view.windowStart}–${end}: set ${setRanges(view.windowStart, view.windowBits)}; ${marks.join('; ')}`);
    for (let i = 0; i < view.windowBits.length; i++) {
      const nr = view.windowStart + i;
      const set = view.windowBits[i] === '1';
      const cell = this.bitCells[i];
      setAttr(cell, 'class', bitClass(view, nr, set));
      setAttr(cell, 'data-pid', String(nr));
      setAttr(cell, 'title', bitTitle(view, nr, set));
    }
    setText(this.axis[0], String(view.windowStart));
    setText(this.axis[1], String(end));
  }
}
