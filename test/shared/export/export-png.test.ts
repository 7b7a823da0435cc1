// PNG exports compared with committed golden images (800 px wide, 1×) by pixel diff with a small tolerance, so an
// antialiasing change in a future resvg does not fail the build but a moved bar or a missing label does. After an
// intended change to the picture, regenerate them with TOKENSCOPE_UPDATE_GOLDENS=1 and look at them.
process.env.TZ = 'UTC';
process.env.LANG = 'C';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { exportFile, exportPng } from '../../../shared/export/export-file.ts';
import { exportSize } from '../../../shared/export/export-figure.ts';
import { nodeExportDeps } from '../../../electron/cli/node-export-deps.ts';
import { readEmbeddedMoment } from '../../../shared/export/embedded-moment.ts';
import { readPngTextChunk } from '../../../shared/export/png-text-chunk.ts';
import { EXPORT_THEMES } from '../../../shared/export/export-types.ts';
import { M, SMALL_MOMENT, scenarioSource, settings, smallSource } from './export-fixtures.ts';
import { readGolden } from '../../support/golden.ts';

const golden = (theme: string) => fileURLToPath(new URL(`./__snapshots__/small-export.${theme}.png`, import.meta.url));
/** Share of pixels allowed to differ (after pixelmatch's own per-pixel colour threshold). */
const MAX_DIFF_SHARE = 0.002;

async function png(overrides: Parameters<typeof settings>[0]) {
  const file = await exportPng(smallSource(), settings({ widthPx: 800, scale: 1, ...overrides }), await nodeExportDeps());
  return file.data as Uint8Array;
}

describe('PNG export', () => {
  for (const theme of EXPORT_THEMES) {
    it(`draws the small figure in the ${theme} theme like its golden image`, async () => {
      const bytes = await png({ theme });
      const actual = PNG.sync.read(Buffer.from(bytes));
      const expected = PNG.sync.read(Buffer.from(readGolden(golden(theme), bytes)));
      expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
      const differing = pixelmatch(actual.data, expected.data, undefined, actual.width, actual.height, { threshold: 0.1 });
      expect(differing / (actual.width * actual.height)).toBeLessThanOrEqual(MAX_DIFF_SHARE);
    });
  }

  it('carries the caption and alt text as the PNG Title and Description, as the user edited them', async () => {
    const file = await exportPng(smallSource(), settings({ widthPx: 800, scale: 1 }), await nodeExportDeps(), { caption: 'My caption: ∞ vs 1 h', altText: 'What the figure shows.' });
    const bytes = file.data as Uint8Array;
    expect(readPngTextChunk(bytes, 'Title')).toEqual({ ok: true, value: 'My caption: ∞ vs 1 h' });
    expect(readPngTextChunk(bytes, 'Description')).toEqual({ ok: true, value: 'What the figure shows.' });
    expect(readEmbeddedMoment(bytes, 'x.png').ok).toBe(true);
  });

  it('makes a 16:9 slide exactly 3840 × 2160 at 2×, the figure fitted and centred on the page', async () => {
    const source = scenarioSource('side-by-side', 2 * 60 * M);
    const s = settings({ widthPx: 1920, heightPx: 1080, scale: 2, theme: 'projector' });
    expect(exportSize(source, s)).toEqual({ widthPx: 3840, heightPx: 2160 });
    const image = PNG.sync.read(Buffer.from((await exportPng(source, s, await nodeExportDeps())).data as Uint8Array));
    expect([image.width, image.height]).toEqual([3840, 2160]);
    // The lanes need more than 1080 px: the page's solid background shows in the side margins, as white.
    const corner = image.data.subarray(0, 4);
    expect([...corner]).toEqual([255, 255, 255, 255]);
  });

  it('gives the same bytes for the same input, twice', async () => {
    const a = await png({ theme: 'projector' });
    const b = await png({ theme: 'projector' });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('is as large as exportSize says: CSS width × scale', async () => {
    const source = smallSource();
    const s = settings({ widthPx: 900, scale: 2 });
    const image = PNG.sync.read(Buffer.from((await exportFile(source, s, await nodeExportDeps())).data as Uint8Array));
    expect(exportSize(source, s)).toEqual({ widthPx: 1800, heightPx: image.height });
    expect(image.width).toBe(1800);
  });

  it('leaves a transparent background clear (alpha 0 in the corner) and paints a solid one', async () => {
    const clear = PNG.sync.read(Buffer.from(await png({ background: 'transparent' })));
    const solid = PNG.sync.read(Buffer.from(await png({ background: 'solid' })));
    expect(clear.data[3]).toBe(0);
    expect(solid.data[3]).toBe(255);
    expect([...solid.data.subarray(0, 3)]).toEqual([255, 255, 255]);
  });

  it('carries the moment in its tokenscope text chunk, and reads back to it', async () => {
    expect(readEmbeddedMoment(await png({}), 'figure.png')).toEqual({ ok: true, value: SMALL_MOMENT });
  });

  it('draws the time window it is given: a narrower window makes a different picture of the same size', async () => {
    const whole = await png({});
    const window = await png({ fromMs: 30 * M, toMs: 90 * M });
    const a = PNG.sync.read(Buffer.from(whole));
    const b = PNG.sync.read(Buffer.from(window));
    expect(b.width).toBe(a.width);
    const rows = Math.min(a.height, b.height);
    const top = (image: PNG) => image.data.subarray(0, image.width * rows * 4);
    expect(pixelmatch(top(a), top(b), undefined, a.width, rows)).toBeGreaterThan(1000);
  });
});
