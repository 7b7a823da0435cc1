/**
 * Draws the app icon and writes it in the three formats the installers want, with nothing but Node (no image
 * tools on the build machine): `npx tsx electron/tools/build-icons.ts`. The output is committed in assets/icons;
 * run this again only to change the design.
 *
 *   assets/icons/icon.png          512×512, the master
 *   assets/icons/png/NxN.png       Linux icon set (electron-builder reads the size from the name)
 *   assets/icons/icon.ico          Windows, PNG-compressed entries 16…256
 *   assets/icons/icon.icns         macOS, PNG entries 16…512
 *
 * The design: a dark rounded square, a teal lens ring, and inside it three token lifetimes as bars on a timeline,
 * the short ones rotating, the long one (a legacy token) running off the edge.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

const BACKGROUND: Rgba = [17, 21, 28, 255];
const RING: Rgba = [62, 193, 211, 255];
const LEGACY: Rgba = [240, 166, 64, 255];
const BOUND: Rgba = [114, 214, 138, 255];

/** Signed distance to a rounded rectangle centred at (cx, cy); negative inside. Coordinates in a 512 design space. */
function roundedRect(x: number, y: number, cx: number, cy: number, halfW: number, halfH: number, radius: number): number {
  const qx = Math.abs(x - cx) - halfW + radius;
  const qy = Math.abs(y - cy) - halfH + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** The colour at one point of the 512×512 design, or null where it is transparent. */
function shade(x: number, y: number): Rgba | null {
  if (roundedRect(x, y, 256, 256, 240, 240, 96) > 0) return null;
  const ring = Math.abs(Math.hypot(x - 256, y - 256) - 168);
  if (ring <= 16) return RING;
  if (Math.hypot(x - 256, y - 256) < 152) {
    const bars: [number, number, number, Rgba][] = [
      // [left, right, centre y, colour]: the legacy token never ends; the bound ones rotate.
      [118, 420, 196, LEGACY],
      [118, 236, 256, BOUND],
      [228, 346, 256, BOUND],
      [150, 268, 316, BOUND],
      [260, 378, 316, BOUND],
    ];
    for (const [left, right, cy, colour] of bars) {
      if (roundedRect(x, y, (left + right) / 2, cy, (right - left) / 2, 17, 17) <= 0) return colour;
    }
  }
  return BACKGROUND;
}

/** Renders at `size` pixels with 4×4 supersampling, premultiplied while averaging so edges do not fringe. */
export function renderIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  const scale = 512 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = shade((px + (sx + 0.5) / samples) * scale, (py + (sy + 0.5) / samples) * scale);
          if (!colour) continue;
          const alpha = colour[3] / 255;
          r += colour[0] * alpha;
          g += colour[1] * alpha;
          b += colour[2] * alpha;
          a += alpha;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        pixels[o] = Math.round(r / a);
        pixels[o + 1] = Math.round(g / a);
        pixels[o + 2] = Math.round(b / a);
      }
      pixels[o + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A truecolour-with-alpha PNG; every scanline uses filter 0, which deflate handles well on flat artwork. */
export function encodePng(rgba: Uint8Array, size: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** Windows icon: a directory of PNG images (supported since Vista; 256 is written as 0 in the size bytes). */
export function encodeIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header[entry] = size >= 256 ? 0 : size;
    header[entry + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

export const ICNS_TYPES: Record<number, string> = { 16: 'icp4', 32: 'icp5', 64: 'icp6', 128: 'ic07', 256: 'ic08', 512: 'ic09' };

/** macOS icon: 'icns', total length, then (type, length, PNG) per size. */
export function encodeIcns(images: { size: number; png: Buffer }[]): Buffer {
  const entries = images.map(({ size, png }) => {
    const head = Buffer.alloc(8);
    head.write(ICNS_TYPES[size]!, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(8 + entries.reduce((sum, e) => sum + e.length, 0), 4);
  return Buffer.concat([header, ...entries]);
}

export function writeIcons(outDir: string): string[] {
  const sizes = [16, 24, 32, 48, 64, 128, 256, 512];
  const pngs = new Map(sizes.map((size) => [size, encodePng(renderIcon(size), size)]));
  const png = (size: number) => ({ size, png: pngs.get(size)! });
  mkdirSync(path.join(outDir, 'png'), { recursive: true });
  const written: [string, Buffer][] = [
    ['icon.png', pngs.get(512)!],
    ['icon.ico', encodeIco([16, 24, 32, 48, 64, 128, 256].map(png))],
    ['icon.icns', encodeIcns([16, 32, 64, 128, 256, 512].map(png))],
    ...sizes.map((size): [string, Buffer] => [path.join('png', `${size}x${size}.png`), pngs.get(size)!]),
  ];
  for (const [name, bytes] of written) writeFileSync(path.join(outDir, name), bytes);
  return written.map(([name]) => name);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets', 'icons');
  console.log(writeIcons(outDir).map((name) => path.join('assets/icons', name)).join('\n'));
}
