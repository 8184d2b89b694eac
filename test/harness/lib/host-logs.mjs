// The logs code-server writes under a state folder (server, extension hosts, one per window),
// kept in test-results/ before the state folder goes, and read for errors kpr caused: a provider
// that throws shows nowhere else (VS Code answers the request with nothing).
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const require = createRequire(import.meta.url);

/** Where code-server writes its logs for a state made by makeState(). */
export function logsDirOf(state) {
  return join(state.dir, 'ud', 'logs');
}

/** Copies the state's logs to `dest` (replacing an earlier run's); returns the extension host logs there, oldest first. */
export function keepLogs(state, dest) {
  rmSync(dest, { recursive: true, force: true });
  const source = logsDirOf(state);
  if (!existsSync(source)) return [];
  cpSync(source, dest, { recursive: true });
  return hostLogs(dest);
}

/** Extension host logs under a folder, oldest first (one per window, in the order the windows opened). */
export function hostLogs(dir) {
  const found = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/exthost\.log$/.test(entry.name)) found.push(full);
    }
  };
  if (existsSync(dir)) walk(dir);
  // exthost1, exthost2, …: numbered in the order the windows opened (copies lose their birth times).
  return found.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/**
 * Error entries (with the stack lines under them) that name kpr: its extension id or a file of
 * this project; the extension-host suite's deliberate sentinel errors are left out.
 */
export function kprErrors(logFile, projectRoot) {
  const { kprErrorEntries } = require(join(projectRoot, 'out', 'test', 'integration', 'log-entries.js'));
  return kprErrorEntries(readFileSync(logFile, 'utf8'), projectRoot).map((e) => e.text);
}

/** "test-results/…" for messages. */
export function shown(path, projectRoot) {
  return relative(projectRoot, path) || path;
}
