/**
 * Builds the browser bundle once and serves it on a free localhost port, and launches the one Chromium, for every E2E
 * test file.
 */
import type { TestProject } from 'vitest/node';
import { buildAndServe, launchSharedChromium } from './browser.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [server, chromium] = await Promise.allSettled([buildAndServe(), launchSharedChromium()]);
  const closeBoth = async () => {
    await Promise.all([server, chromium].map((started) => (started.status === 'fulfilled' ? started.value.close() : undefined)));
  };
  if (server.status === 'fulfilled' && chromium.status === 'fulfilled') {
    project.provide('baseUrl', server.value.baseUrl);
    project.provide('chromiumEndpoint', chromium.value.endpoint);
    return closeBoth;
  }
  await closeBoth();
  throw [server, chromium].find((started): started is PromiseRejectedResult => started.status === 'rejected')?.reason;
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The DevTools WebSocket of the shared Chromium (see launchBrowser in browser.ts). */
    chromiumEndpoint: string;
  }
}
