import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyIdFromJwk } from '../../../shared/jwt/kid.ts';
import {
  upstreamEcdsaKeyId,
  upstreamEcdsaPublicKeyPem,
  upstreamPublicJwk,
  upstreamRsaKeyId,
  upstreamRsaPublicKeyPem,
  upstreamSigningKeys,
} from './fixtures/upstream-keys.ts';

describe('kid = base64url(SHA-256(PKIX DER of the public key)) (pkg/serviceaccount/jwt.go keyIDFromPublicKey)', () => {
  it('gives JHJehTTTZlsspKHT-GaJxK7Kd1NQgZJu3fyK6K_QDYU for the RSA key of upstream TestKeyIDStability', async () => {
    expect(await keyIdFromJwk(upstreamPublicJwk(upstreamRsaPublicKeyPem))).toBe(upstreamRsaKeyId);
  });

  it('gives SoABiieYuNx4UdqYvZRVeuC6SihxgLrhLy9peHMHpTc for the upstream P-256 test key (openidmetadata_test.go)', async () => {
    expect(await keyIdFromJwk(upstreamPublicJwk(upstreamEcdsaPublicKeyPem))).toBe(upstreamEcdsaKeyId);
  });

  it('depends only on the public key: a private JWK gives the same kid as its public half', async () => {
    const { rsa, ecdsa } = upstreamSigningKeys();
    expect(rsa.privateJwk.d).toBeDefined();
    expect(await keyIdFromJwk(rsa.privateJwk)).toBe(upstreamRsaKeyId);
    expect(await keyIdFromJwk(ecdsa.privateJwk)).toBe(upstreamEcdsaKeyId);
  });

  it('ignores extra JWK members such as alg, use and kid', async () => {
    const jwk = { ...upstreamPublicJwk(upstreamRsaPublicKeyPem), alg: 'RS256', use: 'sig', kid: 'something-else' };
    expect(await keyIdFromJwk(jwk)).toBe(upstreamRsaKeyId);
  });

  it("matches Node's own SHA-256 of the SPKI DER for freshly generated RSA and P-256 keys", async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    for (const publicKey of [rsa, ec]) {
      const expected = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64url');
      const jwk = publicKey.export({ format: 'jwk' }) as Record<string, string>;
      expect(await keyIdFromJwk(jwk)).toBe(expected);
    }
  });

  it('is 43 characters of unpadded base64url (32 bytes)', async () => {
    const kid = await keyIdFromJwk(upstreamPublicJwk(upstreamEcdsaPublicKeyPem));
    expect(kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses key types Kubernetes cannot sign with', async () => {
    await expect(keyIdFromJwk({ kty: 'oct', k: 'c2VjcmV0' })).rejects.toThrow(/unsupported JWK kty "oct"/);
  });
});
