// Page-object steps for the alloc_pid debugger panel, shared by the debugger UI tests.
import type { Frame } from 'playwright-core';
import { STATE_TIMEOUT, type Workbench } from './workbench';

import { SAMPLE } from './sample';

export const SAMPLE_TAB = SAMPLE;

/** The frame of the debugger panel's own page (webviews nest two iframes), once it has rendered a state. */
export async function debuggerFrame(workbench: Workbench, timeout = STATE_TIMEOUT): Promise<Frame> {
  const end = Date.now() + timeout;
  for (;;) {
    for (const frame of workbench.webviewFrames()) {
      const ready = await frame.locator('body[data-ready="true"] #runs').count().catch(() => 0);
      if (ready > 0) return frame;
    }
    if (Date.now() > end) throw new Error('the debugger panel never rendered a state');
    await workbench.page.waitForTimeout(250);
  }
}

/** Opens the sample and starts "Debug alloc_pid…" with a next_syscall_data value; returns the panel's frame. */
export async function openSampleAndDebug(workbench: Workbench, value: number): Promise<Frame> {
  await workbench.runCommand('Kernel Patch Review: Open Sample Patch');
  await workbench.tab(SAMPLE_TAB).waitFor({ timeout: STATE_TIMEOUT });
  await workbench.waitForEditorText('Subject: [RFC PATCH 3/5]');
  await workbench.runCommand('View: Close Primary Side Bar'); // room for the patch and the panel
  await workbench.runCommand('Kernel Patch Review: Debug alloc_pid');
  const input = workbench.page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(String(value));
  await workbench.page.keyboard.press('Enter');
  const frame = await debuggerFrame(workbench);
  await workbench.tab('alloc_pid debugger').waitFor();
  return frame;
}
