/**
 * SVG → PNG with resvg compiled to WebAssembly: the same engine in the page, in Electron's renderer and in the CLI,
 * so one SVG gives the same pixels everywhere. Only the export font is loaded (never the system's fonts), which is
 * what makes the bytes the same on every machine. The wasm module is initialised once per process and reused.
 */
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { EXPORT_FONT_FAMILY } from './export-figure.ts';

export interface RasterizerInit {
  /** The resvg wasm binary's bytes (the page fetches them, the CLI reads them from disk). */
  wasm: Uint8Array;
  /** The export font's files. */
  fonts: Uint8Array[];
}

/** Pixels as resvg renders them: rows top to bottom, four bytes (R, G, B, A) a pixel. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface Rasterizer {
  /** The SVG as a PNG, `scale` device pixels per CSS pixel. */
  toPng(svg: string, scale: number): Promise<Uint8Array>;
  /** The SVG's pixels, unencoded: an animation's frames, which its own encoder compresses. */
  toRgba(svg: string, scale: number): Promise<RgbaImage>;
}

/** initWasm may run once per module instance; every rasteriser waits on the same promise. */
let ready: Promise<void> | undefined;

function initOnce(wasm: RasterizerInit['wasm']): Promise<void> {
  ready ??= initWasm(wasm).catch((error: unknown) => {
    ready = undefined;
    throw new Error(`could not start the PNG renderer (resvg wasm): ${error instanceof Error ? error.message : String(error)}`);
  });
  return ready;
}

/** Starts compiling the wasm at once (in the background), so it is ready, or nearly, by the first export. */
export function createResvgRasterizer(init: RasterizerInit): Rasterizer {
  const fontBuffers = init.fonts;
  // A failure here is reported by the first toPng, which awaits the same start-up again.
  initOnce(init.wasm).catch(() => undefined);
  const render = async <T>(svg: string, scale: number, read: (image: ReturnType<InstanceType<typeof Resvg>['render']>) => T): Promise<T> => {
    await initOnce(init.wasm);
    const resvg = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: scale },
      font: { fontBuffers, defaultFontFamily: EXPORT_FONT_FAMILY, sansSerifFamily: EXPORT_FONT_FAMILY, loadSystemFonts: false },
    });
    try {
      const image = resvg.render();
      try {
        return read(image);
      } finally {
        image.free();
      }
    } finally {
      resvg.free();
    }
  };
  return {
    toPng: (svg, scale) => render(svg, scale, (image) => image.asPng()),
    toRgba: (svg, scale) => render(svg, scale, (image) => ({ width: image.width, height: image.height, data: image.pixels })),
  };
}
