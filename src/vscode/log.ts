// kpr's one log: a LogOutputChannel, "Kernel Patch Review" in the Output panel. Every error the
// extension catches and does not show in a message box is written here, never to console.error.
import * as vscode from 'vscode';

export const LOG_CHANNEL_NAME = 'Kernel Patch Review';

/** What a feature needs of the log (vscode.LogOutputChannel has it; tests pass a recorder). */
export interface KprLog {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
}

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
}

/** An error's message, whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
