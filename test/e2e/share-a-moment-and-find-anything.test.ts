/**
 * Instructor's kit in Chromium: share a moment as a link, and find anything. Copy link in the export dialog, open
 * the link in a new page and find the same scenario, playhead and window there; a cut link and a foreign #… are
 * refused with a sentence and change nothing; a scenario whose link is over 8 kB says so and offers the file. Then /
 * focuses the event search, typing filters and counts and marks the matches on the timeline; the glossary opens from
 * F1's cheat sheet and from a claim's name in the inspector, and searches as you type. axe-core finds nothing in the
 * glossary, the event search and a link's message in any theme.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshot } from './browser.ts';
import { appForSuite } from './app-suite.ts';
import { axeAudit, axeTags, openAxePage } from './axe.ts';
import { chooseTheme } from './display-settings.ts';
import { readMomentFragment } from '../../shared/export/moment-link.ts';
import { noisyNotes } from '../support/noise-text.ts';

const suite = appForSuite();
const H = 3_600_000;

const nowMs = (page: Page) => page.getByTestId('sim-clock').getAttribute('data-now-ms').then(Number);
const viewOf = (page: Page) => page.getByTestId('time-axis').getAttribute('data-view');
const message = (page: Page) => page.getByTestId('open-status').locator('p').textContent();

async function openedApp(url: string) {
  const opened = await openApp(suite.browser, url);
  await opened.page.getByTestId('timeline-flow-projected').waitFor();
  return opened;
}

let link = '';
let linkedView = '';

describe('a moment as a link', () => {
  it('Copy link in the export dialog copies a link to the moment', async () => {
    const { page } = suite.app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: inject('baseUrl') });
    await page.getByTestId('jump-to').fill('2h');
    await page.getByTestId('jump-to').press('Enter');
    await expect.poll(() => nowMs(page)).toBe(2 * H);
    await page.getByTestId('timeline-flow-projected').locator('canvas').focus();
    await page.keyboard.press('w');
    linkedView = (await viewOf(page))!;
    await page.keyboard.press('e');
    await page.getByRole('dialog', { name: 'Export the timeline' }).waitFor();
    await page.getByTestId('export-copy-link').click();
    await expect.poll(() => page.getByTestId('share-link-outcome').getAttribute('data-outcome')).toBe('copied');
    link = await page.getByTestId('share-link-text').inputValue();
    expect(link.startsWith(`${inject('baseUrl')}#tokenscope=1.`)).toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    const reading = readMomentFragment(new URL(link).hash);
    expect(reading.kind === 'moment' && reading.moment.playheadMs).toBe(2 * H);
    await screenshot(page, 'copy-link-in-export-dialog');
    await page.getByTestId('export-close').click();
  });

  it('opened in a new page, the link shows the same scenario, playhead and window', async () => {
    const opened = await openedApp(link);
    const { page } = opened;
    await expect.poll(() => message(page), { timeout: 20_000 }).toMatch(/^Reopened the link: One app, two clusters, six hours at 2 h 0 m 0 s/);
    expect(await nowMs(page)).toBe(2 * H);
    expect(await viewOf(page)).toBe(linkedView);
    expect(opened.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('pasted on the timeline (Ctrl+V), the copied link reopens its moment', async () => {
    const { page } = suite.app;
    await page.getByTestId('jump-to').fill('30m');
    await page.getByTestId('jump-to').press('Enter');
    await expect.poll(() => nowMs(page)).toBe(30 * 60_000);
    await page.getByTestId('timeline-flow-legacy').locator('canvas').focus();
    await page.keyboard.press('Control+V');
    await expect.poll(() => message(page), { timeout: 20_000 }).toMatch(/^Reopened the link: /);
    expect(await nowMs(page)).toBe(2 * H);
    expect(await viewOf(page)).toBe(linkedView);
  });

  it('a cut link and a foreign #… are refused with a sentence and change nothing', async () => {
    const cut = link.slice(0, link.length - 60);
    const { page, consoleErrors } = await openedApp(cut);
    await expect.poll(() => message(page)).toMatch(/^The link (is cut short|was changed on its way).*Nothing was changed\.$/);
    await page.getByTestId('scenario-select').waitFor();
    expect(await page.getByTestId('scenario-select').inputValue()).toBe('side-by-side');
    expect(await nowMs(page)).toBe(0);
    await screenshot(page, 'cut-link-refused');

    await page.getByTestId('jump-to').fill('1h');
    await page.getByTestId('jump-to').press('Enter');
    await expect.poll(() => nowMs(page)).toBe(H);
    await page.evaluate(() => {
      window.location.hash = '#section-2';
    });
    await expect.poll(() => message(page)).toMatch(/^The link's #… part is not a TokenScope moment .*Nothing was changed\.$/);
    expect(await nowMs(page)).toBe(H);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('a scenario whose link is over 8 kB says so (Ctrl+Shift+C) and offers the file instead', async () => {
    const { page } = suite.app;
    const notes = noisyNotes(3, 160);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('open-file').click();
    const scenario = `${readFileSync('assets/scenarios/side-by-side.yaml', 'utf8').trimEnd()}\nannotations:\n${notes}`;
    await (await chooser).setFiles({ name: 'many-notes.yaml', mimeType: 'application/yaml', buffer: Buffer.from(scenario) });
    await expect.poll(() => message(page), { timeout: 20_000 }).toMatch(/^Opened many-notes\.yaml/);
    await page.getByTestId('timeline-flow-projected').locator('canvas').focus();
    await page.keyboard.press('Control+Shift+C');
    const toast = page.getByTestId('share-link-toast');
    await expect.poll(() => toast.locator('p').first().textContent()).toMatch(/^This link is \d+ kB: too long for most chat tools/);
    expect(await toast.getByTestId('share-save-scenario').isVisible()).toBe(true);
    expect(await toast.getByTestId('share-copy-anyway').isVisible()).toBe(true);
    await screenshot(page, 'link-too-long');
    await toast.getByRole('button', { name: 'Dismiss this message' }).click();
  });
});

describe('find anything', () => {
  it('/ focuses the event search; typing filters, counts and marks the matches on the timeline; Esc clears', async () => {
    const { page } = suite.app;
    await page.getByTestId('scenario-select').selectOption('side-by-side');
    await page.getByTestId('unsaved-discard').click({ timeout: 2_000 }).catch(() => undefined);
    await expect.poll(() => page.getByTestId('scenario-select').inputValue()).toBe('side-by-side');
    await page.getByTestId('jump-to').fill('4h');
    await page.getByTestId('jump-to').press('Enter');
    await expect.poll(() => nowMs(page)).toBe(4 * H);
    await page.getByTestId('timeline-flow-projected').locator('canvas').focus();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('event-search');
    await page.keyboard.type('refresh due');
    await expect.poll(() => page.getByTestId('event-search-count').textContent()).toMatch(/^\d+ events? match/);
    const count = Number((await page.getByTestId('event-search-count').textContent())!.match(/^\d+/)![0]);
    expect(count).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('event-count').textContent()).toContain(`Showing ${count} of`);
    await expect.poll(() => page.getByTestId('timeline-flow-projected').getAttribute('data-search-marks').then(Number)).toBeGreaterThan(0);
    await screenshot(page, 'event-search-marks-the-timeline');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('timeline-flow-projected').getAttribute('data-search-marks').then(Number)).toBe(0);
    expect(await page.getByTestId('event-search').inputValue()).toBe('');
  });

  it('the glossary opens from F1’s cheat sheet and searches as you type', async () => {
    const { page } = suite.app;
    await page.getByTestId('timeline-flow-projected').locator('canvas').focus();
    await page.keyboard.press('F1');
    await page.getByTestId('cheat-sheet-glossary').click();
    const dialog = page.getByRole('dialog', { name: 'Glossary' });
    await dialog.waitFor();
    await page.keyboard.type('leeway');
    await expect.poll(() => page.getByTestId('glossary-detail').getAttribute('data-entry')).toBe('idea:Leeway');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByTestId('glossary-detail').getAttribute('data-entry')).not.toBe('idea:Leeway');
    await screenshot(page, 'glossary-search');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('the glossary opens at a claim from its name in the inspector', async () => {
    const { page } = suite.app;
    const flow = page.getByTestId('timeline-flow-projected');
    const x = Number(await flow.getAttribute('data-first-token-x'));
    const y = Number(await flow.getAttribute('data-first-token-y'));
    await flow.locator('canvas').click({ position: { x, y } });
    const inspector = page.getByTestId('token-inspector');
    await inspector.getByRole('button', { name: 'exp', exact: true }).click();
    await expect.poll(() => page.getByTestId('glossary-detail').getAttribute('data-entry')).toBe('claim:exp');
    expect(await page.getByTestId('glossary-detail').textContent()).toContain('60 s of clock-skew leeway');
    await screenshot(page, 'glossary-from-a-claim');
    await page.keyboard.press('Escape');
  });

  it('never requests anything outside localhost and logs no errors', () => {
    expect(suite.app.outsideRequests).toEqual([]);
    expect(suite.app.consoleErrors).toEqual([]);
  });
});

describe('the glossary, the search and the link messages for everyone', () => {
  let page: Page;
  const audit = (selector: string, tags: string[]) => axeAudit(page, tags, selector);

  beforeAll(async () => {
    page = await openAxePage(suite.browser);
  });

  it.each(['light', 'dark', 'projector'])('passes axe in the %s theme', async (theme) => {
    await chooseTheme(page, theme);
    const tags = axeTags(theme);
    await page.evaluate((name) => {
      window.location.hash = `#notes-${name}`;
    }, theme);
    await page.getByTestId('open-status').waitFor();
    expect(await audit('.export-open-messages', tags)).toEqual([]);
    await page.getByTestId('open-status').getByRole('button', { name: 'Dismiss this message' }).click();

    await page.getByTestId('timeline-flow-projected').locator('canvas').focus();
    await page.keyboard.press('/');
    await page.keyboard.type('token');
    await page.getByTestId('event-search-count').waitFor();
    expect(await audit('[data-testid="event-table"]', tags)).toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByTestId('timeline-flow-projected').locator('canvas').focus();
    await page.keyboard.press('F1');
    await page.getByTestId('cheat-sheet-glossary').click();
    // The glossary loads on first use: typing starts once its search field is there.
    await page.getByTestId('glossary-search').waitFor();
    await page.keyboard.type('aud');
    expect(await audit('[data-testid="glossary"]', tags)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.getByTestId('glossary').waitFor({ state: 'detached' });
  });
});
