// The panel's HTML: media/debugger.html with its placeholders filled. Only our bundled script
// (by nonce) and our own stylesheets and font (by the webview's CSP source) may load.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

/** Replaces each {{NAME}} with its value; a placeholder with no value is left empty. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => values[name] ?? '');
}

export async function debuggerHtml(webview: vscode.Webview, extensionUri: vscode.Uri): Promise<string> {
  const template = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'media', 'debugger.html')));
  const asset = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  return fillTemplate(template, {
    NONCE: makeNonce(),
    CSP_SOURCE: webview.cspSource,
    SCRIPT_URI: asset('dist', 'webview.js'),
    STYLE_URI: asset('media', 'debugger.css'),
    CODICON_URI: asset('dist', 'codicons', 'codicon.css'),
  });
}
