import { availableParallelism } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// CI asks for a machine-readable report (TOKENSCOPE_TEST_REPORT) so .ci/run can print "N passed, N failed".
const report = process.env.TOKENSCOPE_TEST_REPORT;

const TEST_FILE = /\.test\.tsx?$/;

/**
 * What makes a test file leave state behind in its worker: a DOM environment, a module mock, a stubbed or spied
 * global, fake timers, or a global or environment variable assigned by hand. Those files run isolated (a fresh module
 * graph each); the rest share one per worker, which saves re-importing the engine for every file.
 */
const LEAVES_STATE = [
  /@vitest-environment/,
  /\bvi\.(mock|doMock|stubGlobal|stubEnv|useFakeTimers|spyOn)\(/,
  /\bglobalThis(\.\w+|\[[^\]]+\])\s*=[^=]/,
  /\bdelete\s*(?:\(\s*)?globalThis\b/,
  /\bprocess\.env(\.\w+|\[[^\]]+\])\s*=[^=]/,
];

const testDir = fileURLToPath(new URL('./test/', import.meta.url));
const leavesState = readdirSync(testDir, { recursive: true, encoding: 'utf8' })
  .map((path) => path.replaceAll('\\', '/'))
  .filter((path) => TEST_FILE.test(path) && !path.startsWith('e2e/'))
  .filter((path) => LEAVES_STATE.some((pattern) => pattern.test(readFileSync(testDir + path, 'utf8'))))
  .map((path) => `test/${path}`);

export default defineConfig({
  test: {
    reporters: report ? ['default', 'json'] : ['default'],
    ...(report ? { outputFile: { json: report } } : {}),
    // Vitest's default leaves one core idle; the fuzzers and the engine tests are CPU-bound and independent.
    maxWorkers: availableParallelism(),
    // A golden file that is missing fails like one that differs; only an explicit request writes goldens.
    update: process.env.TOKENSCOPE_UPDATE_GOLDENS === '1' ? 'all' : 'none',
    // Tests in both unit projects run the CLI bundle; a root-level global set-up runs once per run, whatever is chosen.
    globalSetup: ['test/support/cli-bundle-setup.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', 'node_modules/**', ...leavesState],
          environment: 'node',
          isolate: false,
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'unit-isolated',
          include: leavesState,
          environment: 'node',
          setupFiles: ['test/support/dom-wait-setup.ts'],
          testTimeout: 60_000,
        },
      },
      {
        // After the unit tests, two files at a time (they mostly wait on the page), each worker with a Chromium that
        // the files it runs share (test/e2e/global-setup.ts). The timeouts leave room for a busy machine.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.{ts,tsx}'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          maxWorkers: 2,
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // expect.poll waits for the page; its default second is shorter than a busy CI machine sometimes needs to
          // render a lazily loaded panel or a batch. A passing poll still returns as soon as its condition holds.
          expect: { poll: { timeout: 15_000 } },
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
