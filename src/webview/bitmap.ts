// Draws one namespace level's pid map: a page overview (one cell per pidmap entry, up to 128 for
// pid_max 4194304) and a strip of single bits around the focus, with last_pid, the scan cursor
// and the bit under test marked. Each is one SVG of a few paths and marks (bitmap-plan.ts says
// where), coloured by the stylesheet from the theme's variables, so light, dark and high-contrast
// themes and a theme change need no script; screen readers get each one's summary as its
// role="img" label, and the pointer gets a cell's details as the tooltip.
// The elements stay from step to step; only the paths and marks a step changed are rewritten.
import type { BitmapView } from '../shared/debugger-protocol';
import { el, setAttr, setText } from './dom';
import {
  bitTitle, cellAt, grow, pagesPlan, pageTitle, stripPlan, BIT_CELL, PAGE_CELL, WIDTH, type BitMark, type Box, type CellShape,
} from './bitmap-plan';

const SVG = 'http://www.w3.org/2000/svg';

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Readonly<Record<string, string>> = {}): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

/** A rect at `box`, or hidden when there is none. */
function place(rect: SVGRectElement, box: Box | null): void {
  setAttr(rect, 'display', box ? 'inline' : 'none');
  if (!box) return;
  setAttr(rect, 'x', String(box.x));
  setAttr(rect, 'y', String(box.y));
  setAttr(rect, 'width', String(box.width));
  setAttr(rect, 'height', String(box.height));
}

/** A map's SVG, sized for its cells: squeezed across to the box's width, its height in CSS pixels. */
function mapSvg(height: number, ...children: SVGElement[]): SVGSVGElement {
  const svg = svgEl('svg', { preserveAspectRatio: 'none', 'aria-hidden': 'true' });
  sizeSvg(svg, height);
  svg.append(...children);
  return svg;
}

function sizeSvg(svg: SVGSVGElement, height: number): void {
  setAttr(svg, 'viewBox', `0 0 ${WIDTH} ${height}`);
  setAttr(svg, 'height', String(height));
}

/**
 * Shows the details of the cell under the pointer as the box's tooltip (each cell had its own
 * title when each was an element). The title is set only while the pointer is over the map.
 */
function hoverTitles(box: HTMLElement, cell: CellShape, count: () => number, title: (i: number) => string): void {
  box.addEventListener('pointermove', (event) => {
    const rect = box.getBoundingClientRect();
    const i = cellAt((event.clientX - rect.left) / rect.width, event.clientY - rect.top, count(), cell);
    if (i === null) box.removeAttribute('title');
    else setAttr(box, 'title', title(i));
  });
  box.addEventListener('pointerleave', () => box.removeAttribute('title'));
}

/** One level's map, kept across steps: a step rewrites only the paths, marks and labels that differ. */
export class BitmapPanel {
  readonly root: HTMLElement;
  private readonly headLevel = el('strong');
  private readonly headText = document.createTextNode('');
  private readonly pages = el('div', { class: 'pages', role: 'img' });
  private readonly pagesSvg: SVGSVGElement;
  private readonly pagePaths = { free: svgEl('path', { class: 'page-free' }), allocated: svgEl('path', { class: 'page-allocated' }), full: svgEl('path', { class: 'page-full' }) };
  private readonly pageFocus = svgEl('rect', { class: 'mark focus' });
  private readonly strip = el('div', { class: 'strip', role: 'img' });
  private readonly stripSvg: SVGSVGElement;
  private readonly bitPaths = { free: svgEl('path', { class: 'free' }), set: svgEl('path', { class: 'set' }) };
  /** Drawn in this order: the test bit's fill under last_pid's bar, the outlines over both. */
  private readonly marks = {
    testFill: svgEl('rect', { class: 'mark test-fill' }),
    lastPid: svgEl('rect', { class: 'mark last' }),
    cursor: svgEl('rect', { class: 'mark cursor' }),
    test: svgEl('rect', { class: 'mark test' }),
  };
  private readonly axis: [HTMLElement, HTMLElement] = [el('span'), el('span')];
  private view: BitmapView;

  constructor(view: BitmapView) {
    this.view = view;
    const { free, allocated, full } = this.pagePaths;
    this.pagesSvg = mapSvg(0, free, allocated, full, this.pageFocus);
    this.pages.append(this.pagesSvg);
    this.stripSvg = mapSvg(0, this.bitPaths.free, this.bitPaths.set, this.marks.testFill, this.marks.lastPid, this.marks.cursor, this.marks.test);
    this.strip.append(this.stripSvg);
    hoverTitles(this.pages, PAGE_CELL, () => this.view.pages.length, (i) => pageTitle(this.view.pages[i]));
    hoverTitles(this.strip, BIT_CELL, () => this.view.windowBits.length, (i) => bitTitle(this.view, i));
    this.root = el('div', { class: 'bitmap', role: 'group' },
      el('div', { class: 'bitmap-head' }, this.headLevel, this.headText),
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

  /** Whether this panel shows the view's level (any size of map fits: nothing is drawn per cell). */
  fits(view: BitmapView): boolean {
    return view.level === this.view.level;
  }

  update(view: BitmapView): void {
    this.view = view;
    setAttr(this.root, 'aria-label', `level ${view.level} pid map`);
    setText(this.headLevel, `level ${view.level}`);
    const headText = ` — last_pid ${view.lastPid}, pid_max ${view.pidMax}${view.cursor !== null ? `, cursor ${view.cursor}` : ''}${view.test !== null ? `, bit under test ${view.test}` : ''}`;
    if (this.headText.data !== headText) this.headText.data = headText;

    const pages = pagesPlan(view);
    sizeSvg(this.pagesSvg, pages.height);
    setAttr(this.pages, 'aria-label', pages.label);
    setAttr(this.pagePaths.free, 'd', pages.freePath);
    setAttr(this.pagePaths.allocated, 'd', pages.allocatedPath);
    setAttr(this.pagePaths.full, 'd', pages.fullPath);
    // outline: 2px outside the cell's border box, as the focused page's outline was.
    place(this.pageFocus, pages.focus && grow(pages.focus.box, 1));
    setAttr(this.pageFocus, 'data-entry', String(pages.focus?.entry ?? ''));

    const strip = stripPlan(view);
    sizeSvg(this.stripSvg, strip.height);
    setAttr(this.strip, 'data-level', String(view.level));
    setAttr(this.strip, 'data-start', String(view.windowStart));
    setAttr(this.strip, 'data-test', String(view.test ?? ''));
    setAttr(this.strip, 'data-cursor', String(view.cursor ?? ''));
    setAttr(this.strip, 'aria-label', strip.label);
    setAttr(this.bitPaths.free, 'd', strip.freePath);
    setAttr(this.bitPaths.set, 'd', strip.setPath);
    // The bit under test: filled when set; its outline, like the cursor's, 2px across the cell's edge.
    place(this.marks.testFill, strip.test.set ? strip.test.box : null);
    this.mark(this.marks.test, 'test', strip.test, strip.test.box);
    this.mark(this.marks.cursor, 'cursor', strip.cursor, strip.cursor.box);
    // last_pid: a 3px bar along the bottom, inside the cell's border.
    const last = strip.lastPid.box;
    this.mark(this.marks.lastPid, 'last', strip.lastPid, last && { x: last.x + 1, y: last.y + last.height - 4, width: last.width - 2, height: 3 });
    setText(this.axis[0], strip.axis[0]);
    setText(this.axis[1], strip.axis[1]);
  }

  /** A mark's rect: placed, and naming the pid it marks and whether that bit is set (class "set"). */
  private mark(rect: SVGRectElement, kind: string, mark: BitMark, box: Box | null): void {
    place(rect, box);
    setAttr(rect, 'class', `mark ${kind}${mark.box && mark.set ? ' set' : ''}`);
    setAttr(rect, 'data-pid', mark.box ? String(mark.pid) : '');
  }
}
