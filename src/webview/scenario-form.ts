// The scenario form in the DOM: fills the fields from a scenario, reads them back, and shows each
// broken rule beside its field (aria-invalid + the message, announced as an alert).
import type { ScenarioErrorItem, ScenarioJson, ViewMode } from '../shared/debugger-protocol';
import { isViewMode } from '../shared/debugger-protocol';
import { byId, el, fill } from './dom';
import { fieldOfError, fieldsFromScenario, scenarioFromFields, type FieldError, type LevelFields } from './scenario-fields';

/**
 * A vscode-textfield / vscode-single-select: both expose `value`, and `label`, the inner control's
 * aria-label. The textfield reads `label` only as a property (no attribute), and a `<label for>`
 * does not reach its inner input, so the property is what gives screen readers the field's name.
 */
interface ValueElement extends HTMLElement {
  value: string;
  label: string;
}

/** An entry of vscode-single-select's `options`. */
interface SelectOption {
  readonly label: string;
  readonly value: string;
  readonly description: string;
  readonly selected: boolean;
  readonly disabled: boolean;
}

const STATIC_FIELDS = ['next', 'mode', 'depth', 'pid_max', 'fail-kmem', 'fail-kzalloc', 'ops', 'other'] as const;

function field(id: string): ValueElement {
  return byId<ValueElement>(`f-${id}`);
}

function textfield(id: string, label: string, value: string): ValueElement {
  const element = document.createElement('vscode-textfield') as ValueElement;
  element.id = `f-${id}`;
  element.label = label;
  element.setAttribute('aria-describedby', `e-${id}`);
  element.value = value;
  return element;
}

/**
 * vscode-single-select takes its options' labels from their innerText, which is empty while the
 * form is folded (a closed <details> is not rendered), and the form's elements are defined after
 * the first paint, mostly folded: the labels are set again from the options' text.
 */
function labelModeOptions(): void {
  const select = field('mode') as ValueElement & { options: SelectOption[] };
  const labels = new Map([...select.querySelectorAll('vscode-option')].map((option) => [option.getAttribute('value'), (option.textContent ?? '').trim()]));
  if (select.options.every((option) => option.label === labels.get(option.value))) return;
  select.options = select.options.map((option) => ({ ...option, label: labels.get(option.value) ?? option.label }));
}

export class ScenarioForm {
  private levelCount = 0;

  constructor(private readonly onSubmit: (scenario: ScenarioJson, mode: ViewMode) => void) {
    for (const [id, label] of [['next', 'next_syscall_data'], ['depth', 'namespace depth'], ['pid_max', 'pid_max'], ['fail-kmem', 'kmem_cache_alloc calls that fail'], ['fail-kzalloc', 'kzalloc calls that fail'], ['ops', 'ops after set_next, as JSON'], ['mode', 'variant']]) {
      field(id).label = label;
    }
    labelModeOptions();
    byId('f-depth').addEventListener('change', () => this.syncLevels());
    // Level 0's pid map is part of every scenario: its row is there before any state arrives.
    this.renderLevels([{ lastPid: '', used: '' }]);
    byId('scenario-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    byId('btn-run').addEventListener('click', () => this.submit());
    // Enter in a field runs the scenario, as a form would.
    byId('scenario-form').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && (event.target as Element | null)?.tagName === 'VSCODE-TEXTFIELD') {
        event.preventDefault();
        this.submit();
      }
    });
  }

  /** Opens the form and focuses the first field that breaks a rule. */
  focusFirstError(): void {
    byId<HTMLDetailsElement>('scenario-section').open = true;
    document.querySelector<HTMLElement>('#scenario-form [aria-invalid="true"]')?.focus();
  }

  /**
   * Offers only `modes` in the variant selector (the sent/edited modes on an edited copy alone):
   * the others stay listed, disabled, saying what they need. Through the select's `options`, not
   * its <vscode-option> children: a changed child makes it re-read every label from innerText,
   * which is empty while the list is closed, and the list came out blank.
   */
  offerModes(modes: readonly ViewMode[]): void {
    const select = field('mode') as ValueElement & { options: SelectOption[]; requestUpdate?: () => void };
    const options = select.options;
    const next = options.map((option) => {
      const offered = modes.includes(option.value as ViewMode);
      return { ...option, disabled: !offered, description: offered ? '' : 'needs an edited copy (Try a Change…)' };
    });
    if (next.every((option, i) => option.disabled === options[i].disabled)) return;
    const value = select.value;
    select.options = next;
    select.value = value;
    select.requestUpdate?.();
  }

  get mode(): ViewMode {
    const value = field('mode').value;
    return isViewMode(value) ? value : 'patched';
  }

  setValues(scenario: ScenarioJson, mode: ViewMode): void {
    const fields = fieldsFromScenario(scenario);
    field('next').value = fields.next;
    field('mode').value = mode;
    field('depth').value = fields.depth;
    field('pid_max').value = fields.pidMax;
    field('fail-kmem').value = fields.failKmem;
    field('fail-kzalloc').value = fields.failKzalloc;
    field('ops').value = fields.ops;
    this.renderLevels(fields.levels.length > 0 ? fields.levels : [{ lastPid: '', used: '' }]);
  }

  showErrors(errors: readonly ScenarioErrorItem[]): void {
    const hasNext = field('next').value.trim() !== '';
    this.show(errors.map((e) => fieldOfError(e.path, e.message, hasNext)));
  }

  private show(errors: readonly FieldError[]): void {
    const ids = [...STATIC_FIELDS, ...Array.from({ length: this.levelCount }, (_, l) => [`level-${l}-last`, `level-${l}-used`]).flat()];
    for (const id of ids) {
      const messages = errors.filter((e) => e.field === id).map((e) => e.message);
      const slot = document.getElementById(`e-${id}`);
      if (slot) slot.textContent = messages.join('\n');
      const input = document.getElementById(`f-${id}`);
      if (input) {
        input.toggleAttribute('invalid', messages.length > 0);
        input.setAttribute('aria-invalid', String(messages.length > 0));
      }
    }
  }

  private levels(): LevelFields[] {
    return Array.from({ length: this.levelCount }, (_, level) => ({ lastPid: field(`level-${level}-last`).value, used: field(`level-${level}-used`).value }));
  }

  /** Keeps one row per level 0..depth, carrying over what was typed. */
  private syncLevels(): void {
    const depth = Number(field('depth').value.trim() || '0');
    if (!Number.isInteger(depth) || depth < 0 || depth > 31) return; // the validator will name the rule
    const levels = this.levels();
    while (levels.length < depth + 1) levels.push({ lastPid: '', used: '' });
    let lastTyped = -1;
    levels.forEach((l, i) => {
      if (l.lastPid !== '' || l.used !== '') lastTyped = i;
    });
    this.renderLevels(levels.slice(0, Math.max(depth + 1, lastTyped + 1)));
  }

  private renderLevels(levels: readonly LevelFields[]): void {
    this.levelCount = levels.length;
    const rows = levels.map((level, l) => el('div', { class: 'level-row', role: 'group', 'aria-label': `level ${l}` },
      el('span', {}, `level ${l}`),
      el('div', { class: 'field' }, el('label', { for: `f-level-${l}-last` }, 'last_pid'), textfield(`level-${l}-last`, `level ${l} last_pid`, level.lastPid), el('span', { class: 'error', id: `e-level-${l}-last`, role: 'alert' })),
      el('div', { class: 'field' }, el('label', { for: `f-level-${l}-used` }, 'used'), textfield(`level-${l}-used`, `level ${l} used pids`, level.used), el('span', { class: 'error', id: `e-level-${l}-used`, role: 'alert' }))));
    const group = byId('levels');
    fill(group, byId('levels-title'), ...rows);
  }

  private submit(): void {
    const mode = this.mode;
    const result = scenarioFromFields({
      next: field('next').value, depth: field('depth').value, pidMax: field('pid_max').value, levels: this.levels(),
      failKmem: field('fail-kmem').value, failKzalloc: field('fail-kzalloc').value, ops: field('ops').value,
    }, mode);
    if (!result.ok) {
      this.show(result.errors);
      return;
    }
    this.show([]);
    this.onSubmit(result.scenario, mode);
  }

  /** The scenario as typed (for Save), or null when the ops are not JSON. */
  current(): ScenarioJson | null {
    const result = scenarioFromFields({
      next: field('next').value, depth: field('depth').value, pidMax: field('pid_max').value, levels: this.levels(),
      failKmem: field('fail-kmem').value, failKzalloc: field('fail-kzalloc').value, ops: field('ops').value,
    }, this.mode);
    if (!result.ok) this.show(result.errors);
    return result.ok ? result.scenario : null;
  }
}
