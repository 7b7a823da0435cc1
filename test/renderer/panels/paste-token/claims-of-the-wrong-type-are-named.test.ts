import { describe, expect, it } from 'vitest';
import { analyzePastedToken, type PastedToken } from '../../../../renderer/panels/paste-token/paste-token-model.ts';

const b64u = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const NOW_MS = Date.UTC(2026, 0, 1);
const NOW_SEC = NOW_MS / 1000;
const BASE = { iss: 'https://kubernetes.default.svc', sub: 'system:serviceaccount:default:demo', iat: NOW_SEC - 60 };

function decoded(claims: Record<string, unknown>): PastedToken {
  const analysis = analyzePastedToken(`${b64u({ alg: 'RS256', kid: 'k' })}.${b64u(claims)}.c2ln`, NOW_MS);
  if (analysis.state !== 'decoded') throw new Error(JSON.stringify(analysis));
  return analysis.token;
}

describe('an aud that is neither a string nor a list of strings is named, not shown as fine', () => {
  it.each<[string, unknown]>([
    ['an object', { a: 1 }],
    ['a list holding a number', ['https://kubernetes.default.svc', 5]],
    ['a number', 42],
  ])('%s', (_what, aud) => {
    const token = decoded({ ...BASE, aud, exp: NOW_SEC + 3600 });
    const warning = token.warnings.find((w) => w.claim === 'aud');
    expect(warning?.code).toBe('malformed-audience');
    expect(warning?.text).toMatch(/a string or a list of strings/);
    expect(warning?.text).toMatch(/refuses/);
  });

  it('a string and a list of strings raise nothing about aud', () => {
    for (const aud of ['https://kubernetes.default.svc', ['https://kubernetes.default.svc']]) {
      expect(decoded({ ...BASE, aud, exp: NOW_SEC + 3600 }).warnings.filter((w) => w.claim === 'aud')).toEqual([]);
    }
  });
});

describe('a time written as a quoted number says so', () => {
  it('exp "1767225600" is a string of digits, which is the whole problem', () => {
    const token = decoded({ ...BASE, aud: ['https://kubernetes.default.svc'], exp: String(NOW_SEC + 3600) });
    const warning = token.warnings.find((w) => w.code === 'not-a-number');
    expect(warning?.text).toContain(`exp is the string "${NOW_SEC + 3600}"`);
    expect(warning?.text).toContain('without quotes');
  });
});

describe('an exp far beyond any date is not called milliseconds by a wrong digit count', () => {
  it('1e300', () => {
    const token = decoded({ ...BASE, aud: ['https://kubernetes.default.svc'], exp: 1e300 });
    expect(token.status.title).not.toMatch(/milliseconds/);
    expect(token.status.detail).toContain('301 digits');
    const warning = token.warnings.find((w) => w.claim === 'exp');
    expect(warning?.text).toContain('301 digits');
    expect(warning?.text).not.toMatch(/looks like milliseconds/);
    const row = token.claims.find((c) => c.path === 'exp');
    expect(row?.times?.relative).not.toMatch(/e\+/);
  });

  it('a 13-digit exp is still read as milliseconds', () => {
    const token = decoded({ ...BASE, aud: ['https://kubernetes.default.svc'], exp: (NOW_SEC + 3600) * 1000 });
    expect(token.status.title).toMatch(/milliseconds/);
    expect(token.status.detail).toContain('13 digits');
  });
});

describe('a token wrapped over lines after an Authorization header is read', () => {
  it('Authorization: Bearer, then the token over two lines', () => {
    const token = `${b64u({ alg: 'RS256', kid: 'k' })}.${b64u({ ...BASE, exp: NOW_SEC + 3600 })}.c2ln`;
    const analysis = analyzePastedToken(`Authorization: Bearer ${token.slice(0, 30)}\n${token.slice(30)}`, NOW_MS);
    expect(analysis).toMatchObject({ state: 'decoded', token: { compact: token } });
  });
});
