// Extension entry point: reads like a table of contents. Each feature registers itself
// through a function that receives the shared context; no logic lives here.
import * as vscode from 'vscode';
import { registerSampleCommands } from './commands/sample';

export function activate(context: vscode.ExtensionContext): void {
  registerSampleCommands(context);
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
