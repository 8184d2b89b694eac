// Draws one namespace level's pid map: a page overview (one cell per pidmap entry, up to 128 for
// pid_max 4194304) and a strip of single bits around the focus, with last_pid, the scan cursor
// and the bit under test marked. Screen readers get a summary of each as the role="img" label.
import type { BitmapView } from '../shared/debugger-protocol';
import { el } from './dom';

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

function bitCell(view: BitmapView, nr: number, set: boolean): HTMLDivElement {
  const marks: string[] = [];
  if (nr === view.test) marks.push('bit under test');
  if (nr === view.cursor) marks.push('scan cursor');
  if (nr === view.lastPid) marks.push('last_pid');
  const classes = ['bit', set ? 'set' : '', nr === view.test ? 'test' : '', nr === view.cursor ? 'cursor' : '', nr === view.lastPid ? 'last' : ''];
  return el('div', {
    class: classes.filter(Boolean).join(' '),
    'data-pid': nr,
    title: `pid ${nr}: ${set ? 'set' : 'free'}${marks.length > 0 ? ` (${marks.join(', ')})` : ''}`,
  });
}

export function renderBitmap(view: BitmapView): HTMLElement {
  const end = view.windowStart + view.windowBits.length - 1;
  const focusPage = Math.floor((view.test ?? view.cursor ?? view.lastPid) / BITS_PER_PAGE);
  const allocated = view.pages.filter((p) => p.allocated).length;

  const pages = el('div', {
    class: 'pages', role: 'img',
    'aria-label': `level ${view.level} pages: ${allocated} of ${view.pages.length} allocated; the strip below is in page ${focusPage}`,
  });
  for (const page of view.pages) {
    const full = page.used >= BITS_PER_PAGE;
    pages.appendChild(el('div', {
      class: ['page', page.allocated ? 'allocated' : '', full ? 'full' : '', page.entry === focusPage ? 'focus' : ''].filter(Boolean).join(' '),
      title: `pidmap[${page.entry}]: pids ${page.entry * BITS_PER_PAGE}–${(page.entry + 1) * BITS_PER_PAGE - 1}, ${page.allocated ? `${page.used} used` : 'no page allocated'}`,
    }));
  }

  const marks = [
    view.test !== null ? `bit under test ${view.test} (${view.windowBits[view.test - view.windowStart] === '1' ? 'set' : 'free'})` : '',
    view.cursor !== null ? `scan cursor ${view.cursor}` : '',
    `last_pid ${view.lastPid}`,
  ].filter(Boolean);
  const strip = el('div', {
    class: 'strip', role: 'img',
    'data-level': view.level, 'data-start': view.windowStart, 'data-test': view.test ?? '', 'data-cursor': view.cursor ?? '',
    'aria-label': `level ${view.level} pids ${view.windowStart}–${end}: set ${setRanges(view.windowStart, view.windowBits)}; ${marks.join('; ')}`,
  });
  for (let i = 0; i < view.windowBits.length; i++) strip.appendChild(bitCell(view, view.windowStart + i, view.windowBits[i] === '1'));

  return el('div', { class: 'bitmap', role: 'group', 'aria-label': `level ${view.level} pid map` },
    el('div', { class: 'bitmap-head' },
      el('strong', {}, `level ${view.level}`),
      ` — last_pid ${view.lastPid}, pid_max ${view.pidMax}`,
      view.cursor !== null ? `, cursor ${view.cursor}` : '',
      view.test !== null ? `, bit under test ${view.test}` : ''),
    pages,
    strip,
    el('div', { class: 'strip-axis', 'aria-hidden': 'true' }, el('span', {}, String(view.windowStart)), el('span', {}, String(end))),
    el('div', { class: 'legend', 'aria-hidden': 'true' },
      el('span', {}, el('span', { class: 'bit set' }), 'set'),
      el('span', {}, el('span', { class: 'bit' }), 'free'),
      el('span', {}, el('span', { class: 'bit last' }), 'last_pid'),
      el('span', {}, el('span', { class: 'bit cursor' }), 'scan cursor'),
      el('span', {}, el('span', { class: 'bit test' }), 'bit under test')),
  );
}
