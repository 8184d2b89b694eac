// Page object for the VS Code workbench in the browser: what a person does with keyboard and
// mouse, expressed once, so UI tests read like the behaviour they check.
import type { Frame, Locator, Page } from 'playwright-core';

export class Workbench {
  constructor(readonly page: Page) {}

  async waitUntilReady(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await this.page.locator('.statusbar').waitFor({ timeout: 60_000 });
  }

  /**
   * Runs a command from the palette (F1). Retries until it is listed: commands appear only once
   * the remote extension host has registered the extension's contributions.
   */
  async runCommand(label: string, deadlineMs = 90_000): Promise<void> {
    const end = Date.now() + deadlineMs;
    const input = this.page.locator('.quick-input-widget input.input');
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
    for (;;) {
      await this.page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill('>' + label);
      try {
        await row.waitFor({ state: 'visible', timeout: 3_000 });
        await this.page.keyboard.press('Enter');
        return;
      } catch (error) {
        if (Date.now() > end) throw new Error(`command '${label}' never appeared in the palette: ${String(error)}`);
        await this.page.keyboard.press('Escape');
        await this.page.waitForTimeout(1_000);
      }
    }
  }

  tab(title: string): Locator {
    return this.page.locator('.tabs-container .tab', { hasText: title });
  }

  /** The text lines rendered in the visible editor (only what is on screen). */
  editorLines(): Locator {
    return this.page.locator('.editor-instance .monaco-editor .view-lines .view-line');
  }

  async waitForEditorText(text: string, timeout = 30_000): Promise<void> {
    await this.page.locator('.editor-instance .monaco-editor .view-lines', { hasText: text }).first().waitFor({ timeout });
  }

  /** Frames of webviews (they live in nested iframes). */
  webviewFrames(): Frame[] {
    return this.page.frames().filter((f) => f.url().includes('webview'));
  }

  async screenshot(path: string): Promise<void> {
    await this.page.waitForTimeout(400); // let animations settle for a clean picture
    await this.page.screenshot({ path });
  }
}
