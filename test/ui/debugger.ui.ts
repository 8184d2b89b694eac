import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import type { UiTest } from './ui-test';
import { STATE_TIMEOUT, type Workbench } from './workbench';
import { debuggerFrame, openSampleAndDebug, SAMPLE_TAB } from './debugger-panel';

async function stepId(frame: Frame): Promise<string> {
  return (await frame.locator('.run .current-line').first().getAttribute('data-step-id')) ?? '';
}

async function stepIndex(frame: Frame): Promise<number> {
  const text = (await frame.locator('#status').textContent()) ?? '';
  const m = /step (\d+)\//.exec(text);
  if (!m) throw new Error(`no step in the status: ${text}`);
  return Number(m[1]);
}

/** Presses a key and waits until the panel shows another step. */
async function pressAndWait(workbench: Workbench, frame: Frame, key: string): Promise<void> {
  const before = await stepIndex(frame);
  await workbench.page.keyboard.press(key);
  const end = Date.now() + STATE_TIMEOUT;
  while ((await stepIndex(frame)) === before) {
    if (Date.now() > end) throw new Error(`${key} did not move the debugger from step ${before}`);
    await workbench.page.waitForTimeout(50);
  }
}

/** Whether the panel lists exactly these faults, as `kind@line`. */
async function showsFaults(frame: Frame, expected: readonly string[]): Promise<boolean> {
  const kinds = await frame.locator('.faults li.fault').evaluateAll((items) => items.map((i) => `${i.getAttribute('data-kind')}@${i.getAttribute('data-line')}`)).catch(() => []);
  return kinds.join(' ') === expected.join(' ') && frame.locator('.faults li.fault').first().isVisible();
}

/** Focuses the patch editor (the panel opens without taking focus, but a click may have moved it). */
async function focusPatchEditor(workbench: Workbench): Promise<void> {
  await workbench.tab(SAMPLE_TAB).click();
  await workbench.page.locator('.editor-instance .monaco-editor textarea').first().focus();
}

/** Whether the patch editor draws a whole-line highlight (the current-line decoration) behind a line containing `text`. */
async function lineIsHighlighted(workbench: Workbench, text: string): Promise<boolean> {
  return workbench.page.evaluate((needle) => {
    const lines = [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')];
    const line = lines.find((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').includes(needle));
    if (!line) return false;
    const top = line.getBoundingClientRect().top;
    return [...document.querySelectorAll('.editor-instance .monaco-editor .view-overlays .cdr')].some((d) => {
      const box = d.getBoundingClientRect();
      const colour = getComputedStyle(d).backgroundColor;
      return Math.abs(box.top - top) < 2 && box.width > 200 && colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent';
    });
  }, text);
}

export const tests: UiTest[] = [
  {
    name: 'debugger: with next_syscall_data 500, F11 steps into alloc_fixed_pidmap, its patch line is highlighted and bit 500 is set in the bitmap',
    async run({ workbench, outDir }) {
      const frame = await openSampleAndDebug(workbench, 500);
      await focusPatchEditor(workbench);
      for (let i = 0; i < 80 && !(await stepId(frame)).startsWith('alloc_fixed_pidmap/'); i++) await pressAndWait(workbench, frame, 'F11');
      assert.equal(await stepId(frame), 'alloc_fixed_pidmap/entry');
      assert.match((await frame.locator('.run .current-line pre').textContent()) ?? '', /static int alloc_fixed_pidmap\(struct pid_namespace \*pid_ns, int next_nr\)/);
      // The patch editor's highlight follows the panel's step a moment later: wait for it.
      await workbench.until('the highlight on alloc_fixed_pidmap\'s first line', () => lineIsHighlighted(workbench, 'static int alloc_fixed_pidmap(struct pid_namespace *pid_ns, int next_nr)'));
      // The strip draws the bit under test as a mark on pid 500's cell, outlined and not filled while free.
      assert.equal(await frame.locator('.strip[data-level="0"] .mark.test[data-pid="500"]:not(.set)').count(), 1);

      // Past test_and_set_bit the bit under test is set.
      for (let i = 0; i < 20 && (await stepId(frame)) !== 'alloc_fixed_pidmap/nr_free-dec'; i++) await pressAndWait(workbench, frame, 'F11');
      assert.equal(await frame.locator('.strip[data-level="0"] .mark.test.set[data-pid="500"]').count(), 1);
      assert.equal(await frame.locator('.strip[data-level="0"] .mark.test-fill').first().getAttribute('display'), 'inline');
      assert.match((await frame.locator('.strip[data-level="0"]').first().getAttribute('aria-label')) ?? '', /set [^;]*\b500\b[^;]*; bit under test 500 \(set\)/);
      await workbench.until('the highlight on atomic_dec', () => lineIsHighlighted(workbench, 'atomic_dec(&map->nr_free);'));
      await frame.locator('.run .current-line').first().scrollIntoViewIfNeeded();
      await workbench.screenshot(join(outDir, 'debugger-500.png'), 'the step at atomic_dec with bit 500 set', async () =>
        (await stepId(frame)) === 'alloc_fixed_pidmap/nr_free-dec' && (await lineIsHighlighted(workbench, 'atomic_dec(&map->nr_free);')));
    },
  },
  {
    name: 'debugger: with 299, a gutter breakpoint stops at out_free, F5 runs on to the invalid-free and leak faults, and Step Back goes back one step',
    async run({ workbench, outDir }) {
      const frame = await openSampleAndDebug(workbench, 299);
      await focusPatchEditor(workbench);
      // Go to out_free's kmem_cache_free line and click its gutter to set a breakpoint.
      await workbench.goToLine(212);
      const line = workbench.page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'kmem_cache_free(ns->pid_cachep, pid);' }).first();
      await line.waitFor();
      // CodeLens arrives late and moves the lines down: click where the line has come to rest.
      let previous = '';
      const lineBox = await workbench.until('the kmem_cache_free line to stand still', async () => {
        const box = await line.boundingBox();
        const seen = JSON.stringify(box);
        const still = box !== null && seen === previous;
        previous = seen;
        return still ? box : undefined;
      });
      const gutter = await workbench.page.locator('.editor-instance .monaco-editor .margin').first().boundingBox();
      assert.ok(gutter);
      await workbench.page.mouse.click(gutter.x + 8, lineBox.y + lineBox.height / 2);
      await frame.locator('#breakpoints li', { hasText: 'kmem_cache_free' }).waitFor({ timeout: STATE_TIMEOUT });

      await focusPatchEditor(workbench);
      await pressAndWait(workbench, frame, 'F5');
      assert.equal(await frame.locator('.run .current-line').first().getAttribute('data-line'), '211');
      assert.match((await frame.locator('#status').textContent()) ?? '', /breakpoint/);
      await pressAndWait(workbench, frame, 'F5');
      const kinds = await frame.locator('.faults li.fault').evaluateAll((items) => items.map((i) => `${i.getAttribute('data-kind')}@${i.getAttribute('data-line')}`));
      assert.deepEqual(kinds, ['invalid-free@211', 'leak@211']);
      await frame.locator('.faults').first().scrollIntoViewIfNeeded();
      await workbench.screenshot(join(outDir, 'debugger-299-faults.png'), 'the invalid-free and leak faults', () => showsFaults(frame, ['invalid-free@211', 'leak@211']));

      const end = await stepIndex(frame);
      await frame.locator('#btn-stepBack').click();
      await frame.locator('#status', { hasText: `step ${end - 1}/` }).waitFor({ timeout: STATE_TIMEOUT });
    },
  },
  {
    name: 'debugger: the scenario form names a broken rule beside its field, then runs baseline and patched side by side and says where they part',
    async run({ workbench, outDir }) {
      const frame = await openSampleAndDebug(workbench, 299);
      await frame.locator('#scenario-section > summary').click();
      const pidMax = frame.locator('#f-pid_max input');
      await pidMax.fill('100');
      await frame.locator('#btn-run').click();
      await frame.locator('#e-pid_max', { hasText: 'pid_max: must be an integer from 301 to 4194304, got 100' }).waitFor({ timeout: STATE_TIMEOUT });
      assert.equal(await frame.locator('#f-pid_max').getAttribute('aria-invalid'), 'true');

      await pidMax.fill('32768');
      await frame.locator('#f-mode').click();
      // The sample is no edited copy: the selector lists the sent/edited modes disabled.
      await frame.locator('vscode-single-select#f-mode li', { hasText: 'both, side by side' }).waitFor();
      const sentEdited = frame.locator('vscode-single-select#f-mode li', { hasText: 'as sent vs as edited' });
      assert.equal(await sentEdited.count(), 2);
      assert.deepEqual(await sentEdited.evaluateAll((items) => items.map((i) => i.classList.contains('disabled'))), [true, true]);
      await frame.locator('vscode-single-select#f-mode li', { hasText: 'both, side by side' }).click();
      await frame.locator('#btn-run').click();
      await frame.locator('.run[data-variant="baseline"]').waitFor({ timeout: STATE_TIMEOUT });
      assert.equal(await frame.locator('.run').count(), 2);
      assert.equal(await frame.locator('#e-pid_max').textContent(), '');
      await frame.locator('#comparison-outcomes li', { hasText: 'fork 0: baseline pids [1], patched EINVAL' }).waitFor();
      assert.match((await frame.locator('#comparison-paths').textContent()) ?? '', /The paths part at step \d+/);
      assert.equal(await frame.locator('#comparison-title').textContent(), 'Baseline vs patched');
      await frame.locator('#comparison').scrollIntoViewIfNeeded();
      const outcomes = frame.locator('#comparison-outcomes li', { hasText: 'fork 0: baseline pids [1], patched EINVAL' });
      await workbench.screenshot(join(outDir, 'debugger-both.png'), 'the side-by-side comparison', () => outcomes.isVisible());
    },
  },
  {
    name: 'debugger: after a window reload the panel is restored with its scenario and step',
    async run({ workbench, outDir }) {
      const frame = await openSampleAndDebug(workbench, 500);
      // Keys pressed inside the panel reach the same commands (the webview forwards them).
      await frame.locator('#btn-stepIn').focus();
      for (let i = 0; i < 5; i++) await pressAndWait(workbench, frame, 'F11');
      const step = await stepIndex(frame);
      assert.equal(step, 5);
      // The command reloads as a person would: the workbench saves its UI state before it goes.
      const reloaded = workbench.page.waitForEvent('load', { timeout: 2 * STATE_TIMEOUT });
      await workbench.runCommand('Developer: Reload Window');
      await reloaded;
      await workbench.waitUntilReady();
      const restored = await debuggerFrame(workbench, 2 * STATE_TIMEOUT);
      await restored.locator('#status', { hasText: `step ${step}/` }).waitFor({ timeout: STATE_TIMEOUT });
      // The form's fields load after the run's first paint (folded meanwhile): the restored scenario
      // reaches them then, so it is waited for (and the test fails if it never comes).
      await workbench.until('next_syscall_data 500 in the restored form', async () =>
        (await restored.locator('#f-next').evaluate((e) => (e as HTMLElement & { value?: string }).value)) === '500');
      const status = restored.locator('#status', { hasText: `step ${step}/` });
      await workbench.screenshot(join(outDir, 'debugger-restored.png'), `the restored panel at step ${step}`, () => status.isVisible());
    },
  },
];
