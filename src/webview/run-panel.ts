// One run's column in the panel (two in side-by-side mode): timeline, current statement, stack,
// locals, pid bitmaps, struct pid, heap, faults, event log and outcome. The element stays while
// the run does, and only the sections a message changed are redrawn, rows kept where they still
// show the same thing, so the slider keeps focus while stepping and a step costs little to draw.
import type { RunScenarioKeys, RunText, RunView, ToExtension } from '../shared/debugger-protocol';
import { cCode } from './c-code';
import { el, fill, icon, setAttr, setText, syncChildren, within } from './dom';
import { BitmapPanel } from './bitmap';
import { CurrentLine, lineButton, localRow, stackRow, updateLocalRow, updateStackRow, type StackRow } from './run-rows';

export interface RunContext {
  readonly post: (message: ToExtension) => void;
  /** Document lines that have a breakpoint. */
  readonly breakpoints: ReadonlySet<number>;
  /**
   * The text the column runs in the sent/edited modes. The sent column's lines are the lines of
   * the patch as sent, not of the document: they are shown in the original, and take no breakpoint.
   */
  readonly text?: RunText;
}

/** The header line that tells this run's scenario from another's: next_syscall_data, depth, pid_max, injected failures. */
function scenarioKeyNodes(keys: RunScenarioKeys | undefined): Node[] {
  if (!keys) return [];
  const key = (name: string, value: string): HTMLElement => el('span', { class: 'key' }, `${name} `, el('code', {}, value));
  const keyNodes = [
    key('next_syscall_data', keys.nextSyscallData === null ? 'none' : String(keys.nextSyscallData)),
    key('depth', String(keys.depth)),
    key('pid_max', String(keys.pidMax)),
    ...(keys.failing.length > 0 ? [key('failing', keys.failing.join(', '))] : []),
  ];
  // A space between keys is where a narrow header wraps.
  return keyNodes.flatMap((node, i) => (i === 0 ? [node] : [document.createTextNode(' '), node]));
}

/** Which of a run's fields a message replaced: all of them for a new column or a whole state. */
export type RunChanges = ReadonlySet<keyof RunView> | 'all';

export class RunPanel {
  readonly root: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly sliderValue: HTMLOutputElement;
  private readonly bitmapBox: HTMLElement;
  private readonly events: HTMLElement;
  private readonly stack: HTMLElement;
  private readonly locals: HTMLElement;
  private readonly currentLine: CurrentLine;
  private bitmaps: BitmapPanel[] = [];
  private view: RunView | null = null;
  /** What the current line and the outcome were drawn from (they depend on more than their field). */
  private locationKey = '';
  private outcomeKey = '';

  constructor(template: HTMLTemplateElement, private readonly runIndex: number, private readonly ctx: () => RunContext) {
    const fragment = template.content.cloneNode(true) as DocumentFragment;
    this.root = within<HTMLElement>(fragment, '.run');
    this.slider = within<HTMLInputElement>(this.root, '.timeline-slider');
    this.sliderValue = within<HTMLOutputElement>(this.root, '.timeline-value');
    this.bitmapBox = within(this.root, '.bitmaps');
    this.events = within(this.root, '.events');
    this.stack = within(this.root, '.stack');
    this.locals = within(this.root, '.locals tbody');
    this.currentLine = new CurrentLine(within(this.root, '.current-line'));
    this.slider.id = `timeline-${runIndex}`;
    within(this.root, '.timeline-label').setAttribute('for', this.slider.id);
    this.slider.addEventListener('input', () => {
      this.sliderValue.textContent = this.slider.value;
    });
    this.slider.addEventListener('change', () => {
      const index = Number(this.slider.value);
      if (Number.isSafeInteger(index) && index >= 0) this.ctx().post({ type: 'debugger/goTo', run: this.runIndex, index });
    });
  }

  get variant(): string | null {
    return this.view?.variant ?? null;
  }

  /** What the column shows: its variant, and in the sent/edited modes its text (the panel rebuilds when that changes). */
  get column(): string | null {
    return this.view ? columnOf(this.view) : null;
  }

  /**
   * Draws the sections whose fields changed and leaves the rest as they are (a step changes the
   * index, the location and the stack; the heap, faults and outcome mostly stay). Only writes:
   * nothing here reads layout, so the browser lays the panel out once, for the frame.
   */
  update(view: RunView, changes: RunChanges = 'all'): void {
    this.view = view;
    const ctx: RunContext = { ...this.ctx(), ...(view.text ? { text: view.text } : {}) };
    const has = (...keys: (keyof RunView)[]): boolean => changes === 'all' || keys.some((key) => changes.has(key));
    if (has('variant', 'index', 'length', 'truncated')) {
      // Unchanged on a step: rewriting them anyway restyled everything `[data-variant]` selects in the column.
      setAttr(this.root, 'aria-label', `${columnOf(view)} run`);
      setAttr(this.root, 'data-variant', view.variant);
      if (view.text) setAttr(this.root, 'data-text', view.text);
      const title = within(this.root, '.run-title');
      if (!title.firstChild) fill(title, document.createTextNode(''), el('span', { class: 'muted' }));
      title.firstChild!.textContent = `${columnOf(view)} `;
      setText(within(title, '.muted'), `— step ${view.index} of ${view.length - 1}${view.truncated ? ' (recording capped; the last step is the final state)' : ''}`);
      const max = String(Math.max(0, view.length - 1));
      if (this.slider.max !== max) this.slider.max = max;
      if (this.slider.value !== String(view.index)) this.slider.value = String(view.index);
      setAttr(this.slider, 'aria-valuetext', `step ${view.index} of ${view.length - 1}`);
      setAttr(this.slider, 'aria-label', `${columnOf(view)} timeline`);
      setText(this.sliderValue, String(view.index));
    }
    if (has('scenarioKeys')) fill(within(this.root, '.run-keys'), ...scenarioKeyNodes(view.scenarioKeys));

    // The breakpoint toggle on the current line depends on the breakpoints as well as the location.
    const locationKey = JSON.stringify([view.location, view.location.kind === 'patch' && ctx.breakpoints.has(view.location.line)]);
    if (locationKey !== this.locationKey) {
      this.locationKey = locationKey;
      this.currentLine.show(view.location, view.location.kind === 'patch' && ctx.breakpoints.has(view.location.line), ctx);
    }

    if (has('stack')) {
      // Rows keyed by depth (outermost 0) and locals by name: a step rewrites the texts that moved.
      const rows: (StackRow & { depth: number })[] = view.stack.map((frame, depth) => ({ frame, depth, top: depth === view.stack.length - 1 })).reverse();
      syncChildren(this.stack, rows, (row) => String(row.depth), (row) => stackRow(row, ctx), (li, row) => updateStackRow(li, row, ctx));
      syncChildren(this.locals, view.stack[view.stack.length - 1]?.locals ?? [], (local) => `${local.name}\u0000${local.type}`, localRow, updateLocalRow);
    }

    if (has('bitmaps')) this.renderBitmaps(view);
    if (has('structPid')) this.renderStructPid(view);
    if (has('heap')) {
      syncChildren(within(this.root, '.heap tbody'), view.heap.length === 0 ? [null] : view.heap, (h) => JSON.stringify(h), (h) => (h === null
        ? el('tr', {}, el('td', { colspan: 4, class: 'muted' }, 'nothing allocated yet'))
        : el('tr', { class: h.state === 'freed' ? 'freed' : h.state === 'not an object' ? 'err' : '' },
          el('td', { class: 'value' }, h.address), el('td', {}, h.type), el('td', {}, h.state), el('td', {}, h.detail))));
    }

    if (has('faults')) {
      syncChildren(within(this.root, '.faults'), view.faults.length === 0 ? [null] : view.faults, (f) => JSON.stringify(f), (f) => (f === null
        ? el('li', { class: 'no-faults' }, 'no fault so far')
        : el('li', { class: 'fault', 'data-kind': f.kind, 'data-line': f.line ?? '' },
          icon('error'), ' ', el('strong', {}, f.kind), ` (fork ${f.fork}) at `,
          f.line !== null ? lineButton(f.line, ctx) : 'the model', ': ', cCode('code', f.where), ` — ${f.detail}`)));
    }

    if (has('events')) this.renderEvents(view);
    const reached = view.index === view.length - 1;
    const outcomeKey = JSON.stringify([reached, view.length]);
    if (has('outcome') || outcomeKey !== this.outcomeKey) {
      this.outcomeKey = outcomeKey;
      this.renderOutcome(view);
    }
  }

  private renderBitmaps(view: RunView): void {
    if (this.bitmaps.length !== view.bitmaps.length || view.bitmaps.some((b, i) => !this.bitmaps[i].fits(b))) {
      this.bitmaps = view.bitmaps.map((b) => new BitmapPanel(b));
      fill(this.bitmapBox, ...this.bitmaps.map((b) => b.root));
      return;
    }
    view.bitmaps.forEach((b, i) => this.bitmaps[i].update(b));
  }

  private renderEvents(view: RunView): void {
    this.events.hidden = view.events.length === 0;
    syncChildren(this.events, view.events, (e) => `${e.index}\u0000${e.text}`, (e) => el('li', { value: e.index }, e.text));
    // The newest event stays in view by CSS alone (.events-scroll): nothing here reads the layout.
    within(this.root, '.events-empty').hidden = view.events.length > 0;
  }

  private renderStructPid(view: RunView): void {
    const box = within(this.root, '.struct-pid');
    const pid = view.structPid;
    if (!pid) {
      fill(box, el('span', { class: 'muted' }, 'no struct pid in alloc_pid now'));
      return;
    }
    if (pid.state === 'error pointer') {
      fill(box, el('span', { class: 'err' }, icon('error'), ` pid = ${pid.address} (an error pointer, not an object)`));
      return;
    }
    fill(box, el('div', {}, el('code', {}, pid.address), ` (${pid.state})`),
      el('div', { class: 'numbers', role: 'list', 'aria-label': 'numbers[] by level' },
        ...pid.numbers.map((nr, level) => el('span', { class: 'number', role: 'listitem' }, `numbers[${level}].nr = ${nr ?? '?'}`))));
  }

  private renderOutcome(view: RunView): void {
    const o = view.outcome;
    const reached = view.index === view.length - 1;
    fill(within(this.root, '.outcome'),
      el('p', { class: 'muted' }, reached ? 'Reached: the run has ended.' : `Recorded in advance; reached at step ${view.length - 1}.`),
      el('ul', {},
        ...o.forks.map((f) => el('li', {}, f)),
        o.forkCount > o.forks.length ? el('li', { class: 'muted' }, `… ${o.forkCount} forks in all`) : null,
        el('li', {}, `faults: ${o.faultCount === 0 ? 'none' : o.faults.join(', ')}${o.faultCount > o.faults.length ? ` … (${o.faultCount})` : ''}`),
        el('li', {}, `next_syscall_data at the end: ${o.nextSyscallData ?? 'unset'}`),
        ...o.final.map((line) => el('li', {}, line))));
  }
}

/** A run's name in the panel: "patched", or "patched as sent" / "patched as edited". */
export function columnOf(view: Pick<RunView, 'variant' | 'text'>): string {
  return view.text ? `${view.variant} as ${view.text}` : view.variant;
}
