/**
 * Keyboard-only helpers for E2E tests: reach a control the way a keyboard user does, by pressing Tab (or
 * Shift+Tab) until it has focus, so a control that is not in the tab order fails the test instead of being clicked.
 */
import type { Page } from 'playwright-core';

const focused = (page: Page, selector: string) => page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);

/** Presses Tab (or Shift+Tab) until the element matching `selector` has focus; throws if it never gets there. */
export async function tabTo(page: Page, selector: string, options: { backwards?: boolean; maxPresses?: number } = {}): Promise<void> {
  const key = options.backwards ? 'Shift+Tab' : 'Tab';
  const maxPresses = options.maxPresses ?? 250;
  for (let presses = 0; presses <= maxPresses; presses++) {
    if (await focused(page, selector)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${maxPresses} presses of ${key} never focused ${selector}`);
}

export const byTestId = (testId: string) => `[data-testid="${testId}"]`;
