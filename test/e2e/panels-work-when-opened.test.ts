/**
 * The bottom panels on a 1366×768 laptop, as a learner opens them: the console keeps its prompt in view after every
 * command, the manifest editor shows at least 15 lines, the events table at least 8 rows, and nothing (opening a panel,
 * Apply in the editor, a long console output) scrolls the app shell: the header stays at the top of the window.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import { appForSuite } from './app-suite.ts';

const suite = appForSuite({ width: 1366, height: 768 });

/** How far the shell has scrolled (page, root, app, main grid) and where the header is: all zero when it has not. */
const shellScroll = (page: Page) =>
  page.evaluate(() => {
    const scrolled = ['html', 'body', '#root', '.app', '.app-main'].map((sel) => document.querySelector(sel)?.scrollTop ?? 0);
    return { scrolled: scrolled.reduce((a, b) => a + b, 0), headerTop: Math.round(document.querySelector('.app-header')!.getBoundingClientRect().top) };
  });

/** Rows (or lines) wholly inside both their scrolling box and the window. */
const wholeInside = (page: Page, scroller: string, items: string) =>
  page.evaluate(
    ([scrollerSel, itemsSel]) => {
      const box = document.querySelector(scrollerSel!)!.getBoundingClientRect();
      const top = Math.max(0, box.top);
      const bottom = Math.min(window.innerHeight, box.bottom);
      return [...document.querySelectorAll(itemsSel!)].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.height > 0 && r.top >= top - 0.5 && r.bottom <= bottom + 0.5;
      }).length;
    },
    [scroller, items],
  );

/** The terminal's last prompt row ("… $ "), and whether it lies wholly inside the terminal's frame and the window. */
const promptInView = (page: Page) =>
  page.evaluate(() => {
    const frame = document.querySelector('[data-testid="console-panel"] .console-terminal')!.getBoundingClientRect();
    const rows = [...document.querySelectorAll('[data-testid="console-panel"] .xterm-rows > div')];
    const prompt = rows.filter((row) => /\$\s*$/.test((row.textContent ?? '').replace(/\u00a0/g, ' '))).at(-1);
    if (!prompt) return 'no prompt on screen';
    const r = prompt.getBoundingClientRect();
    return r.top >= frame.top && r.bottom <= frame.bottom && r.bottom <= window.innerHeight ? 'in view' : `prompt at ${r.top}–${r.bottom}, frame ${frame.top}–${frame.bottom}`;
  });

describe('the bottom panels at 1366×768', () => {
  it('keeps the console prompt in view after every command, and the page where it was', async () => {
    const { page } = suite.app;
    await page.getByTestId('tab-console').click();
    await page.getByTestId('console-panel').locator('.xterm-rows').waitFor();
    expect(await shellScroll(page)).toEqual({ scrolled: 0, headerTop: 0 });
    await page.getByTestId('console-panel').locator('.console-terminal').click();
    const announcement = page.getByTestId('console-announcement');
    for (const line of ['get sa my-app -o yaml', 'create token my-app', 'get sa my-app -o yaml', 'create token my-app --duration 5m', 'get pods']) {
      const before = await announcement.innerHTML();
      await page.keyboard.type(`kubectl ${line}`);
      await page.keyboard.press('Enter');
      await expect.poll(() => announcement.innerHTML(), { timeout: 15_000 }).not.toBe(before);
      await expect.poll(() => promptInView(page), { timeout: 15_000 }).toBe('in view');
      expect(await shellScroll(page)).toEqual({ scrolled: 0, headerTop: 0 });
    }
    await screenshot(page, 'panels-console-1366');
  });

  it('shows at least 15 lines of the manifest when the editor opens, and Apply moves nothing', async () => {
    const { page } = suite.app;
    await page.getByTestId('tab-editor').click();
    await page.getByTestId('manifest-editor').locator('.cm-line').first().waitFor();
    await page.waitForTimeout(200);
    await screenshot(page, 'panels-editor-1366');
    expect(await wholeInside(page, '[data-testid="manifest-editor"] .cm-scroller', '[data-testid="manifest-editor"] .cm-line')).toBeGreaterThanOrEqual(15);
    expect(await shellScroll(page)).toEqual({ scrolled: 0, headerTop: 0 });

    await page.getByTestId('manifest-editor').getByRole('button', { name: /^Apply to / }).click();
    await expect.poll(() => page.getByTestId('manifest-result').textContent(), { timeout: 15_000 }).toMatch(/Applied|Refused/);
    expect(await shellScroll(page)).toEqual({ scrolled: 0, headerTop: 0 });
    await screenshot(page, 'panels-editor-applied-1366');
  });

  it('shows at least 8 rows of events when the events table opens', async () => {
    const { page } = suite.app;
    await page.getByTestId('jump-to').fill('2h');
    await page.getByTestId('jump-to').press('Enter');
    await page.getByTestId('tab-events').click();
    await page.waitForTimeout(200);
    await screenshot(page, 'panels-events-1366');
    expect(await wholeInside(page, '[data-testid="event-table"] .ts-grid-body', '[data-testid="event-table"] .ts-grid-body [role="row"]')).toBeGreaterThanOrEqual(8);
    expect(await shellScroll(page)).toEqual({ scrolled: 0, headerTop: 0 });
    // Each kind is a glossary link styled as the text it is, inside its row, before the glossary was ever opened.
    const kinds = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="event-table"] .ts-grid-body [role="row"]')].slice(0, 8).map((row) => {
        const link = row.querySelector('.glossary-link')!;
        const style = getComputedStyle(link);
        const rowBox = row.getBoundingClientRect();
        const linkBox = link.getBoundingClientRect();
        return { border: style.borderTopWidth, inside: linkBox.top >= rowBox.top && linkBox.bottom <= rowBox.bottom };
      }),
    );
    expect(kinds.length).toBeGreaterThanOrEqual(8);
    expect(kinds).toEqual(kinds.map(() => ({ border: '0px', inside: true })));
  });

  it('resizes the bottom panel from the keyboard with its splitter, and remembers the height for this window size', async () => {
    const { page } = suite.app;
    const splitter = page.getByTestId('bottom-splitter');
    expect(await splitter.getAttribute('role')).toBe('separator');
    const before = Number(await splitter.getAttribute('aria-valuenow'));
    await splitter.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const after = Number(await splitter.getAttribute('aria-valuenow'));
    expect(after).toBeLessThan(before);
    const events = await page.locator('section.events').boundingBox();
    expect(Math.round(events!.height)).toBe(after);
    await page.keyboard.press('Home');
    expect(Number(await splitter.getAttribute('aria-valuenow'))).toBe(Number(await splitter.getAttribute('aria-valuemin')));
    await page.keyboard.press('PageUp');
    const chosen = Number(await splitter.getAttribute('aria-valuenow'));
    expect(await shellScroll(page)).toEqual({ scrolled: 0, headerTop: 0 });

    await page.reload();
    await page.getByTestId('timeline-flow-projected').waitFor();
    await expect.poll(() => page.getByTestId('bottom-splitter').getAttribute('aria-valuenow')).toBe(String(chosen));
  });

  it('collapses the bottom and side panels, giving the timelines their room, and opens them again', async () => {
    const { page } = suite.app;
    const timelines = () => page.locator('section.timelines').boundingBox();
    const before = (await timelines())!;
    await page.getByTestId('toggle-bottom-panel').click();
    await page.getByTestId('toggle-side-panel').click();
    const after = (await timelines())!;
    expect(after.height).toBeGreaterThan(before.height + 100);
    expect(after.width).toBeGreaterThan(before.width + 300);
    await screenshot(page, 'panels-collapsed-1366');
    await page.getByTestId('tab-console').click();
    expect(await page.getByTestId('toggle-bottom-panel').getAttribute('aria-expanded')).toBe('true');
    await page.getByTestId('toggle-side-panel').click();
    expect(await page.getByTestId('tab-inspector').isVisible()).toBe(true);
  });
});

describe('the chrome at 1366×768', () => {
  it('fits the Display menu’s selects inside their popover and every side tab name on one line', async () => {
    const { page } = suite.app;
    await page.locator('[data-testid="display-settings"] summary').click();
    const overflow = await page.evaluate(() => {
      const body = document.querySelector('.display-settings-body')!.getBoundingClientRect();
      return [...document.querySelectorAll('.display-settings-body select')]
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.left < body.left || r.right > body.right || r.right > window.innerWidth).length;
    });
    await screenshot(page, 'display-menu-1366');
    await page.locator('[data-testid="display-settings"] summary').click();
    expect(overflow).toBe(0);

    const tabs = await page.evaluate(() =>
      [...document.querySelectorAll('.inspector [role="tab"]')].map((tab) => {
        const r = tab.getBoundingClientRect();
        const list = tab.parentElement!.getBoundingClientRect();
        return { name: tab.textContent, oneLine: r.height < 48, inside: r.right <= list.right + 0.5 };
      }),
    );
    expect(tabs).toEqual(['Inspector', 'Lesson', 'Notes', 'Paste a token'].map((name) => ({ name, oneLine: true, inside: true })));
  });
});
