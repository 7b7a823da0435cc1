/** The shared set-up of the E2E test files (kept apart from browser.ts, which the benchmarks also import). */
import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, type OpenedPage } from './browser.ts';

/**
 * One connection to the shared Chromium and one opened app (in a browser context of its own) for a test file, up
 * before its tests (the projected timeline drawn) and closed after them. Read `.app` inside tests and hooks, once the
 * suite has started; contexts made from `.browser` are closed with it.
 */
export function appForSuite(viewport?: { width: number; height: number }): { readonly app: OpenedPage; readonly browser: Browser } {
  let browser: Browser | undefined;
  let app: OpenedPage | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, inject('baseUrl'), viewport);
    await app.page.getByTestId('timeline-flow-projected').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get app() {
      if (!app) throw new Error('the app is opened in beforeAll; read it inside a test or hook');
      return app;
    },
    get browser() {
      if (!browser) throw new Error('the browser is connected in beforeAll; read it inside a test or hook');
      return browser;
    },
  };
}
