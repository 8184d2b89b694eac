// Review in the browser workbench: comments typed into VS Code's comment widget on two lines of
// the sample, then "Compose Review Reply" with a trailer picked; screenshots of both.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UiTest } from './ui-test';
import { sampleLine } from './sample';
import { STATE_TIMEOUT, type Workbench } from './workbench';

/** Opens the comment widget on the cursor line, types the comment and adds it as a draft. */
async function comment(workbench: Workbench, line: number, text: string): Promise<void> {
  const page = workbench.page;
  await workbench.goToLine(line);
  await workbench.runCommand('Comments: Add Comment on Current Selection');
  // Type only once the new thread's comment box has the focus, or the keys land in the patch.
  await page.waitForFunction(() => document.activeElement?.closest('.review-widget .comment-form') != null, undefined, { timeout: STATE_TIMEOUT });
  await page.keyboard.type(text);
  const form = page.locator('.review-widget .comment-form', { has: page.locator(':focus') }).first();
  await form.locator('.form-actions .monaco-button', { hasText: 'Add Review Comment' }).first().click();
  await page.locator('.review-widget .comment-body', { hasText: text.slice(0, 30) }).first().waitFor({ timeout: STATE_TIMEOUT });
}

export const tests: UiTest[] = [
  {
    name: 'review: comments on two lines in the comment widget, then the composed reply',
    async run({ workbench, outDir, workspace }) {
      // The browser's server has no git identity: the settings give one, as a reviewer would.
      mkdirSync(join(workspace, '.vscode'), { recursive: true });
      writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'kpr.review.name': 'Rita Reviewer', 'kpr.review.email': 'rita@example.org' }, null, 2));
      await workbench.runCommand('Kernel Patch Review: Open Sample Patch');
      await workbench.waitForEditorText('use next syscall data to predefine process ids');
      await comment(workbench, sampleLine(workspace, '+ if (unlikely(alloc_pidmap_page(map)))'), 'alloc_pidmap_page() returns -1 when the page cannot be had: the loop breaks and pid stays -1.');
      await comment(workbench, sampleLine(workspace, '- pid = NULL;'), 'Good: out: now returns the ERR_PTR set above.');
      await workbench.goToLine(sampleLine(workspace, '+ if (unlikely(alloc_pidmap_page(map)))') - 6);
      const firstDraft = workbench.page.locator('.review-widget .comment-body', { hasText: 'alloc_pidmap_page() returns -1' }).first();
      await workbench.screenshot(join(outDir, 'review-comments.png'), 'the first draft comment under its line', () => firstDraft.isVisible());

      await workbench.runCommand('Kernel Patch Review: Compose Review Reply');
      const pick = workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Reviewed-by' }).first();
      await pick.waitFor({ state: 'visible', timeout: STATE_TIMEOUT });
      await pick.locator('input[type=checkbox], .quick-input-list-checkbox').first().click();
      await workbench.page.keyboard.press('Enter');
      await workbench.waitForEditorText('Re: [RFC PATCH 3/5] use next syscall data to predefine process ids');
      await workbench.tab('.eml').first().waitFor({ timeout: STATE_TIMEOUT });
      await workbench.clearNotifications();
      const replyShown = workbench.page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'Re: [RFC PATCH 3/5]' }).first();
      await workbench.screenshot(join(outDir, 'review-reply.png'), 'the composed reply in the editor', () => replyShown.isVisible());
      // The editor renders spaces as no-break spaces.
      const text = (await workbench.editorLines().allInnerTexts()).map((l) => l.replace(/\u00a0/g, ' '));
      assert.ok(text.some((l) => l === 'From: Rita Reviewer <rita@example.org>'), text.join('\n'));
      assert.ok(text.some((l) => l === '> + if (unlikely(alloc_pidmap_page(map)))'), text.join('\n'));
    },
  },
];
