/**
 * UTF-8 both ways: encoding with the platform's TextEncoder; decoding written out, because the JWT decoder and the
 * file readers must report the byte at which input stops being UTF-8.
 */

const ENCODER = new TextEncoder();

/**
 * Lone surrogates become U+FFFD, which is what Go does with invalid UTF-8 when it marshals a string. The bytes are
 * copied into this realm's Uint8Array: jose refuses bytes that are not `instanceof Uint8Array`, and where the encoder
 * comes from another realm than the code (a jsdom page in Node) its arrays are not.
 */
export function utf8Encode(text: string): Uint8Array {
  const bytes = ENCODER.encode(text);
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

export type Utf8DecodeResult = { ok: true; text: string } | { ok: false; byteIndex: number };

/** Code units gathered before they are turned into a string: one call per chunk, not one per character. */
const DECODE_CHUNK_UNITS = 8192;

/**
 * Strict (RFC 3629): rejects overlong forms, surrogates and code points above U+10FFFF. Linear, and fast enough for a
 * file of tens of MB (characters are gathered and turned into text a chunk at a time).
 */
export function utf8Decode(bytes: Uint8Array): Utf8DecodeResult {
  const parts: string[] = [];
  const units = new Uint16Array(DECODE_CHUNK_UNITS + 1);
  let used = 0;
  let i = 0;
  while (i < bytes.length) {
    if (used >= DECODE_CHUNK_UNITS) {
      parts.push(String.fromCharCode.apply(null, units.subarray(0, used) as unknown as number[]));
      used = 0;
    }
    const first = bytes[i]!;
    if (first < 0x80) {
      units[used++] = first;
      i++;
      continue;
    }
    let length: number;
    let code: number;
    let min: number;
    if (first >= 0xc2 && first <= 0xdf) [length, code, min] = [2, first & 0x1f, 0x80];
    else if (first >= 0xe0 && first <= 0xef) [length, code, min] = [3, first & 0x0f, 0x800];
    else if (first >= 0xf0 && first <= 0xf4) [length, code, min] = [4, first & 0x07, 0x10000];
    else return { ok: false, byteIndex: i };
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return { ok: false, byteIndex: i + k };
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return { ok: false, byteIndex: i };
    if (code >= 0x10000) {
      units[used++] = 0xd800 + ((code - 0x10000) >> 10);
      units[used++] = 0xdc00 + ((code - 0x10000) & 0x3ff);
    } else {
      units[used++] = code;
    }
    i += length;
  }
  parts.push(String.fromCharCode.apply(null, units.subarray(0, used) as unknown as number[]));
  return { ok: true, text: parts.join('') };
}
