/**
 * An animated PNG (APNG 1.0: acTL, then fcTL before each frame, the first frame's pixels in IDAT so a viewer without
 * APNG shows it as a still, the others in fdAT). Frames are opaque RGB; each after the first stores only the rectangle
 * that changed since the one before, drawn over it. Rows are filtered the way PNG encoders usually choose (the filter
 * with the smallest sum of absolute differences) and deflated with fflate, so the same frames give the same bytes in
 * the page and in Node.
 */
import { zlibSync } from 'fflate';
import { PNG_SIGNATURE, pngChunkBytes } from '../png-text-chunk.ts';
import type { RgbaImage } from '../resvg-rasterizer.ts';
import { changedBox, pixelWords, type Box } from './frame-diff.ts';

const BYTES_PER_PIXEL = 3;
const COLOUR_TYPE_RGB = 2;
/** APNG's dispose_op NONE and blend_op SOURCE: each rectangle replaces what was there and stays. */
const DISPOSE_NONE = 0;
const BLEND_SOURCE = 0;

export interface ApngWriterOptions {
  width: number;
  height: number;
  frames: number;
  loop: boolean;
}

export interface ApngWriter {
  addFrame(frame: RgbaImage, delayCs: number): void;
  /** The file without text chunks (export-animation.ts adds them, as for a still PNG). */
  finish(): Uint8Array;
}

function u32(value: number): number[] {
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

function u16(value: number): number[] {
  return [(value >>> 8) & 0xff, value & 0xff];
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The rectangle's RGB rows, each after the filter type that suits it best (PNG 1.2 §9, §12.8). */
export function filteredRows(data: Uint8Array, width: number, box: Box): Uint8Array {
  const w = box.x1 - box.x0 + 1;
  const h = box.y1 - box.y0 + 1;
  const stride = w * BYTES_PER_PIXEL;
  const raw = new Uint8Array(stride * h);
  for (let y = 0; y < h; y++) {
    let from = ((box.y0 + y) * width + box.x0) * 4;
    const row = y * stride;
    for (let x = 0; x < w; x++, from += 4) {
      raw[row + x * 3] = data[from]!;
      raw[row + x * 3 + 1] = data[from + 1]!;
      raw[row + x * 3 + 2] = data[from + 2]!;
    }
  }
  const out = new Uint8Array((stride + 1) * h);
  // The five filters of a row, computed side by side in one pass; the row keeps the one whose bytes, read as signed,
  // sum to the least.
  const candidates = Array.from({ length: 5 }, () => new Uint8Array(stride));
  const [none, sub, up, average, paethed] = candidates as [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array];
  const cost = (v: number) => (v < 128 ? v : 256 - v);
  for (let y = 0; y < h; y++) {
    const row = y * stride;
    const above = y > 0 ? row - stride : -1;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    for (let i = 0; i < stride; i++) {
      const x = raw[row + i]!;
      const a = i >= BYTES_PER_PIXEL ? raw[row + i - BYTES_PER_PIXEL]! : 0;
      const b = above >= 0 ? raw[above + i]! : 0;
      const c = above >= 0 && i >= BYTES_PER_PIXEL ? raw[above + i - BYTES_PER_PIXEL]! : 0;
      const vs = x - a;
      const vu = x - b;
      const va = x - ((a + b) >>> 1);
      const vp = x - paeth(a, b, c);
      none[i] = x;
      sub[i] = vs;
      up[i] = vu;
      average[i] = va;
      paethed[i] = vp;
      s0 += cost(x);
      s1 += cost(vs & 0xff);
      s2 += cost(vu & 0xff);
      s3 += cost(va & 0xff);
      s4 += cost(vp & 0xff);
    }
    const sums = [s0, s1, s2, s3, s4];
    let best = 0;
    for (let type = 1; type < 5; type++) if (sums[type]! < sums[best]!) best = type;
    out[y * (stride + 1)] = best;
    out.set(candidates[best]!, y * (stride + 1) + 1);
  }
  return out;
}

export function createApngWriter({ width, height, frames, loop }: ApngWriterOptions): ApngWriter {
  const chunks: Uint8Array[] = [
    Uint8Array.from(PNG_SIGNATURE),
    pngChunkBytes('IHDR', Uint8Array.from([...u32(width), ...u32(height), 8, COLOUR_TYPE_RGB, 0, 0, 0])),
    // num_plays: 0 is forever, 1 plays once.
    pngChunkBytes('acTL', Uint8Array.from([...u32(frames), ...u32(loop ? 0 : 1)])),
  ];
  let sequence = 0;
  let written = 0;
  let previous: Uint32Array | undefined;

  const addFrame = (frame: RgbaImage, delayCs: number): void => {
    if (frame.width !== width || frame.height !== height) throw new Error(`a ${frame.width} × ${frame.height} frame in a ${width} × ${height} APNG`);
    if (written === frames) throw new Error(`this APNG was announced with ${frames} frames`);
    const current = pixelWords(frame.data);
    const box = previous ? (changedBox(previous, current, width, height) ?? { x0: 0, y0: 0, x1: 0, y1: 0 }) : { x0: 0, y0: 0, x1: width - 1, y1: height - 1 };
    const control = [...u32(sequence++), ...u32(box.x1 - box.x0 + 1), ...u32(box.y1 - box.y0 + 1), ...u32(box.x0), ...u32(box.y0), ...u16(delayCs), ...u16(100), DISPOSE_NONE, BLEND_SOURCE];
    chunks.push(pngChunkBytes('fcTL', Uint8Array.from(control)));
    const compressed = zlibSync(filteredRows(frame.data, width, box), { level: 6 });
    if (!previous) chunks.push(pngChunkBytes('IDAT', compressed));
    else {
      const body = new Uint8Array(4 + compressed.length);
      body.set(u32(sequence++), 0);
      body.set(compressed, 4);
      chunks.push(pngChunkBytes('fdAT', body));
    }
    previous = current;
    written += 1;
  };

  const finish = (): Uint8Array => {
    if (written !== frames) throw new Error(`this APNG was announced with ${frames} frames but has ${written}`);
    chunks.push(pngChunkBytes('IEND', new Uint8Array(0)));
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  };

  return { addFrame, finish };
}
