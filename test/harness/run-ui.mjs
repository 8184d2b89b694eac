// `npm run test:ui`: Playwright drives Debian's Chromium against the real workbench
// (code-server) with kpr loaded from this folder, and runs every UI test module
// (out/test/ui/*.ui.js). Each test gets a fresh page and a workspace folder of its own (a copy of
// test/fixtures/workspace): the workbench keeps a folder's editors and untitled backups (hot exit)
// in the server's user data, so in a shared folder one test's Try a Change copy came back in the
// next test's window and took the name that test expected. Screenshots go to test-results/ui/.
// A failing test leaves its evidence there: failure-<test>.png (the page when it failed),
// failure-<test>.log (the page's console), and the server's and extension hosts' logs in logs/,
// whose paths are printed. An error the extension hosts logged from kpr fails the run too.
import { mkdirSync, readdirSync, cpSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ensureCodeServer } from './lib/install-code-server.mjs';
import { makeState, startCodeServer, remoteUri, workbenchUrl } from './lib/server.mjs';
import { keepLogs, kprErrors, shown } from './lib/host-logs.mjs';
import { launchChromium, newWorkbenchPage } from './lib/browser.mjs';
import { projectRoot, resultsDir } from './lib/paths.mjs';
import { log } from './lib/log.mjs';

const require = createRequire(import.meta.url);
const outDir = join(resultsDir, 'ui');
mkdirSync(outDir, { recursive: true });
// An earlier run's evidence would be mistaken for this run's.
for (const name of readdirSync(outDir)) if (/^failure-/.test(name)) rmSync(join(outDir, name), { force: true });
const uiDir = join(projectRoot, 'out', 'test', 'ui');
const { Workbench } = require(join(uiDir, 'workbench.js'));
const only = process.env.KPR_UI_GREP;

const tests = [];
for (const file of readdirSync(uiDir).filter((f) => f.endsWith('.ui.js')).sort()) {
  for (const t of require(join(uiDir, file)).tests) if (!only || t.name.includes(only)) tests.push(t);
}

ensureCodeServer();
const state = makeState('ui');
cpSync(join(projectRoot, 'test', 'fixtures', 'workspace'), state.workspace, { recursive: true });
/** A fresh copy of the fixture workspace for the n-th test (named for the workspace's title bar). */
function workspaceFor(n, files = {}) {
  const folder = join(state.dir, `ui-${String(n).padStart(2, '0')}`, 'workspace');
  cpSync(join(projectRoot, 'test', 'fixtures', 'workspace'), folder, { recursive: true });
  for (const [from, to] of Object.entries(files)) cpSync(join(projectRoot, from), join(folder, to));
  return folder;
}
const server = await startCodeServer(state, { folder: state.workspace, logFile: join(outDir, 'server.log') });
const browser = await launchChromium();
let passed = 0;
let failed = 0;
const failures = [];
try {
  for (const [n, t] of tests.entries()) {
    const started = Date.now();
    const workspace = workspaceFor(n + 1, t.workspaceFiles);
    const page = await newWorkbenchPage(browser);
    const consoleLines = [];
    page.on('console', (msg) => consoleLines.push(`[${msg.type()}] ${msg.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
    const workbench = new Workbench(page);
    try {
      await page.goto(workbenchUrl(server.base, workspace, [['extensionDevelopmentPath', remoteUri(server.base, projectRoot)]]), { waitUntil: 'domcontentloaded' });
      await workbench.waitUntilReady();
      await workbench.clearNotifications();
      await t.run({ workbench, outDir, workspace });
      passed++;
      console.log(`✔ ${t.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      const base = join(outDir, `failure-${slug(t.name)}`);
      await page.screenshot({ path: `${base}.png` }).catch((e) => consoleLines.push(`[harness] no failure screenshot: ${e}`));
      writeFileSync(`${base}.log`, consoleLines.join('\n') + '\n');
      failures.push(t.name);
      console.log(`✖ ${t.name} (${Date.now() - started} ms)\n  ${String(error?.stack ?? error).split('\n').join('\n  ')}\n  screenshot: ${shown(`${base}.png`, projectRoot)}\n  browser console: ${shown(`${base}.log`, projectRoot)}`);
    } finally {
      await page.close().catch(() => {});
    }
  }
} finally {
  await browser.close().catch(() => {});
  await server.stop();
}
const logsDir = join(outDir, 'logs');
const hostLogFiles = keepLogs(state, logsDir);
state.remove();
const hostErrors = hostLogFiles.flatMap((file) => kprErrors(file, projectRoot).map((text) => ({ file, text })));
for (const { file, text } of hostErrors) console.log(`✖ the extension host logged an error from kpr (${shown(file, projectRoot)}):\n  ${text.split('\n').join('\n  ')}`);
if (failed || hostErrors.length) {
  console.log(`evidence: server log ${shown(join(outDir, 'server.log'), projectRoot)}; extension host logs:`);
  for (const file of hostLogFiles) console.log(`  ${shown(file, projectRoot)}`);
}
log('ui', `screenshots in ${outDir}`);
console.log(`UI tests ran in Chromium against the VS Code 1.96.4 workbench (code-server).`);
console.log(`ui: ${passed} passed, ${failed} failed${hostErrors.length ? `, ${hostErrors.length} kpr errors in the extension host logs` : ''}`);
process.exit(failed || hostErrors.length || tests.length === 0 ? 1 : 0);

/** A file-name form of a test's name. */
function slug(name) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}
