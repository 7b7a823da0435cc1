import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64url } from 'jose';
import { decodeJwt } from '../../../shared/jwt/decode-jwt.ts';
import { analyzePastedToken } from '../../../renderer/panels/paste-token/paste-token-model.ts';
import { nestingArb, repeatedArb, withinBounds } from '../fuzz-inputs.ts';

const VALID = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50In0.c2ln';

function checkShape(text: unknown): void {
  const result = decodeJwt(text as string);
  if (result.ok) {
    expect(typeof result.header).toBe('object');
    expect(typeof result.claims).toBe('object');
  } else {
    expect(result.error.message.length).toBeGreaterThan(0);
    expect(Number.isInteger(result.error.column)).toBe(true);
    expect(result.error.column).toBeGreaterThanOrEqual(1);
    if (typeof text === 'string') expect(result.error.column).toBeLessThanOrEqual(text.length + 1);
  }
}

const jsonObject = fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue(), { maxKeys: 6 });
const encodeJson = (value: unknown): string => base64url.encode(Buffer.from(JSON.stringify(value), 'utf8'));

describe('decodeJwt never throws, whatever it is given', () => {
  it('random Unicode text (including lone surrogates): a result, with a column inside the text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), checkShape), { numRuns: 5000 });
  });

  it('random text over the token alphabet, dots, padding and whitespace', () => {
    const tokenish = fc.string({ unit: fc.constantFrom(...'ABCabc019-_.=+/ \n{}"'.split('')), maxLength: 200 });
    fc.assert(fc.property(tokenish, checkShape), { numRuns: 5000 });
  });

  it('random edits of a valid token', () => {
    const edit = fc.tuple(fc.nat({ max: VALID.length }), fc.nat({ max: 3 }), fc.string({ unit: 'binary', maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = VALID;
        for (const [at, remove, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + remove);
        checkShape(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('random bytes in each part', () => {
    const part = fc.uint8Array({ maxLength: 60 }).map((bytes) => base64url.encode(bytes));
    fc.assert(fc.property(part, part, part, (a, b, c) => checkShape(`${a}.${b}.${c}`)), { numRuns: 3000 });
  });

  it('values that are not text at all', () => {
    fc.assert(fc.property(fc.anything(), checkShape), { numRuns: 1000 });
  });

  it('hostile nesting: refused past 10000 levels (Go encoding/json maxNestingDepth), never a stack overflow', () => {
    const tooDeep = base64url.encode(Buffer.from('{"a":' + '['.repeat(20000) + ']'.repeat(20000) + '}'));
    expect(decodeJwt(`${tooDeep}.e30.`)).toMatchObject({ ok: false, error: { message: expect.stringContaining('nested more than 10000 levels deep') } });
    const unterminated = base64url.encode(Buffer.from('{"a":' + '['.repeat(50000)));
    checkShape(`${unterminated}.e30.`);
    const deepButAllowed = base64url.encode(Buffer.from('{"a":' + '['.repeat(9000) + ']'.repeat(9000) + '}'));
    expect(decodeJwt(`e30.${deepButAllowed}.`).ok).toBe(true);
  });
});

describe('decodeJwt reads back every JSON object a signer could have written', () => {
  it('header and claims round-trip through base64url and JSON', () => {
    fc.assert(
      fc.property(jsonObject, jsonObject, fc.uint8Array({ maxLength: 64 }), (header, claims, signature) => {
        const result = decodeJwt(`${encodeJson(header)}.${encodeJson(claims)}.${base64url.encode(signature)}`);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(JSON.stringify(result.header)).toBe(JSON.stringify(header));
        expect(JSON.stringify(result.claims)).toBe(JSON.stringify(claims));
        expect(Buffer.from(result.signature, 'base64url')).toEqual(Buffer.from(signature));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('decodeJwt and the paste panel\'s analysis stay within bounds on hostile tokens', () => {
  const json = fc.oneof(
    nestingArb([['[', ']'], ['{"a":', '}'], ['{"kubernetes.io":', '}']], 12_000).map((v) => `{"sub":"system:serviceaccount:a:b","x":${v}}`),
    fc.integer({ min: 1, max: 20_000 }).map((n) => `{${Array.from({ length: n }, (_, i) => `"c${i}":${i}`).join(',')}}`),
    repeatedArb(['a', '\\u0000', '😀', '\\"'], 300_000).map((v) => `{"aud":"${v}","exp":1e308,"iat":-1e308}`),
  );
  it('deep, wide and long claims: a decoded token or a placed error, never a crash', () => {
    fc.assert(
      fc.property(json, (claims) => {
        const token = `${encodeJson({ alg: 'RS256' })}.${base64url.encode(Buffer.from(claims, 'utf8'))}.c2ln`;
        const analysis = withinBounds(() => analyzePastedToken(token, Date.UTC(2025, 0, 6)));
        if (analysis.state === 'decoded') for (const row of analysis.token.claims) expect(row.raw.length).toBeLessThan(10_100);
        else expect(analysis.state === 'error' && analysis.error.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });

  it('text past the 1 MiB budget is refused at once, whatever it holds', () => {
    fc.assert(
      fc.property(fc.constantFrom('a', '.', ' ', '{'), fc.integer({ min: 1, max: 1_000 }), (unit, extra) => {
        const result = withinBounds(() => decodeJwt(unit.repeat(1024 * 1024 + extra)));
        expect(result.ok === false && result.error.message).toMatch(/over TokenScope's limit of 1,048,576 characters/);
      }),
      { numRuns: 10 },
    );
  });
});
