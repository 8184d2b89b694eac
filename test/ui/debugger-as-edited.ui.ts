// The debugger panel on a Try a Change copy: one scenario run on the patch as sent and as edited,
// side by side. With the out_free fix typed into the copy, next_syscall_data 299 commits
// invalid-free and leak as sent and nothing as edited; a line of the sent column opens in the
// patch as sent, since its number is that text's.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { UiTest } from './ui-test';
import { debuggerFrame, SAMPLE_TAB } from './debugger-panel';
import { openCopyOfSample, typeOutFreeFix } from './out-free-fix';
import { STATE_TIMEOUT } from './workbench';


export const tests: UiTest[] = [
  {
    name: 'debugger as sent vs as edited: with the out_free fix typed, 299 faults as sent and not as edited, and a sent line opens in the patch as sent',
    async run({ workbench, outDir, workspace }) {
      await openCopyOfSample(workbench);
      await typeOutFreeFix(workbench, workspace);
      await workbench.runCommand('View: Close Primary Side Bar'); // room for the copy and the panel
      await workbench.runCommand('Kernel Patch Review: Debug alloc_pid');
      const input = workbench.page.locator('.quick-input-widget input.input');
      await input.waitFor({ state: 'visible' });
      await input.fill('299');
      await workbench.page.keyboard.press('Enter');
      const frame = await debuggerFrame(workbench);

      await frame.locator('#scenario-section > summary').click();
      await frame.locator('#f-mode').click();
      await frame.locator('vscode-single-select#f-mode li', { hasText: 'patched: as sent vs as edited' }).click();
      await frame.locator('#btn-run').click();
      const sent = frame.locator('.run[data-text="sent"]');
      const edited = frame.locator('.run[data-text="edited"]');
      await sent.waitFor({ timeout: STATE_TIMEOUT });
      await edited.waitFor({ timeout: STATE_TIMEOUT });
      await frame.locator('#btn-continue').click();
      const sentFaults = sent.locator('.faults li.fault');
      const invalidFree = sent.locator('.faults li.fault[data-kind="invalid-free"]').first();
      await invalidFree.waitFor({ timeout: STATE_TIMEOUT });
      const kinds = await sentFaults.evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')));
      assert.ok(kinds.includes('invalid-free') && kinds.includes('leak'), kinds.join(', '));
      await edited.locator('.faults li.no-faults').waitFor({ timeout: STATE_TIMEOUT });
      assert.equal(await edited.locator('.faults li.fault').count(), 0);
      await frame.locator('#comparison-outcomes li', { hasText: 'as edited none' }).first().waitFor({ timeout: STATE_TIMEOUT });
      assert.equal(await frame.locator('#comparison-title').textContent(), 'Patched: as sent vs as edited');
      await workbench.clearNotifications();
      await workbench.screenshot(join(outDir, 'debugger-as-edited.png'), 'as sent vs as edited at the end of the 299 run', () => sentFaults.first().isVisible());

      // The invalid free's line in the sent column is a line of the sample, shown in the sample.
      const line = Number(await invalidFree.getAttribute('data-line'));
      await invalidFree.locator('button.link').click();
      await workbench.page.locator('.tab.active', { hasText: SAMPLE_TAB }).first().waitFor({ timeout: STATE_TIMEOUT });
      await workbench.until(`the cursor on the sample's line ${line + 1}`, async () => (await workbench.cursorLine().catch(() => 0)) === line + 1);
    },
  },
];
