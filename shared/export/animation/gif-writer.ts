/**
 * An animated GIF, frame by frame, with gifenc's quantiser, palette mapping and LZW coder. One palette for every frame
 * (chosen from sample frames before the first is written), and each frame after the first stores only the rectangle
 * that changed, its unchanged pixels transparent over the frame before: a moving playhead changes a strip of the
 * figure, so most of the work and the bytes go. The moment and the caption ride in extension blocks (see gif-moment.ts).
 */
import type { GifPalette } from 'gifenc';
import { gifenc } from './gifenc-module.ts';
import { gifCommentExtension, gifMomentExtension } from './gif-moment.ts';
import type { RgbaImage } from '../resvg-rasterizer.ts';
import { changedBox, pixelWords } from './frame-diff.ts';

/** Colours in the palette; the 256th index is kept for "unchanged" (transparent). */
const GIF_COLOURS = 255;
const IMAGE_SEPARATOR = 0x2c;
/** A graphic control extension: introducer, label, size, packed fields, delay (2), transparent index, terminator. */
const GRAPHIC_CONTROL_BYTES = 8;
/** Disposal 1: leave the frame in place, so the next one draws over it. */
const DO_NOT_DISPOSE = 1;

/**
 * The palette for frames like these (solid pixels; alpha is ignored): gifenc's pairwise-nearest-neighbour quantiser
 * over all the samples at once, so colours found only early or only late in the range both get a place.
 */
export function gifPalette(samples: readonly RgbaImage[]): GifPalette {
  const total = samples.reduce((n, s) => n + s.data.length, 0);
  const joined = new Uint8Array(total);
  let at = 0;
  for (const sample of samples) {
    joined.set(sample.data, at);
    at += sample.data.length;
  }
  return gifenc.quantize(joined, GIF_COLOURS);
}

export interface GifWriterOptions {
  width: number;
  height: number;
  palette: GifPalette;
  loop: boolean;
}

export interface GifWriter {
  /** Adds the next frame (width × height RGBA), shown for `delayCs` hundredths of a second. Keeps `frame.data`. */
  addFrame(frame: RgbaImage, delayCs: number): void;
  /** The file: the frames, then the caption as a comment and the moment, then the trailer. */
  finish(text: { caption: string; momentJson: string }): Uint8Array;
}

export function createGifWriter({ width, height, palette, loop }: GifWriterOptions): GifWriter {
  if (palette.length > GIF_COLOURS) throw new Error(`a GIF palette has at most ${GIF_COLOURS} colours here, not ${palette.length}`);
  const transparentIndex = palette.length;
  const fullPalette = [...palette.map((c) => [c[0]!, c[1]!, c[2]!]), [0, 0, 0]];
  const encoder = gifenc.GIFEncoder({ initialCapacity: 1 << 20 });
  const nearest = new Map<number, number>();
  // Runs of one colour are the rule in a figure: the last answer is checked before the map.
  let lastRgb = -1;
  let lastIndex = 0;
  /** The palette index of pixel `i` (its alpha ignored), each colour looked up once. */
  const indexOf = (data: Uint8Array, i: number): number => {
    const r = data[i * 4]!;
    const g = data[i * 4 + 1]!;
    const b = data[i * 4 + 2]!;
    const rgb = (r << 16) | (g << 8) | b;
    if (rgb === lastRgb) return lastIndex;
    let index = nearest.get(rgb);
    if (index === undefined) {
      index = gifenc.nearestColorIndex(palette, [r, g, b]);
      nearest.set(rgb, index);
    }
    lastRgb = rgb;
    lastIndex = index;
    return index;
  };
  let previous: Uint32Array | undefined;

  const addFrame = (frame: RgbaImage, delayCs: number): void => {
    if (frame.width !== width || frame.height !== height) throw new Error(`a ${frame.width} × ${frame.height} frame in a ${width} × ${height} GIF`);
    const current = pixelWords(frame.data);
    if (!previous) {
      const index = new Uint8Array(width * height);
      for (let i = 0; i < index.length; i++) index[i] = indexOf(frame.data, i);
      encoder.writeFrame(index, width, height, { palette: fullPalette, delay: delayCs * 10, repeat: loop ? 0 : -1, dispose: DO_NOT_DISPOSE });
      previous = current;
      return;
    }
    const box = changedBox(previous, current, width, height) ?? { x0: 0, y0: 0, x1: 0, y1: 0 };
    const boxWidth = box.x1 - box.x0 + 1;
    const boxHeight = box.y1 - box.y0 + 1;
    const index = new Uint8Array(boxWidth * boxHeight);
    for (let y = 0; y < boxHeight; y++) {
      const row = (box.y0 + y) * width + box.x0;
      for (let x = 0; x < boxWidth; x++) {
        const i = row + x;
        index[y * boxWidth + x] = current[i] === previous[i] ? transparentIndex : indexOf(frame.data, i);
      }
    }
    // gifenc places every frame at (0, 0): the rectangle's position is written into its image descriptor after it.
    const start = encoder.stream.bytesView().length;
    encoder.writeFrame(index, boxWidth, boxHeight, { delay: delayCs * 10, transparent: true, transparentIndex, dispose: DO_NOT_DISPOSE });
    const written = encoder.stream.bytesView();
    const descriptor = start + GRAPHIC_CONTROL_BYTES;
    if (written[descriptor] !== IMAGE_SEPARATOR) throw new Error('the GIF encoder wrote a frame in an unexpected layout');
    written[descriptor + 1] = box.x0 & 0xff;
    written[descriptor + 2] = box.x0 >>> 8;
    written[descriptor + 3] = box.y0 & 0xff;
    written[descriptor + 4] = box.y0 >>> 8;
    previous = current;
  };

  const finish = (text: { caption: string; momentJson: string }): Uint8Array => {
    if (!previous) throw new Error('a GIF needs at least one frame');
    encoder.stream.writeBytes(gifCommentExtension(text.caption));
    encoder.stream.writeBytes(gifMomentExtension(text.momentJson));
    encoder.finish();
    return encoder.bytes();
  };

  return { addFrame, finish };
}
