/**
 * base64 (RFC 4648 §4, with padding) without Node's Buffer or the DOM's btoa, which `shared/` may not use: Secret
 * `data` values are base64 of UTF-8, as the API serves them, and exported SVGs carry their font as a data: URI.
 */
import { utf8Encode } from './utf8.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of raw bytes, built in chunks so a font file's worth does not grow one string a character at a time. */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    chunk += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + (b === undefined ? '=' : ALPHABET[(n >> 6) & 63]!) + (c === undefined ? '=' : ALPHABET[n & 63]!);
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/** Base64 of the UTF-8 of `text`. */
export function encodeBase64(text: string): string {
  return bytesToBase64(utf8Encode(text));
}
