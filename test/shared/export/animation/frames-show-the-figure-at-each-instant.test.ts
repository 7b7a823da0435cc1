/**
 * An animation's frames are the still figure at each frame's instant: the APNG's frames, composed as a viewer shows
 * them, are the page rasterised whole at that instant (though each frame after the first was rasterised only where
 * its plan changed, a rectangle at a time, and stored only where its pixels did); the GIF's are the same pixels, each
 * mapped to its palette. A rectangle is rasterised with the page's transform shifted by whole pixels, and resvg works
 * in 32-bit floats, so an antialiased edge there may come out a few levels apart from the whole render: a few pixels
 * in a thousand, never more than PIXEL_LEVELS of 255 (a part left out would be a bar's colour against the page's).
 * The last frame is the still export of the range's end. Frames last 1/fps to the hundredth, the whole lasts its
 * duration, and it loops, or plays once, as asked.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { nodeExportDeps } from '../../../../electron/cli/node-export-deps.ts';
import { exportAnimation, planAnimation, animationFrameSettings } from '../../../../shared/export/animation/export-animation.ts';
import { sourcesAt } from '../../../../shared/export/animation/animation-frames.ts';
import { exportFigure } from '../../../../shared/export/export-figure.ts';
import { exportFile, type ExportDeps } from '../../../../shared/export/export-file.ts';
import { paintSvg } from '../../../../shared/figure/svg-painter.ts';
import { gifenc } from '../../../../shared/export/animation/gifenc-module.ts';
import type { AnimationSettings } from '../../../../shared/export/animation/animation-settings.ts';
import type { ExportSettings } from '../../../../shared/export/export-types.ts';
import { decodeApng, decodeGif } from '../../../support/animation-decoders.ts';
import { scenarioSource, settings } from '../export-fixtures.ts';

const H = 3_600_000;
/** How far, per channel, a pixel of a frame may be from the whole render's (float rounding at antialiased edges). */
const PIXEL_LEVELS = 16;
/** The share of a frame's pixels that may differ at all. */
const PIXELS_APART = 0.005;
let deps: ExportDeps;
const source = scenarioSource('side-by-side', 2 * H);

function animated(animation: Partial<AnimationSettings>, overrides: Partial<ExportSettings> = {}): ExportSettings {
  return settings({ format: 'animation', widthPx: 640, heightPx: 360, fromMs: 0, toMs: 2 * H, animation: { format: 'apng', durationMs: 2_000, fps: 5, loop: true, ...animation }, ...overrides });
}

/** How many pixels of two RGB frames differ, and by how much at most in one channel. */
function apart(a: Uint8Array, b: Uint8Array): { pixels: number; levels: number } {
  let pixels = 0;
  let levels = 0;
  for (let p = 0; p < a.length; p += 3) {
    const most = Math.max(Math.abs(a[p]! - b[p]!), Math.abs(a[p + 1]! - b[p + 1]!), Math.abs(a[p + 2]! - b[p + 2]!));
    if (most > 0) pixels += 1;
    levels = Math.max(levels, most);
  }
  return { pixels, levels };
}

/** Each frame's page rasterised whole, as RGB. */
async function wholeFrames(s: ExportSettings): Promise<Uint8Array[]> {
  const { atMs, planHeightPx } = planAnimation(source, s);
  const frameSettings = animationFrameSettings(s);
  const out: Uint8Array[] = [];
  for (const frame of sourcesAt(source, atMs)) {
    const figure = exportFigure(frame, frameSettings, planHeightPx);
    const image = await deps.rasterizer.toRgba(paintSvg(figure.plan, { frame: figure.frame }), 1);
    const rgb = new Uint8Array(image.width * image.height * 3);
    for (let i = 0, j = 0; i < image.data.length; i += 4, j += 3) rgb.set(image.data.subarray(i, i + 3), j);
    out.push(rgb);
  }
  return out;
}

beforeAll(async () => {
  deps = await nodeExportDeps();
});

describe('an animated PNG', () => {
  it('shows, frame by frame, the page rasterised whole at each instant', async () => {
    const s = animated({});
    const file = await exportAnimation(source, s, deps);
    const decoded = decodeApng(file.data as Uint8Array);
    const expected = await wholeFrames(s);
    expect(decoded.frames).toHaveLength(10);
    for (const [i, frame] of decoded.frames.entries()) {
      const { pixels, levels } = apart(frame, expected[i]!);
      expect(levels, `frame ${i}`).toBeLessThanOrEqual(PIXEL_LEVELS);
      expect(pixels, `frame ${i}`).toBeLessThanOrEqual(640 * 360 * PIXELS_APART);
    }
    // Later frames store a strip around the playhead, not the page.
    expect(decoded.rects.every((r) => r.width * r.height < 640 * 360 * 0.6)).toBe(true);
  });

  it('lasts its duration, 1/fps a frame, and loops or plays once as asked', async () => {
    const looping = decodeApng((await exportAnimation(source, animated({ fps: 3, durationMs: 3_000 }), deps)).data as Uint8Array);
    expect(looping.delaysCs).toEqual([33, 34, 33, 33, 34, 33, 33, 34, 33]);
    expect(looping.delaysCs.reduce((a, b) => a + b)).toBe(300);
    expect(looping.loops).toBe(0);
    const once = decodeApng((await exportAnimation(source, animated({ fps: 3, durationMs: 3_000, loop: false }), deps)).data as Uint8Array);
    expect(once.loops).toBe(1);
  });

  it('carries a title, a description and the moment, as a still PNG does', async () => {
    const file = await exportAnimation(source, animated({}), deps, { text: { caption: 'Rotation', altText: 'The playhead moves.' } });
    expect(decodeApng(file.data as Uint8Array).textChunks).toEqual(['Title', 'Description', 'tokenscope']);
    expect(file.fileName).toBe('side-by-side-0s-to-2h.apng');
    expect(file.mimeType).toBe('image/apng');
  });

  it('ends on the still export of the end of its range', async () => {
    const s = animated({});
    const decoded = decodeApng((await exportAnimation(source, s, deps)).data as Uint8Array);
    const still = await exportFile(scenarioSource('side-by-side', 2 * H), { ...s, format: 'png', scale: 1, animation: undefined }, deps);
    const png = PNG.sync.read(Buffer.from(still.data as Uint8Array));
    const rgb = new Uint8Array(png.width * png.height * 3);
    for (let i = 0, j = 0; i < png.data.length; i += 4, j += 3) rgb.set(png.data.subarray(i, i + 3), j);
    expect(Buffer.compare(Buffer.from(decoded.frames.at(-1)!), Buffer.from(rgb))).toBe(0);
  });
});

describe('an animated GIF', () => {
  it('shows the same frames, each pixel the nearest colour of one palette', async () => {
    const s = animated({ format: 'gif' });
    const decoded = decodeGif((await exportAnimation(source, s, deps)).data as Uint8Array);
    const expected = await wholeFrames(s);
    expect(decoded.frames).toHaveLength(10);
    const palette = decoded.palette.slice(0, 255);
    const cache = new Map<number, number[]>();
    for (const [i, frame] of decoded.frames.entries()) {
      const want = expected[i]!;
      const nearest = new Uint8Array(want.length);
      for (let p = 0; p < want.length; p += 3) {
        const key = (want[p]! << 16) | (want[p + 1]! << 8) | want[p + 2]!;
        let colour = cache.get(key);
        if (!colour) cache.set(key, (colour = palette[gifenc.nearestColorIndex(palette, [want[p]!, want[p + 1]!, want[p + 2]!])]!));
        nearest.set(colour, p);
      }
      // A pixel a level apart before the palette may take the next palette colour: as rare as in the APNG.
      expect(apart(frame, nearest).pixels, `frame ${i}`).toBeLessThanOrEqual(640 * 360 * PIXELS_APART);
    }
  });

  it('lasts its duration in hundredths, loops forever or not at all', async () => {
    const looping = decodeGif((await exportAnimation(source, animated({ format: 'gif', fps: 15, durationMs: 1_000 }), deps)).data as Uint8Array);
    expect(looping.frames).toHaveLength(15);
    expect(new Set(looping.delaysCs)).toEqual(new Set([6, 7]));
    expect(looping.delaysCs.reduce((a, b) => a + b)).toBe(100);
    expect(looping.loops).toBe(0);
    const once = decodeGif((await exportAnimation(source, animated({ format: 'gif', loop: false }), deps)).data as Uint8Array);
    expect(once.loops).toBeUndefined();
  });
});
