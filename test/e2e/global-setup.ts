/**
 * Builds the browser bundle once and serves it on a free localhost port for every E2E test file.
 */
import type { TestProject } from 'vitest/node';
import { buildAndServe } from './browser.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await buildAndServe();
  project.provide('baseUrl', server.baseUrl);
  return () => server.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
