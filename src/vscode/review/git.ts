// Running git for the review: a bounded child process that never throws and never waits forever.
import { execFile } from 'node:child_process';

export interface GitResult {
  /** Exit code; undefined when git could not be started or was stopped by the timeout. */
  readonly code: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
  /** Why git did not run to its end, in words for the reviewer. */
  readonly failure?: string;
}

const MAX_OUTPUT = 8 * 1024 * 1024;

export function runGit(args: readonly string[], cwd: string, options: { input?: string; timeoutMs?: number } = {}): Promise<GitResult> {
  return new Promise((resolve) => {
    let child: ReturnType<typeof execFile>;
    try {
      child = execFile('git', [...args], { cwd, timeout: options.timeoutMs ?? 5000, maxBuffer: MAX_OUTPUT, windowsHide: true, encoding: 'utf8' }, (error, stdout, stderr) => {
        if (!error) return resolve({ code: 0, stdout, stderr });
        const code = typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : undefined;
        const killed = (error as { killed?: boolean }).killed === true;
        const failure = code !== undefined ? undefined : killed ? `git ${args[0]} did not finish within ${(options.timeoutMs ?? 5000) / 1000} s` : `git could not run: ${error.message}`;
        resolve({ code, stdout: String(stdout ?? ''), stderr: String(stderr ?? ''), failure });
      });
    } catch (error) {
      resolve({ code: undefined, stdout: '', stderr: '', failure: `git could not run: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    child.stdin?.on('error', () => undefined);
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}
