/**
 * axe-core in Chromium finds no WCAG 2.1 A/AA violation in any theme (light, dark, projector), in the normal layout
 * with every tab visited (events, console, lesson, notes, paste) and in presentation mode with the cheat sheet open;
 * in the projector theme the enhanced (AAA, 7:1) contrast rule is run as well.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { axeAudit, axeTags, openAxePage } from './axe.ts';
import { chooseTheme } from './display-settings.ts';

let browser: Browser;
let page: Page;

async function audit(tags: string[]): Promise<string[]> {
  await page.waitForTimeout(150);
  return axeAudit(page, tags);
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await openAxePage(browser);
  // Into the run, so the timelines, the legend and the event table have content to check.
  await page.getByTestId('jump-to').fill('2h13m');
  await page.getByTestId('jump-to').press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="sim-clock"]')?.textContent?.includes('2 h 13 m'));
});

afterAll(async () => {
  await browser?.close();
});

describe.each(['light', 'dark', 'projector'])('axe in the %s theme', (theme) => {
  const tags = axeTags(theme);

  it('finds nothing on the main screen, with every tab visited', async () => {
    await chooseTheme(page, theme);
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
