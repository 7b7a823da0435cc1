/**
 * The CLI's PNG rasteriser: resvg's native Node build when this platform has one, else the wasm build the app uses.
 * Both are the same resvg release given the same SVG and the same two font files, and they produce the same bytes
 * (test/electron/cli/native-and-wasm-rasterisers-agree.test.ts holds them to it); the native one skips the
 * seconds a cold process spends compiling the 2.5 MB wasm module, which is most of a one-shot `tokenscope export`.
 */
import { createRequire } from 'node:module';
import type { Rasterizer } from '../../shared/export/resvg-rasterizer.ts';
import { EXPORT_FONT_FAMILY } from '../../shared/export/export-figure.ts';

interface NativeResvg {
  render(): { asPng(): Uint8Array; pixels: Uint8Array; width: number; height: number };
}
type NativeResvgClass = new (svg: string, options: object) => NativeResvg;

/** The native rasteriser, or undefined when @resvg/resvg-js has no binary for this platform. */
export function createNativeRasterizer(fontFiles: readonly string[]): Rasterizer | undefined {
  let Resvg: NativeResvgClass;
  try {
    Resvg = (createRequire(import.meta.url)('@resvg/resvg-js') as { Resvg: NativeResvgClass }).Resvg;
  } catch {
    return undefined;
  }
  const render = (svg: string, scale: number) =>
    new Resvg(svg, {
      fitTo: { mode: 'zoom', value: scale },
      font: { fontFiles: [...fontFiles], defaultFontFamily: EXPORT_FONT_FAMILY, sansSerifFamily: EXPORT_FONT_FAMILY, loadSystemFonts: false },
    }).render();
  return {
    toPng: (svg, scale) => Promise.resolve(new Uint8Array(render(svg, scale).asPng())),
    toRgba(svg, scale) {
      const image = render(svg, scale);
      const pixels = image.pixels;
      return Promise.resolve({ width: image.width, height: image.height, data: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.length) });
    },
  };
}
