import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { UiTest } from './ui-test';
import { STATE_TIMEOUT } from './workbench';

export const tests: UiTest[] = [
  {
    name: 'the palette command "Open Sample Patch" opens the bundled patch mail',
    async run({ workbench, outDir }) {
      await workbench.runCommand('Kernel Patch Review: Open Sample Patch');
      await workbench.tab('rfc-3-5-next-syscall-data-pids.txt').waitFor({ timeout: STATE_TIMEOUT });
      await workbench.waitForEditorText('use next syscall data to predefine process ids');
      await workbench.waitForEditorText('Subject: [RFC PATCH 3/5]');
      assert.equal(await workbench.tab('rfc-3-5-next-syscall-data-pids.txt').count(), 1);
      const subject = workbench.page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'Subject: [RFC PATCH 3/5]' }).first();
      await workbench.screenshot(join(outDir, 'open-sample.png'), 'the sample\'s subject in the editor', () => subject.isVisible());
    },
  },
];
