/**
 * Minimal decoders for the animations TokenScope writes, so tests can look at every frame as a viewer would show it:
 * a GIF (LZW, a global palette, transparency, "do not dispose") and an APNG (truecolour, fcTL/IDAT/fdAT, dispose
 * none, blend source). Frames come back composed, as RGB, with their delays.
 */
import { inflateSync } from 'node:zlib';

export interface DecodedAnimation {
  width: number;
  height: number;
  /** Each frame as the viewer shows it: width × height × 3 bytes. */
  frames: Uint8Array[];
  /** Hundredths of a second (GIF) or the APNG's delay as a fraction of a second, in hundredths. */
  delaysCs: number[];
  /** GIF: the NETSCAPE loop count (0 is forever; undefined: no loop block). APNG: num_plays (0 is forever). */
  loops: number | undefined;
  /** The rectangle each frame after the first stored. */
  rects: { x: number; y: number; width: number; height: number }[];
}

function lzwDecode(data: Uint8Array, minCodeSize: number, pixels: number): Uint8Array {
  const out = new Uint8Array(pixels);
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  let size = minCodeSize + 1;
  let dict: number[][] = [];
  const reset = () => {
    dict = [];
    for (let i = 0; i < clear; i++) dict.push([i]);
    dict.push([], []);
    size = minCodeSize + 1;
  };
  reset();
  let bits = 0;
  let acc = 0;
  let written = 0;
  let previous: number[] | undefined;
  for (let i = 0; i < data.length && written < pixels; i++) {
    acc |= data[i]! << bits;
    bits += 8;
    while (bits >= size && written < pixels) {
      const code = acc & ((1 << size) - 1);
      acc >>>= size;
      bits -= size;
      if (code === clear) {
        reset();
        previous = undefined;
        continue;
      }
      if (code === end) return out;
      let entry: number[];
      if (code < dict.length) entry = dict[code]!;
      else if (previous) entry = [...previous, previous[0]!];
      else throw new Error(`bad LZW code ${code}`);
      for (const v of entry) out[written++] = v;
      if (previous && dict.length < 4096) dict.push([...previous, entry[0]!]);
      if (dict.length === 1 << size && size < 12) size += 1;
      previous = entry;
    }
  }
  return out;
}

export function decodeGif(bytes: Uint8Array): DecodedAnimation & { palette: number[][] } {
  const u16 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8);
  const width = u16(6);
  const height = u16(8);
  const packed = bytes[10]!;
  const paletteSize = 1 << ((packed & 7) + 1);
  const palette: number[][] = [];
  for (let i = 0; i < paletteSize; i++) palette.push([bytes[13 + i * 3]!, bytes[14 + i * 3]!, bytes[15 + i * 3]!]);
  let at = 13 + paletteSize * 3;
  const canvas = new Uint8Array(width * height * 3);
  const result: DecodedAnimation & { palette: number[][] } = { width, height, frames: [], delaysCs: [], loops: undefined, rects: [], palette };
  let delay = 0;
  let transparent: number | undefined;
  const subBlocks = (from: number): { data: Uint8Array; next: number } => {
    const parts: number[] = [];
    let i = from;
    while (bytes[i] !== 0) {
      const n = bytes[i]!;
      for (let k = 1; k <= n; k++) parts.push(bytes[i + k]!);
      i += n + 1;
    }
    return { data: Uint8Array.from(parts), next: i + 1 };
  };
  for (;;) {
    const block = bytes[at]!;
    if (block === 0x3b) break;
    if (block === 0x21) {
      const label = bytes[at + 1]!;
      if (label === 0xf9) {
        delay = u16(at + 4);
        transparent = bytes[at + 3]! & 1 ? bytes[at + 6]! : undefined;
      }
      if (label === 0xff && String.fromCharCode(...bytes.subarray(at + 3, at + 14)) === 'NETSCAPE2.0') result.loops = u16(at + 16);
      at = subBlocks(at + 2).next;
      continue;
    }
    if (block !== 0x2c) throw new Error(`unexpected block 0x${block.toString(16)} at ${at}`);
    const x = u16(at + 1);
    const y = u16(at + 3);
    const w = u16(at + 5);
    const h = u16(at + 7);
    if (bytes[at + 9]! & 0x80) throw new Error('a local colour table: TokenScope writes none');
    const { data, next } = subBlocks(at + 11);
    const indices = lzwDecode(data, bytes[at + 10]!, w * h);
    for (let row = 0; row < h; row++) {
      for (let col = 0; col < w; col++) {
        const index = indices[row * w + col]!;
        if (index === transparent) continue;
        const o = ((y + row) * width + x + col) * 3;
        canvas.set(palette[index]!, o);
      }
    }
    if (result.frames.length > 0) result.rects.push({ x, y, width: w, height: h });
    result.frames.push(canvas.slice());
    result.delaysCs.push(delay);
    at = next;
  }
  return result;
}

export function decodeApng(bytes: Uint8Array): DecodedAnimation & { textChunks: string[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let width = 0;
  let height = 0;
  let loops: number | undefined;
  const frames: Uint8Array[] = [];
  const delaysCs: number[] = [];
  const rects: DecodedAnimation['rects'] = [];
  const textChunks: string[] = [];
  let canvas = new Uint8Array(0);
  let control: { x: number; y: number; w: number; h: number } | undefined;
  let pieces: Uint8Array[] = [];
  const flush = () => {
    if (!control) return;
    const { x, y, w, h } = control;
    const raw = inflateSync(Buffer.concat(pieces));
    const stride = w * 3;
    const rows = new Uint8Array(stride * h);
    for (let r = 0; r < h; r++) {
      const type = raw[r * (stride + 1)]!;
      for (let i = 0; i < stride; i++) {
        const v = raw[r * (stride + 1) + 1 + i]!;
        const a = i >= 3 ? rows[r * stride + i - 3]! : 0;
        const b = r > 0 ? rows[(r - 1) * stride + i]! : 0;
        const c = r > 0 && i >= 3 ? rows[(r - 1) * stride + i - 3]! : 0;
        const p = a + b - c;
        const pr = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
        rows[r * stride + i] = (v + [0, a, b, (a + b) >> 1, pr][type]!) & 0xff;
      }
      canvas.set(rows.subarray(r * stride, (r + 1) * stride), ((y + r) * width + x) * 3);
    }
    if (frames.length > 0) rects.push({ x, y, width: w, height: h });
    frames.push(canvas.slice());
    pieces = [];
    control = undefined;
  };
  while (at < bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    const d = new DataView(data.buffer, data.byteOffset, data.byteLength);
    if (type === 'IHDR') {
      width = d.getUint32(0);
      height = d.getUint32(4);
      if (data[9] !== 2) throw new Error('TokenScope writes truecolour APNGs');
      canvas = new Uint8Array(width * height * 3);
    } else if (type === 'acTL') loops = d.getUint32(4);
    else if (type === 'fcTL') {
      flush();
      control = { w: d.getUint32(4), h: d.getUint32(8), x: d.getUint32(12), y: d.getUint32(16) };
      delaysCs.push((d.getUint16(20) * 100) / d.getUint16(22));
      if (data[24] !== 0 || data[25] !== 0) throw new Error('TokenScope writes dispose none, blend source');
    } else if (type === 'IDAT') pieces.push(data);
    else if (type === 'fdAT') pieces.push(data.subarray(4));
    else if (type === 'iTXt') textChunks.push(String.fromCharCode(...data.subarray(0, data.indexOf(0))));
    else if (type === 'IEND') flush();
    at += 12 + length;
  }
  return { width, height, frames, delaysCs, loops, rects, textChunks };
}
