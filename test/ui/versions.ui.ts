// Versions in the browser workbench: v1 (the sample) and v2 of the same series part side by side
// with their interdiff (Compare Patch Versions), and a fix typed into a Try a Change copy going out
// with the reply as its suggested diff. Screenshots of both (the README's "Try a change" section).
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UiTest } from './ui-test';
import { SAMPLE } from './sample';
import { openCopyOfSample, typeOutFreeFix } from './out-free-fix';
import { STATE_TIMEOUT, type Workbench } from './workbench';

const V2 = 'rfc-v2-3-5-next-syscall-data-pids.txt';

/** Scrolls the active editor to the first occurrence of `text` with the find widget. */
async function reveal(workbench: Workbench, text: string): Promise<void> {
  await workbench.page.keyboard.press('Control+F');
  const find = workbench.page.locator('.editor-instance .find-widget textarea, .editor-instance .find-widget input').first();
  await find.waitFor({ state: 'visible', timeout: STATE_TIMEOUT });
  await find.fill(text);
  await workbench.page.keyboard.press('Enter');
  await workbench.page.keyboard.press('Escape');
  await workbench.waitForEditorText(text);
}

/** The lines the editor shows now, spaces as the editor renders them (no-break) made plain. */
async function shownLines(workbench: Workbench): Promise<string[]> {
  return (await workbench.editorLines().allInnerTexts()).map((l) => l.replace(/\u00a0/g, ' '));
}

export const tests: UiTest[] = [
  {
    name: 'versions: v2 opened beside the sample, Compare Patch Versions shows their interdiff',
    workspaceFiles: { [`test/fixtures/versions/${V2}`]: V2 },
    async run({ workbench, outDir }) {
      await workbench.runCommand('Kernel Patch Review: Open Sample Patch');
      await workbench.waitForEditorText('use next syscall data to predefine process ids');
      await workbench.openFile(V2);
      // The v2 mail opens with blank lines, so VS Code does not recognise it by its first line.
      await workbench.runCommand('Kernel Patch Review: Review This File as a Patch');
      // Not the text, which shows before the language changes: the change shows the editor
      // again, and that closed the palette of the next command when it came late.
      await workbench.waitForLanguage('Kernel Patch Mail');
      await workbench.runCommand('Kernel Patch Review: Compare Patch Versions');
      await workbench.waitForEditorText('Interdiff of');
      const interdiff = workbench.page.locator('.editor-instance .monaco-editor .view-lines', { hasText: '@@ -300,4 +300,5 @@' }).first();
      await interdiff.waitFor({ timeout: STATE_TIMEOUT });
      await workbench.clearNotifications();
      await workbench.screenshot(join(outDir, 'compare-versions.png'), 'v2 and the interdiff side by side', () => interdiff.isVisible());
      const lines = await shownLines(workbench);
      assert.ok(lines.some((l) => l.startsWith('Interdiff of') && l.includes(SAMPLE) && l.includes(V2)), lines.join('\n'));
      // The interdiff is taller than the editor: each line is found, then read as a whole line.
      for (const line of ['+ int err;', '- pid = ERR_PTR(rc);', '+ err = rc;', '+ pid = ERR_PTR(err);']) {
        await reveal(workbench, line);
        const shown = await shownLines(workbench);
        assert.ok(shown.includes(line), `${line} not in the interdiff:\n${shown.join('\n')}`);
      }
    },
  },
  {
    name: 'versions: a fix typed into a Try a Change copy goes into the composed reply as a suggested diff',
    async run({ workbench, outDir, workspace }) {
      mkdirSync(join(workspace, '.vscode'), { recursive: true });
      writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'kpr.review.name': 'Rita Reviewer', 'kpr.review.email': 'rita@example.org' }, null, 2));
      await openCopyOfSample(workbench);
      await typeOutFreeFix(workbench, workspace);

      await workbench.runCommand('Kernel Patch Review: Compose Review Reply');
      const pick = workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Reviewed-by' }).first();
      await pick.waitFor({ state: 'visible', timeout: STATE_TIMEOUT });
      await workbench.page.keyboard.press('Enter');
      await workbench.tab('.eml').first().waitFor({ timeout: STATE_TIMEOUT });
      await workbench.waitForEditorText('Re: [RFC PATCH 3/5] use next syscall data to predefine process ids');
      await reveal(workbench, 'Something like this');
      const suggestion = workbench.page.locator('.editor-instance .monaco-editor .view-lines', { hasText: '@@ -300,4 +300,5 @@' }).first();
      await suggestion.waitFor({ timeout: STATE_TIMEOUT });
      await workbench.clearNotifications();
      await workbench.screenshot(join(outDir, 'reply-suggested-diff.png'), 'the reply\'s suggested diff', () => suggestion.isVisible());
      assert.ok((await shownLines(workbench)).includes('diff --git a/kernel/pid.c b/kernel/pid.c'));
      // The diff is taller than the editor: each typed line is found, then read as a whole line.
      for (const line of ['+ int err;', '+ err = rc;', '+ err = -ENOMEM;', '+ pid = ERR_PTR(err);']) {
        await reveal(workbench, line);
        const lines = await shownLines(workbench);
        assert.ok(lines.includes(line), `${line} not in the suggested diff:\n${lines.join('\n')}`);
      }
    },
  },
];
