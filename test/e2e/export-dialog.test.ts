/**
 * Export through the dialog in Chromium and back in again: seek and zoom, open the dialog with the E key, save a
 * PNG and an SVG (downloads in the browser build), check the PNG's pixel size is the one the dialog showed and that
 * it carries the moment, check the SVG stands alone (fonts as data: URIs, no outside references, the moment in
 * <metadata>), then go elsewhere — another scenario, another time — drop the PNG on the window and find the app
 * back at the same scenario, playhead and window. Last, axe-core finds nothing in the open dialog in any theme,
 * with a field in error.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import { appForSuite } from './app-suite.ts';
import { axeAudit, axeTags, openAxePage } from './axe.ts';
import { chooseTheme } from './display-settings.ts';
import { readEmbeddedMoment } from '../../shared/export/embedded-moment.ts';

const suite = appForSuite();

const H = 3_600_000;
let png: Uint8Array;
let shownSize: string;
let exportedView: string;

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: new Uint8Array(await readFile(path)) };
}

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The IHDR chunk comes first: its width and height follow the 8-byte signature and the chunk's length and type.
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const nowMs = (page: Page) => page.getByTestId('sim-clock').getAttribute('data-now-ms').then(Number);
const viewOf = (page: Page) => page.getByTestId('time-axis').getAttribute('data-view');

describe('exporting through the dialog', () => {
  it('opens with the E key at the chosen moment, showing the size before export', async () => {
    const { page } = suite.app;
    await page.getByTestId('jump-to').fill('2h');
    await page.getByTestId('jump-to').press('Enter');
    await expect.poll(() => nowMs(page)).toBe(2 * H);
    await page.getByTestId('timeline-flow-projected').locator('canvas').focus();
    await page.keyboard.press('w');
    exportedView = (await viewOf(page))!;
    expect(exportedView).not.toBe(`0-${6 * H}`);

    await page.keyboard.press('e');
    const dialog = page.getByRole('dialog', { name: 'Export the timeline' });
    await dialog.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-preset');
    await expect.poll(() => page.getByTestId('export-size').textContent()).toMatch(/^\d+ × \d+ px, PNG$/);
    await expect.poll(() => page.getByTestId('export-caption').inputValue()).not.toBe('');
    await page.getByTestId('export-preview').waitFor();
    await screenshot(page, 'export-dialog');
  });

  it('saves a PNG of the size shown that carries the moment', async () => {
    const { page } = suite.app;
    await page.getByTestId('export-scale-2').check();
    shownSize = (await page.getByTestId('export-size').textContent())!;
    const file = await download(page, 'export-save');
    png = file.bytes;
    expect(file.name).toMatch(/\.png$/);
    const { width, height } = pngSize(png);
    expect(`${width} × ${height} px, PNG`).toBe(shownSize);
    const moment = readEmbeddedMoment(png, file.name);
    if (!moment.ok) throw new Error(moment.error);
    expect(moment.value.playheadMs).toBe(2 * H);
    expect(moment.value.sourceName).toBe('builtin:side-by-side');
    expect(`${Math.round(moment.value.view.startMs)}-${Math.round(moment.value.view.endMs)}`).toBe(exportedView);
    await expect.poll(() => page.getByTestId('export-status').textContent()).toMatch(/Saved the PNG/);
  });

  it('saves a self-contained SVG: fonts embedded, nothing fetched from outside, the moment in its metadata', async () => {
    const { page } = suite.app;
    await page.getByTestId('export-format-svg').check();
    await expect.poll(() => page.getByTestId('export-save').textContent()).toBe('Save SVG…');
    const file = await download(page, 'export-save');
    const svg = new TextDecoder().decode(file.bytes);
    expect(file.name).toMatch(/\.svg$/);
    expect(svg).toMatch(/@font-face\{[^}]*src:url\(data:font\/ttf;base64,/);
    expect(svg).toContain('<metadata');
    expect(svg).toMatch(/<text[\s>]/);
    const references = [...svg.matchAll(/(?:href|src)\s*=\s*"([^"]*)"|url\(([^)]*)\)/g)].map((m) => (m[1] ?? m[2] ?? '').replace(/^['"]/, ''));
    expect(references.filter((ref) => !ref.startsWith('data:') && !ref.startsWith('#'))).toEqual([]);
    expect(svg).not.toMatch(/<(?:image|script|foreignObject)\b/);
    const moment = readEmbeddedMoment(file.bytes, file.name);
    expect(moment.ok && moment.value.playheadMs).toBe(2 * H);
  });

  it('reopens the exported moment when the PNG is dropped back, from another scenario and time', async () => {
    const { page } = suite.app;
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByTestId('scenario-select').selectOption('kubelet-outage');
    await expect.poll(() => page.getByTestId('scenario-select').inputValue()).toBe('kubelet-outage');
    await page.getByTestId('jump-to').fill('10m');
    await page.getByTestId('jump-to').press('Enter');
    await expect.poll(() => nowMs(page)).toBe(10 * 60_000);
    expect(await viewOf(page)).not.toBe(exportedView);

    await page.evaluate(
      ({ bytes, name }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'image/png' }));
        document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      { bytes: Array.from(png), name: 'slide.png' },
    );
    await expect.poll(() => page.getByTestId('open-status').textContent()).toMatch(/Reopened slide\.png: One app, two clusters, six hours at 2 h 0 m 0 s/);
    expect(await page.getByTestId('scenario-select').inputValue()).toBe('side-by-side');
    expect(await nowMs(page)).toBe(2 * H);
    expect(await viewOf(page)).toBe(exportedView);
    expect(await page.getByTestId('drop-overlay').count()).toBe(0);
    await screenshot(page, 'export-reopened');
  });

  it('refuses a PNG that TokenScope did not make and stays where it is', async () => {
    const { page } = suite.app;
    await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 4;
      canvas.height = 4;
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
      const transfer = new DataTransfer();
      transfer.items.add(new File([blob], 'photo.png', { type: 'image/png' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'photo.png' }).textContent()).toMatch(/photo\.png: this image was not exported by TokenScope/);
    expect(await nowMs(page)).toBe(2 * H);
  });

  it('never requests anything outside localhost and logs no errors', () => {
    expect(suite.app.outsideRequests).toEqual([]);
    expect(suite.app.consoleErrors).toEqual([]);
  });
});

describe('the export dialog for everyone', () => {
  let page: Page;

  beforeAll(async () => {
    page = await openAxePage(suite.browser);
  });

  it.each(['light', 'dark', 'projector'])('passes axe in the %s theme, with a field in error', async (theme) => {
    await chooseTheme(page, theme);
    await page.getByTestId('open-export').click();
    await page.getByTestId('export-width').fill('5000');
    await page.getByText(/whole number of pixels/).waitFor();
    const violations = await axeAudit(page, axeTags(theme), '[data-testid="export-dialog"]');
    if (theme === 'dark') await screenshot(page, 'export-dialog-dark-with-error');
    await page.keyboard.press('Escape');
    await page.getByTestId('export-dialog').waitFor({ state: 'detached' });
    expect(violations).toEqual([]);
  });
});
