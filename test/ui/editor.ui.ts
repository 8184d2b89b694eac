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
      // The picture is taken while the hover shows the step, and the text read is the one pictured.
      const hover = workbench.hoverAt(sampleLine(workspace, '+ if (next_nr < RESERVED_PIDS || next_nr >= pid_max)'), 'alloc_fixed_pidmap/if-range');
      const text = await workbench.screenshotOf(join(outDir, 'hover.png'), hover);
      assert.match(text, /RESERVED_PIDS/);
      assert.match(text, /Debug to here/);
    },
  },
  {
    name: 'editor: the outline shows mail, files and hunks named by function',
    async run({ workbench, outDir }) {
      await workbench.runCommand('Kernel Patch Review: Open Sample Patch');
      await workbench.waitForEditorText('use next syscall data to predefine process ids');
      await workbench.runCommand('Explorer: Focus on Outline View');
      const outline = workbench.page.locator('.outline-pane, [id="outline"]').first();
      const shows = async (text: string) => outline.getByText(text).first().isVisible();
      await workbench.until('the outline naming kernel/pid.c and alloc_pidmap', async () => (await shows('kernel/pid.c')) && shows('alloc_pidmap'));
      await workbench.screenshot(join(outDir, 'outline.png'), 'the outline naming kernel/pid.c and alloc_pidmap', async () => (await shows('kernel/pid.c')) && shows('alloc_pidmap'));
    },
  },
  {
    name: 'editor: "Next Hunk" from the palette moves to the first hunk header',
    async run({ workbench, outDir, workspace }) {
      await workbench.runCommand('Kernel Patch Review: Open Sample Patch');
      await workbench.waitForEditorText('use next syscall data to predefine process ids');
      await workbench.goToLine(1);
      await workbench.runCommand('Kernel Patch Review: Next Hunk');
      const header = sampleLine(workspace, '@@ -122,6 +122,26 @@');
      const onHeader = async () => (await workbench.cursorLine().catch(() => 0)) === header;
      // The cursor leaves line 1 once the command ran; where it lands is the claim.
      await workbench.until('the cursor to leave line 1', async () => (await workbench.cursorLine().catch(() => 1)) !== 1);
      assert.equal(await workbench.cursorLine(), header);
      await workbench.screenshot(join(outDir, 'next-hunk.png'), `the cursor on the first hunk header (line ${header})`, onHeader);
    },
  },
];
