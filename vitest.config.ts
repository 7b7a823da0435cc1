import { defineConfig } from 'vitest/config';

// CI asks for a machine-readable report (TOKENSCOPE_TEST_REPORT) so .ci/run can print "N passed, N failed".
const report = process.env.TOKENSCOPE_TEST_REPORT;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    reporters: report ? ['default', 'json'] : ['default'],
    ...(report ? { outputFile: { json: report } } : {}),
  },
});
