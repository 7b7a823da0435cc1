import { describe, expect, it } from 'vitest';
import { decodeJwt } from '../../../shared/jwt/decode-jwt.ts';

// {"alg":"RS256","kid":"k1"}: 35 characters, so the payload starts at column 37.
const HEADER = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0';
// {"iss":"kubernetes/serviceaccount","sub":"system:serviceaccount:default:demo"}: 104 characters.
const PAYLOAD = 'eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50Iiwic3ViIjoic3lzdGVtOnNlcnZpY2VhY2NvdW50OmRlZmF1bHQ6ZGVtbyJ9';
const SIGNATURE = 'c2ln';
const TOKEN = `${HEADER}.${PAYLOAD}.${SIGNATURE}`;

function replaceAt(text: string, index: number, char: string): string {
  return text.slice(0, index) + char + text.slice(index + 1);
}

describe('decodeJwt: a well-formed token', () => {
  it('returns header, claims, the signing input and the signature part', () => {
    expect(decodeJwt(TOKEN)).toEqual({
      ok: true,
      compact: TOKEN,
      header: { alg: 'RS256', kid: 'k1' },
      claims: { iss: 'kubernetes/serviceaccount', sub: 'system:serviceaccount:default:demo' },
      signingInput: `${HEADER}.${PAYLOAD}`,
      signature: SIGNATURE,
    });
  });

  it('trims surrounding whitespace and a leading "Bearer " in any case', () => {
    for (const pasted of [`\n\t${TOKEN}\r\n`, `Bearer ${TOKEN}`, `  bearer   ${TOKEN}  `, `BEARER\t${TOKEN}`]) {
      expect(decodeJwt(pasted)).toMatchObject({ ok: true, compact: TOKEN });
    }
  });

  it('accepts an empty signature part (readable, though it will never verify)', () => {
    expect(decodeJwt(`${HEADER}.${PAYLOAD}.`)).toMatchObject({ ok: true, signature: '' });
  });
});

describe('decodeJwt: errors name what is wrong and the column (1-based, in the text as pasted)', () => {
  it('"expected 3 dot-separated parts, found 2", pointing just past the end', () => {
    expect(decodeJwt(`${HEADER}.${PAYLOAD}`)).toEqual({
      ok: false,
      error: { message: 'expected 3 dot-separated parts, found 2', column: 141 },
    });
  });

  it('"found 4", pointing at the extra dot', () => {
    expect(decodeJwt(`${TOKEN}.more`)).toEqual({
      ok: false,
      error: { message: "expected 3 dot-separated parts, found 4 (the extra '.' is at column 146)", column: 146 },
    });
  });

  it('"part 2 (payload) is not valid base64url at column 57" for a standard-base64 character', () => {
    expect(decodeJwt(`${HEADER}.${replaceAt(PAYLOAD, 20, '+')}.${SIGNATURE}`)).toEqual({
      ok: false,
      error: { message: "part 2 (payload) is not valid base64url at column 57: '+' belongs to standard base64; base64url uses '-'", column: 57 },
    });
  });

  it('counts columns from the start of the pasted text, "Bearer " and spaces included', () => {
    expect(decodeJwt(`  Bearer ${HEADER}.${replaceAt(PAYLOAD, 20, '/')}.${SIGNATURE}`)).toEqual({
      ok: false,
      error: { message: "part 2 (payload) is not valid base64url at column 66: '/' belongs to standard base64; base64url uses '_'", column: 66 },
    });
  });

  it('refuses "=" padding, which JWTs never carry', () => {
    expect(decodeJwt(`eyJhIjoxfQ==.${PAYLOAD}.${SIGNATURE}`)).toEqual({
      ok: false,
      error: { message: "part 1 (header) is not valid base64url at column 11: '=' padding is not used in JWTs", column: 11 },
    });
  });

  it('refuses a part whose length (4n+1) no base64url text can have', () => {
    expect(decodeJwt(`eyJhIjoxfQAAA.${PAYLOAD}.${SIGNATURE}`)).toMatchObject({
      error: { message: expect.stringMatching(/^part 1 \(header\) is not valid base64url at column 13: 13 characters cannot be base64url/), column: 13 },
    });
  });

  it('reports whitespace inside a part (a token broken across lines)', () => {
    const broken = `${HEADER}.${PAYLOAD.slice(0, 50)}\n${PAYLOAD.slice(50)}.${SIGNATURE}`;
    expect(decodeJwt(broken)).toEqual({
      ok: false,
      error: { message: 'part 2 (payload) is not valid base64url at column 87: whitespace inside the token', column: 87 },
    });
  });

  it('reports whitespace used instead of dots', () => {
    expect(decodeJwt(`${HEADER} ${PAYLOAD} ${SIGNATURE}`)).toEqual({
      ok: false,
      error: { message: 'unexpected whitespace at column 36: a JWT is a single unbroken line', column: 36 },
    });
  });

  it('tells the user to drop quotes copied along with the token', () => {
    expect(decodeJwt(`"${TOKEN}"`)).toMatchObject({
      error: { message: 'part 1 (header) is not valid base64url at column 1: a quote character; paste the token without quotes', column: 1 },
    });
  });

  it('"part 1 (header) is empty" and "part 2 (payload) is empty"', () => {
    expect(decodeJwt(`.${PAYLOAD}.${SIGNATURE}`)).toEqual({ ok: false, error: { message: 'part 1 (header) is empty', column: 1 } });
    expect(decodeJwt(`${HEADER}..${SIGNATURE}`)).toEqual({ ok: false, error: { message: 'part 2 (payload) is empty', column: 37 } });
  });

  it('"part 1 (header) is not a JSON object" when it decodes to an array', () => {
    expect(decodeJwt(`WzEsMl0.${PAYLOAD}.${SIGNATURE}`)).toEqual({
      ok: false,
      error: { message: 'part 1 (header) is not a JSON object (it is an array)', column: 1 },
    });
  });

  it('points into the base64url text at the JSON syntax error (trailing comma)', () => {
    // {"alg":"RS256",} — the '}' is decoded byte 15, carried by base64url character 20.
    expect(decodeJwt(`eyJhbGciOiJSUzI1NiIsfQ.${PAYLOAD}.${SIGNATURE}`)).toEqual({
      ok: false,
      error: { message: "part 1 (header) is not valid JSON at column 21: trailing comma before '}'", column: 21 },
    });
  });

  it('reports text after the JSON value in the payload', () => {
    // {"a":1} x — the 'x' is decoded byte 8, character 10 of the payload, which starts at column 37.
    expect(decodeJwt(`${HEADER}.eyJhIjoxfSB4.${SIGNATURE}`)).toEqual({
      ok: false,
      error: { message: "part 2 (payload) is not valid JSON at column 47: unexpected 'x' after the end of the JSON value", column: 47 },
    });
  });

  it('reports bytes that are not UTF-8', () => {
    // {"a":"\xff"} — byte 6 is 0xff, carried by character 8 of the payload.
    expect(decodeJwt(`${HEADER}.eyJhIjoi_yJ9.${SIGNATURE}`)).toEqual({
      ok: false,
      error: { message: 'part 2 (payload) is not valid UTF-8 at column 45 (decoded byte 6)', column: 45 },
    });
  });

  it('checks the signature part is base64url too', () => {
    expect(decodeJwt(`${HEADER}.${PAYLOAD}.c2l*`)).toEqual({
      ok: false,
      error: { message: "part 3 (signature) is not valid base64url at column 145: '*' is not a base64url character", column: 145 },
    });
  });

  it('refuses JSON-serialized tokens, as hasCorrectIssuer does', () => {
    expect(decodeJwt('{"payload":"x","signatures":[]}')).toMatchObject({
      error: { message: expect.stringMatching(/^this is JSON, not a compact JWT/), column: 1 },
    });
  });

  it('says the text is empty, or that nothing follows "Bearer"', () => {
    expect(decodeJwt(' \n\t')).toEqual({ ok: false, error: { message: 'the text is empty; paste a token', column: 1 } });
    expect(decodeJwt('Bearer   ')).toEqual({ ok: false, error: { message: 'nothing follows "Bearer"; paste the token after it', column: 7 } });
  });
});
