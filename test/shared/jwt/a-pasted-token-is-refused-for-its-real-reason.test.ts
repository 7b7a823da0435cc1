import { describe, expect, it } from 'vitest';
import { decodeJwt } from '../../../shared/jwt/decode-jwt.ts';

const b64u = (json: string): string => Buffer.from(json).toString('base64url');
const HEADER = b64u('{"alg":"RS256","kid":"k1"}');
const PAYLOAD = b64u('{"sub":"system:serviceaccount:default:demo"}');
const TOKEN = `${HEADER}.${PAYLOAD}.c2ln`;

function refusal(text: string): { message: string; column: number } {
  const result = decodeJwt(text);
  if (result.ok) throw new Error('accepted');
  return result.error;
}

describe('decodeJwt says why, not just what', () => {
  it('five parts are an encrypted token (JWE), which no ServiceAccount token is', () => {
    const { message } = refusal(`${HEADER}.${PAYLOAD}.a.b.c`);
    expect(message).toContain('found 5');
    expect(message).toContain('encrypted JWT (JWE)');
  });

  it('a number too large for any JSON reader is refused where it starts, not read as null', () => {
    const payload = b64u('{"sub":"s","exp":1e400}');
    const { message, column } = refusal(`${HEADER}.${payload}.c2ln`);
    expect(message).toContain('part 2 (payload) is not valid JSON');
    expect(message).toContain('1e400 is too large');
    // '1' is character 17 of the JSON, which starts in base64url character floor(17 * 4 / 3) = 22 of the part.
    expect(column).toBe(HEADER.length + 1 + 22 + 1);
  });

  it('an = followed by more token text is not called padding (TOKEN=eyJ… pasted from a shell)', () => {
    const { message, column } = refusal(`TOKEN=${TOKEN}`);
    expect(message).not.toContain('padding');
    expect(message).toContain('at column 6');
    expect(message).toContain('NAME=');
    expect(column).toBe(6);
  });

  it('real padding at the end of a part is still called padding', () => {
    expect(refusal(`${HEADER}=.${PAYLOAD}.c2ln`).message).toContain("'=' padding is not used in JWTs");
  });

  it('an invisible character is named by its code point, not printed invisibly between quotes', () => {
    const { message } = refusal(`${TOKEN}\u200b`);
    expect(message).toContain('U+200B');
    expect(message).not.toContain("'\u200b'");
  });
});

describe('a header line copied from curl -v or a browser is read like a bare Bearer token', () => {
  it.each([`Authorization: Bearer ${TOKEN}`, `authorization:bearer ${TOKEN}`, `  Authorization:\tBearer   ${TOKEN}\n`])('%j', (pasted) => {
    expect(decodeJwt(pasted)).toMatchObject({ ok: true, compact: TOKEN });
  });

  it('"Authorization:" with nothing after Bearer says so', () => {
    expect(refusal('Authorization: Bearer ').message).toBe('nothing follows "Bearer"; paste the token after it');
  });
});
