import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { UiTest } from './ui-test';
import { sampleLine } from './sample';

export const tests: UiTest[] = [
  {
    name: 'editor: the hover on an added line explains it and names its model step',
    async run({ workbench, outDir, workspace }) {
      await workbench.runCommand('Kernel Patch Review: Open Sample Patch');
      await workbench.waitForEditorText('use next syscall data to predefine process ids');
      const hover = await workbench.showHoverAt(sampleLine(workspace, '+ if (next_nr < RESERVED_PIDS || next_nr >= pid_max)'));
      await hover.getByText('alloc_fixed_pidmap/if-range').first().waitFor({ timeout: 20_000 });
      const text = await hover.innerText();
      assert.match(text, /RESERVED_PIDS/);
      assert.match(text, /Debug to here/);
      await workbench.screenshot(join(outDir, 'hover.png'));
    },
  },
  {
    name: 'editor: the outline shows mail, files and hunks named by function',
    async run({ workbench, outDir }) {
      await workbench.runCommand('Kernel Patch Review: Open Sample Patch');
      await workbench.waitForEditorText('use next syscall data to predefine process ids');
      await workbench.runCommand('Explorer: Focus on Outline View');
      const outline = workbench.page.locator('.outline-pane, [id="outline"]').first();
      await outline.getByText('kernel/pid.c').first().waitFor({ timeout: 30_000 });
      await outline.getByText('alloc_pidmap').first().waitFor({ timeout: 10_000 });
      await workbench.screenshot(join(outDir, 'outline.png'));
    },
  },
  {
    name: 'editor: "Next Hunk" from the palette moves to the first hunk header',
    async run({ workbench, outDir, workspace }) {
      await workbench.runCommand('Kernel Patch Review: Open Sample Patch');
      await workbench.waitForEditorText('use next syscall data to predefine process ids');
      await workbench.goToLine(1);
      await workbench.runCommand('Kernel Patch Review: Next Hunk');
      await workbench.page.waitForTimeout(500);
      assert.equal(await workbench.cursorLine(), sampleLine(workspace, '@@ -122,6 +122,26 @@'));
      await workbench.screenshot(join(outDir, 'next-hunk.png'));
    },
  },
];
