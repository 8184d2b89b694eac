/// <reference lib="dom" />
// The parts of a run's column that every step changes: the current statement, the call stack and
// the locals. Their elements stay from step to step and a step rewrites only the texts and
// attributes that differ, so the browser restyles and lays out a few text nodes, not new rows.
import type { FrameItem, LocalItem, LocationView, RunText, ToExtension } from '../shared/debugger-protocol';
import { cCode } from './c-code';
import { el, fill, icon, setAttr, setText } from './dom';

/** Where a column's line links go: the patch editor, or in the sent column the patch as sent. */
export interface LineTarget {
  readonly post: (message: ToExtension) => void;
  readonly text?: RunText;
}

/** The line each "line N" button shows (the button stays while its line changes). */
const buttonLines = new WeakMap<HTMLButtonElement, number>();

/** A "line N" link to the patch (editor or as sent); setLine moves it to another line. */
export function lineButton(line: number, target: LineTarget, label?: string): HTMLButtonElement {
  const sent = target.text === 'sent';
  const button = el('button', { class: 'link', type: 'button', title: sent ? 'Show this line in the patch as sent' : 'Show this line in the patch editor' });
  button.addEventListener('click', () => target.post({ type: 'debugger/revealLine', line: buttonLines.get(button)!, ...(sent ? { text: 'sent' as const } : {}) }));
  setLine(button, line, label);
  return button;
}

function setLine(button: HTMLButtonElement, line: number, label = `line ${line + 1}`): void {
  buttonLines.set(button, line);
  setText(button, label);
}

/** A C text element (cCode) for `text`: the same node while the text stays, a new one when it changes. */
function keepCode<K extends 'pre' | 'code'>(node: HTMLElementTagNameMap[K] | null, tag: K, text: string, attributes: Readonly<Record<string, string>> = {}): HTMLElementTagNameMap[K] {
  if (node && node.textContent === text) return node;
  const code = cCode(tag, text, attributes);
  node?.replaceWith(code);
  return code;
}

/** The current statement: a patch line (breakpoint toggle, line link, C text, step id) or the model's code. */
export class CurrentLine {
  private patch: { toggle: HTMLButtonElement; mark: HTMLElement; where: HTMLButtonElement; code: HTMLPreElement; stepId: HTMLElement } | null = null;
  private model: { where: Text; note: HTMLElement } | null = null;
  private line = 0;
  private target: LineTarget | null = null;

  constructor(private readonly root: HTMLElement) {}

  /** `target`: the column's (its text stays while the column does; another text is another column). */
  show(location: LocationView, hasBreakpoint: boolean, target: LineTarget): void {
    this.target = target;
    this.root.dataset.line = location.kind === 'patch' ? String(location.line) : '';
    this.root.dataset.stepId = location.stepId;
    if (location.kind === 'patch') this.showPatch(location, hasBreakpoint, target);
    else this.showModel(location);
  }

  private showPatch(location: Extract<LocationView, { kind: 'patch' }>, hasBreakpoint: boolean, target: LineTarget): void {
    if (!this.patch) {
      const mark = icon('debug-breakpoint-unverified');
      const toggle = el('button', { class: 'icon-button', type: 'button' }, mark);
      toggle.addEventListener('click', () => this.target?.post({ type: 'debugger/toggleBreakpoint', line: this.line }));
      const where = lineButton(location.line, target);
      this.patch = { toggle, mark, where, code: cCode('pre', location.text.trim(), { class: 'code' }), stepId: el('span', { class: 'step-id' }) };
      this.model = null;
      fill(this.root, toggle, el('span', { class: 'where' }, where), this.patch.code, this.patch.stepId);
    }
    const p = this.patch;
    this.line = location.line;
    if (target.text === 'sent') {
      // A line of the patch as sent takes no breakpoint: they are set in the edited copy.
      p.toggle.disabled = true;
      setAttr(p.toggle, 'title', 'Breakpoints are set in the edited copy: this is a line of the patch as sent');
    } else {
      setAttr(p.toggle, 'aria-pressed', String(hasBreakpoint));
      setAttr(p.toggle, 'aria-label', `${hasBreakpoint ? 'Remove the breakpoint on' : 'Add a breakpoint on'} line ${location.line + 1}`);
      setAttr(p.toggle, 'title', hasBreakpoint ? 'Remove breakpoint' : 'Add breakpoint');
      setAttr(p.mark, 'class', `codicon codicon-${hasBreakpoint ? 'debug-breakpoint' : 'debug-breakpoint-unverified'}`);
    }
    setLine(p.where, location.line);
    p.code = keepCode(p.code, 'pre', location.text.trim(), { class: 'code' });
    setText(p.stepId, location.stepId);
  }

  /** Outside the patch: name the model's TypeScript, never invent C text. */
  private showModel(location: Extract<LocationView, { kind: 'model' }>): void {
    if (!this.model) {
      const where = document.createTextNode('');
      this.model = { where, note: el('span') };
      this.patch = null;
      fill(this.root, el('span', { class: 'where' }, icon('symbol-method'), where), this.model.note);
    }
    const text = ` model: ${location.tsFile} ${location.tsSymbol}`;
    if (this.model.where.data !== text) this.model.where.data = text;
    setText(this.model.note, `— step ${location.stepId}; ${location.description}`);
  }
}

/** A call stack row as shown, top frame first. */
export interface StackRow {
  readonly frame: FrameItem;
  readonly top: boolean;
}

interface StackRowParts {
  fn: HTMLElement;
  line: HTMLElement;
  stepId: HTMLElement;
}
const stackParts = new WeakMap<Element, StackRowParts>();

export function stackRow(row: StackRow, target: LineTarget): HTMLLIElement {
  const parts: StackRowParts = { fn: cCode('code', row.frame.fn), line: frameLine(row.frame.line, target), stepId: el('span', { class: 'step-id muted' }, row.frame.stepId) };
  const li = el('li', { class: row.top ? 'top' : '' }, parts.fn, ' ', parts.line, ' ', parts.stepId);
  stackParts.set(li, parts);
  return li;
}

function frameLine(line: number | null, target: LineTarget): HTMLElement {
  return line !== null ? lineButton(line, target) : el('span', { class: 'muted' }, '(model)');
}

/** Brings a stack row (keyed by its frame's depth) up to the frame now at that depth. */
export function updateStackRow(li: Element, row: StackRow, target: LineTarget): void {
  const parts = stackParts.get(li)!;
  setAttr(li, 'class', row.top ? 'top' : '');
  parts.fn = keepCode(parts.fn, 'code', row.frame.fn);
  const line = row.frame.line;
  if (line !== null && parts.line instanceof HTMLButtonElement) {
    setLine(parts.line, line);
  } else if (line !== null || parts.line instanceof HTMLButtonElement) {
    const next = frameLine(line, target);
    parts.line.replaceWith(next);
    parts.line = next;
  }
  setText(parts.stepId, row.frame.stepId);
}

const localValues = new WeakMap<Element, HTMLTableCellElement>();

export function localRow(local: LocalItem): HTMLTableRowElement {
  const value = el('td', { class: 'value' });
  const tr = el('tr', {}, el('td', {}, cCode('code', local.name)), el('td', { class: 'muted' }, cCode('code', local.type, { class: 'type' })), value);
  localValues.set(tr, value);
  updateLocalRow(tr, local);
  return tr;
}

/** A local's row (keyed by its name and type) shows its value now, marked when the step changed it. */
export function updateLocalRow(tr: Element, local: LocalItem): void {
  setAttr(tr, 'class', local.changed ? 'changed' : '');
  const value = localValues.get(tr)!;
  const text = value.firstChild;
  if (text instanceof Text) {
    if (text.data !== local.value) text.data = local.value;
  } else {
    value.prepend(local.value);
  }
  const note = value.querySelector('.visually-hidden');
  if (local.changed && !note) value.append(el('span', { class: 'visually-hidden' }, ' (changed)'));
  if (!local.changed) note?.remove();
}
