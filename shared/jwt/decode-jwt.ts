/**
 * Reads a JWT pasted from outside the simulator (a real cluster's token, a token file, an Authorization header) and
 * either returns its parts or says exactly what is wrong and at which column. It verifies nothing.
 *
 * Strictness follows what kube-apiserver accepts before it even looks at the signature (kubernetes
 * pkg/serviceaccount/jwt.go `hasCorrectIssuer`): exactly 3 dot-separated parts, the payload in unpadded base64url
 * (`base64.RawURLEncoding`), JSON that is an object, and JSON-serialized tokens starting with `{` refused. Two
 * conveniences for pasted text: surrounding whitespace is trimmed and a leading `Authorization:` and `Bearer ` are dropped (the scheme is
 * case-insensitive, as in staging/src/k8s.io/apiserver/pkg/authentication/request/bearertoken/bearertoken.go).
 * An empty signature part is accepted here (the token is still readable); verification then fails.
 */
import { base64UrlDecode } from './base64url.ts';
import { findJsonSyntaxError } from './json-syntax.ts';
import { utf8Decode, utf8Encode } from '../text/utf8.ts';
import { formatLimit, overBudget, PASTED_TOKEN_MAX_CHARS } from '../limits/input-budgets.ts';

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [member: string]: JsonValue;
}

export interface DecodedJwt {
  ok: true;
  /** The token itself, with whitespace and any `Bearer ` removed. */
  compact: string;
  header: JsonObject;
  claims: JsonObject;
  /** `<part 1>.<part 2>`: the bytes the signature covers (RFC 7515 §5.2). */
  signingInput: string;
  /** Part 3 as it appears in the token (base64url). */
  signature: string;
}

export interface DecodeJwtError {
  ok: false;
  error: {
    message: string;
    /** 1-based position in the text as given (UTF-16 units), so a UI can put a caret under it. */
    column: number;
  };
}

export type DecodeJwtResult = DecodedJwt | DecodeJwtError;

const PART_NAMES = ['header', 'payload', 'signature'] as const;

function failure(message: string, column: number): DecodeJwtError {
  return { ok: false, error: { message, column } };
}

function partLabel(partIndex: number): string {
  return `part ${partIndex + 1} (${PART_NAMES[partIndex] ?? 'extra'})`;
}

function kindOf(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** Base64url characters are 6 bits each, so byte n of the decoded part starts in character floor(8n / 6). */
function columnOfByte(partStart: number, byteIndex: number): number {
  return partStart + Math.floor((byteIndex * 4) / 3) + 1;
}

type JsonPartResult = { ok: true; value: JsonObject } | DecodeJwtError;

function decodeJsonPart(text: string, partStart: number, partIndex: number): JsonPartResult {
  const label = partLabel(partIndex);
  if (text.length === 0) return failure(`${label} is empty`, partStart + 1);
  const decoded = base64UrlDecode(text);
  if (!decoded.ok) {
    const column = partStart + decoded.index + 1;
    return failure(`${label} is not valid base64url at column ${column}: ${decoded.problem}`, column);
  }
  const utf8 = utf8Decode(decoded.bytes);
  if (!utf8.ok) {
    const column = columnOfByte(partStart, utf8.byteIndex);
    return failure(`${label} is not valid UTF-8 at column ${column} (decoded byte ${utf8.byteIndex})`, column);
  }
  const syntaxError = findJsonSyntaxError(utf8.text);
  if (syntaxError) {
    const column = columnOfByte(partStart, utf8Encode(utf8.text.slice(0, syntaxError.index)).length);
    return failure(`${label} is not valid JSON at column ${column}: ${syntaxError.problem}`, column);
  }
  let value: JsonValue;
  try {
    value = JSON.parse(utf8.text) as JsonValue;
  } catch {
    // The syntax check above accepts only what JSON.parse accepts; this is the engine refusing (e.g. its own depth limit).
    return failure(`${label} is JSON that this host cannot parse`, partStart + 1);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return failure(`${label} is not a JSON object (it is ${kindOf(value)})`, partStart + 1);
  }
  return { ok: true, value };
}

export function decodeJwt(text: string): DecodeJwtResult {
  if (typeof text !== 'string') return failure('expected the token as text', 1);
  if (text.length > PASTED_TOKEN_MAX_CHARS) {
    const what = overBudget('the text', `${formatLimit(text.length)} characters`, `${formatLimit(PASTED_TOKEN_MAX_CHARS)} characters`, 'a ServiceAccount token is about a kilobyte: paste just the token');
    return failure(what, PASTED_TOKEN_MAX_CHARS + 1);
  }
  let start = 0;
  let end = text.length;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start === end) return failure('the text is empty; paste a token', 1);

  // A header line copied from curl -v or a browser's network panel: "Authorization: Bearer <token>".
  const headerLine = /^authorization[ \t]*:[ \t]*/i.exec(text.slice(start, Math.min(end, start + 40)));
  if (headerLine) start += headerLine[0].length;
  const bearer = /^bearer(?=\s|$)/i.exec(text.slice(start, Math.min(end, start + 7)));
  if (bearer) {
    start += bearer[0].length;
    while (start < end && /\s/.test(text[start]!)) start++;
    if (start === end) return failure('nothing follows "Bearer"; paste the token after it', end + 1);
  }

  const token = text.slice(start, end);
  if (token.startsWith('{')) {
    return failure('this is JSON, not a compact JWT: Kubernetes only accepts the three-part header.payload.signature form', start + 1);
  }

  const parts = token.split('.');
  if (parts.length !== 3) {
    const whitespace = /\s/.exec(token);
    if (whitespace) {
      const column = start + whitespace.index + 1;
      return failure(`unexpected whitespace at column ${column}: a JWT is a single unbroken line`, column);
    }
    if (parts.length > 3) {
      const column = start + parts[0]!.length + parts[1]!.length + parts[2]!.length + 3;
      // RFC 7516 §7.1: an encrypted JWT (JWE) has 5 parts and can only be read with its key.
      const encrypted = parts.length === 5 ? ': 5 parts are an encrypted JWT (JWE), and a ServiceAccount token is a signed JWT (JWS) of 3' : '';
      return failure(`expected 3 dot-separated parts, found ${parts.length} (the extra '.' is at column ${column})${encrypted}`, column);
    }
    return failure(`expected 3 dot-separated parts, found ${parts.length}`, end + 1);
  }

  const [headerText, payloadText, signatureText] = parts as [string, string, string];
  const headerStart = start;
  const payloadStart = headerStart + headerText.length + 1;
  const signatureStart = payloadStart + payloadText.length + 1;

  const header = decodeJsonPart(headerText, headerStart, 0);
  if (!header.ok) return header;
  const claims = decodeJsonPart(payloadText, payloadStart, 1);
  if (!claims.ok) return claims;
  const signature = base64UrlDecode(signatureText);
  if (!signature.ok) {
    const column = signatureStart + signature.index + 1;
    return failure(`${partLabel(2)} is not valid base64url at column ${column}: ${signature.problem}`, column);
  }

  return {
    ok: true,
    compact: token,
    header: header.value,
    claims: claims.value,
    signingInput: `${headerText}.${payloadText}`,
    signature: signatureText,
  };
}
