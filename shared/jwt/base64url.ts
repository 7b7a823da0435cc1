/**
 * Decoding base64url without padding (RFC 7515 §2 "Base64url Encoding"), the encoding of every JWS part and of the
 * Kubernetes kid (`base64.RawURLEncoding` in pkg/serviceaccount/jwt.go). Encoding is jose's `base64url.encode`; the
 * decoder is written out because it must say which character is wrong rather than just fail.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const VALUE_OF: Readonly<Record<string, number>> = Object.fromEntries([...ALPHABET].map((char, value) => [char, value]));

export type Base64UrlDecodeResult =
  | { ok: true; bytes: Uint8Array }
  /** `index` is the 0-based position of the offending character in the input. */
  | { ok: false; index: number; problem: string };

function describeBadCharacter(char: string, followedBy: string): string {
  if (char === '=' && /^=*$/.test(followedBy)) return "'=' padding is not used in JWTs";
  // Padding only ever ends a part; an '=' with token text after it is most often a shell's NAME=value.
  if (char === '=') return "'=' is not a base64url character; if you copied NAME=token, paste only the token";
  if (char === '+' || char === '/') return `'${char}' belongs to standard base64; base64url uses '${char === '+' ? '-' : '_'}'`;
  if (/\s/.test(char)) return 'whitespace inside the token';
  if (char === '"' || char === "'") return `a quote character; paste the token without quotes`;
  const code = char.codePointAt(0) ?? 0;
  const shown = /^[\p{Cc}\p{Cf}\p{Z}]$/u.test(char) ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `'${char}'`;
  return `${shown} is not a base64url character`;
}

/**
 * Strict decode as Go's `base64.RawURLEncoding.DecodeString` does it, which is what `hasCorrectIssuer`
 * (pkg/serviceaccount/jwt.go) runs on the payload: no padding, no whitespace. Leftover bits in the last character
 * are ignored, as the non-strict Go encoding does.
 */
export function base64UrlDecode(text: string): Base64UrlDecodeResult {
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (VALUE_OF[char] === undefined) {
      const whole = text.codePointAt(i) ?? 0;
      return { ok: false, index: i, problem: describeBadCharacter(String.fromCodePoint(whole), text.slice(i + 1)) };
    }
  }
  if (text.length % 4 === 1) {
    return {
      ok: false,
      index: text.length - 1,
      problem: `${text.length} characters cannot be base64url (a length of 4n+1 is impossible; a character is missing or extra)`,
    };
  }
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let byteIndex = 0;
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    buffer = ((buffer << 6) | VALUE_OF[text[i]!]!) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[byteIndex++] = (buffer >>> bits) & 0xff;
    }
  }
  return { ok: true, bytes };
}
