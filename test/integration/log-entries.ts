// Reading VS Code's log files: entries (a timestamped line and the stack lines under it) and the
// errors among them, with the deliberate sentinel errors of suite/host-log.ts left out. Shared by
// the extension-host suite and the harness (which loads the compiled out/test/integration copy).

export interface LogEntry {
  readonly level: string;
  readonly text: string;
}

/** Marks the error suite/host-log.ts provokes to prove the log is read; never a real error. */
export const SENTINEL_PREFIX = 'kpr-log-sentinel-';

const ENTRY_START = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \[(\w+)\]/;

export function logEntries(text: string): LogEntry[] {
  const entries: { level: string; lines: string[] }[] = [];
  for (const line of text.split('\n')) {
    const start = ENTRY_START.exec(line);
    if (start) entries.push({ level: start[1], lines: [line] });
    else entries.at(-1)?.lines.push(line);
  }
  return entries.map((e) => ({ level: e.level, text: e.lines.join('\n').trimEnd() }));
}

/**
 * The error entries of a log, but the sentinel's: VS Code logs "[extension] provider FAILED" and
 * then the error itself, so both of the sentinel's entries go.
 */
export function errorEntries(text: string): LogEntry[] {
  const errors = logEntries(text).filter((e) => e.level === 'error');
  const isSentinel = (e: LogEntry | undefined) => e?.text.includes(SENTINEL_PREFIX) ?? false;
  return errors.filter((e, i) => !isSentinel(e) && !(/provider FAILED/.test(e.text) && isSentinel(errors[i + 1])));
}

/**
 * Whether a log text names a file of the project itself. code-server and the npm packages are
 * installed under the project root too (.vscode-test, node_modules): VS Code's own errors, such as
 * the "Canceled" of requests still pending when a window closes, name only those.
 */
export function namesProjectFile(text: string, projectRoot: string): boolean {
  const root = projectRoot.endsWith('/') ? projectRoot : `${projectRoot}/`;
  for (let at = text.indexOf(root); at >= 0; at = text.indexOf(root, at + 1)) {
    const rest = text.slice(at + root.length, at + root.length + 20);
    if (!rest.startsWith('.vscode-test/') && !rest.startsWith('node_modules/')) return true;
  }
  return false;
}

/** Error entries that name kpr (its extension id or a file of the project), with the error after a "[kpr] provider FAILED". */
export function kprErrorEntries(text: string, projectRoot: string): LogEntry[] {
  const errors = errorEntries(text);
  const isKpr = (e: LogEntry) => e.text.includes('kpr.kernel-patch-review') || namesProjectFile(e.text, projectRoot);
  return errors.filter((e, i) => isKpr(e) || (i > 0 && /provider FAILED/.test(errors[i - 1].text) && isKpr(errors[i - 1])));
}
