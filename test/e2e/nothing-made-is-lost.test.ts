/**
 * In Chromium, the browser build: a learner's quiz choices keep their shuffled order across reloads; an instructor's
 * deleted note comes back with Ctrl+Z; unsaved notes make leaving ask first, and come back after a reload as a
 * draft to restore; replacing the scenario asks first; and the header's Open… reopens an exported PNG's moment.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import { appForSuite } from './app-suite.ts';
import { exportFile } from '../../shared/export/export-file.ts';
import { nodeExportDeps } from '../../electron/cli/node-export-deps.ts';
import { scenarioSource, settings } from '../shared/export/export-fixtures.ts';

const suite = appForSuite({ width: 1600, height: 900 });
const H = 3_600_000;

const choicesShown = (page: Page) => page.locator('[role="radio"] .quiz-choice-text').allTextContents();
const notes = (page: Page) => page.getByTestId('annotation-item').allTextContents();

async function reloadLeavingAnyway(page: Page): Promise<string[]> {
  const asked: string[] = [];
  const onDialog = (dialog: { type(): string; accept(): Promise<void> }) => {
    asked.push(dialog.type());
    // Chromium may already have closed a beforeunload prompt while the reload goes on; only that race is tolerated.
    dialog.accept().catch((error: unknown) => {
      if (!String(error).includes('No dialog is showing')) throw error;
    });
  };
  page.on('dialog', onDialog);
  await page.reload();
  page.off('dialog', onDialog);
  await page.getByTestId('timeline-flow-projected').waitFor();
  return asked;
}

async function openLesson(page: Page): Promise<void> {
  await page.getByTestId('tab-lesson').click();
  await page.getByTestId('lesson-step-title').waitFor();
}

describe('a learner\'s quiz order', () => {
  it('is shuffled for this learner and stays the same after reloads', async () => {
    const { page } = suite.app;
    // A learner whose progress was saved before choices were shuffled, on a quiz step.
    await page.evaluate(() => localStorage.setItem('tokenscope.lesson.projected-tokens', JSON.stringify({ stepId: 'quiz-when-custom', completed: [], quizzes: {} })));
    await reloadLeavingAnyway(page);
    await openLesson(page);
    const first = await choicesShown(page);
    expect(first).toHaveLength(4);
    const seed = await page.evaluate(() => JSON.parse(localStorage.getItem('tokenscope.lesson.projected-tokens') ?? '{}').seed as unknown);
    expect(seed).toEqual(expect.any(Number));
    await reloadLeavingAnyway(page);
    await openLesson(page);
    expect(await choicesShown(page)).toEqual(first);
    await screenshot(page, 'quiz-order-after-reload');
    await page.getByTestId('tab-notes').click();
  });
});

describe('notes', () => {
  it('brings a deleted note back with Ctrl+Z', async () => {
    const { page } = suite.app;
    // The lesson left its own scenario loaded; the notes go on the default one.
    await page.getByTestId('scenario-select').selectOption('side-by-side');
    await expect.poll(() => page.getByTestId('scenario-select').inputValue()).toBe('side-by-side');
    await page.getByTestId('tab-notes').click();
    await page.getByTestId('annotate-playhead').click();
    await page.getByTestId('annotation-text').fill('here the kubelet refreshes');
    await page.getByTestId('annotation-submit').click();
    await expect.poll(() => notes(page)).toEqual([expect.stringContaining('here the kubelet refreshes')]);
    await page.getByTestId('annotation-item').locator('[data-role="jump"]').focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => notes(page)).toEqual([]);
    await expect.poll(() => page.getByTestId('note-deleted').textContent()).toContain('Deleted “here the kubelet refreshes”.');
    await screenshot(page, 'note-deleted-with-undo');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => notes(page)).toEqual([expect.stringContaining('here the kubelet refreshes')]);
    expect(await page.getByTestId('edit-status').textContent()).toMatch(/^Undone: deleting the note at /);
  });

  it('asks before a reload loses them, and offers them back after it', async () => {
    const { page } = suite.app;
    expect(await reloadLeavingAnyway(page)).toEqual(['beforeunload']);
    await page.getByTestId('draft-offer').waitFor();
    expect(await page.getByTestId('draft-offer').textContent()).toMatch(/Unsaved notes on “One app, two clusters, six hours” were kept from /);
    await screenshot(page, 'draft-offered-after-reload');
    await page.getByTestId('draft-restore').click();
    await page.getByTestId('tab-notes').click();
    await expect.poll(() => notes(page)).toEqual([expect.stringContaining('here the kubelet refreshes')]);
    expect(await page.getByTestId('draft-offer').count()).toBe(0);
  });

  it('asks before another scenario replaces them, and Cancel keeps them', async () => {
    const { page } = suite.app;
    await page.getByTestId('scenario-select').selectOption('kubelet-outage');
    await page.getByTestId('unsaved-changes-dialog').waitFor();
    await screenshot(page, 'unsaved-notes-question');
    await page.getByTestId('unsaved-cancel').click();
    expect(await page.getByTestId('scenario-select').inputValue()).toBe('side-by-side');
    expect(await notes(page)).toEqual([expect.stringContaining('here the kubelet refreshes')]);
    await page.getByTestId('tab-lesson').click();
    await page.getByTestId('unsaved-changes-dialog').waitFor();
    await page.getByTestId('unsaved-cancel').click();
    expect(await page.getByTestId('tab-notes').getAttribute('aria-selected')).toBe('true');
  });
});

describe('Open… in the header', () => {
  it('reopens the moment of a PNG TokenScope exported, as dropping it does', async () => {
    const { page } = suite.app;
    const png = await exportFile(scenarioSource('side-by-side', 2 * H), settings({ format: 'png', widthPx: 900, scale: 1 }), await nodeExportDeps());
    await page.getByTestId('scenario-select').selectOption('kubelet-outage');
    await page.getByTestId('unsaved-discard').click();
    await expect.poll(() => page.getByTestId('scenario-select').inputValue()).toBe('kubelet-outage');

    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('open-file').click();
    await (await chooser).setFiles({ name: 'figure.png', mimeType: 'image/png', buffer: Buffer.from(png.data as Uint8Array) });
    await expect.poll(() => page.getByTestId('open-status').textContent()).toMatch(/Reopened figure\.png: One app, two clusters, six hours at 2 h 0 m 0 s/);
    expect(await page.getByTestId('scenario-select').inputValue()).not.toBe('kubelet-outage');
    expect(await page.getByTestId('load-errors').count()).toBe(0);
    await screenshot(page, 'open-reopened-exported-png');
  });

  it('never requests anything outside localhost and logs no errors', () => {
    expect(suite.app.outsideRequests).toEqual([]);
    expect(suite.app.consoleErrors).toEqual([]);
  });
});
