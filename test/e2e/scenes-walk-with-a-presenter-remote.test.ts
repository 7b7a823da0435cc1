/**
 * Scenes in Chromium, with the keys a USB presenter remote sends: F5 starts side-by-side's run-sheet at its first
 * scene, which plays on and stops by itself at the second scene's moment; Page Down walks on (the playhead, the window
 * and the spotlight as each scene says, "Scene N of 6" in a corner), → and ← step too, Page Up goes back; B and .
 * blank the screen until any key or a click. Shift+S adds a scene where the class is, Ctrl+Z takes it back, and the
 * Notes tab lists the scenes under the notes, reorders, deletes and adds scenes; the export dialog saves all of them as a 16:9 PDF deck and as
 * a ZIP of numbered PNGs. Screenshots at 1280×720 and 1920×1080.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import { appForSuite } from './app-suite.ts';

const suite = appForSuite({ width: 1280, height: 720 });
const MIN = 60_000;

const nowMs = (page: Page) => page.getByTestId('sim-clock').getAttribute('data-now-ms').then(Number);
const indicator = (page: Page) => page.getByTestId('scene-indicator').textContent();
const playing = (page: Page) => page.getByTestId('play-pause').getAttribute('aria-label').then((label) => label === 'Pause');
const spotlit = (page: Page) => page.locator('.tl-panel').getAttribute('data-spotlight-lane');
const view = (page: Page) => page.getByTestId('time-axis').getAttribute('data-view');
const LONG = { timeout: 30_000 };

describe('a presenter remote walks through side-by-side', () => {
  it('F5 starts at the first scene, which plays on and stops at the second scene\'s moment', async () => {
    const { page } = suite.app;
    await page.keyboard.press('F5');
    await expect.poll(() => page.getByTestId('app').getAttribute('data-presenting')).toBe('true');
    await expect.poll(() => indicator(page)).toBe('Scene 1 of 6');
    expect(await page.getByTestId('scene-note').textContent()).toContain('The same app pod on two clusters');
    await expect.poll(() => nowMs(page), LONG).toBe(30 * MIN);
    await expect.poll(() => playing(page)).toBe(false);
  });

  it('Page Down goes to the next scene: its moment, its window and its spotlight', async () => {
    const { page } = suite.app;
    await page.keyboard.press('PageDown');
    await expect.poll(() => indicator(page)).toBe('Scene 2 of 6');
    await expect.poll(() => spotlit(page)).toMatch(/^projected:attacker/);
    await expect.poll(() => view(page)).toBe(`0-${90 * MIN}`);
    expect(await nowMs(page)).toBe(30 * MIN);
    await screenshot(page, 'scenes-1280x720-scene-2');
  });

  it('the third scene plays to the fourth scene\'s moment; → and ← step scenes, Page Up goes back', async () => {
    const { page } = suite.app;
    await page.keyboard.press('PageDown');
    await expect.poll(() => indicator(page)).toBe('Scene 3 of 6');
    await expect.poll(() => nowMs(page), LONG).toBe(71 * MIN);
    await expect.poll(() => playing(page)).toBe(false);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => indicator(page)).toBe('Scene 4 of 6');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => indicator(page)).toBe('Scene 5 of 6');
    await expect.poll(() => nowMs(page)).toBe(180 * MIN);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => indicator(page)).toBe('Scene 4 of 6');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    await expect.poll(() => indicator(page)).toBe('Scene 2 of 6');
    await expect.poll(() => nowMs(page)).toBe(30 * MIN);
  });

  it('B and . blank the screen; any key or a click brings it back and does nothing else', async () => {
    const { page } = suite.app;
    await page.keyboard.press('b');
    await page.getByTestId('blank-screen').waitFor();
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.getByTestId('blank-screen').count()).toBe(0);
    expect(await indicator(page)).toBe('Scene 2 of 6');
    await page.keyboard.press('.');
    await page.getByTestId('blank-screen').waitFor();
    await page.getByTestId('blank-screen').click();
    await expect.poll(() => page.getByTestId('blank-screen').count()).toBe(0);
    expect(await page.getByTestId('app').getAttribute('data-presenting')).toBe('true');
  });

  it('Shift+S adds a scene after the current one; Ctrl+Z takes it back', async () => {
    const { page } = suite.app;
    await page.keyboard.press('Shift+S');
    await expect.poll(() => indicator(page)).toBe('Scene 3 of 7');
    await page.keyboard.press('Control+z');
    await expect.poll(() => indicator(page)).not.toContain('of 7');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => indicator(page)).toContain('of 7');
  });

  it('looks right at 1920×1080 too', async () => {
    const { page } = suite.app;
    await page.keyboard.press('PageDown');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForTimeout(800);
    await screenshot(page, 'scenes-1920x1080');
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('Esc leaves; the Notes tab lists the run-sheet, with the added scene written into the file', async () => {
    const { page } = suite.app;
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('app').getAttribute('data-presenting')).toBe('false');
    await page.getByTestId('tab-notes').click();
    await expect.poll(() => page.getByTestId('scene-item').count()).toBe(7);
    await page.getByRole('button', { name: 'Move scene 2 up' }).click();
    await expect.poll(() => page.getByTestId('scene-item').nth(0).textContent()).toContain('at 30 m 0 s');
    expect(await page.getByTestId('scene-item').nth(1).textContent()).toContain('at 0 s');
    // Below the 48 m scene, which plays on, the 30 m scene would be a step back in time: refused, nothing changes.
    await page.getByRole('button', { name: 'Move scene 3 down' }).click();
    await expect.poll(() => page.getByTestId('scenes-panel').getByRole('alert').textContent()).toContain('plays on to the next scene');
    expect(await page.getByTestId('scene-item').nth(2).textContent()).toContain('at 30 m 0 s');
    await page.getByRole('button', { name: 'Delete scene 3' }).click();
    await expect.poll(() => page.getByTestId('scene-item').count()).toBe(6);
    await page.getByTestId('add-scene').click();
    await expect.poll(() => page.getByTestId('scene-item').count()).toBe(7);
    await screenshot(page, 'scenes-tab-1280x720');
  });

  it('the export dialog saves every scene as a 16:9 PDF deck and as numbered PNGs in a ZIP', async () => {
    const { page } = suite.app;
    await page.getByTestId('timeline-flow-projected').locator('canvas').focus();
    await page.keyboard.press('e');
    await page.getByRole('dialog', { name: 'Export the timeline' }).waitFor();
    const save = async (testId: string) => {
      const [file] = await Promise.all([page.waitForEvent('download', LONG), page.getByTestId(testId).click()]);
      return { name: file.suggestedFilename(), bytes: new Uint8Array(await readFile(await file.path())) };
    };
    const deck = await save('export-scenes-pdf');
    expect(deck.name).toMatch(/side-by-side-scenes\.pdf$/);
    const pdf = await PDFDocument.load(deck.bytes);
    expect(pdf.getPageCount()).toBe(7);
    expect([pdf.getPage(0).getWidth(), pdf.getPage(0).getHeight()]).toEqual([960, 540]);
    const zip = await save('export-scenes-zip');
    expect(Object.keys(unzipSync(zip.bytes))).toEqual(['scene-01.png', 'scene-02.png', 'scene-03.png', 'scene-04.png', 'scene-05.png', 'scene-06.png', 'scene-07.png']);
    await page.keyboard.press('Escape');
  }, 120_000);

  it('logs no errors and requests nothing outside localhost', () => {
    expect(suite.app.outsideRequests).toEqual([]);
    expect(suite.app.consoleErrors).toEqual([]);
  });
});
