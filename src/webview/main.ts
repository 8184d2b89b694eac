/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The alloc_pid debugger panel's script (bundled by esbuild into dist/webview.js for the browser).
// It renders the view model the extension posts and sends the reviewer's requests back; it keeps
// its scenario and steps with setState so a hidden or reloaded panel comes back as it was.
// The toolbar's buttons are plain HTML, drawn in the first paint with no custom element (see
// media/debugger.html); the form's fields and buttons come after it (deferred-form.ts).
import {
  describeRejected, isMessageToExtension, isMessageToWebview, isPersistedState, isStepCommand, VIEW_MODES,
  type DebuggerState, type StateFields, type ToExtension, type ToWebview,
} from '../shared/debugger-protocol';
import { readEmbeddedMessage } from '../shared/debugger-embed';
import { applyMessage, type Changed } from '../shared/debugger-delta';
import { byId, el, fill, setAttr, setText } from './dom';
import { columnOf, RunPanel, type RunContext } from './run-panel';
import { DeferredForm } from './deferred-form';
import { vscodeApi } from './vscode-api';

const api = vscodeApi();

function post(message: ToExtension): void {
  // The same guard the extension applies: never send what it would drop.
  if (isMessageToExtension(message)) api.postMessage(message);
  else console.warn('kpr debugger: not sent, malformed', describeRejected(message));
}

/**
 * The form's fields (half the panel's script) load once the form is on screen after a state (open
 * for its errors, or with no run), when the reviewer opens it, or at the latest this long after
 * the start: a run folds the form, and its first paint and steps should not wait for it.
 */
const FORM_LATEST_MS = 1000;

let state: DebuggerState | null = null;
/** The number of the last message applied: a delta applies only to it. */
let seq: number | null = null;
let askedForWhole = false;
let lastScenarioShown = '';
let firstRender = true;
let runPanels: RunPanel[] = [];
const runContext = (): RunContext => ({ post, breakpoints: new Set(state?.breakpoints.filter((b) => b.enabled).map((b) => b.line) ?? []) });

const form = new DeferredForm((scenario, mode) => {
  // What comes back is what was typed: the form keeps its text (never re-rendered from the JSON).
  lastScenarioShown = JSON.stringify([scenario, mode]);
  post({ type: 'debugger/setScenario', scenario, mode });
});

function renderRuns(next: DebuggerState, changed: Changed): void {
  const container = byId('runs');
  const columns = next.runs.map(columnOf).join(',');
  let fresh = false;
  if (runPanels.map((p) => p.column).join(',') !== columns || runPanels.length !== next.runs.length) {
    const template = byId<HTMLTemplateElement>('run-template');
    runPanels = next.runs.map((_, i) => new RunPanel(template, i, runContext));
    fill(container, ...runPanels.map((p) => p.root));
    fresh = true;
  }
  next.runs.forEach((run, i) => runPanels[i].update(run, fresh || changed.all ? 'all' : changed.runs[i]));
  container.classList.toggle('side-by-side', next.runs.length > 1);
  if (next.runs.length === 0) fill(container, next.errors.length > 0 ? brokenRuleNote(next) : el('p', { class: 'muted' }, 'No run yet.'));
}

/** With no run to show, the note names the first broken rule and takes the reviewer to its field. */
function brokenRuleNote(next: DebuggerState): HTMLElement {
  const first = next.errors[0];
  const go = el('button', { class: 'link', type: 'button' }, `${first.path}: ${first.message}`);
  go.addEventListener('click', () => form.focusFirstError());
  return el('p', { class: 'muted' }, 'No run: fix the scenario to run it — ', go);
}

/** After a scenario that breaks a rule, the runs on screen are the last valid ones: say so. */
function renderKeptRun(next: DebuggerState): void {
  const note = byId('kept-run');
  const kept = next.errors.length > 0 && next.runs.length > 0;
  note.hidden = !kept;
  note.textContent = kept ? `The scenario in the form breaks ${next.errors.length === 1 ? 'a rule' : `${next.errors.length} rules`}: the run shown is still the last valid one.` : '';
}

/** The step controls work only on a run; with none, they are disabled (the note names the broken field). */
let controlsEnabled: boolean | null = null;
function renderControls(next: DebuggerState): void {
  if (controlsEnabled === next.runs.length > 0) return;
  controlsEnabled = next.runs.length > 0;
  for (const button of document.querySelectorAll<HTMLElement>('.toolbar [data-command]')) button.toggleAttribute('disabled', next.runs.length === 0);
}

/** "Baseline vs patched", or for one variant on two texts "Patched: as sent vs as edited". */
function comparisonTitle(runs: DebuggerState['runs']): string {
  const [a, b] = runs;
  if (!a || !b) return 'Comparison';
  const title = a.text && b.text && a.variant === b.variant ? `${a.variant}: as ${a.text} vs as ${b.text}` : `${columnOf(a)} vs ${columnOf(b)}`;
  return title.charAt(0).toUpperCase() + title.slice(1);
}

function renderComparison(next: DebuggerState): void {
  const section = byId('comparison');
  section.hidden = next.comparison === null;
  if (!next.comparison) return;
  byId('comparison-title').textContent = comparisonTitle(next.runs);
  byId('comparison-paths').textContent = next.comparison.pathsPart ?? 'The two runs take the same path.';
  const outcomes = next.comparison.outcomeDifferences;
  fill(byId('comparison-outcomes'), ...(outcomes.length === 0 ? [el('li', {}, 'Same outcome.')] : outcomes.map((d) => el('li', {}, d))));
}

function renderBreakpoints(next: DebuggerState): void {
  fill(byId('breakpoints'), ...(next.breakpoints.length === 0
    ? [el('li', { class: 'muted' }, 'none')]
    : next.breakpoints.map((b) => {
      const remove = el('button', { class: 'icon-button', type: 'button', 'aria-label': `Remove the breakpoint on line ${b.line + 1}`, title: 'Remove breakpoint' },
        el('span', { class: 'codicon codicon-debug-breakpoint', 'aria-hidden': 'true' }));
      remove.addEventListener('click', () => post({ type: 'debugger/toggleBreakpoint', line: b.line }));
      const go = el('button', { class: 'link', type: 'button' }, `line ${b.line + 1}`);
      go.addEventListener('click', () => post({ type: 'debugger/revealLine', line: b.line }));
      return el('li', { class: b.enabled ? '' : 'muted' }, remove, ' ', go, ' ', el('code', {}, b.text.trim()), b.enabled ? '' : ' (disabled)');
    })));
}

/** Keeps setState off the step's path: it is a message to the host too, sent once the frame is drawn. */
let persistPending = false;
function persistSoon(): void {
  if (persistPending) return;
  persistPending = true;
  requestAnimationFrame(() => setTimeout(() => {
    persistPending = false;
    if (!state) return;
    // A reload restores the runs on screen: after a scenario that broke a rule, the last valid one.
    const restore = state.runScenario ?? { scenario: state.scenario, mode: state.mode };
    api.setState({ version: 1, scenario: restore.scenario, mode: restore.mode, positions: state.runs.map((r) => r.index), documentUri: state.document?.uri ?? null });
  }, 0));
}

function render(next: DebuggerState, changed: Changed): void {
  state = next;
  const has = (...keys: (keyof StateFields)[]): boolean => changed.all || keys.some((key) => changed.fields.has(key));
  if (has('modes')) form.offerModes(next.modes ?? VIEW_MODES);
  const scenarioText = JSON.stringify([next.scenario, next.mode]);
  if (has('scenario', 'mode') && scenarioText !== lastScenarioShown) {
    form.setValues(next.scenario, next.mode);
    lastScenarioShown = scenarioText;
  }
  if (has('errors')) form.showErrors(next.errors);
  // The form folds away once a run is on screen (the views matter then); it opens for errors.
  const section = byId<HTMLDetailsElement>('scenario-section');
  if (next.errors.length > 0) section.open = true;
  else if (firstRender && next.runs.length > 0) section.open = false;
  firstRender = false;
  // A new breakpoint redraws the current line's toggle, which RunPanel keys on the breakpoints.
  renderRuns(next, changed);
  if (has('errors')) renderKeptRun(next);
  renderControls(next);
  if (has('comparison', 'mode')) renderComparison(next);
  if (has('breakpoints')) renderBreakpoints(next);
  if (has('message')) {
    const message = byId('message');
    message.hidden = next.message === null;
    message.textContent = next.message ?? '';
  }
  const status = next.runs.map((r) => `${columnOf(r)}: step ${r.index}/${r.length - 1}${r.stopReason === 'breakpoint' ? ' (breakpoint)' : r.stopReason === 'end' ? ' (ended)' : ''}`).join(' · ');
  const statusText = next.errors.length > 0 && next.runs.length === 0 ? `The scenario breaks ${next.errors.length} rule${next.errors.length === 1 ? '' : 's'}` : status;
  setText(byId('status'), statusText);
  byId('status').title = statusText;
  setAttr(document.body, 'data-ready', 'true');
  persistSoon();
  // After the frame that paints this state (a task queued from its requestAnimationFrame).
  if (section.open && !form.loadStarted) requestAnimationFrame(() => setTimeout(() => void form.load(), 0));
}

function receive(message: ToWebview): void {
  const applied = applyMessage({ seq, state }, message);
  if (!applied) {
    // A delta against a state this page does not hold (reloaded, or a message lost): ask for the
    // whole state, once; the deltas already on their way are dropped the same way meanwhile.
    if (!askedForWhole) post({ type: 'webview/ready' });
    askedForWhole = true;
    seq = null;
    return;
  }
  askedForWhole = false;
  seq = applied.seq;
  render(applied.state, applied.changed);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isMessageToWebview(event.data)) {
    console.warn('kpr debugger: dropped a malformed message', describeRejected(event.data));
    return;
  }
  receive(event.data);
});

for (const button of document.querySelectorAll<HTMLElement>('[data-command]')) {
  button.addEventListener('click', () => {
    const command = button.dataset.command;
    if (isStepCommand(command)) post({ type: 'debugger/step', command });
  });
}
byId('btn-load').addEventListener('click', () => post({ type: 'debugger/loadScenario' }));
byId('btn-save').addEventListener('click', () => {
  void form.current().then((scenario) => {
    if (scenario) post({ type: 'debugger/saveScenario', scenario });
  });
});

// F5, F10, F11 (with Shift/Alt/Ctrl) reach VS Code's keybindings, which the webview host forwards;
// the browser's own meaning (reload, full screen, menu focus) must not run inside the panel.
window.addEventListener('keydown', (event) => {
  if (event.key === 'F5' || event.key === 'F10' || event.key === 'F11') event.preventDefault();
});

// A new page paints the state its HTML carries (no round trip before the first paint) and says
// which it shows; the extension sends what changed since. A page shown again or reloaded has a
// saved state instead: its HTML's state may be older than what it showed, so it shows the saved
// scenario at once and the extension's whole state follows `webview/ready`.
const saved = api.getState();
const embedded = isPersistedState(saved) ? null : readEmbeddedMessage(document.getElementById('initial-state')?.textContent);
if (isPersistedState(saved)) {
  form.setValues(saved.scenario, saved.mode);
  lastScenarioShown = JSON.stringify([saved.scenario, saved.mode]);
}
if (embedded) receive(embedded);
post(embedded && seq !== null ? { type: 'webview/ready', seq } : { type: 'webview/ready' });
// The reviewer opening the form (or an error opening it) loads its fields at once.
byId<HTMLDetailsElement>('scenario-section').addEventListener('toggle', (event) => {
  if ((event.target as HTMLDetailsElement).open) void form.load();
});
setTimeout(() => void form.load(), FORM_LATEST_MS);
