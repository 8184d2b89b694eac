// Sets a `when`-clause context key. The workbench answers the command: when the extension host
// shuts down (a window reload, the end of a test run) with one still in flight, it is cancelled,
// which is no error of kpr's; any other failure goes to kpr's log.
import * as vscode from 'vscode';
import { errorMessage, type KprLog } from './log';

export function setContextKey(key: string, value: unknown, log: KprLog): void {
  vscode.commands.executeCommand('setContext', key, value).then(undefined, (error: unknown) => {
    if (error instanceof Error && error.name === 'Canceled') return;
    log.warn(`setting the context key ${key} failed: ${errorMessage(error)}`);
  });
}
