// Debian's Chromium driven by playwright-core (no browser download): the flags keep it from
// reaching for the network, which is closed here.
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * A page for the workbench. Its loading waits are long: on a loaded machine the workbench's first
 * load takes well over Playwright's default 30 s, and a test that waits too little fails at random.
 */
export async function newWorkbenchPage(browser) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultNavigationTimeout(180_000);
  page.setDefaultTimeout(60_000);
  return page;
}
