/**
 * An animation made in Chromium and dropped back, on a 1366 × 768 laptop screen: play to 2 h, open the dialog, choose
 * Animation over 0 s to 2 h, see its size before export, start a long one and cancel it part way (nothing is saved),
 * save a GIF (a download in the browser build) whose frames and delays are the ones asked for and which carries the
 * range; save a WebM and an MP4 with the browser's own encoder when it has one, which play and carry the range too,
 * or see the dialog say plainly that this browser cannot; then go elsewhere and drop each file back.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import { appForSuite } from './app-suite.ts';
import { readEmbeddedMoment } from '../../shared/export/embedded-moment.ts';
import { decodeGif } from '../support/animation-decoders.ts';

const suite = appForSuite({ width: 1366, height: 768 });
const H = 3_600_000;
const files = new Map<string, Uint8Array>();
let downloads = 0;

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), bytes: new Uint8Array(await readFile((await file.path()))) };
}

const nowMs = (page: Page) => page.getByTestId('sim-clock').getAttribute('data-now-ms').then(Number);
const viewOf = (page: Page) => page.getByTestId('time-axis').getAttribute('data-view');

/**
 * Plays the file in a <video> element of a blank page of its own (the app's content security policy rightly keeps
 * blob: media out of the app): its width, height and duration, or the error the browser gives.
 */
async function playVideo(browser: Browser, bytes: Uint8Array, type: string): Promise<{ width: number; height: number; duration: number } | string> {
  const context = await browser.newContext();
  try {
    const blank = await context.newPage();
    return await blank.evaluate(
      ({ data, mime }) =>
        new Promise<{ width: number; height: number; duration: number } | string>((resolve) => {
          const video = document.createElement('video');
          video.muted = true;
          video.onloadeddata = () => resolve({ width: video.videoWidth, height: video.videoHeight, duration: video.duration });
          video.onerror = () => resolve(`cannot play: ${video.error?.message ?? 'unknown error'}`);
          video.src = URL.createObjectURL(new Blob([new Uint8Array(data)], { type: mime }));
        }),
      { data: Array.from(bytes), mime: type },
    );
  } finally {
    await context.close();
  }
}

describe('an animated export in Chromium', () => {
  it('offers the animation in the dialog, with its size before export', async () => {
    const { page } = suite.app;
    page.on('download', () => downloads++);
    await page.getByTestId('jump-to').fill('2h');
    await page.getByTestId('jump-to').press('Enter');
    await expect.poll(() => nowMs(page)).toBe(2 * H);
    await page.getByTestId('open-export').click();
    await page.getByRole('dialog', { name: 'Export the timeline' }).waitFor();
    await page.getByTestId('export-format-animation').check();
    await screenshot(page, 'export-animation-chosen');
    await page.getByTestId('export-width').fill('640');
    await page.getByTestId('export-aspect-16-9').check();
    await page.getByTestId('export-from').fill('0s');
    await page.getByTestId('export-to').fill('2h');
    await page.getByTestId('export-duration').fill('2s');
    await page.getByTestId('export-fps').selectOption('5');
    await expect.poll(() => page.getByTestId('export-animation-size').textContent(), { timeout: 60_000 }).toMatch(/^10 frames of 640 × 360 px, about [\d,]+ kB$/);
    expect(await page.getByTestId('export-save').textContent()).toBe('Save GIF…');
    await screenshot(page, 'export-animation-dialog');
  });

  it('shows each frame made with a Cancel that stops it part way and saves nothing', async () => {
    const { page } = suite.app;
    await page.getByTestId('export-duration').fill('20s');
    await page.getByTestId('export-fps').selectOption('15');
    await expect.poll(() => page.getByTestId('export-animation-size').textContent(), { timeout: 60_000 }).toMatch(/^300 frames of 640 × 360 px/);
    await page.getByTestId('export-save').click();
    const progress = page.getByTestId('export-animation-progress');
    await expect.poll(() => progress.textContent(), { timeout: 60_000 }).toMatch(/^Frame [1-9]\d* of 300Cancel$/);
    const bar = page.getByTestId('export-animation-bar');
    expect(Number(await bar.getAttribute('max'))).toBe(300);
    expect(Number(await bar.getAttribute('value'))).toBeGreaterThan(0);
    await screenshot(page, 'export-animation-progress');
    await page.getByTestId('export-animation-cancel').click();
    await expect.poll(() => page.getByTestId('export-status').textContent(), { timeout: 60_000 }).toMatch(/^The GIF was not made: the animation was canceled after (\d+) of 300 frames\.$/);
    const done = Number(/after (\d+) of/.exec((await page.getByTestId('export-status').textContent())!)![1]);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(300);
    expect(await progress.count()).toBe(0);
    expect(downloads).toBe(0);
    await page.getByTestId('export-duration').fill('2s');
    await page.getByTestId('export-fps').selectOption('5');
    await expect.poll(() => page.getByTestId('export-animation-size').textContent(), { timeout: 60_000 }).toMatch(/^10 frames of 640 × 360 px, about [\d,]+ kB$/);
  });

  it('saves a GIF with the frames and delays asked for, carrying the range', async () => {
    const { page } = suite.app;
    const file = await download(page, 'export-save');
    expect(file.name).toBe('builtin-side-by-side-0s-to-2h.gif');
    const gif = decodeGif(file.bytes);
    expect(gif.frames).toHaveLength(10);
    expect(gif.delaysCs).toEqual(Array(10).fill(20));
    expect([gif.width, gif.height, gif.loops]).toEqual([640, 360, 0]);
    const moment = readEmbeddedMoment(file.bytes, file.name);
    if (!moment.ok) throw new Error(moment.error);
    expect(moment.value).toMatchObject({ sourceName: 'builtin:side-by-side', playheadMs: 0, view: { startMs: 0, endMs: 2 * H } });
    await expect.poll(() => page.getByTestId('export-status').textContent()).toMatch(/^Saved the GIF \(640 × 360 px\)/);
    files.set('gif', file.bytes);
  });

  for (const [format, mime] of [['webm', 'video/webm'], ['mp4', 'video/mp4']] as const) {
    it(`saves a ${format.toUpperCase()} with the browser's encoder, which plays and carries the range`, async () => {
      const { page } = suite.app;
      const choice = page.getByTestId(`export-animation-${format}`);
      await expect.poll(() => page.getByTestId('export-animation').textContent(), { timeout: 30_000 }).not.toContain('checking');
      // A Chromium built without the encoder must say so beside the choice and keep it from being picked.
      if (await choice.isDisabled()) {
        expect(await page.getByTestId('export-animation').textContent()).toContain(`${format === 'webm' ? 'WebM' : 'MP4'} video (not in this browser)`);
        expect(await page.getByTestId('export-animation-gif').isChecked()).toBe(true);
        return;
      }
      expect(await page.getByTestId('export-animation').textContent()).toMatch(new RegExp(`${format === 'webm' ? 'WebM' : 'MP4'} video \\((VP9|VP8|AV1|H\\.264)\\)`));
      await choice.check();
      expect(await page.getByTestId('export-save').textContent()).toBe(`Save ${format === 'webm' ? 'WebM' : 'MP4'}…`);
      const file = await download(page, 'export-save');
      expect(file.name).toBe(`builtin-side-by-side-0s-to-2h.${format}`);
      const moment = readEmbeddedMoment(file.bytes, file.name);
      if (!moment.ok) throw new Error(moment.error);
      expect(moment.value.view).toEqual({ startMs: 0, endMs: 2 * H });
      const played = await playVideo(suite.browser, file.bytes, mime);
      expect(played).toMatchObject({ width: 640, height: 360 });
      expect(typeof played === 'object' && Math.abs(played.duration - 2)).toBeLessThan(0.25);
      files.set(format, file.bytes);
      await page.getByTestId('export-animation-gif').check();
    });
  }

  it('reopens the range when the GIF, or a video, is dropped back from another scenario and time', async () => {
    const { page } = suite.app;
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    for (const [format, bytes] of files) {
      await page.getByTestId('scenario-select').selectOption('kubelet-outage');
      await expect.poll(() => page.getByTestId('scenario-select').inputValue()).toBe('kubelet-outage');
      const name = `rotation.${format}`;
      await page.evaluate(
        ({ data, fileName }) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([new Uint8Array(data)], fileName));
          document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        },
        { data: Array.from(bytes), fileName: name },
      );
      await expect.poll(() => page.getByTestId('open-status').textContent(), { timeout: 30_000 }).toMatch(new RegExp(`Reopened ${name.replace('.', '\\.')}: One app, two clusters, six hours at 0 s, showing 0 s to 2 h`));
      expect(await page.getByTestId('scenario-select').inputValue()).toBe('side-by-side');
      expect(await nowMs(page)).toBe(0);
      expect(await viewOf(page)).toBe(`0-${2 * H}`);
    }
    expect(files.has('gif')).toBe(true);
    await screenshot(page, 'animation-reopened');
  });

  it('never requests anything outside localhost and logs no errors', () => {
    expect(suite.app.outsideRequests).toEqual([]);
    expect(suite.app.consoleErrors).toEqual([]);
  });
});
