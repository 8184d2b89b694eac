// Typed access to kpr's settings (contributed in package.json under "kpr.*").
import * as vscode from 'vscode';

export interface KprSettings {
  /** Documents larger than this are not parsed; the reviewer is told why. */
  readonly maxFileSizeMB: number;
  /** The next_syscall_data value the debugger proposes. */
  readonly defaultNextSyscallData: number;
  /** Whether model findings run when a patch is opened. */
  readonly runFindingsAutomatically: boolean;
}

export function readSettings(): KprSettings {
  const config = vscode.workspace.getConfiguration('kpr');
  return {
    maxFileSizeMB: config.get<number>('maxFileSizeMB', 50),
    defaultNextSyscallData: config.get<number>('defaultNextSyscallData', 500),
    runFindingsAutomatically: config.get<boolean>('findings.runAutomatically', true),
  };
}
