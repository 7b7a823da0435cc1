import { CompactSign, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { base64url } from 'jose';
import { buildJwks } from '../../../shared/jwt/jwks.ts';
import { signJwt } from '../../../shared/jwt/sign-jwt.ts';
import { es256SimulationKeys, rs256SimulationKeys } from '../../../shared/jwt/simulation-keys.ts';
import { verifyJwtSignature, type VerifyJwtOptions } from '../../../shared/jwt/verify-jwt.ts';
import type { SigningKey } from '../../../shared/jwt/jwt-types.ts';
import { boundClaimsOutOfOrder, legacyClaims } from './fixtures/sample-claims.ts';
import { upstreamSigningKeys } from './fixtures/upstream-keys.ts';

const v2: VerifyJwtOptions = { goJoseErrorPrefix: 'square/go-jose' };
const v4: VerifyJwtOptions = { goJoseErrorPrefix: 'go-jose/go-jose' };
const [rsaA, rsaB, rsaC] = rs256SimulationKeys as [SigningKey, SigningKey, SigningKey];
const [ecA, ecB] = es256SimulationKeys as [SigningKey, SigningKey];

function sign(key: SigningKey, kid = key.kid): Promise<string> {
  return signJwt({ alg: key.alg, kid }, boundClaimsOutOfOrder(), key);
}

/** Replaces the payload, keeping header and signature: what an attacker editing claims produces. */
function withPayload(token: string, payload: object): string {
  const [header, , signature] = token.split('.');
  return `${header}.${base64url.encode(Buffer.from(JSON.stringify(payload)))}.${signature}`;
}

describe('round trip: a token the simulated API server signs verifies against its own JWKS', () => {
  it('RS256: ok, returning the header and the claims', async () => {
    const result = await verifyJwtSignature(await sign(rsaA), buildJwks(rs256SimulationKeys), v2);
    expect(result).toEqual({ ok: true, header: { alg: 'RS256', kid: rsaA.kid }, claims: boundClaimsOutOfOrder() });
  });

  it('ES256: ok', async () => {
    const result = await verifyJwtSignature(await sign(ecB), buildJwks([ecA, ecB]), v4);
    expect(result).toMatchObject({ ok: true, header: { alg: 'ES256', kid: ecB.kid } });
  });

  it('legacy (Secret) tokens verify the same way', async () => {
    const token = await signJwt({ alg: 'RS256', kid: rsaB.kid }, legacyClaims(), rsaB);
    expect(await verifyJwtSignature(token, buildJwks([rsaB]), v2)).toMatchObject({ ok: true, claims: legacyClaims() });
  });

  it('checks the signature only: an expired token still verifies (times are the authenticator’s job)', async () => {
    const token = await signJwt({ alg: 'RS256', kid: rsaA.kid }, { ...boundClaimsOutOfOrder(), exp: 1, nbf: 0, iat: 0 }, rsaA);
    expect((await verifyJwtSignature(token, buildJwks([rsaA]), v2)).ok).toBe(true);
  });

  it('upstream test keys: a token signed with jwt_test.go rsaPrivateKey verifies against the "rotated keys" set', async () => {
    const { rsa, ecdsa } = upstreamSigningKeys();
    const token = await signJwt({ alg: 'RS256', kid: rsa.kid }, legacyClaims(), rsa);
    expect((await verifyJwtSignature(token, buildJwks([rsaC, ecdsa, rsa]), v2)).ok).toBe(true);
  });
});

describe('key selection by kid (pkg/serviceaccount/jwt.go GetPublicKeys(kid))', () => {
  it('a token whose kid is not in the JWKS fails with "invalid signature, no keys found"', async () => {
    const result = await verifyJwtSignature(await sign(rsaC), buildJwks([rsaA, rsaB, ecA]), v2);
    expect(result).toEqual({ ok: false, error: 'invalid signature, no keys found', reason: 'no-keys' });
  });

  it('an empty JWKS gives "invalid signature, no keys found" too', async () => {
    expect(await verifyJwtSignature(await sign(rsaA), { keys: [] }, v4)).toMatchObject({ error: 'invalid signature, no keys found' });
  });

  it('a JWKS entry with the right kid but another public key fails with the go-jose crypto error', async () => {
    const forged = buildJwks([rsaB]).keys.map((jwk) => ({ ...jwk, kid: rsaA.kid }));
    const result = await verifyJwtSignature(await sign(rsaA), { keys: forged }, v2);
    expect(result).toEqual({ ok: false, error: 'square/go-jose: error in cryptographic primitive', reason: 'bad-signature' });
  });

  it('a header kid naming an RSA key on an ES256 token fails with the crypto error, not with a type error', async () => {
    const token = await sign(ecA, rsaA.kid);
    expect(await verifyJwtSignature(token, buildJwks([rsaA, ecA]), v4)).toMatchObject({
      ok: false,
      error: 'go-jose/go-jose: error in cryptographic primitive',
    });
  });

  it('with no kid in the header (or an empty one) every key is tried, and the one that fits wins', async () => {
    const token = await sign(rsaB, '');
    expect((await verifyJwtSignature(token, buildJwks([rsaA, ecA, rsaB, rsaC]), v2)).ok).toBe(true);

    const privateKey = await importJWK(rsaB.privateJwk, 'RS256');
    const payload = Buffer.from(JSON.stringify(boundClaimsOutOfOrder()));
    const noKid = await new CompactSign(payload).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    expect((await verifyJwtSignature(noKid, buildJwks([rsaA, rsaB]), v2)).ok).toBe(true);
  });

  it('with no kid and no fitting key, the failures of all keys aggregate to one de-duplicated go-jose line', async () => {
    const token = await sign(rsaC, '');
    const result = await verifyJwtSignature(token, buildJwks([rsaA, rsaB, ecA, ecB]), v2);
    expect(result).toEqual({ ok: false, error: 'square/go-jose: error in cryptographic primitive', reason: 'bad-signature' });
  });
});

describe('tampering', () => {
  it('a token with an edited payload fails with "square/go-jose: error in cryptographic primitive" (go-jose v2)', async () => {
    const token = withPayload(await sign(rsaA), { ...boundClaimsOutOfOrder(), sub: 'system:serviceaccount:kube-system:admin' });
    expect(await verifyJwtSignature(token, buildJwks(rs256SimulationKeys), v2)).toEqual({
      ok: false,
      error: 'square/go-jose: error in cryptographic primitive',
      reason: 'bad-signature',
    });
  });

  it('the same failure reads "go-jose/go-jose: error in cryptographic primitive" on go-jose v3+ API servers', async () => {
    const token = withPayload(await sign(ecA), { ...boundClaimsOutOfOrder(), exp: 9999999999 });
    expect(await verifyJwtSignature(token, buildJwks(es256SimulationKeys), v4)).toMatchObject({
      error: 'go-jose/go-jose: error in cryptographic primitive',
    });
  });

  it('a flipped signature character fails the same way', async () => {
    const token = await sign(rsaA);
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const tampered = token.slice(0, -2) + last + token.slice(-1);
    expect(await verifyJwtSignature(tampered, buildJwks([rsaA]), v2)).toMatchObject({ reason: 'bad-signature' });
  });

  it('an "alg":"none" header with the real kid is refused with the crypto error', async () => {
    const token = await sign(rsaA);
    const [, payload] = token.split('.');
    const header = base64url.encode(Buffer.from(JSON.stringify({ alg: 'none', kid: rsaA.kid })));
    expect(await verifyJwtSignature(`${header}.${payload}.`, buildJwks([rsaA]), v2)).toMatchObject({
      error: 'square/go-jose: error in cryptographic primitive',
    });
  });
});

describe('malformed input', () => {
  it('is reported as malformed with the decoder’s message (upstream abstains instead of erroring)', async () => {
    expect(await verifyJwtSignature('not-a-jwt', buildJwks([rsaA]), v2)).toEqual({
      ok: false,
      error: 'expected 3 dot-separated parts, found 1',
      reason: 'malformed',
    });
  });

  it('a non-string kid is malformed, as go-jose refuses to parse the header', async () => {
    const token = await sign(rsaA);
    const [, payload, signature] = token.split('.');
    const header = base64url.encode(Buffer.from(JSON.stringify({ alg: 'RS256', kid: 42 })));
    expect(await verifyJwtSignature(`${header}.${payload}.${signature}`, buildJwks([rsaA]), v2)).toEqual({
      ok: false,
      error: 'header "kid" is not a string',
      reason: 'malformed',
    });
  });
});
