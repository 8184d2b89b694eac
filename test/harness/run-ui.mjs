// `npm run test:ui`: Playwright drives Debian's Chromium against the real workbench
// (code-server) with kpr loaded from this folder, and runs every UI test module
// (out/test/ui/*.ui.js). Each test gets a fresh page; screenshots go to test-results/ui/.
import { mkdirSync, readdirSync, cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ensureCodeServer } from './lib/install-code-server.mjs';
import { makeState, startCodeServer, remoteUri, workbenchUrl } from './lib/server.mjs';
import { launchChromium } from './lib/browser.mjs';
import { projectRoot, resultsDir } from './lib/paths.mjs';
import { log } from './lib/log.mjs';

const require = createRequire(import.meta.url);
const outDir = join(resultsDir, 'ui');
mkdirSync(outDir, { recursive: true });
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
const server = await startCodeServer(state, { folder: state.workspace, logFile: join(outDir, 'server.log') });
const browser = await launchChromium();
let passed = 0;
let failed = 0;
try {
  for (const t of tests) {
    const started = Date.now();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const workbench = new Workbench(page);
    try {
      await page.goto(workbenchUrl(server.base, state.workspace, [['extensionDevelopmentPath', remoteUri(server.base, projectRoot)]]));
      await workbench.waitUntilReady();
      await workbench.clearNotifications();
      await t.run({ workbench, outDir, workspace: state.workspace });
      passed++;
      console.log(`✔ ${t.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      const shot = join(outDir, `failure-${passed + failed}.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      console.log(`✖ ${t.name} (${Date.now() - started} ms)\n  ${String(error?.stack ?? error).split('\n').join('\n  ')}\n  screenshot: ${shot}`);
    } finally {
      await page.close().catch(() => {});
    }
  }
} finally {
  await browser.close().catch(() => {});
  await server.stop();
  state.remove();
}
log('ui', `screenshots in ${outDir}`);
console.log(`UI tests ran in Chromium against the VS Code 1.96.4 workbench (code-server).`);
console.log(`ui: ${passed} passed, ${failed} failed`);
process.exit(failed || tests.length === 0 ? 1 : 0);
