// The alloc_pid debugger panel's speed: the host's share of a step (move, view model, JSON, guard),
// and in Debian's Chromium the panel's first paint and a step's round trip from the button press
// to the repaint. The page is the real template and bundle (dist/webview.js) served from
// 127.0.0.1, with a stand-in for acquireVsCodeApi that carries messages to a DebuggerCore in this
// process: VS Code's own webview IPC is not in these figures. The first paint is also set against
// a static copy of the panel's first frame (same elements, text and stylesheets, no script): the
// empty page paints no text at all, and the copy shows how much of the gap is Chromium laying out
// and painting what the panel shows rather than the panel's script.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parsePatchDocument } from '../src/patch/parse';
import { mapPatch, MappingIndex } from '../src/mapping';
import { defaultScenario } from '../src/kernel/scenario-input';
import { DebuggerCore } from '../src/panel/core';
import { loadCParser } from '../src/c';
import { programsFor, type PatchPrograms } from '../src/interp/programs';
import { isMessageToExtension, isMessageToWebview } from '../src/shared/debugger-protocol';
import { StateSender } from '../src/shared/debugger-delta';
import { embeddedMessageText } from '../src/shared/debugger-embed';
import { fillTemplate } from '../src/vscode/debugger-panel/template';
import { timePerCall, type BenchResult, type BenchSuite } from './measure';

const root = join(__dirname, '..', '..');
const FRAME_MS = 1000 / 60;
/** First paints of each page: a page load on a shared machine varies by tens of ms. */
const PAINTS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The sample's mapping and what its variants run (its text is the model's: the model). */
async function sampleSetup(): Promise<{ index: MappingIndex; programs: PatchPrograms }> {
  const patch = parsePatchDocument(readFileSync(join(root, 'samples', 'rfc-3-5-next-syscall-data-pids.txt'), 'utf8'));
  const mapping = mapPatch(patch);
  return { index: new MappingIndex(mapping), programs: programsFor(patch, await loadCParser(), mapping) };
}

/** One step as the extension host does it: move, view model, serialise, and the webview's guard. */
function hostStep(core: DebuggerCore): void {
  core.step('stepIn');
  if (core.runs[0].session.index === core.runs[0].session.length - 1) core.step('restart');
  const message = JSON.parse(JSON.stringify({ type: 'debugger/state', state: core.state(null, []) }));
  if (!isMessageToWebview(message)) throw new Error('the state failed its own guard');
}

/**
 * Serves the panel (template, stylesheet, bundle, codicons), an empty page for reference, and
 * `/static.html`: what `staticCopy()` returns, a copy of the panel's first frame with no script.
 * The panel's HTML carries the first state as DebuggerPanel puts it there (`initialMessage`).
 */
function serve(initialMessage: () => string, staticCopy: () => string): Promise<{ server: Server; base: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0]);
    if (path === '/static.html') {
      response.writeHead(200, { 'content-type': 'text/html' }).end(staticCopy());
      return;
    }
    if (path === '/panel.html' || path === '/blank.html') {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const html = path === '/blank.html'
        ? '<!DOCTYPE html><html><body data-ready="true"><main id="runs"></main></body></html>'
        : fillTemplate(readFileSync(join(root, 'media', 'debugger.html'), 'utf8'), {
          NONCE: 'benchnonce', CSP_SOURCE: base, SCRIPT_URI: `${base}/dist/webview.js`, STYLE_URI: `${base}/media/debugger.css`, CODICON_URI: `${base}/dist/codicons/codicon.css`,
          INITIAL_MESSAGE: initialMessage(),
        });
      response.writeHead(200, { 'content-type': 'text/html' }).end(html);
      return;
    }
    const file = normalize(join(root, path));
    if (!(file.startsWith(join(root, 'media') + sep) || file.startsWith(join(root, 'dist') + sep))) {
      response.writeHead(404).end();
      return;
    }
    try {
      const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : file.endsWith('.ttf') ? 'font/ttf' : 'application/octet-stream';
      response.writeHead(200, { 'content-type': type }).end(readFileSync(file));
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

/**
 * A page whose acquireVsCodeApi talks to a DebuggerCore here (or, for `echo`, answers at once).
 * It posts what DebuggerPanel posts: the state the HTML carried, or the whole state after a
 * `webview/ready` that does not name it, then deltas. `kprPainted` resolves, in the page, at the
 * end of the first frame painted after `data-ready` (performance.now(): ms since navigation start).
 */
async function panelPage(browser: Browser, core: DebuggerCore, sender: StateSender): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 900, height: 1000 } });
  const reply = async (): Promise<void> => {
    const message = sender.next(core.state(null, []));
    if (message) await page.evaluate((text) => window.postMessage(JSON.parse(text), '*'), JSON.stringify(message));
  };
  await page.exposeFunction('kprHost', async (text: string) => {
    const message: unknown = JSON.parse(text);
    if (!isMessageToExtension(message)) return;
    if (message.type === 'webview/ready' && !sender.holds(message.seq)) sender.reset();
    if (message.type === 'debugger/step') core.step(message.command);
    if (message.type === 'webview/ready' || message.type === 'debugger/step') await reply();
  });
  await page.exposeFunction('kprEcho', async () => {
    await page.evaluate(() => window.postMessage({ type: 'bench/echo' }, '*'));
  });
  await page.addInitScript(() => {
    const w = window as unknown as { kprHost(text: string): void; acquireVsCodeApi(): unknown; kprPainted: Promise<number> };
    w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.kprHost(JSON.stringify(m)), getState: () => undefined, setState: () => undefined });
    // Each frame checks for data-ready; a task queued from the frame that sees it runs after that frame's paint.
    w.kprPainted = new Promise((resolve) => {
      const frame = (): void => {
        if (document.body?.dataset.ready !== 'true') {
          requestAnimationFrame(frame);
          return;
        }
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      };
      requestAnimationFrame(frame);
    });
  });
  return page;
}

/**
 * Navigation start to the end of the first frame painted with the page ready, timed in the page
 * (the same for the panel and the empty page): Playwright's own page and navigation handling,
 * tens of ms on a loaded machine, is in neither figure.
 */
async function firstPaint(browser: Browser, url: string, core: DebuggerCore, sender: StateSender): Promise<number> {
  const page = await panelPage(browser, core, sender);
  await page.goto(url);
  const ms = await page.evaluate(() => (window as unknown as { kprPainted: Promise<number> }).kprPainted);
  await page.close();
  return ms;
}

/**
 * The panel's first frame as plain HTML: its document once ready, scripts removed, so the static
 * page has the same elements, text and stylesheets (and paints with body[data-ready] set).
 */
async function firstFrameCopy(browser: Browser, url: string, core: DebuggerCore, sender: StateSender): Promise<string> {
  const page = await panelPage(browser, core, sender);
  await page.goto(url);
  await page.evaluate(() => (window as unknown as { kprPainted: Promise<number> }).kprPainted);
  const html = await page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    for (const script of copy.querySelectorAll('script')) script.remove();
    return `<!DOCTYPE html>${copy.outerHTML}`;
  });
  await page.close();
  return html;
}

/**
 * How long after a frame's start the i-th trip of each kind begins. Run back to back, every trip
 * began just after the frame that ended the one before: the echo, after the step's long frame,
 * began late in its frame interval and met the next frame at once, while the step, after the
 * echo's short frame, began early and waited most of an interval, so the ratio measured that
 * phase as much as the panel's work. Steps and echoes now begin at the same 8 phases.
 */
function tripPhase(i: number): number {
  return (i % 8) * FRAME_MS / 8;
}

/**
 * In the page: press Step Into, wait until the status changes and the frame that shows it has
 * been painted (a task queued from that frame's requestAnimationFrame runs after its paint, so
 * the layout and paint of what the step changed are in the figure, not only the script).
 */
async function roundTrip(page: Page, phase: number): Promise<number> {
  return page.evaluate((phase) => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => {
    const status = document.getElementById('status')!;
    const before = status.textContent;
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (status.textContent === before) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - start);
        channel.port2.postMessage(null);
      });
    });
    observer.observe(status, { childList: true, characterData: true, subtree: true });
    (document.getElementById('btn-stepIn') as HTMLElement).click();
  }, phase))), phase);
}

/** The same bridge with nothing computed or drawn: page → this process → page, then the next frame painted. */
async function echoTrip(page: Page, phase: number): Promise<number> {
  return page.evaluate((phase) => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => {
    const start = performance.now();
    const listener = (event: MessageEvent): void => {
      if ((event.data as { type?: string })?.type !== 'bench/echo') return;
      window.removeEventListener('message', listener);
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - start);
        channel.port2.postMessage(null);
      });
    };
    window.addEventListener('message', listener);
    void (window as unknown as { kprEcho(): Promise<void> }).kprEcho();
  }, phase))), phase);
}

async function browserResults(index: MappingIndex, programs: PatchPrograms): Promise<BenchResult[]> {
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  } catch (error) {
    return [{ name: 'debugger panel in Chromium', value: Number.NaN, unit: 'ms', note: `skipped: no Chromium (${String(error).split('\n')[0]})` }];
  }
  const core = new DebuggerCore(index, programs);
  core.load(defaultScenario(500), 'both');
  const sender = new StateSender();
  let snapshot = '';
  const { server, base } = await serve(() => {
    sender.reset();
    return embeddedMessageText(sender.next(core.state(null, [])));
  }, () => snapshot);
  try {
    snapshot = await firstFrameCopy(browser, `${base}/panel.html`, core, sender);
    const paints: number[] = [];
    const blanks: number[] = [];
    const statics: number[] = [];
    for (let i = 0; i < PAINTS; i++) {
      paints.push(await firstPaint(browser, `${base}/panel.html`, core, sender));
      blanks.push(await firstPaint(browser, `${base}/blank.html`, core, sender));
      statics.push(await firstPaint(browser, `${base}/static.html`, core, sender));
    }
    const page = await panelPage(browser, core, sender);
    await page.goto(`${base}/panel.html`);
    await page.waitForSelector('body[data-ready="true"] #runs', { state: 'attached' });
    const trips: number[] = [];
    const echoes: number[] = [];
    for (let i = 0; i < 40; i++) {
      if (core.runs[0].session.index >= core.runs[0].session.length - 2) core.step('restart');
      trips.push(await roundTrip(page, tripPhase(i)));
      echoes.push(await echoTrip(page, tripPhase(i)));
    }
    await page.close();
    const paint = median(paints);
    const blank = median(blanks);
    const still = median(statics);
    const trip = median(trips);
    const echo = median(echoes);
    return [
      { name: 'panel first paint (template, bundle, first state)', value: paint, unit: 'ms', reference: { name: 'empty page', value: blank }, ratio: paint / blank, note: `median of ${PAINTS}, navigation start to the first frame painted ready, timed in the page; both variants side by side` },
      { name: 'panel first paint against a static copy of its first frame', value: paint, unit: 'ms', reference: { name: 'the same elements, text and stylesheets, no script', value: still }, ratio: paint / still, note: `median of ${PAINTS}; the copy's own ratio to the empty page, ${(still / blank).toFixed(2)}, is what laying out and painting the panel's text costs before any script` },
      { name: 'step round trip: Step Into to repaint', value: trip, unit: 'ms', reference: { name: 'bare message bridge', value: echo }, ratio: trip / echo, note: `median of 40, each kind started at the same 8 phases of a ${FRAME_MS.toFixed(1)} ms frame` },
    ];
  } finally {
    await browser.close();
    server.close();
  }
}

/** A run that records the full 200 000 steps and commits two faults in every fork (next_syscall_data 1). */
export function longFaultyScenario(): Record<string, unknown> {
  const ops: unknown[] = [];
  for (let i = 0; i < 6000; i++) ops.push({ op: 'set_next', value: 1 }, { op: 'fork' });
  return { variant: 'patched', pid_max: 32768, depth: 1, ops };
}

/**
 * A step at the end of a long run (thousands of faults so far): back and forth between the last
 * two points, each with the view model built, serialised and guarded as the panel receives it.
 */
export function longRunStep(index: MappingIndex, programs: PatchPrograms): BenchResult[] {
  const core = new DebuggerCore(index, programs);
  core.load(longFaultyScenario(), 'patched');
  const session = core.runs[0].session;
  core.goTo(0, session.length - 2);
  let bytes = 0;
  let forward = true;
  const ms = timePerCall(() => {
    core.step(forward ? 'stepIn' : 'stepBack');
    forward = !forward;
    const text = JSON.stringify({ type: 'debugger/state', state: core.state(null, []) });
    bytes = text.length;
    if (!isMessageToWebview(JSON.parse(text))) throw new Error('the state failed its own guard');
  });
  const bare = timePerCall(() => {
    session.goTo(session.index === session.length - 1 ? session.length - 2 : session.length - 1);
    session.current();
  });
  const faults = session.current().faultCount;
  // What the runtime hands a face per step: the point at the end of the run (thousands of faults,
  // hundreds of heap objects so far) against the same at its start, where almost nothing is held.
  const pointAt = (from: number) => timePerCall(() => {
    session.goTo(session.index === from ? from + 1 : from);
    session.current();
  });
  const endPoint = pointAt(session.length - 2);
  const startPoint = pointAt(0);
  return [
    { name: 'runtime point at the end of that run', value: endPoint, unit: 'ms', reference: { name: 'the same at its start', value: startPoint }, ratio: endPoint / startPoint, note: 'typed values: nothing formatted, faults by count' },
    { name: `host step at the end of a ${session.length}-step run`, value: ms, unit: 'ms', reference: { name: 'bare Session move + point there', value: bare }, ratio: ms / bare, note: `${faults} faults so far` },
    { name: 'state message at the end of that run', value: bytes / 1024, unit: 'KiB' },
  ];
}

export const webviewSuite: BenchSuite = {
  name: 'debugger panel',
  async run() {
    const { index, programs } = await sampleSetup();
    const small = new DebuggerCore(index, programs);
    small.load(defaultScenario(500), 'patched');
    const smallMs = timePerCall(() => hostStep(small));
    const bare = small.runs[0].session;
    const bareMs = timePerCall(() => {
      bare.stepIn();
      if (bare.index === bare.length - 1) bare.restart();
      bare.current();
    });
    // What a step posts to the panel: the fields it changed, against the whole state.
    const both = new DebuggerCore(index, programs);
    both.load(defaultScenario(500), 'both');
    const sender = new StateSender();
    sender.next(both.state(null, []));
    let deltaBytes = 0;
    let wholeBytes = 0;
    for (let i = 0; i < 200; i++) {
      both.step('stepIn');
      if (both.runs[0].session.index === both.runs[0].session.length - 1) both.step('restart');
      const state = both.state(null, []);
      deltaBytes += JSON.stringify(sender.next(state) ?? {}).length;
      wholeBytes += JSON.stringify({ type: 'debugger/state', state }).length;
    }
    const large = new DebuggerCore(index, programs);
    large.load({ variant: 'patched', pid_max: 4194304, depth: 3, namespaces: [{ last_pid: 4000000, used: [[300, 4000000]] }], ops: [{ op: 'set_next', value: 500 }, { op: 'fork', repeat: 3 }] }, 'both');
    const largeMs = timePerCall(() => hostStep(large));
    return [
      { name: 'host step: move + view model + JSON + guard (sample, 500)', value: smallMs, unit: 'ms', reference: { name: 'bare Session step + point', value: bareMs }, ratio: smallMs / bareMs },
      { name: 'host step, pid_max 4194304, 4 levels, both variants', value: largeMs, unit: 'ms', reference: { name: 'one frame', value: FRAME_MS }, ratio: largeMs / FRAME_MS },
      { name: 'step message posted (delta), sample, both variants', value: deltaBytes / 200, unit: 'B', reference: { name: 'the whole state', value: wholeBytes / 200 }, ratio: deltaBytes / wholeBytes, note: 'mean of 200 Step Into' },
      ...longRunStep(index, programs),
      ...(await browserResults(index, programs)),
    ];
  },
};
