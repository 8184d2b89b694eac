// The alloc_pid debugger panel: one per window. It creates or revives the webview, waits for the
// webview's `webview/ready` before posting anything, checks every message on arrival, and
// forwards requests to the controller. Disposed with everything it registered.
import * as vscode from 'vscode';
import {
  DEBUGGER_VIEW_TYPE, describeRejected, isMessageToExtension, type DebuggerState, type ToExtension,
} from '../../shared/debugger-protocol';
import { StateSender } from '../../shared/debugger-delta';
import { embeddedMessageText } from '../../shared/debugger-embed';
import type { KprLog } from '../log';
import type { DebuggerController } from './controller';
import { debuggerHtml } from './html';
import { loadScenarioFile, saveScenarioFile } from './scenario-files';

export function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    // media/ holds the template and stylesheet; dist/ the bundled webview script (dist/webview.js)
    // and the codicon font copied there by the build (dist/codicons/). Nothing else is readable.
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist')],
  };
}

export class DebuggerPanel implements vscode.Disposable {
  static current: DebuggerPanel | undefined;

  private ready = false;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];
  /** After the first whole state, a step posts only what changed. */
  private readonly sender = new StateSender();

  /** Shows the panel beside the patch editor, creating it when there is none. */
  static createOrShow(extensionUri: vscode.Uri, controller: DebuggerController, log: KprLog): DebuggerPanel {
    if (DebuggerPanel.current) {
      DebuggerPanel.current.panel.reveal(vscode.ViewColumn.Two, true);
      return DebuggerPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(DEBUGGER_VIEW_TYPE, 'alloc_pid debugger', { viewColumn: vscode.ViewColumn.Two, preserveFocus: true }, panelOptions(extensionUri));
    DebuggerPanel.current = new DebuggerPanel(panel, extensionUri, controller, log);
    return DebuggerPanel.current;
  }

  /** Takes over a panel VS Code restored after a reload (see serializer.ts). */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, controller: DebuggerController, log: KprLog): DebuggerPanel {
    DebuggerPanel.current?.dispose();
    panel.webview.options = panelOptions(extensionUri);
    DebuggerPanel.current = new DebuggerPanel(panel, extensionUri, controller, log);
    return DebuggerPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly controller: DebuggerController,
    private readonly log: KprLog,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => {
        // Closed by the reviewer (not replaced by a revived panel): the session ends with it.
        if (DebuggerPanel.current === this) controller.stop();
        this.dispose();
      }),
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      // A hidden webview is torn down; it says `webview/ready` again when shown, and gets the state then.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) {
          this.ready = false;
          this.sender.reset();
        }
      }),
      // The controller hands over the state it built: building it again per step doubled the cost.
      controller.onDidChange((state) => this.postState(state)),
    );
    void debuggerHtml(panel.webview, extensionUri, () => this.initialMessage()).then(
      (html) => {
        // The template is read asynchronously: the panel may have been closed meanwhile.
        if (!this.disposed) panel.webview.html = html;
      },
      (error: unknown) => this.log.error(`debugger: cannot load the panel template: ${String(error)}`),
    );
  }

  private receive(message: unknown): void {
    if (!isMessageToExtension(message)) {
      this.log.warn(`debugger: dropped a malformed message from the webview (${describeRejected(message)})`);
      return;
    }
    void this.handle(message).catch((error: unknown) => this.log.error(`debugger: ${message.type} failed: ${String(error)}`));
  }

  private async handle(message: ToExtension): Promise<void> {
    switch (message.type) {
      case 'webview/ready':
        // A page showing the state its HTML carried gets what changed since; any other (reloaded,
        // shown again, or holding a state a delta did not fit) starts over with the whole state.
        this.ready = true;
        if (!this.sender.holds(message.seq)) this.sender.reset();
        this.postState();
        return;
      case 'debugger/step':
        this.controller.step(message.command);
        return;
      case 'debugger/goTo':
        this.controller.goTo(message.run, message.index);
        return;
      case 'debugger/setScenario':
        await this.controller.setScenario(message.scenario, message.mode);
        return;
      case 'debugger/toggleBreakpoint':
        this.controller.toggleBreakpoint(message.line);
        return;
      case 'debugger/revealLine':
        await this.controller.revealLine(message.line, message.text);
        return;
      case 'debugger/loadScenario': {
        const scenario = await loadScenarioFile();
        if (scenario) await this.controller.setScenario(scenario, scenario.variant === 'baseline' ? 'baseline' : 'patched');
        return;
      }
      case 'debugger/saveScenario':
        await saveScenarioFile(message.scenario);
        return;
    }
  }

  /** The whole state for the page's HTML, numbered like a message so the deltas after it apply to it. */
  private initialMessage(): string {
    this.sender.reset();
    const state = this.controller.state();
    return state ? embeddedMessageText(this.sender.next(state)) : '';
  }

  private postState(state: DebuggerState | null = this.controller.state()): void {
    if (!this.ready || !state || this.disposed) return;
    const message = this.sender.next(state);
    if (!message) return;
    void this.panel.webview.postMessage(message).then((delivered) => {
      // Not delivered: the webview may not hold that state, so the next message is whole.
      if (!delivered) this.sender.reset();
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (DebuggerPanel.current === this) DebuggerPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
