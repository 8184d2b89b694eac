// Restores the debugger panel after a window reload: the webview's own setState() value comes
// back here, and the controller re-records the scenario and returns to the saved steps.
import * as vscode from 'vscode';
import { isPersistedState } from '../../shared/debugger-protocol';
import type { KprLog } from '../log';
import type { DebuggerController } from './controller';
import { DebuggerPanel } from './panel';

export class DebuggerPanelSerializer implements vscode.WebviewPanelSerializer {
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly controller: DebuggerController,
    private readonly log: KprLog,
  ) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    DebuggerPanel.revive(panel, this.extensionUri, this.controller, this.log);
    if (this.controller.active) return; // a command started a session before the panel came back
    if (!isPersistedState(state)) {
      this.log.warn('debugger: the restored panel had no usable saved state; it starts empty');
      return;
    }
    const uri = state.documentUri === null ? undefined : vscode.Uri.parse(state.documentUri, true);
    try {
      await this.controller.start(state.scenario, state.mode, uri, state.positions);
    } catch (error) {
      this.log.warn(`debugger: ${state.documentUri} could not be reopened (${String(error)}); using another patch document`);
      await this.controller.start(state.scenario, state.mode, undefined, state.positions);
    }
  }
}
