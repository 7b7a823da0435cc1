/**
 * Presentation mode in Chromium, from the keyboard: F5 enters (no chrome, the timelines take the screen), the type
 * size goes up twice and is still 150 % after a reload, the spotlight moves between lanes, the laser dot follows the
 * mouse, a note added at the playhead shows on both timelines, `?` opens the shortcut sheet and Esc closes it, and
 * Esc leaves. The projector theme at 150 % on a 1920×1080 screen is saved as a screenshot to look at.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import { appForSuite } from './app-suite.ts';
import { chooseTheme } from './display-settings.ts';

const suite = appForSuite({ width: 1920, height: 1080 });

const presenting = (page: Page) => page.getByTestId('app').getAttribute('data-presenting');
const panelAttr = (page: Page, name: string) => page.locator('.tl-panel').getAttribute(name);

describe('presentation mode', () => {
  it('F5 hides the chrome and gives the timelines the screen', async () => {
    const { page } = suite.app;
    await page.keyboard.press('F5');
    await expect.poll(() => presenting(page)).toBe('true');
    expect(await page.locator('.app-header').count()).toBe(0);
    expect(await page.locator('aside.inspector').count()).toBe(0);
    expect(await page.getByTestId('tab-events').count()).toBe(0);
    const box = await page.locator('section.timelines').boundingBox();
    expect(box!.width).toBeGreaterThan(1920 * 0.95);
    expect(box!.height).toBeGreaterThan(1080 * 0.5);
    expect(await page.getByTestId('play-pause').isVisible()).toBe(true);
  });

  it('takes the type up two steps and still has it after a reload', async () => {
    const { page } = suite.app;
    await page.keyboard.press('Control+Equal');
    await page.keyboard.press('Control+Equal');
    await expect.poll(() => page.getByTestId('font-scale').textContent()).toBe('150 %');
    expect(await panelAttr(page, 'data-font-scale')).toBe('150');
    const titleSize = await page.locator('.tl-flow-header h2').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(titleSize).toBe(36);

    await page.reload();
    await page.getByTestId('timeline-flow-projected').waitFor();
    expect(await presenting(page)).toBe('false');
    await expect.poll(() => page.getByTestId('font-scale-select').inputValue()).toBe('150');
    // Into the run, so both flows have their lanes (the spotlight moves between them next).
    await page.getByTestId('jump-to').fill('2h13m');
    await page.getByTestId('jump-to').press('Enter');
    await expect.poll(() => page.getByTestId('sim-clock').textContent()).toContain('2 h 13 m');
    // Shift+F5 presents from here; F5 would start from the scenario's first scene.
    await page.keyboard.press('Shift+F5');
    await expect.poll(() => panelAttr(page, 'data-font-scale')).toBe('150');
  });

  it('moves the spotlight between lanes with S, ↓ and ↑', async () => {
    const { page } = suite.app;
    expect(await panelAttr(page, 'data-spotlight-lane')).toBeNull();
    await page.keyboard.press('s');
    await expect.poll(() => panelAttr(page, 'data-spotlight-lane')).not.toBeNull();
    const first = await panelAttr(page, 'data-spotlight-lane');
    await page.keyboard.press('ArrowDown');
    const second = await panelAttr(page, 'data-spotlight-lane');
    expect(second).not.toBe(first);
    await page.keyboard.press(']');
    expect(await panelAttr(page, 'data-spotlight-lane')).not.toBe(second);
    await page.keyboard.press('[');
    await page.keyboard.press('ArrowUp');
    expect(await panelAttr(page, 'data-spotlight-lane')).toBe(first);
    expect(await page.getByTestId('spotlight-frame').isVisible()).toBe(true);
    // The frame's border lies outside the lane, so it cuts none of the lane's captions ("copied by the attacker").
    const clear = await page.evaluate(() => {
      const frame = document.querySelector('[data-testid="spotlight-frame"]')!;
      const laneId = document.querySelector('[data-testid="spotlight"]')!.getAttribute('data-lane');
      const lane = document.querySelector(`.tl-lane-label[data-lane-id="${CSS.escape(laneId!)}"]`)!.getBoundingClientRect();
      const f = frame.getBoundingClientRect();
      const border = parseFloat(getComputedStyle(frame).borderTopWidth);
      return { topClear: f.top + border <= lane.top, bottomClear: f.bottom - border >= lane.bottom };
    });
    expect(clear).toEqual({ topClear: true, bottomClear: true });
    await page.keyboard.press('s');
    await expect.poll(() => panelAttr(page, 'data-spotlight-lane')).toBeNull();
  });

  it('shows the laser dot where the mouse is', async () => {
    const { page } = suite.app;
    await page.keyboard.press('l');
    const area = await page.getByTestId('laser-area').boundingBox();
    for (const [dx, dy] of [
      [400, 200],
      [900, 320],
    ] as const) {
      await page.mouse.move(area!.x + dx, area!.y + dy, { steps: 4 });
      await expect.poll(async () => Number(await page.getByTestId('laser-dot').getAttribute('data-x'))).toBeCloseTo(dx, -1);
      expect(Number(await page.getByTestId('laser-dot').getAttribute('data-y'))).toBeCloseTo(dy, -1);
    }
    await page.keyboard.press('l');
    expect(await page.getByTestId('laser-dot').count()).toBe(0);
  });

  it('adds a note at the playhead from the keyboard and draws it on the timelines', async () => {
    const { page } = suite.app;
    await page.keyboard.press('Escape');
    await page.getByTestId('jump-to').fill('48m');
    await page.getByTestId('jump-to').press('Enter');
    await expect.poll(() => page.getByTestId('sim-clock').textContent()).toContain('48 m 0 s');
    await page.keyboard.press('Shift+F5');
    await expect.poll(() => presenting(page)).toBe('true');
    await page.keyboard.press('a');
    await page.getByTestId('annotation-text').waitFor();
    // The notes panel loads on first use; the form takes the focus once it has rendered.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('annotation-text');
    await expect.poll(() => page.getByTestId('annotation-from').inputValue()).toBe('48m');
    await page.keyboard.type('here the kubelet refreshes');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('annotation-item').count()).toBe(1);
    expect(await page.getByTestId('annotation-item').textContent()).toContain('here the kubelet refreshes');
    await expect.poll(() => page.getByTestId('timeline-flow-projected').getAttribute('data-annotations')).toBe('1');
    await expect.poll(() => page.getByTestId('timeline-flow-legacy').getAttribute('data-annotations')).toBe('1');
  });

  it('opens the shortcut sheet with ? and closes it with Esc, focus back where it was', async () => {
    const { page } = suite.app;
    await page.locator('[data-testid="timeline-flow-projected"] canvas').focus();
    await page.keyboard.press('?');
    await page.getByTestId('cheat-sheet').waitFor();
    expect(await page.getByTestId('cheat-sheet').textContent()).toContain('Spotlight the next lane');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('cheat-sheet').count()).toBe(0);
    expect(await presenting(page)).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="timeline-flow-projected"]') !== null)).toBe(true);
  });

  it('looks right projected: projector theme, 150 %, 1920×1080', async () => {
    const { page } = suite.app;
    await page.keyboard.press('Escape');
    await expect.poll(() => presenting(page)).toBe('false');
    await chooseTheme(page, 'projector');
    await page.getByTestId('speed').selectOption('3600');
    await page.getByTestId('jump-to').fill('2h13m');
    await page.getByTestId('jump-to').press('Enter');
    await expect.poll(() => page.getByTestId('sim-clock').textContent()).toContain('2 h 13 m');
    // Shift+F5 presents from here; F5 would start from the scenario's first scene.
    await page.keyboard.press('Shift+F5');
    await expect.poll(() => panelAttr(page, 'data-theme')).toBe('projector');
    await page.waitForTimeout(300);
    await screenshot(page, 'presentation-projector-150');
    // The projected flow is below the legacy one: walking the spotlight down to its pod brings it into view.
    await page.keyboard.press('s');
    for (let i = 0; i < 12 && !(await panelAttr(page, 'data-spotlight-lane'))?.startsWith('projected:pod'); i++) await page.keyboard.press('ArrowDown');
    expect(await panelAttr(page, 'data-spotlight-lane')).toMatch(/^projected:pod/);
    expect(await page.getByTestId('spotlight-frame').isVisible()).toBe(true);
    await page.keyboard.press('l');
    // The timelines have scrolled: aim inside the part of them that is on screen.
    const shown = await page.locator('section.timelines').boundingBox();
    await page.mouse.move(shown!.x + 900, shown!.y + 420, { steps: 6 });
    await page.getByTestId('laser-dot').waitFor();
    await screenshot(page, 'presentation-projector-spotlight-laser');
  });

  it('Esc leaves presentation mode', async () => {
    const { page } = suite.app;
    await page.keyboard.press('Escape');
    await expect.poll(() => presenting(page)).toBe('false');
    expect(await page.locator('.app-header').count()).toBe(1);
  });

  it('logs no errors and requests nothing outside localhost', () => {
    expect(suite.app.outsideRequests).toEqual([]);
    expect(suite.app.consoleErrors).toEqual([]);
  });
});
