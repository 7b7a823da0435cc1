/**
 * Reads and writes one international text chunk (iTXt, PNG 1.2 §11.3.4.5) in a PNG: exports carry their moment there,
 * so dropping the image back into the app reopens it. Pure bytes in, bytes out (no zlib: the text is stored
 * uncompressed), and every chunk's CRC is checked on the way in, so a truncated or edited file gets a clear error
 * rather than a half-read moment.
 */
import type { Checked } from '../validation/checked.ts';
import { utf8Decode, utf8Encode } from '../text/utf8.ts';
import { formatLimit, overBudget } from '../limits/input-budgets.ts';

export const PNG_SIGNATURE: readonly number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface PngChunk {
  /** Four ASCII letters ("IHDR", "iTXt"). */
  type: string;
  /** Offset of the chunk's length field in the file. */
  offset: number;
  data: Uint8Array;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG uses it (ISO 3309), over the chunk type and data. */
export function crc32(bytes: Uint8Array, crc = 0xffffffff): number {
  let c = crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return c;
}

function chunkCrc(type: Uint8Array, data: Uint8Array): number {
  return (crc32(data, crc32(type)) ^ 0xffffffff) >>> 0;
}

export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

const readU32 = (bytes: Uint8Array, at: number) => ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;

function writeU32(out: Uint8Array, at: number, value: number): void {
  out[at] = value >>> 24;
  out[at + 1] = (value >>> 16) & 0xff;
  out[at + 2] = (value >>> 8) & 0xff;
  out[at + 3] = value & 0xff;
}

/** One chunk as a PNG stores it: the data's length, the four-letter type, the data, and the CRC of type and data. */
export function pngChunkBytes(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const typeBytes = Uint8Array.from(type, (c) => c.charCodeAt(0));
  writeU32(out, 0, data.length);
  out.set(typeBytes, 4);
  out.set(data, 8);
  writeU32(out, 8 + data.length, chunkCrc(typeBytes, data));
  return out;
}

/**
 * Visits every chunk up to and including IEND, each CRC checked, without keeping them: a hostile file can hold
 * millions of empty chunks. `visit` returning false stops early (the chunks after it are then not checked).
 */
function scanPngChunks(bytes: Uint8Array, visit: (chunk: PngChunk) => boolean): Checked<void> {
  if (!hasPngSignature(bytes)) return { ok: false, error: 'not a PNG file (the first 8 bytes are not the PNG signature)' };
  let at = PNG_SIGNATURE.length;
  for (;;) {
    if (at + 12 > bytes.length) return { ok: false, error: `the PNG is truncated: it ends at byte ${bytes.length} before its IEND chunk` };
    const length = readU32(bytes, at);
    const typeBytes = bytes.subarray(at + 4, at + 8);
    const type = String.fromCharCode(typeBytes[0]!, typeBytes[1]!, typeBytes[2]!, typeBytes[3]!);
    if (!/^[A-Za-z]{4}$/.test(type)) return { ok: false, error: `the PNG has a malformed chunk at byte ${at} (its type is not four letters)` };
    if (at + 12 + length > bytes.length) return { ok: false, error: `the PNG is truncated: chunk ${type} at byte ${at} claims ${length} bytes, more than the file holds` };
    const data = bytes.subarray(at + 8, at + 8 + length);
    const stored = readU32(bytes, at + 8 + length);
    if (stored !== chunkCrc(typeBytes, data)) return { ok: false, error: `the PNG is corrupt: chunk ${type} at byte ${at} fails its CRC check` };
    if (!visit({ type, offset: at, data })) return { ok: true, value: undefined };
    at += 12 + length;
    if (type === 'IEND') return { ok: true, value: undefined };
  }
}

/** Every chunk up to and including IEND, each CRC checked. */
export function readPngChunks(bytes: Uint8Array): Checked<PngChunk[]> {
  const chunks: PngChunk[] = [];
  const scanned = scanPngChunks(bytes, (chunk) => chunks.push(chunk) > 0);
  return scanned.ok ? { ok: true, value: chunks } : scanned;
}

const MAX_KEYWORD_BYTES = 79;

/** PNG keywords: 1 to 79 printable Latin-1 characters, no leading, trailing or double spaces. */
function validKeyword(keyword: string): boolean {
  return keyword.length >= 1 && keyword.length <= MAX_KEYWORD_BYTES && /^[\x20-\x7e\xa1-\xff]+$/.test(keyword) && keyword.trim() === keyword && !keyword.includes('  ');
}

function itxtData(keyword: string, text: string): Uint8Array {
  const key = Uint8Array.from(keyword, (c) => c.charCodeAt(0));
  const body = utf8Encode(text);
  // keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, text.
  const out = new Uint8Array(key.length + 5 + body.length);
  out.set(key, 0);
  out.set(body, key.length + 5);
  return out;
}

/**
 * The PNG with an iTXt chunk `keyword` holding `text`, placed just before IEND; an earlier iTXt chunk with the same
 * keyword is dropped, so writing twice leaves one. Throws (with what is wrong) on a PNG that does not read cleanly.
 */
export function insertPngTextChunk(png: Uint8Array, keyword: string, text: string): Uint8Array {
  if (!validKeyword(keyword)) throw new Error(`invalid PNG text keyword ${JSON.stringify(keyword)}: 1 to 79 printable Latin-1 characters`);
  const chunks = readPngChunks(png);
  if (!chunks.ok) throw new Error(chunks.error);
  const kept = chunks.value.filter((c) => !(c.type === 'iTXt' && itxtKeyword(c.data) === keyword));
  const data = itxtData(keyword, text);
  const iend = kept[kept.length - 1]!;
  const before = kept.slice(0, -1);
  const size = PNG_SIGNATURE.length + before.reduce((n, c) => n + 12 + c.data.length, 0) + 12 + data.length + 12 + iend.data.length;
  const out = new Uint8Array(size);
  out.set(PNG_SIGNATURE, 0);
  let at = PNG_SIGNATURE.length;
  const put = (type: string, body: Uint8Array) => {
    out.set(pngChunkBytes(type, body), at);
    at += 12 + body.length;
  };
  for (const c of before) put(c.type, c.data);
  put('iTXt', data);
  put('IEND', iend.data);
  return out;
}

/** The chunk's keyword; undefined when it is not a valid one (a keyword is at most 79 bytes, then a NUL). */
function itxtKeyword(data: Uint8Array): string | undefined {
  const end = data.subarray(0, MAX_KEYWORD_BYTES + 1).indexOf(0);
  return end < 1 ? undefined : String.fromCharCode(...data.subarray(0, end));
}

/**
 * The text of the iTXt chunk `keyword`: undefined when there is none; an error when the PNG or the chunk is broken, or
 * when its text is longer than `maxBytes` (the file is then not one we wrote).
 */
export function readPngTextChunk(png: Uint8Array, keyword: string, maxBytes = Number.POSITIVE_INFINITY): Checked<string | undefined> {
  let chunk: PngChunk | undefined;
  const scanned = scanPngChunks(png, (c) => {
    if (chunk === undefined && c.type === 'iTXt' && itxtKeyword(c.data) === keyword) chunk = c;
    return true;
  });
  if (!scanned.ok) return scanned;
  if (!chunk) return { ok: true, value: undefined };
  const data = chunk.data;
  let at = keyword.length + 1;
  const compressed = data[at];
  if (compressed !== 0) return { ok: false, error: `the PNG's ${keyword} text chunk is compressed, which TokenScope never writes` };
  at += 2;
  for (let field = 0; field < 2; field++) {
    const end = data.indexOf(0, at);
    if (end < 0) return { ok: false, error: `the PNG's ${keyword} text chunk is malformed (a header field is not terminated)` };
    at = end + 1;
  }
  if (data.length - at > maxBytes) {
    return { ok: false, error: overBudget(`the PNG's ${keyword} text`, `${formatLimit(data.length - at)} bytes`, `${formatLimit(maxBytes)} bytes`, 'it was not written by TokenScope') };
  }
  const text = utf8Decode(data.subarray(at));
  if (!text.ok) return { ok: false, error: `the PNG's ${keyword} text chunk is not valid UTF-8 (at byte ${text.byteIndex} of its text)` };
  return { ok: true, value: text.text };
}
