// The CLI rasterises with resvg's native build and the app with its wasm build; "the same image as the app" holds
// only while the two give the same bytes for the same figure. Every theme, both backgrounds, two scales.
import { describe, expect, it } from 'vitest';
import { exportPng } from '../../../shared/export/export-file.ts';
import { nodeExportDeps } from '../../../electron/cli/node-export-deps.ts';
import { scenarioSource, settings, smallSource } from '../../shared/export/export-fixtures.ts';
import { createNativeRasterizer } from '../../../electron/cli/native-rasterizer.ts';

describe('the native and wasm rasterisers', () => {
  it('are both available here, so the comparison below means something', () => {
    expect(createNativeRasterizer([])).toBeDefined();
  });

  it.each([
    ['light', 1, 'solid'],
    ['dark', 2, 'solid'],
    ['projector', 1, 'transparent'],
  ] as const)('give byte-identical PNGs (%s theme, %i×, %s)', async (theme, scale, background) => {
    const [native, wasm] = await Promise.all([nodeExportDeps('native'), nodeExportDeps('wasm')]);
    for (const source of [smallSource(), scenarioSource('side-by-side', 2 * 3_600_000)]) {
      const s = settings({ theme, scale, background, widthPx: 900 });
      const a = await exportPng(source, s, native);
      const b = await exportPng(source, s, wasm);
      expect(a.data.length).toBeGreaterThan(1000);
      expect(Buffer.from(a.data as Uint8Array).equals(Buffer.from(b.data as Uint8Array))).toBe(true);
    }
  });
});
