// Runs a mocha suite inside the real extension host of a running code-server: the workbench URL
// carries extensionDevelopmentPath/extensionTestsPath in its payload (code-server's CLI refuses
// those flags), the suite's output comes back through window.codeAutomationLog and its result
// through window.codeAutomationExit — the only trustworthy exit code (the server log says
// "exited with code 0" even when tests fail).
import { writeFileSync } from 'node:fs';
import { format } from 'node:util';
import { launchChromium, newWorkbenchPage } from './browser.mjs';
import { remoteUri, workbenchUrl } from './server.mjs';
import { log } from './log.mjs';

/**
 * @returns {Promise<{ exitCode: number, output: string[] }>} exitCode 0 when every test passed,
 *   the suite's own code otherwise, 2 on a time-out or driver error. The time-out catches a hang,
 *   not slowness: the suite takes ~2 min on a quiet machine and over 5 on a heavily loaded one.
 */
export async function runExtensionTests({ base, folder, developmentPath, testsPath, timeoutMs = 900_000, screenshot, browserLog, echo = true }) {
  const url = workbenchUrl(base, folder, [
    ['extensionDevelopmentPath', remoteUri(base, developmentPath)],
    ['extensionTestsPath', remoteUri(base, testsPath)],
  ]);
  const browser = await launchChromium();
  const output = [];
  const browserLines = [];
  let finish;
  const done = new Promise((resolve) => { finish = resolve; });
  const timer = setTimeout(() => { log('ext-tests', `time-out after ${timeoutMs / 1000} s`); finish(2); }, timeoutMs);
  let exitCode = 2;
  try {
    const page = await newWorkbenchPage(browser);
    page.on('console', (msg) => browserLines.push(`[${msg.type()}] ${msg.text()}`));
    page.on('pageerror', (e) => browserLines.push(`[pageerror] ${e.message}`));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...args);
      output.push(line);
      // The suite's deliberate sentinel errors (suite/host-log.ts) are no news to a reader.
      if (echo && !line.includes('kpr-log-sentinel-')) (type === 'error' ? console.error : console.log)(line);
    });
    await page.exposeFunction('codeAutomationExit', async (code) => {
      if (screenshot) await page.screenshot({ path: screenshot }).catch(() => {});
      finish(code);
    });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    exitCode = await done;
  } catch (error) {
    log('ext-tests', `driver error: ${error?.stack ?? error}`);
    exitCode = 2;
  } finally {
    clearTimeout(timer);
    if (browserLog) writeFileSync(browserLog, browserLines.join('\n') + '\n');
    await browser.close().catch(() => {});
  }
  return { exitCode, output };
}
