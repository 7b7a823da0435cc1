/**
 * axe-core in Chromium finds no WCAG 2.1 A/AA violation in any theme (light, dark, projector), in the normal layout
 * with every tab visited (events, console, lesson, notes, paste) and in presentation mode with the cheat sheet open;
 * in the projector theme the enhanced (AAA, 7:1) contrast rule is run as well.
 *
 * The page's Content-Security-Policy forbids inline scripts, and axe is injected as one: this context bypasses CSP
 * for that alone (the app's own requests are still kept to localhost, as in browser.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';

const AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

let browser: Browser;
let page: Page;

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function audit(tags: string[]): Promise<string[]> {
  await page.waitForTimeout(150);
  const violations = (await page.evaluate(
    async (runOnly) => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe;
      return (await axe.run(document, { runOnly: { type: 'tag', values: runOnly }, resultTypes: ['violations'] })).violations;
    },
    tags,
  )) as Violation[];
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${n.target.join(' ')} (${n.failureSummary?.split('\n').slice(1, 3).join(' ') ?? ''})`));
}

async function chooseTheme(theme: string): Promise<void> {
  await page.locator('[data-testid="display-settings"] summary').click();
  await page.getByTestId('theme-select').selectOption(theme);
  await page.locator('[data-testid="display-settings"] summary').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
}

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1, bypassCSP: true });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    return url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:' ? route.continue() : route.abort();
  });
  page = await context.newPage();
  await page.goto(inject('baseUrl'));
  await page.getByTestId('timeline-flow-projected').waitFor();
  await page.addScriptTag({ content: axeSource });
  // Into the run, so the timelines, the legend and the event table have content to check.
  await page.getByTestId('jump-to').fill('2h13m');
  await page.getByTestId('jump-to').press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="sim-clock"]')?.textContent?.includes('2 h 13 m'));
});

afterAll(async () => {
  await browser?.close();
});

describe.each(['light', 'dark', 'projector'])('axe in the %s theme', (theme) => {
  const tags = theme === 'projector' ? [...AA, 'wcag2aaa'] : AA;

  it('finds nothing on the main screen, with every tab visited', async () => {
    await chooseTheme(theme);
    const found: string[] = [];
    found.push(...(await audit(tags)));
    for (const [tab, ready] of [
      ['tab-console', '.console-panel'],
      ['tab-editor', '.cm-editor'],
      ['tab-lesson', '.lesson-panel'],
      ['tab-notes', '[data-testid="annotations"]'],
      ['tab-paste', '.ts-paste'],
    ] as const) {
      await page.getByTestId(tab).click();
      await page.locator(ready).first().waitFor();
      found.push(...(await audit(tags)).map((v) => `[${tab}] ${v}`));
    }
    await page.getByTestId('tab-events').click();
    await page.getByTestId('tab-inspector').click();
    expect([...new Set(found)]).toEqual([]);
  });

  it('finds nothing in presentation mode, nor on its cheat sheet', async () => {
    await page.keyboard.press('F5');
    await expect.poll(() => page.getByTestId('app').getAttribute('data-presenting')).toBe('true');
    const found = await audit(tags);
    await page.keyboard.press('?');
    await page.getByTestId('cheat-sheet').waitFor();
    found.push(...(await audit(tags)).map((v) => `[cheat sheet] ${v}`));
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('app').getAttribute('data-presenting')).toBe('false');
    expect([...new Set(found)]).toEqual([]);
  });
});
