// The alloc_pid panel's layout as a keyboard-first reviewer meets it: at 1400×900 and in a narrow
// (~480 px) editor group, no box of the run view cuts its content off, the toolbar stays one row,
// C wraps only between tokens, "both" is two labelled columns told apart in the editor too, and
// the scenario form keeps what was typed beside its error.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import type { UiTest } from './ui-test';
import type { Workbench } from './workbench';
import { openSampleAndDebug, SAMPLE_TAB } from './debugger-panel';

/** 1000×700 with the side bar closed leaves each of the two editor groups ~476 px: a side-panel width. */
const NARROW = { width: 1000, height: 700 };

async function stepId(frame: Frame): Promise<string> {
  return (await frame.locator('.run .current-line').first().getAttribute('data-step-id')) ?? '';
}

/** Presses a key in the patch editor and waits until the panel shows another step. */
async function press(workbench: Workbench, frame: Frame, key: string): Promise<void> {
  const before = `${await stepId(frame)}|${await frame.locator('#status').textContent()}`;
  await workbench.page.keyboard.press(key);
  const end = Date.now() + 10_000;
  while (`${await stepId(frame)}|${await frame.locator('#status').textContent()}` === before) {
    if (Date.now() > end) throw new Error(`${key} did not move the debugger (${before})`);
    await workbench.page.waitForTimeout(50);
  }
}

async function focusPatchEditor(workbench: Workbench): Promise<void> {
  await workbench.tab(SAMPLE_TAB).click();
  await workbench.page.locator('.editor-instance .monaco-editor textarea').first().focus();
}

/**
 * Every box of the panel whose content is wider than the box and whose full text is not reachable
 * otherwise (title or aria-label): each entry names the box, its widths and the start of its text.
 */
async function clippedBoxes(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const selectors = [
      '.toolbar', '#scenario-form', '.level-row', '#comparison', '#kept-run', '.run', '.run-head', '.timeline', '.panel-block',
      '.current-line', '.current-line .code', '.stack li', '.locals td', '.bitmap', '.struct-pid', '.heap td', '.faults li',
      '.events li', '.outcome li', '#breakpoints li',
    ];
    const clipped: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) clipped.push(`the page: scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}`);
    for (const selector of selectors) {
      for (const box of document.querySelectorAll<HTMLElement>(selector)) {
        if (box.closest('[hidden]') || box.getClientRects().length === 0) continue;
        const right = box.getBoundingClientRect().right;
        const text = (box.textContent ?? '').replace(/\s+/g, ' ').trim();
        const reachable = text !== '' && [box.title, box.getAttribute('aria-label') ?? ''].some((t) => t.includes(text));
        if ((box.scrollWidth > box.clientWidth + 1 || right > root.clientWidth + 1) && !reachable) {
          clipped.push(`${selector}: scrollWidth ${box.scrollWidth} > clientWidth ${box.clientWidth} (right ${Math.round(right)} of ${root.clientWidth}): ${text.slice(0, 60)}`);
        }
      }
    }
    return clipped;
  });
}

/** The toolbar's buttons: whether they sit in one row inside the toolbar, and whether their labels show. */
async function toolbarShape(frame: Frame): Promise<{ rows: number; inside: boolean; labelsShown: boolean }> {
  return frame.evaluate(() => {
    const toolbar = document.querySelector<HTMLElement>('.toolbar')!.getBoundingClientRect();
    const buttons = [...document.querySelectorAll<HTMLElement>('.toolbar [data-command]')].map((b) => b.getBoundingClientRect());
    const labels = [...document.querySelectorAll<HTMLElement>('.toolbar [data-command] .label')];
    return {
      rows: new Set(buttons.map((b) => Math.round(b.top))).size,
      inside: buttons.every((b) => b.left >= toolbar.left - 1 && b.right <= toolbar.right + 1 && b.bottom <= toolbar.bottom + 1),
      labelsShown: labels.some((l) => l.getClientRects().length > 0),
    };
  });
}

/** C tokens of the current statement (and faults) that the panel broke across lines: none is right. */
async function brokenTokens(frame: Frame): Promise<string[]> {
  return frame.locator('.c-line .tok').evaluateAll((tokens) => tokens.filter((t) => t.getClientRects().length > 1).map((t) => t.textContent ?? ''));
}

/** Steps in (F11) until the current statement is one whose step id starts with `prefix`. */
async function stepInUntil(workbench: Workbench, frame: Frame, prefix: string): Promise<void> {
  for (let i = 0; i < 120 && !(await stepId(frame)).startsWith(prefix); i++) await press(workbench, frame, 'F11');
  assert.ok((await stepId(frame)).startsWith(prefix), `never reached ${prefix}`);
}

async function shot(workbench: Workbench, path: string): Promise<void> {
  await workbench.runCommand('Notifications: Clear All Notifications');
  await workbench.screenshot(path);
}

/** Picks a variant in the form and runs it. */
async function runVariant(frame: Frame, label: string): Promise<void> {
  await frame.locator('#f-mode').click();
  await frame.locator('vscode-single-select#f-mode li', { hasText: label }).click();
  await frame.locator('#btn-run').click();
}

/** The editor's whole-line highlights: their background colours, by the text of the line they sit on. */
async function editorHighlights(workbench: Workbench): Promise<{ line: string; colour: string; label: string }[]> {
  return workbench.page.evaluate(() => {
    const lines = [...document.querySelectorAll<HTMLElement>('.editor-instance .monaco-editor .view-lines .view-line')];
    return [...document.querySelectorAll<HTMLElement>('.editor-instance .monaco-editor .view-overlays .cdr')].flatMap((d) => {
      const box = d.getBoundingClientRect();
      const colour = getComputedStyle(d).backgroundColor;
      if (box.width < 200 || colour === 'rgba(0, 0, 0, 0)' || colour === 'transparent') return [];
      const line = lines.find((l) => Math.abs(l.getBoundingClientRect().top - box.top) < 2);
      if (!line) return [];
      // The end-of-line label is an ::after decoration on a span of the line.
      const label = [...line.querySelectorAll('span')].map((s) => getComputedStyle(s, '::after').content).find((c) => /baseline|patched/.test(c)) ?? '';
      return [{ line: (line.textContent ?? '').replace(/\u00a0/g, ' ').trim(), colour, label }];
    });
  });
}

async function checkRunView(frame: Frame, where: string): Promise<void> {
  assert.deepEqual(await clippedBoxes(frame), [], `clipped boxes ${where}`);
  assert.deepEqual(await brokenTokens(frame), [], `C tokens broken mid-token ${where}`);
}

export const tests: UiTest[] = [
  {
    name: 'debugger layout: at 1400×900 nothing in the run view is cut off, the toolbar is one row, C wraps between tokens, the empty log and "no fault so far" read as such',
    async run({ workbench, outDir }) {
      const frame = await openSampleAndDebug(workbench, 299);
      await focusPatchEditor(workbench);
      // Step 0: nothing has happened yet.
      await frame.locator('.events-empty', { hasText: 'nothing yet' }).waitFor({ state: 'visible' });
      const colours = await frame.evaluate(() => {
        const noFault = document.querySelector<HTMLElement>('.faults li.no-faults')!;
        const probe = document.createElement('span');
        probe.style.color = 'var(--vscode-errorForeground)';
        document.body.append(probe);
        const error = getComputedStyle(probe).color;
        probe.remove();
        return { noFault: getComputedStyle(noFault).color, error };
      });
      assert.notEqual(colours.noFault, colours.error, '"no fault so far" must not be in the error colour');
      assert.deepEqual(await toolbarShape(frame), { rows: 1, inside: true, labelsShown: false });
      await checkRunView(frame, 'at step 0');
      assert.match((await frame.locator('.run-keys').first().textContent()) ?? '', /next_syscall_data 299.*depth 0.*pid_max 32768/);

      await stepInUntil(workbench, frame, 'alloc_pid/');
      for (let i = 0; i < 4; i++) await press(workbench, frame, 'F11');
      await checkRunView(frame, 'inside alloc_pid');
      await press(workbench, frame, 'F5'); // to the end: heap, faults and a full event log
      await frame.locator('.faults li.fault').first().waitFor();
      await checkRunView(frame, 'at the end of the run');
      await frame.locator('.run .panel-block[aria-label="Heap"]').first().scrollIntoViewIfNeeded();
      await shot(workbench, join(outDir, 'debugger-layout-1400.png'));
    },
  },
  {
    name: 'debugger layout: in a ~480 px panel the toolbar is one row of icons and no value or control is cut off',
    async run({ workbench, outDir }) {
      await workbench.page.setViewportSize(NARROW);
      const frame = await openSampleAndDebug(workbench, 299);
      const width = await frame.evaluate(() => document.documentElement.clientWidth);
      assert.ok(width < 520, `the panel is ${width} px wide, meant to be narrow`);
      await focusPatchEditor(workbench);
      assert.deepEqual(await toolbarShape(frame), { rows: 1, inside: true, labelsShown: false });
      assert.equal(await frame.locator('#btn-stepOver').getAttribute('title'), 'Step Over (F10)');
      await stepInUntil(workbench, frame, 'alloc_pid/');
      for (let i = 0; i < 4; i++) await press(workbench, frame, 'F11');
      await checkRunView(frame, 'at ~480 px inside alloc_pid');
      await frame.locator('.run .current-line').first().scrollIntoViewIfNeeded();
      await shot(workbench, join(outDir, 'debugger-layout-narrow.png'));

      await press(workbench, frame, 'F5');
      await frame.locator('.faults li.fault').first().waitFor();
      await checkRunView(frame, 'at ~480 px at the end');

      // The form and "both" (stacked at this width) fit too.
      await frame.locator('#scenario-section > summary').click();
      await runVariant(frame, 'both, side by side');
      await frame.locator('.run[data-variant="baseline"]').waitFor({ timeout: 10_000 });
      await checkRunView(frame, 'at ~480 px, both variants');
      const [a, b] = await frame.locator('.run').evaluateAll((runs) => runs.map((r) => r.getBoundingClientRect().left));
      assert.equal(Math.round(a), Math.round(b), 'at this width the two runs stack');
      await frame.locator('#scenario-section > summary').scrollIntoViewIfNeeded();
      await shot(workbench, join(outDir, 'debugger-layout-narrow-form.png'));
    },
  },
  {
    name: 'debugger layout: "both, side by side" is two labelled columns, and the editor tells baseline\'s current line from patched\'s',
    async run({ workbench, outDir }) {
      const frame = await openSampleAndDebug(workbench, 299);
      await frame.locator('#scenario-section > summary').click();
      await runVariant(frame, 'both, side by side');
      await frame.locator('.run[data-variant="baseline"]').waitFor({ timeout: 10_000 });
      await frame.locator('#scenario-section > summary').click(); // fold the form: the runs matter now
      const columns = await frame.locator('.run').evaluateAll((runs) => runs.map((r) => ({
        variant: r.getAttribute('data-variant') ?? '', left: Math.round(r.getBoundingClientRect().left), top: Math.round(r.getBoundingClientRect().top),
        title: r.querySelector('.run-title')?.textContent ?? '', keys: r.querySelector('.run-keys')?.textContent ?? '',
      })));
      assert.deepEqual(columns.map((c) => c.variant), ['baseline', 'patched']);
      assert.equal(columns[0].top, columns[1].top, 'the two runs start on the same row');
      assert.ok(columns[0].left < columns[1].left, 'baseline on the left, patched on the right');
      for (const c of columns) {
        assert.ok(c.title.startsWith(c.variant), `column labelled ${c.variant}: ${c.title}`);
        assert.match(c.keys, /next_syscall_data 299/);
      }

      // Step until the two runs stand on different patch lines (they part at the fork's first difference).
      await focusPatchEditor(workbench);
      const lines = async (): Promise<(string | null)[]> => frame.locator('.run .current-line').evaluateAll((c) => c.map((e) => e.getAttribute('data-line') || null));
      for (let i = 0; i < 80; i++) {
        const [base, patched] = await lines();
        if (base !== null && patched !== null && base !== patched) break;
        await press(workbench, frame, 'F11');
      }
      const [base, patched] = await lines();
      assert.ok(base !== null && patched !== null && base !== patched, `the runs never stood on two patch lines (${base}, ${patched})`);
      await checkRunView(frame, 'side by side at 1400×900');
      let highlights: Awaited<ReturnType<typeof editorHighlights>> = [];
      for (let i = 0; i < 40 && highlights.length < 2; i++) {
        highlights = await editorHighlights(workbench);
        if (highlights.length < 2) await workbench.page.waitForTimeout(100);
      }
      assert.equal(highlights.length, 2, `two highlighted lines in the editor: ${JSON.stringify(highlights)}`);
      assert.notEqual(highlights[0].colour, highlights[1].colour, 'baseline and patched highlighted in two colours');
      assert.deepEqual(highlights.map((h) => /baseline/.test(h.label) ? 'baseline' : /patched/.test(h.label) ? 'patched' : '').sort(), ['baseline', 'patched']);
      await frame.locator('.run .current-line').first().scrollIntoViewIfNeeded();
      await shot(workbench, join(outDir, 'debugger-layout-both.png'));
    },
  },
  {
    name: 'debugger layout: the form keeps what was typed beside its error, acts on no failed value, and the last valid run stays',
    async run({ workbench, outDir }) {
      const frame = await openSampleAndDebug(workbench, 299);
      await frame.locator('#scenario-section > summary').click();
      // Level 0's pid map is there from the start, with no depth typed (the form's fields load
      // when it is opened, so its rows are waited for, then counted).
      await frame.locator('#levels .level-row').first().waitFor({ timeout: 10_000 });
      assert.equal(await frame.locator('#levels .level-row').count(), 1);
      await frame.locator('#f-level-0-last input').waitFor({ state: 'visible' });

      const pidMax = frame.locator('#f-pid_max input');
      await pidMax.fill('abc');
      await frame.locator('#btn-run').click();
      await frame.locator('#e-pid_max', { hasText: 'pid_max' }).waitFor({ timeout: 10_000 });
      assert.equal(await pidMax.inputValue(), 'abc', 'the text stays as typed, no quotes');
      assert.equal(await frame.locator('.run').count(), 1, 'the last valid run stays');
      await frame.locator('#kept-run', { hasText: 'last valid' }).waitFor({ state: 'visible' });
      assert.match((await frame.locator('.run-keys').textContent()) ?? '', /next_syscall_data 299/);
      assert.equal(await frame.locator('#btn-stepIn').getAttribute('disabled'), null, 'the kept run can still be stepped');

      const depth = frame.locator('#f-depth input');
      await depth.fill('40');
      await depth.press('Tab'); // a change event, as leaving the field gives
      await frame.locator('#btn-run').click();
      await frame.locator('#e-depth', { hasText: 'depth' }).waitFor({ timeout: 10_000 });
      assert.equal(await depth.inputValue(), '40');
      assert.equal(await pidMax.inputValue(), 'abc');
      assert.equal(await frame.locator('#levels .level-row').count(), 1, 'a depth that breaks its rule adds no level rows');
      await frame.locator('#scenario-form').scrollIntoViewIfNeeded();
      await shot(workbench, join(outDir, 'debugger-layout-form-errors.png'));

      // The step keys still move the kept run.
      await focusPatchEditor(workbench);
      await press(workbench, frame, 'F11');
      assert.match((await frame.locator('#status').textContent()) ?? '', /patched: step 1\//);
    },
  },
];
