// The shape of a UI test module: the runner (test/harness/run-ui.mjs) loads every
// out/test/ui/*.ui.js and calls each exported test with a fresh workbench page.
import type { Workbench } from './workbench';

export interface UiContext {
  readonly workbench: Workbench;
  /** Where screenshots go (git-ignored test-results/ui). */
  readonly outDir: string;
  /** Absolute path of the workspace folder the workbench has open. */
  readonly workspace: string;
}

export interface UiTest {
  readonly name: string;
  /**
   * Files put into the test's workspace before the workbench opens it (paths from the project's
   * root → names in the workspace): a file written after the window opened reaches Quick Open and
   * the Explorer only when the file watcher reports it, which on a loaded machine took too long.
   */
  readonly workspaceFiles?: Readonly<Record<string, string>>;
  run(ctx: UiContext): Promise<void>;
}
