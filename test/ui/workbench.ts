// Page object for the VS Code workbench in the browser: what a person does with keyboard and
// mouse, expressed once, so UI tests read like the behaviour they check.
import type { Frame, Locator, Page } from 'playwright-core';

export class Workbench {
  constructor(readonly page: Page) {}

  async waitUntilReady(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await this.page.locator('.statusbar').waitFor({ timeout: 60_000 });
  }

  /** Closes the workbench's own notifications (theme and tips offers) so screenshots show kpr. */
  async clearNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications');
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

  /**
   * Picks a colour theme by its label from "Preferences: Color Theme", as a person would, and waits
   * until the workbench carries the theme's kind class ('vs', 'vs-dark', 'hc-black', 'hc-light').
   * Rows are clicked by exact label (Enter may take "Browse Color Themes in Marketplace"), and the
   * picker is reopened until the theme is listed: built-in themes arrive with the extension scan.
   */
  async setColorTheme(label: string, kindClass: string, deadlineMs = 90_000): Promise<void> {
    const end = Date.now() + deadlineMs;
    const input = this.page.locator('.quick-input-widget input.input');
    const rowLabelled = (text: string): Locator => this.page.locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).first();
    for (;;) {
      await this.page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill('>Preferences: Color Theme');
      await rowLabelled('Preferences: Color Theme').click({ timeout: 10_000 });
      await input.fill(label);
      try {
        await rowLabelled(label).click({ timeout: 3_000 });
        break;
      } catch (error) {
        if (Date.now() > end) throw new Error(`theme '${label}' never appeared in the picker: ${String(error)}`);
        await this.page.keyboard.press('Escape');
        await this.page.waitForTimeout(1_000);
      }
    }
    await this.page.locator(`.monaco-workbench.${kindClass}`).waitFor({ timeout: 15_000 });
  }

  /** Moves the cursor to a 1-based line with "Go to Line" (Ctrl+G), as a keyboard user would. */
  async goToLine(line: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await this.page.waitForTimeout(300);
  }

  /** The status bar's cursor position ("Ln 12, Col 1"). */
  async cursorLine(): Promise<number> {
    const text = await this.page.locator('.statusbar-item[id="status.editor.selection"]').innerText();
    const match = /Ln (\d+)/.exec(text);
    if (!match) throw new Error(`no cursor position in the status bar: ${text}`);
    return Number(match[1]);
  }

  /**
   * Opens the hover at the end of a 1-based line with the keyboard, as a keyboard-first reviewer
   * does ("Show or Focus Hover"), and waits for it. (Mouse hovers race the editor's re-renders.)
   */
  async showHoverAt(line: number): Promise<Locator> {
    await this.goToLine(line);
    await this.page.keyboard.press('End');
    await this.page.keyboard.press('ArrowLeft');
    await this.runCommand('Show or Focus Hover');
    const hover = this.hover();
    await hover.waitFor({ state: 'visible', timeout: 20_000 });
    return hover;
  }

  /** The visible hover widget. */
  hover(): Locator {
    return this.page.locator('.monaco-hover:not(.hidden):visible').first();
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
    // The workbench's own offers (a new theme, tips) arrive late and would cover kpr's views.
    if (await this.page.locator('.notifications-toasts .notification-toast').count()) {
      await this.page.locator('.notifications-toasts .notification-toast .codicon-notifications-clear').first().click({ timeout: 2_000 }).catch(() => {});
    }
    await this.page.waitForTimeout(400); // let animations settle for a clean picture
    await this.page.screenshot({ path });
  }
}
