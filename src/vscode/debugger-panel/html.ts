// The panel's HTML: media/debugger.html with its placeholders filled. Only our bundled script
// (by nonce) and our own stylesheets and font (by the webview's CSP source) may load; the page
// carries the panel's first state (src/shared/debugger-embed.ts).
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { fillTemplate } from './template';

export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

/** `initialMessage`: asked once the template is read, so the page carries the state as it is then. */
export async function debuggerHtml(webview: vscode.Webview, extensionUri: vscode.Uri, initialMessage: () => string): Promise<string> {
  const template = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'media', 'debugger.html')));
  const asset = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  return fillTemplate(template, {
    NONCE: makeNonce(),
    CSP_SOURCE: webview.cspSource,
    SCRIPT_URI: asset('dist', 'webview.js'),
    STYLE_URI: asset('media', 'debugger.css'),
    CODICON_URI: asset('dist', 'codicons', 'codicon.css'),
    INITIAL_MESSAGE: initialMessage(),
  });
}
