/**
 * A learner takes the whole guided lesson without a mouse: the Lesson tab is opened with the arrow keys, every
 * control is reached with Tab and pressed with Enter, quiz choices are picked with the arrow keys, a reload in the
 * middle resumes at the same step, and the lesson is finished at its last step.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import { appForSuite } from './app-suite.ts';
import { byTestId, tabTo } from './keyboard.ts';

const suite = appForSuite();

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();
const present = async (page: Page, testId: string) => (await page.getByTestId(testId).count()) > 0;
const isEnabled = async (page: Page, testId: string) => (await present(page, testId)) && (await page.getByTestId(testId).isEnabled());

/** Opens the Lesson side tab from its tab list with the arrow keys (the tab list is one Tab stop). */
async function openLessonTab(page: Page): Promise<void> {
  await tabTo(page, '[role="tab"][aria-selected="true"][data-testid^="tab-"]:is([data-testid="tab-inspector"], [data-testid="tab-lesson"], [data-testid="tab-paste"])');
  for (let i = 0; i < 3 && (await page.getByTestId('tab-lesson').getAttribute('aria-selected')) !== 'true'; i++) await page.keyboard.press('ArrowRight');
  expect(await page.getByTestId('tab-lesson').getAttribute('aria-selected')).toBe('true');
  await page.getByTestId('lesson-panel').waitFor();
}

/** Types a custom speed into the transport's custom-speed field, reached backwards from the lesson with Shift+Tab. */
async function setSpeedByKeyboard(page: Page, speed: number): Promise<void> {
  await tabTo(page, '.custom-speed input', { backwards: true });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(speed));
  await page.keyboard.press('Enter');
}

/** Answers the step's quiz with the keyboard: the arrow keys move to choice 2, Enter checks. */
async function answerQuiz(page: Page): Promise<string> {
  await tabTo(page, '[role="radio"][tabindex="0"]');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  expect(await page.getByTestId('quiz-choice-2').getAttribute('aria-checked')).toBe('true');
  await page.waitForFunction((sel) => !document.querySelector<HTMLButtonElement>(sel)?.disabled, byTestId('quiz-check'), { timeout: 30_000 });
  await tabTo(page, byTestId('quiz-check'));
  const label = ((await page.getByTestId('quiz-check').textContent()) ?? '').trim();
  await page.keyboard.press('Enter');
  return label;
}

/** Waits for Next to unlock, pressing the panel's own Play and raising the speed by keyboard when time drags. */
async function waitForNext(page: Page, title: string): Promise<void> {
  const started = Date.now();
  const speeds = [3600, 86_400, 10_000_000];
  let raised = 0;
  while (!(await isEnabled(page, 'lesson-next'))) {
    const waited = Date.now() - started;
    if (waited > 90_000) throw new Error(`step "${title}" never unlocked Next: ${await page.getByTestId('lesson-panel').innerText()}`);
    if (await present(page, 'lesson-play')) {
      await tabTo(page, byTestId('lesson-play'));
      await page.keyboard.press('Enter');
    } else if (raised < speeds.length && waited > 4_000 * (raised + 1)) {
      await setSpeedByKeyboard(page, speeds[raised]!);
      raised += 1;
    }
    await page.waitForTimeout(250);
  }
}

describe('the guided lesson, keyboard only', () => {
  it('goes from the first step to the last with Tab, Enter and the arrow keys, resuming after a reload', async () => {
    const { page } = suite.app;
    await openLessonTab(page);
    expect(await text(page, 'lesson-progress')).toMatch(/^Step 1 of \d+$/);
    const total = Number((await text(page, 'lesson-progress')).match(/of (\d+)/)![1]);
    await screenshot(page, 'lesson-first-step');

    const titles: string[] = [];
    let predictAnswered = false;
    let reloaded = false;
    for (let index = 1; index < total; index++) {
      const title = await text(page, 'lesson-step-title');
      expect(await text(page, 'lesson-progress')).toBe(`Step ${index} of ${total}`);
      titles.push(title);

      if (await present(page, 'quiz-check')) {
        const label = await answerQuiz(page);
        await expect.poll(async () => text(page, 'quiz-result'), { timeout: 90_000 }).toMatch(/Right|Not quite/);
        if (label === 'Lock in and play') {
          await expect.poll(async () => text(page, 'quiz-result'), { timeout: 60_000 }).toMatch(/Evidence from the simulation|simulation disagrees/);
          if (!predictAnswered) await screenshot(page, 'lesson-predict-then-play-result');
          predictAnswered = true;
        }
      }
      if (await isEnabled(page, 'lesson-run')) {
        await tabTo(page, byTestId('lesson-run'));
        await page.keyboard.press('Enter');
        await expect.poll(async () => text(page, 'lesson-run-output'), { timeout: 30_000 }).not.toMatch(/^(Running…)?$/);
      }
      await waitForNext(page, title);

      if (!reloaded && index === Math.floor(total / 2)) {
        const progress = await text(page, 'lesson-progress');
        await page.reload();
        await page.getByTestId('timeline-flow-projected').waitFor();
        await openLessonTab(page);
        expect(await text(page, 'lesson-step-title')).toBe(title);
        expect(await text(page, 'lesson-progress')).toBe(progress);
        await screenshot(page, 'lesson-resumed-after-reload');
        reloaded = true;
        await waitForNext(page, title);
      }

      await tabTo(page, byTestId('lesson-next'));
      await page.keyboard.press('Enter');
      await expect.poll(async () => text(page, 'lesson-progress')).toBe(`Step ${index + 1} of ${total}`);
      // The panel moves focus to the new step's title, so the next Tab starts from there.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('lesson-step-title');
    }

    expect(await text(page, 'lesson-progress')).toBe(`Step ${total} of ${total}`);
    expect(await present(page, 'lesson-next')).toBe(false);
    expect(await present(page, 'lesson-restart')).toBe(true);
    expect(predictAnswered).toBe(true);
    expect(reloaded).toBe(true);
    expect(new Set(titles).size).toBe(total - 1);
    await screenshot(page, 'lesson-last-step');
  });

  it('never requests anything outside localhost and logs no errors', () => {
    expect(suite.app.outsideRequests).toEqual([]);
    expect(suite.app.consoleErrors).toEqual([]);
  });
});
