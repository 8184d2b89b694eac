// The alloc_pid debugger in VS Code's high-contrast themes: the theme is picked from the palette
// as a person would, the 299 run goes to its end, and the panel is checked in its own frame for
// the high-contrast class, contrast borders on the current statement and the bitmap, and an
// accessible name on every control (computed by Playwright's accessibility snapshot), and text that stands
// out from its background (4.5:1 or more).
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import type { UiTest } from './ui-test';
import { STATE_TIMEOUT, type Workbench } from './workbench';
import { openSampleAndDebug, SAMPLE_TAB } from './debugger-panel';

const CONTRAST_VARIABLES = ['--vscode-contrastBorder', '--vscode-contrastActiveBorder'];
/** Roles a person operates; each must have a name a screen reader can say. */
const CONTROL_ROLES = ['button', 'textbox', 'searchbox', 'slider', 'spinbutton', 'combobox', 'checkbox', 'radio', 'switch', 'link', 'menuitem', 'tab'];

/** Presses F5 in the patch editor until the panel says the run has ended. */
async function continueToEnd(workbench: Workbench, frame: Frame): Promise<void> {
  await workbench.tab(SAMPLE_TAB).click();
  await workbench.page.locator('.editor-instance .monaco-editor textarea').first().focus();
  const status = frame.locator('#status');
  for (let press = 0; press < 5; press++) {
    if (/\(ended\)/.test((await status.textContent()) ?? '')) return;
    await workbench.page.keyboard.press('F5');
    await frame.locator('#status', { hasText: /\(ended\)|\(breakpoint\)/ }).waitFor({ timeout: STATE_TIMEOUT }).catch(() => {});
  }
  throw new Error(`F5 did not run to the end: ${(await status.textContent()) ?? ''}`);
}

/**
 * For the first element matching `selector`: whether it draws an outline, a border or (an SVG
 * shape) a stroke at least 1px wide in the colour of one of VS Code's contrast variables (as
 * resolved in the panel).
 * Returns what was seen, for the assertion message.
 */
async function contrastEdge(frame: Frame, selector: string): Promise<{ ok: boolean; seen: string }> {
  return frame.evaluate(([sel, names]) => {
    const element = document.querySelector(sel);
    if (!element) return { ok: false, seen: `no element ${sel}` };
    const probe = document.createElement('span');
    document.body.appendChild(probe);
    const colours = names
      .filter((name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() !== '')
      .map((name) => {
        probe.style.color = `var(${name})`;
        return getComputedStyle(probe).color;
      });
    probe.remove();
    const style = getComputedStyle(element);
    const edges = [
      { kind: 'outline', style: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor },
      // The bitmap's cells are SVG paths: their border is the stroke.
      ...(element instanceof SVGElement ? [{ kind: 'stroke', style: style.stroke === 'none' ? 'none' : 'solid', width: style.strokeWidth, color: style.stroke }] : []),
      ...(['Top', 'Right', 'Bottom', 'Left'] as const).map((side) => ({
        kind: `border-${side.toLowerCase()}`,
        style: style.getPropertyValue(`border-${side.toLowerCase()}-style`),
        width: style.getPropertyValue(`border-${side.toLowerCase()}-width`),
        color: style.getPropertyValue(`border-${side.toLowerCase()}-color`),
      })),
    ];
    const ok = colours.length > 0 && edges.some((e) => e.style !== 'none' && parseFloat(e.width) >= 1 && colours.includes(e.color));
    return { ok, seen: `contrast colours [${colours.join(', ')}]; ${edges.map((e) => `${e.kind} ${e.style} ${e.width} ${e.color}`).join('; ')}` };
  }, [selector, CONTRAST_VARIABLES] as const);
}

/**
 * Text in the panel whose colour does not stand out from what is behind it: for every visible
 * element with text of its own (disabled controls left out, as WCAG does), the contrast ratio of
 * its colour against the first opaque background under it, with the page's own background last.
 * A high-contrast theme promises at least 4.5:1 (WCAG AA) everywhere.
 */
async function lowContrastText(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const rgb = (colour: string): [number, number, number, number] | null => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(colour);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
    };
    const luminance = ([r, g, b]: readonly number[]): number => {
      const channel = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const backgroundOf = (element: Element | null): [number, number, number, number] => {
      for (let e = element; e; e = e.parentElement) {
        const colour = rgb(getComputedStyle(e).backgroundColor);
        if (colour && colour[3] >= 0.99) return colour;
      }
      return rgb(getComputedStyle(document.body).backgroundColor) ?? [0, 0, 0, 1];
    };
    const out: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      const own = [...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
      if (own === '' || (element as HTMLElement).closest('[disabled], [aria-disabled="true"]')) continue;
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (box.width === 0 || box.height === 0 || style.visibility !== 'visible' || Number(style.opacity) === 0) continue;
      const text = rgb(style.color);
      if (!text) continue;
      // Translucent text (the theme's descriptionForeground is) is seen blended over its background.
      const under = backgroundOf(element);
      const fg = text.map((v, i) => (i === 3 ? 1 : v * text[3] + under[i] * (1 - text[3])));
      const [a, b] = [luminance(fg), luminance(under)].sort((x, y) => y - x);
      const ratio = (a + 0.05) / (b + 0.05);
      if (ratio < 4.5) out.push(`"${own.slice(0, 30)}" (${element.tagName.toLowerCase()}.${element.className}): ${style.color} on ${getComputedStyle(element).backgroundColor}, ${ratio.toFixed(2)}:1`);
    }
    return out;
  });
}

/** Controls in the panel's accessibility tree (shadow DOM included) that have no accessible name. */
async function namelessControls(frame: Frame): Promise<{ controls: number; nameless: string[] }> {
  const snapshot = await frame.locator('body').ariaSnapshot();
  const rolePattern = new RegExp(`^\\s*- (${CONTROL_ROLES.join('|')})\\b(.*)$`);
  let controls = 0;
  const nameless: string[] = [];
  for (const line of snapshot.split('\n')) {
    const match = rolePattern.exec(line);
    if (!match) continue;
    controls++;
    if (!/^ "[^"]*\S[^"]*"/.test(match[2] ?? '')) nameless.push(line.trim());
  }
  return { controls, nameless };
}

async function checkPanelInTheme(workbench: Workbench, outDir: string, theme: { label: string; kind: string }, shot: string): Promise<void> {
  // No need to put the theme back: each UI test runs in a fresh browser context, and the
  // workbench of the next one starts in the harness's theme again (checked with debugger-500.png).
  await workbench.setColorTheme(theme.label, theme.kind);
  const frame = await openSampleAndDebug(workbench, 299);
  await continueToEnd(workbench, frame);

  await frame.locator('body.vscode-high-contrast').waitFor({ timeout: STATE_TIMEOUT });
  const kinds = await frame.locator('.faults li.fault').evaluateAll((items) => items.map((i) => `${i.getAttribute('data-kind')}@${i.getAttribute('data-line')}`));
  assert.deepEqual(kinds, ['invalid-free@211', 'leak@211']);
  assert.equal(await frame.locator('.faults li.fault').first().isVisible(), true);

  for (const selector of ['.run .current-line', '.run .strip path.free', '.run .strip path.set', '.run .pages path.page-allocated', '.run .pages path.page-free']) {
    const edge = await contrastEdge(frame, selector);
    assert.ok(edge.ok, `${selector} has no contrast border or outline in ${theme.label}: ${edge.seen}`);
  }

  assert.deepEqual(await lowContrastText(frame), [], `text below 4.5:1 against its background in ${theme.label}`);

  // The scenario form folds once a run is shown; open it so its fields are checked too.
  if ((await frame.locator('#scenario-section').getAttribute('open')) === null) await frame.locator('#scenario-section > summary').click();
  await frame.locator('#f-pid_max').waitFor({ state: 'visible' });
  const { controls, nameless } = await namelessControls(frame);
  assert.ok(controls >= 15, `only ${controls} controls in the panel's accessibility tree`);
  assert.deepEqual(nameless, [], `controls without an accessible name in ${theme.label}`);

  await workbench.runCommand('Notifications: Clear All Notifications');
  await frame.locator('#scenario-section > summary').click(); // folded again: the picture is of the run
  await frame.locator('.run .bitmaps').first().scrollIntoViewIfNeeded();
  await workbench.screenshot(join(outDir, shot), `the ended run's faults in ${theme.label}`, async () =>
    (await frame.locator('body.vscode-high-contrast').count()) === 1 && frame.locator('.faults li.fault').first().isVisible());
}

export const tests: UiTest[] = [
  {
    name: 'debugger contrast: in Dark High Contrast the 299 run shows its faults, contrast borders on the current statement and bitmap, and a name on every control',
    async run({ workbench, outDir }) {
      await checkPanelInTheme(workbench, outDir, { label: 'Dark High Contrast', kind: 'hc-black' }, 'debugger-high-contrast.png');
    },
  },
  {
    name: 'debugger contrast: in Light High Contrast the 299 run shows its faults, contrast borders on the current statement and bitmap, and a name on every control',
    async run({ workbench, outDir }) {
      await checkPanelInTheme(workbench, outDir, { label: 'Light High Contrast', kind: 'hc-light' }, 'debugger-high-contrast-light.png');
    },
  },
];
