// Starts and stops a code-server on 127.0.0.1 with a fresh state folder (HOME, user data,
// extensions, temp), so no run sees another's settings, and every process it starts is in one
// process group that stop() ends.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, openSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { codeServerBin } from './paths.mjs';
import { log } from './log.mjs';

const WORKBENCH_SETTINGS = {
  'workbench.startupEditor': 'none',
  // A theme chosen explicitly: code-server otherwise offers to switch themes in a notification.
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'workbench.enableExperiments': false,
};

/** With startCodeServer's workspaceTrust: trust on, never asked, so the folder stays untrusted. */
export const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A fresh state folder with the layout code-server needs. */
export function makeState(label, extraSettings = {}) {
  // Under the system temp folder, not the project: VS Code's IPC socket paths must stay under
  // 107 characters, which a deep clone path would break.
  const dir = mkdtempSync(join(tmpdir(), `kpr-${label}-`));
  for (const sub of ['home', 'ud/User', 'ext', 'tmp', 'workspace']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'ud', 'User', 'settings.json'), JSON.stringify({ ...WORKBENCH_SETTINGS, ...extraSettings }, null, 2));
  const env = {
    ...process.env,
    HOME: join(dir, 'home'),
    XDG_CONFIG_HOME: join(dir, 'home', '.config'),
    XDG_DATA_HOME: join(dir, 'home', '.local', 'share'),
    XDG_CACHE_HOME: join(dir, 'home', '.cache'),
    // VS Code's IPC sockets and Chromium's profiles go to TMPDIR: keep them inside the state folder.
    TMPDIR: join(dir, 'tmp'),
  };
  const args = ['--user-data-dir', join(dir, 'ud'), '--extensions-dir', join(dir, 'ext')];
  return { dir, env, args, workspace: join(dir, 'workspace'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Installs a .vsix into the state's extensions folder with code-server's own CLI. */
export function installExtension(state, vsixPath) {
  const r = spawnSync(codeServerBin, [...state.args, '--install-extension', vsixPath], { env: state.env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`--install-extension ${vsixPath} failed (${r.status}): ${r.stdout}${r.stderr}`);
  return r.stdout;
}

/**
 * Starts code-server for `folder`. Resolves once /healthz answers. `workspaceTrust`: keep VS Code's
 * workspace trust (see UNTRUSTED_SETTINGS), so that the folder opens in Restricted Mode.
 * @returns {Promise<{ base: string, port: number, pid: number, logFile: string, stop: () => Promise<void> }>}
 */
export async function startCodeServer(state, { folder, port, logFile, extraEnv = {}, workspaceTrust = false }) {
  const chosenPort = port ?? (await freePort());
  const config = join(state.dir, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${chosenPort}\nauth: none\ncert: false\n`);
  const logPath = logFile ?? join(state.dir, 'server.log');
  const out = openSync(logPath, 'w'); // this run's log only
  const child = spawn(
    codeServerBin,
    ['--config', config, ...state.args, '--disable-telemetry', '--disable-update-check',
      // Without the flag (and with the trust setting on) the folder opens in Restricted Mode.
      ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override', '--ignore-last-opened', folder],
    { env: { ...state.env, ...extraEnv }, detached: true, stdio: ['ignore', out, out] },
  );
  closeSync(out);
  const base = `http://127.0.0.1:${chosenPort}`;
  let exited = false;
  child.on('exit', () => { exited = true; });
  const deadline = Date.now() + 180_000; // minutes on a loaded machine
  for (;;) {
    if (exited) throw new Error(`code-server exited during start-up; see ${logPath}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) {
      killGroup(child.pid, 'SIGKILL');
      throw new Error(`code-server did not answer ${base}/healthz within 180 s; see ${logPath}`);
    }
    await sleep(300);
  }
  log('server', `code-server up on ${base} (pid ${child.pid})`);
  return {
    base,
    port: chosenPort,
    pid: child.pid,
    logFile: logPath,
    async stop() {
      if (exited) return;
      killGroup(child.pid, 'SIGTERM');
      for (let i = 0; i < 40 && groupAlive(child.pid); i++) await sleep(250);
      if (groupAlive(child.pid)) killGroup(child.pid, 'SIGKILL');
      for (let i = 0; i < 20 && groupAlive(child.pid); i++) await sleep(100);
    },
  };
}

function killGroup(pgid, signal) {
  try { process.kill(-pgid, signal); } catch { /* already gone */ }
}

function groupAlive(pgid) {
  try { process.kill(-pgid, 0); return true; } catch { return false; }
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** vscode-remote://HOST:PORT/abs/path — the authority must be exactly the page's host:port. */
export function remoteUri(base, absPath) {
  return `vscode-remote://${new URL(base).host}${absPath.split('/').map(encodeURIComponent).join('/')}`;
}

/** The workbench URL for `folder` with a payload (extensionDevelopmentPath, openFile, …). */
export function workbenchUrl(base, folder, payload = []) {
  const all = [...payload, ['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
  return `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(all))}`;
}
