import { createVerify } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { base64UrlDecode } from '../../../shared/jwt/base64url.ts';
import { jwsSigningParts, signJwt } from '../../../shared/jwt/sign-jwt.ts';
import { es256SimulationKeys, rs256SimulationKeys } from '../../../shared/jwt/simulation-keys.ts';
import type { BoundClaims, JwtHeader, TokenClaims } from '../../../shared/jwt/jwt-types.ts';
import { boundClaimsOutOfOrder, boundClaimsSortedJson, legacyClaims } from './fixtures/sample-claims.ts';
import { upstreamRsaPublicKeyPem, upstreamSigningKeys } from './fixtures/upstream-keys.ts';

const rsaKey = rs256SimulationKeys[0]!;
const ecKey = es256SimulationKeys[0]!;

function partText(token: string, index: number): string {
  const decoded = base64UrlDecode(token.split('.')[index] ?? '');
  if (!decoded.ok) throw new Error(`part ${index} is not base64url`);
  return Buffer.from(decoded.bytes).toString('utf8');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('JWS header: exactly {"alg":…,"kid":…}, no typ (pkg/serviceaccount/jwt.go signers pass nil options)', () => {
  it('writes alg then kid and nothing else', async () => {
    const token = await signJwt({ alg: 'RS256', kid: rsaKey.kid }, legacyClaims(), rsaKey);
    expect(partText(token, 0)).toBe(`{"alg":"RS256","kid":"${rsaKey.kid}"}`);
  });

  it('drops extra properties a caller smuggles onto the header object', async () => {
    const header = { kid: ecKey.kid, cty: 'JWT', alg: 'ES256' } as JwtHeader;
    const token = await signJwt(header, legacyClaims(), ecKey);
    expect(partText(token, 0)).toBe(`{"alg":"ES256","kid":"${ecKey.kid}"}`);
  });

  it('writes typ after alg and kid when an external signer set it (docs/kubernetes-facts.md §8.4)', async () => {
    const header = { typ: 'JWT', kid: 'external-signer-key-1', alg: 'ES256' } as JwtHeader;
    const token = await signJwt(header, legacyClaims(), ecKey);
    expect(partText(token, 0)).toBe('{"alg":"ES256","kid":"external-signer-key-1","typ":"JWT"}');
  });

  it('refuses to sign when the header alg is not the key algorithm', async () => {
    await expect(signJwt({ alg: 'ES256', kid: rsaKey.kid }, legacyClaims(), rsaKey)).rejects.toThrow(/does not match/);
  });
});

describe('JWT payload: claim keys sorted at every level (go-jose marshals the claims through a map)', () => {
  it('serializes bound claims alphabetically, nested kubernetes.io members included', async () => {
    const token = await signJwt({ alg: 'RS256', kid: rsaKey.kid }, boundClaimsOutOfOrder(), rsaKey);
    expect(partText(token, 1)).toBe(boundClaimsSortedJson);
  });

  it('serializes legacy claims alphabetically, with no exp, iat, nbf, aud or jti added', async () => {
    const token = await signJwt({ alg: 'RS256', kid: rsaKey.kid }, legacyClaims(), rsaKey);
    const payload = partText(token, 1);
    expect(Object.keys(JSON.parse(payload))).toEqual([
      'iss',
      'kubernetes.io/serviceaccount/namespace',
      'kubernetes.io/serviceaccount/secret.name',
      'kubernetes.io/serviceaccount/service-account.name',
      'kubernetes.io/serviceaccount/service-account.uid',
      'sub',
    ]);
  });

  it('leaves out optional claims that are undefined (omitempty), e.g. jti before ServiceAccountTokenJTI', () => {
    const claims: BoundClaims = { ...boundClaimsOutOfOrder(), jti: undefined };
    expect(jwsSigningParts({ alg: 'RS256', kid: 'k' }, claims).payloadJson).not.toContain('jti');
  });

  it("escapes <, > and & as Go's encoding/json does", () => {
    const claims: BoundClaims = { ...boundClaimsOutOfOrder(), aud: ['https://example.com/?a=<1>&b=2'] };
    expect(jwsSigningParts({ alg: 'RS256', kid: 'k' }, claims).payloadJson).toContain(
      '"aud":["https://example.com/?a=\\u003c1\\u003e\\u0026b=2"]',
    );
  });

  it('signs the payload text it shows: the signing input is base64url(header).base64url(payload)', async () => {
    const { rsa } = upstreamSigningKeys();
    const claims = boundClaimsOutOfOrder();
    const token = await signJwt({ alg: 'RS256', kid: rsa.kid }, claims, rsa);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    // Checked with Node's crypto and the upstream public key, independently of jose.
    const verifier = createVerify('RSA-SHA256').update(`${header}.${payload}`);
    expect(verifier.verify(upstreamRsaPublicKeyPem, Buffer.from(signature, 'base64url'))).toBe(true);
    expect(partText(token, 1)).toBe(jwsSigningParts({ alg: 'RS256', kid: rsa.kid }, claims).payloadJson);
  });
});

describe('determinism', () => {
  it('RS256 tokens are identical byte for byte when signed twice (PKCS#1 v1.5 is deterministic)', async () => {
    const first = await signJwt({ alg: 'RS256', kid: rsaKey.kid }, boundClaimsOutOfOrder(), rsaKey);
    const second = await signJwt({ alg: 'RS256', kid: rsaKey.kid }, boundClaimsOutOfOrder(), rsaKey);
    expect(second).toBe(first);
  });

  it('ES256 tokens differ from one signing to the next in the signature part only', async () => {
    const first = (await signJwt({ alg: 'ES256', kid: ecKey.kid }, boundClaimsOutOfOrder(), ecKey)).split('.');
    const second = (await signJwt({ alg: 'ES256', kid: ecKey.kid }, boundClaimsOutOfOrder(), ecKey)).split('.');
    expect(second.slice(0, 2)).toEqual(first.slice(0, 2));
    expect(second[2]).not.toBe(first[2]);
    // P-256 signatures are r||s, 64 bytes, in JWS (RFC 7518 §3.4), not DER.
    expect(base64UrlDecode(first[2]!)).toMatchObject({ ok: true, bytes: { length: 64 } });
  });

  it('never reads the wall clock: signing works with Date.now and new Date() made to throw', async () => {
    vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('the wall clock was read');
    });
    const RealDate = Date;
    vi.stubGlobal(
      'Date',
      new Proxy(RealDate, {
        construct() {
          throw new Error('the wall clock was read');
        },
      }),
    );
    try {
      const claims: TokenClaims = boundClaimsOutOfOrder();
      const token = await signJwt({ alg: 'RS256', kid: rsaKey.kid }, claims, rsaKey);
      expect(JSON.parse(partText(token, 1)).iat).toBe(1700077413);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('memo by caller-supplied id', () => {
  it('returns the token first signed under an id without signing again', async () => {
    const header: JwtHeader = { alg: 'RS256', kid: rsaKey.kid };
    const memoId = `memo-test-${rsaKey.kid}`;
    const first = await signJwt(header, boundClaimsOutOfOrder(), rsaKey, memoId);
    const again = await signJwt(header, { ...boundClaimsOutOfOrder(), sub: 'system:serviceaccount:x:y' }, rsaKey, memoId);
    const unmemoized = await signJwt(header, { ...boundClaimsOutOfOrder(), sub: 'system:serviceaccount:x:y' }, rsaKey);
    expect(again).toBe(first);
    expect(unmemoized).not.toBe(first);
  });
});
