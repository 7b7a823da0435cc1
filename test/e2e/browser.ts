/**
 * The E2E tests' Chromium: in a test file, a connection to the Chromium the global set-up launched for its worker;
 * elsewhere (the benchmarks), a browser of its own. Launching, opening the app and serving the build live in
 * electron/tools/chromium-app.ts, which the screenshot tool uses too.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, launchChromium } from '../../electron/tools/chromium-app.ts';

export { buildAndServe, openApp, type OpenedPage } from '../../electron/tools/chromium-app.ts';

export const ARTIFACTS_DIR = 'test-results/e2e';

/**
 * A Chromium to drive. In an E2E test file it is a connection to the Chromium the global set-up launched for the
 * worker that runs the file: the caller makes its own contexts, and `close()` ends those and the connection, not the
 * browser. Elsewhere (the benchmarks) it is a browser of its own.
 */
export async function launchBrowser(): Promise<Browser> {
  const endpoint = await sharedChromiumEndpoint();
  if (endpoint) return chromium.connectOverCDP(endpoint);
  return launchChromium();
}

// Only a vitest worker is handed the endpoints, one per worker (VITEST_POOL_ID counts them from 1), so vitest is
// loaded there alone: the benchmarks that import this file run without it.
async function sharedChromiumEndpoint(): Promise<string | undefined> {
  const worker = Number(process.env.VITEST_POOL_ID);
  if (!process.env.VITEST_WORKER_ID || !worker) return undefined;
  const { inject } = await import('vitest');
  return inject('chromiumEndpoints')?.[worker - 1];
}

/**
 * Launches a Chromium for E2E files to share, one after another, with a DevTools endpoint they connect to over CDP.
 * CDP because a remote Playwright connection (launchServer/connect) cannot give a download's local path. A CDP client
 * takes every page in the browser for its own, though (it dismissed the dialog of another file's page when two files
 * shared one Chromium), so files that run at the same time each need their own: the global set-up launches one per
 * worker. Playwright's launch, which holds the browser, takes no page it did not open.
 */
export async function launchSharedChromium(): Promise<{ endpoint: string; close(): Promise<void> }> {
  const server = await chromium.launchServer({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--remote-debugging-port=0'] });
  const close = () => server.close();
  // Chromium picks the port and writes it, with the browser's DevTools path, to this file in its profile.
  const profileDir = server.process().spawnargs.find((arg) => arg.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length);
  if (!profileDir) {
    await close();
    throw new Error('Chromium was launched without a --user-data-dir');
  }
  const portFile = join(profileDir, 'DevToolsActivePort');
  for (let waitedMs = 0; !existsSync(portFile); waitedMs += 20) {
    if (waitedMs > 30_000) {
      await close();
      throw new Error(`Chromium wrote no ${portFile} within 30 s`);
    }
    await sleep(20);
  }
  const [port, path] = readFileSync(portFile, 'utf8').split('\n');
  return { endpoint: `ws://127.0.0.1:${port}${path}`, close };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = `${ARTIFACTS_DIR}/${name}.png`;
  await page.screenshot({ path });
  return path;
}
