// Page object for the VS Code workbench in the browser: what a person does with keyboard and
// mouse, expressed once, so UI tests read like the behaviour they check.
import type { Frame, Locator, Page } from 'playwright-core';

/**
 * How long a state a test waits for may take to arrive: seconds on a quiet machine, minutes on a
 * loaded one. Tests wait for states, never for a time; a state that never comes still fails.
 */
export const STATE_TIMEOUT = 120_000;

export class Workbench {
  constructor(readonly page: Page) {}

  async waitUntilReady(): Promise<void> {
    // Generous: a loaded machine takes minutes, not forever; a hung workbench still fails.
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 180_000 });
    await this.page.locator('.statusbar').waitFor({ timeout: STATE_TIMEOUT });
  }

  /** Closes the workbench's own notifications (theme and tips offers) so screenshots show kpr. */
  async clearNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications');
  }

  /**
   * Runs a command from the palette (F1). Retries until it is listed: commands appear only once
   * the remote extension host has registered the extension's contributions.
   */
  async runCommand(label: string, deadlineMs = 2 * STATE_TIMEOUT): Promise<void> {
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
    await this.enterInQuickInput('F1', '>' + label, row, `command '${label}' in the palette`, deadlineMs);
  }

  /**
   * Opens a quick input with `key`, types `text`, waits for `row` to be listed, and presses Enter.
   * The workbench closes a quick input when something else takes the focus — on a loaded machine,
   * an editor that the previous command showed late, or re-showed after changing its language:
   * then it is opened again. Enter is pressed only while the input holds the focus and the text,
   * so that it never lands in an editor as a new line.
   */
  private async enterInQuickInput(key: string, text: string, row: Locator | null, what: string, deadlineMs = 2 * STATE_TIMEOUT): Promise<void> {
    const end = Date.now() + deadlineMs;
    const input = this.page.locator('.quick-input-widget input.input');
    for (let attempt = 1; ; attempt++) {
      try {
        await this.page.keyboard.press(key);
        await input.waitFor({ state: 'visible', timeout: 10_000 });
        await input.fill(text, { timeout: 5_000 });
        if (row) await row.waitFor({ state: 'visible', timeout: 10_000 });
        const holds = await input.evaluate((e, typed) => e === document.activeElement && (e as HTMLInputElement).value === typed, text);
        if (!holds) throw new Error('the quick input lost the focus or its text before Enter');
        await this.page.keyboard.press('Enter');
        return;
      } catch (error) {
        if (Date.now() > end) throw new Error(`${what} never came to hand (${attempt} attempts): ${String(error)}`);
        if (await input.isVisible()) await this.page.keyboard.press('Escape');
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
  async setColorTheme(label: string, kindClass: string, deadlineMs = 2 * STATE_TIMEOUT): Promise<void> {
    const end = Date.now() + deadlineMs;
    const input = this.page.locator('.quick-input-widget input.input');
    const rowLabelled = (text: string): Locator => this.page.locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).first();
    for (;;) {
      await this.page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: STATE_TIMEOUT });
      await input.fill('>Preferences: Color Theme');
      await rowLabelled('Preferences: Color Theme').click({ timeout: STATE_TIMEOUT });
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
    await this.page.locator(`.monaco-workbench.${kindClass}`).waitFor({ timeout: STATE_TIMEOUT });
  }

  /** Moves the cursor to a 1-based line with "Go to Line" (Ctrl+G), as a keyboard user would. */
  async goToLine(line: number): Promise<void> {
    await this.enterInQuickInput('Control+G', `:${line}`, null, `Go to Line ${line}`);
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'hidden', timeout: STATE_TIMEOUT });
    await this.until(`the cursor on line ${line}`, async () => (await this.cursorLine().catch(() => 0)) === line);
  }

  /**
   * Polls `probe` until it returns something other than undefined or false, and returns that.
   * The way to wait for a state: never a fixed time, which is too short on a loaded machine.
   */
  async until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = STATE_TIMEOUT): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > end) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
      await this.page.waitForTimeout(100);
    }
  }

  /**
   * Brings the workbench into `state` and returns what it reads there. A state the editor can take
   * away again (a hover a re-render closes) is established anew until it holds, within the deadline.
   */
  async reach<T>(state: UiState<T>, timeoutMs = 2 * STATE_TIMEOUT): Promise<T> {
    const end = Date.now() + timeoutMs;
    let lastError: unknown;
    for (let attempt = 1; ; attempt++) {
      try {
        await state.establish();
        // Each attempt waits longer for the state: a loaded machine answers slowly, not never.
        return await this.until(state.what, state.read, Math.min(15_000 * attempt, Math.max(1_000, end - Date.now())));
      } catch (error) {
        lastError = error;
        if (Date.now() > end) throw new Error(`${state.what} never held in ${timeoutMs / 1000} s (${attempt} attempts): ${String(lastError)}`);
      }
    }
  }

  /** Waits until the status bar names `language` as the active editor's (a language change is asynchronous). */
  async waitForLanguage(language: string): Promise<void> {
    const mode = this.page.locator('.statusbar-item[id="status.editor.mode"]');
    await this.until(`the active editor's language to be ${language}`, async () => (await mode.innerText().catch(() => '')).trim() === language);
  }

  /** The status bar's cursor position ("Ln 12, Col 1"). */
  async cursorLine(): Promise<number> {
    const text = await this.page.locator('.statusbar-item[id="status.editor.selection"]').innerText();
    const match = /Ln (\d+)/.exec(text);
    if (!match) throw new Error(`no cursor position in the status bar: ${text}`);
    return Number(match[1]);
  }

  /**
   * The hover at the end of a 1-based line, opened with the keyboard as a keyboard-first reviewer
   * does ("Show or Focus Hover"; mouse hovers race the editor's re-renders), showing `text`.
   * Read with reach() or screenshotOf(): the editor closes a hover when it re-renders (CodeLens,
   * diagnostics and findings arrive late), and then the hover is opened again.
   */
  hoverAt(line: number, text: string): UiState<string> {
    const hover = this.page.locator('.monaco-hover:not(.hidden):visible', { hasText: text }).first();
    return {
      what: `the hover on line ${line} showing "${text}"`,
      establish: async () => {
        await this.page.keyboard.press('Escape'); // a hover left focused would take the keys below
        await this.goToLine(line);
        await this.page.keyboard.press('End');
        await this.page.keyboard.press('ArrowLeft');
        await this.runCommand('Show or Focus Hover');
      },
      read: async () => ((await hover.isVisible()) ? hover.innerText({ timeout: 2_000 }).catch(() => undefined) : undefined),
    };
  }

  /** Opens a workspace file by name with Quick Open (Ctrl+P), and waits for its tab. */
  async openFile(name: string): Promise<void> {
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    await this.enterInQuickInput('Control+P', name, row, `${name} in Quick Open`);
    await this.tab(name).first().waitFor({ timeout: STATE_TIMEOUT });
  }

  /** Replaces the text of a 1-based line of the active editor by typing over it. */
  async typeOverLine(line: number, text: string): Promise<void> {
    await this.goToLine(line);
    await this.page.keyboard.press('Shift+End');
    await this.page.keyboard.type(text);
  }

  /** Types a new line of text before a 1-based line of the active editor. */
  async typeLineBefore(line: number, text: string): Promise<void> {
    await this.goToLine(line);
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  tab(title: string): Locator {
    return this.page.locator('.tabs-container .tab', { hasText: title });
  }

  /** The text lines rendered in the visible editor (only what is on screen). */
  editorLines(): Locator {
    return this.page.locator('.editor-instance .monaco-editor .view-lines .view-line');
  }

  async waitForEditorText(text: string, timeout = STATE_TIMEOUT): Promise<void> {
    await this.page.locator('.editor-instance .monaco-editor .view-lines', { hasText: text }).first().waitFor({ timeout });
  }

  /** Frames of webviews (they live in nested iframes). */
  webviewFrames(): Frame[] {
    return this.page.frames().filter((f) => f.url().includes('webview'));
  }

  /**
   * Takes a screenshot once `holds` is true, and checks that it still is after the picture was
   * taken, so the picture shows what the test saw; retaken while the state came and went.
   */
  async screenshot(path: string, what = 'the workbench', holds: () => Promise<boolean> = async () => true): Promise<void> {
    await this.screenshotOf(path, { what, establish: async () => {}, read: async () => (await holds()) || undefined });
  }

  /** Reaches `state`, takes the screenshot, and retakes it (state re-established) unless the state still holds after it. */
  async screenshotOf<T>(path: string, state: UiState<T>, timeoutMs = 2 * STATE_TIMEOUT): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = await this.reach(state, Math.max(1_000, end - Date.now()));
      // The workbench's own offers (a new theme, tips) arrive late and would cover kpr's views:
      // hidden from the picture rather than clicked away, which would move the focus and close a hover.
      await this.page.screenshot({ path, animations: 'disabled', style: '.notifications-toasts { visibility: hidden !important; }' });
      if ((await state.read()) !== undefined) return value;
      if (Date.now() > end) throw new Error(`${state.what} no longer held when ${path} was taken`);
    }
  }
}

/** A state of the workbench a test needs: how to bring it about, and how to read it (undefined: it does not hold). */
export interface UiState<T> {
  readonly what: string;
  establish(): Promise<void>;
  read(): Promise<T | undefined>;
}
