// The extension host's own log, where VS Code writes "[ext] provider FAILED" and the error when
// a provider throws (executeCommand then still answers, with nothing). The harness tells the
// host where the logs are (KPR_TEST_LOGS_DIR); a sentinel error, thrown by a provider this module
// registers, proves the log is found and flushed before the lines before it are judged.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { errorEntries, SENTINEL_PREFIX, type LogEntry } from '../log-entries';

const LOG_NAMES = ['remoteexthost.log', 'exthost.log'];

/** The newest extension host log under the folder the harness named, or undefined when not told. */
export function hostLogFile(): string | undefined {
  const root = process.env.KPR_TEST_LOGS_DIR;
  if (!root) return undefined;
  const found: { file: string; mtime: number }[] = [];
  const walk = (dir: string, depth: number) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < 4) walk(full, depth + 1);
      else if (LOG_NAMES.includes(entry.name)) found.push({ file: full, mtime: fs.statSync(full).mtimeMs });
    }
  };
  walk(root, 0);
  if (found.length === 0) throw new Error(`no extension host log (${LOG_NAMES.join(', ')}) under ${root}`);
  return found.sort((a, b) => b.mtime - a.mtime)[0].file;
}

/** Reads the log from `offset` up to a fresh sentinel error, and returns the error entries before it. */
export async function errorsSince(file: string, offset: number, timeoutMs = 30_000): Promise<LogEntry[]> {
  const sentinel = `${SENTINEL_PREFIX}${process.pid}-${Date.now()}`;
  await throwSentinel(sentinel);
  const end = Date.now() + timeoutMs;
  for (;;) {
    const text = readFrom(file, offset);
    const at = text.indexOf(sentinel);
    if (at >= 0) {
      const lineEnd = text.indexOf('\n', at);
      return errorEntries(lineEnd < 0 ? text : text.slice(0, lineEnd));
    }
    if (Date.now() > end) throw new Error(`the sentinel error never reached ${file}: the log cannot be judged`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function logSize(file: string): number {
  return fs.statSync(file).size;
}

function readFrom(file: string, offset: number): string {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.max(0, size - offset));
    fs.readSync(fd, buffer, 0, buffer.length, offset);
    return buffer.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** A hover provider that throws, asked once: VS Code logs its error like any provider's. */
async function throwSentinel(sentinel: string): Promise<void> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kpr-sentinel-')), `${sentinel}.txt`);
  fs.writeFileSync(file, 'sentinel\n');
  const registration = vscode.languages.registerHoverProvider({ pattern: `**/${sentinel}.txt` }, {
    provideHover() {
      throw new Error(sentinel);
    },
  });
  try {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 1));
  } finally {
    registration.dispose();
  }
}
