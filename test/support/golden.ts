/**
 * Golden files that are not text snapshots (PNG images): the same rule as the SVG goldens, which vitest compares
 * (vitest.config.ts). A missing golden fails; goldens are written only when asked, with TOKENSCOPE_UPDATE_GOLDENS=1,
 * and never on CI. Otherwise a deleted or misnamed golden would be recreated from whatever the code draws now, and pass.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

/** The golden's bytes, to compare `actual` with; in update mode `actual` is written there first. */
export function readGolden(path: string, actual: Uint8Array): Uint8Array {
  if (process.env.TOKENSCOPE_UPDATE_GOLDENS === '1') {
    expect(process.env.CI, 'golden files are never written on CI').toBeFalsy();
    writeFileSync(path, actual);
  }
  expect(existsSync(path), `the golden ${path} is missing: write it with TOKENSCOPE_UPDATE_GOLDENS=1 and look at it`).toBe(true);
  return new Uint8Array(readFileSync(path));
}
