/** The header's Display menu, as a user drives it. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Chooses a theme in Display and waits until the page wears it. */
export async function chooseTheme(page: Page, theme: string): Promise<void> {
  await page.locator('[data-testid="display-settings"] summary').click();
  await page.getByTestId('theme-select').selectOption(theme);
  await page.locator('[data-testid="display-settings"] summary').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
}
