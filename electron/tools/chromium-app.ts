/**
 * Debian's Chromium driven through playwright-core (Playwright's own browser download does not work here), with the
 * flags this machine needs, and the browser build served on localhost: what the screenshot tool, the benchmarks and
 * the E2E tests share. Every request that would leave localhost is recorded and aborted.
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview } from 'vite';

export function chromiumPath(): string {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    } catch {
      // try the next name
    }
  }
  throw new Error('Chromium is not installed: apt-get install -y chromium');
}

export const CHROMIUM_ARGS: readonly string[] = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A Chromium of the caller's own, to close when done. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
}

export interface OpenedPage {
  page: Page;
  /** URLs requested outside localhost (they are aborted). */
  outsideRequests: string[];
  consoleErrors: string[];
}

export async function openApp(browser: Browser, baseUrl: string, viewport = { width: 1600, height: 900 }): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const outsideRequests: string[] = [];
  const consoleErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    outsideRequests.push(url.href);
    return route.abort();
  });
  page.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  await page.goto(baseUrl);
  return { page, outsideRequests, consoleErrors };
}

/** Builds the browser bundle and serves it on a free localhost port (E2E set-up, the screenshot tool, the bench). */
export async function buildAndServe(): Promise<{ baseUrl: string; close(): Promise<void> }> {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  const server = await preview({ configFile: 'vite.config.ts', preview: { port: 0, host: '127.0.0.1', open: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return { baseUrl: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}
