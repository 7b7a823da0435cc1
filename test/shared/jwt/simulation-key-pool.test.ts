import { describe, expect, it } from 'vitest';
import { base64UrlDecode } from '../../../shared/jwt/base64url.ts';
import { buildJwks } from '../../../shared/jwt/jwks.ts';
import { keyIdFromJwk } from '../../../shared/jwt/kid.ts';
import { signJwt } from '../../../shared/jwt/sign-jwt.ts';
import { es256SimulationKeys, rs256SimulationKeys, simulationKeys } from '../../../shared/jwt/simulation-keys.ts';
import { verifyJwtSignature } from '../../../shared/jwt/verify-jwt.ts';
import type { LegacyClaims } from '../../../shared/jwt/jwt-types.ts';

const allKeys = [...rs256SimulationKeys, ...es256SimulationKeys];

const claims: LegacyClaims = {
  iss: 'kubernetes/serviceaccount',
  sub: 'system:serviceaccount:default:pool-check',
  'kubernetes.io/serviceaccount/namespace': 'default',
  'kubernetes.io/serviceaccount/secret.name': 'pool-check-token-abcde',
  'kubernetes.io/serviceaccount/service-account.name': 'pool-check',
  'kubernetes.io/serviceaccount/service-account.uid': '00000000-0000-4000-8000-000000000000',
};

function byteLength(base64url: string | undefined): number {
  const decoded = base64UrlDecode(base64url ?? '');
  return decoded.ok ? decoded.bytes.length : -1;
}

describe('the simulation key pool (shared/jwt/simulation-keys.ts)', () => {
  it('holds 8 RS256 and 8 ES256 keys, indexed by algorithm for the engine', () => {
    expect(rs256SimulationKeys).toHaveLength(8);
    expect(es256SimulationKeys).toHaveLength(8);
    expect(simulationKeys.RS256).toBe(rs256SimulationKeys);
    expect(simulationKeys.ES256).toBe(es256SimulationKeys);
    expect(rs256SimulationKeys.every((key) => key.alg === 'RS256')).toBe(true);
    expect(es256SimulationKeys.every((key) => key.alg === 'ES256')).toBe(true);
  });

  it('stores for every key the kid Kubernetes would derive from its public key', async () => {
    for (const key of allKeys) {
      expect(await keyIdFromJwk(key.publicJwk)).toBe(key.kid);
      expect(await keyIdFromJwk(key.privateJwk)).toBe(key.kid);
    }
  });

  it('has 16 distinct kids', () => {
    expect(new Set(allKeys.map((key) => key.kid)).size).toBe(16);
  });

  it('uses RSA-2048 with e=65537 and P-256 keys', () => {
    for (const key of rs256SimulationKeys) {
      expect(key.publicJwk.kty).toBe('RSA');
      expect(byteLength(key.publicJwk.n)).toBe(256);
      expect(key.publicJwk.e).toBe('AQAB');
    }
    for (const key of es256SimulationKeys) {
      expect(key.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
      expect(byteLength(key.publicJwk.x)).toBe(32);
      expect(byteLength(key.publicJwk.y)).toBe(32);
    }
  });

  it('keeps private members out of every public JWK', () => {
    for (const key of allKeys) {
      expect(Object.keys(key.publicJwk).sort()).toEqual(key.alg === 'RS256' ? ['e', 'kty', 'n'] : ['crv', 'kty', 'x', 'y']);
      expect(key.privateJwk.d).toBeDefined();
    }
  });

  it('pairs each private key with its public key: a token signed by one verifies against the JWKS of the other', async () => {
    const jwks = buildJwks(allKeys);
    for (const key of allKeys) {
      const token = await signJwt({ alg: key.alg, kid: key.kid }, claims, key);
      const result = await verifyJwtSignature(token, jwks, { goJoseErrorPrefix: 'go-jose/go-jose' });
      expect(result.ok, `key ${key.kid}`).toBe(true);
    }
  });
});
