/**
 * Builds the browser bundle once and serves it on a free localhost port, and launches a Chromium for each worker, for
 * every E2E test file: the files a worker runs, one after another, share its Chromium.
 */
import type { TestProject } from 'vitest/node';
import { buildAndServe, launchSharedChromium } from './browser.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workers = Array.from({ length: project.config.maxWorkers }, () => launchSharedChromium());
  const [server, ...chromiums] = await Promise.allSettled([buildAndServe(), ...workers]);
  const started = [server, ...chromiums].flatMap((launch) => (launch.status === 'fulfilled' ? [launch.value] : []));
  const closeAll = async () => {
    await Promise.all(started.map((running) => running.close()));
  };
  const failed = [server, ...chromiums].find((launch): launch is PromiseRejectedResult => launch.status === 'rejected');
  if (failed || server.status !== 'fulfilled') {
    await closeAll();
    throw failed?.reason;
  }
  project.provide('baseUrl', server.value.baseUrl);
  project.provide('chromiumEndpoints', chromiums.flatMap((launch) => (launch.status === 'fulfilled' ? [launch.value.endpoint] : [])));
  return closeAll;
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The DevTools WebSocket of each worker's Chromium, by VITEST_POOL_ID - 1 (see launchBrowser in browser.ts). */
    chromiumEndpoints: string[];
  }
}
