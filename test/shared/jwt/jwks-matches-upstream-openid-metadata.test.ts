import { describe, expect, it } from 'vitest';
import { buildJwks, JWKS_PATH, OPENID_CONFIG_PATH, oidcDiscoveryDocument } from '../../../shared/jwt/jwks.ts';
import { es256SimulationKeys, rs256SimulationKeys } from '../../../shared/jwt/simulation-keys.ts';
import type { SigningKey } from '../../../shared/jwt/jwt-types.ts';
import { upstreamSigningKeys, upstreamWantConfig, upstreamWantKeyset } from './fixtures/upstream-keys.ts';

describe('/openid/v1/jwks (pkg/serviceaccount/openidmetadata.go publicJWKSFromKeys)', () => {
  it('serializes to the exact bytes upstream TestNewOpenIDMetadata expects for its RSA and EC test keys', () => {
    const { rsa, ecdsa } = upstreamSigningKeys();
    expect(JSON.stringify(buildJwks([rsa, ecdsa]))).toBe(upstreamWantKeyset);
  });

  it('publishes only public members, even when the stored public JWK carries private ones', () => {
    const { rsa } = upstreamSigningKeys();
    const leaky: SigningKey = { ...rsa, publicJwk: { ...rsa.privateJwk } };
    const [published] = buildJwks([leaky]).keys;
    expect(Object.keys(published!)).toEqual(['use', 'kty', 'kid', 'alg', 'n', 'e']);
  });

  it('keeps the order of the keys it is given', () => {
    const keys = [es256SimulationKeys[3]!, rs256SimulationKeys[5]!, rs256SimulationKeys[0]!];
    expect(buildJwks(keys).keys.map((jwk) => jwk.kid)).toEqual(keys.map((key) => key.kid));
  });
});

describe('/.well-known/openid-configuration (openidmetadata.go openIDConfigJSON)', () => {
  it('serializes to the exact bytes upstream expects: issuer, jwks_uri, id_token, public, sorted algorithms', () => {
    const { rsa, ecdsa } = upstreamSigningKeys();
    expect(JSON.stringify(oidcDiscoveryDocument('https://issuer.example.com', [rsa, ecdsa]))).toBe(upstreamWantConfig);
  });

  it('lists each algorithm once, sorted, whatever the key order', () => {
    const keys = [...rs256SimulationKeys, es256SimulationKeys[0]!, ...rs256SimulationKeys];
    expect(oidcDiscoveryDocument('https://kubernetes.default.svc', keys).id_token_signing_alg_values_supported).toEqual(['ES256', 'RS256']);
    expect(oidcDiscoveryDocument('https://kubernetes.default.svc', rs256SimulationKeys).id_token_signing_alg_values_supported).toEqual(['RS256']);
  });

  it('takes an explicit jwks_uri (--service-account-jwks-uri) over the issuer-based default', () => {
    const document = oidcDiscoveryDocument('https://kubernetes.default.svc', rs256SimulationKeys, 'https://192.0.2.1:80/openid/v1/jwks');
    expect(document.jwks_uri).toBe('https://192.0.2.1:80/openid/v1/jwks');
    expect(document.issuer).toBe('https://kubernetes.default.svc');
  });

  it('serves at the upstream paths', () => {
    expect(JWKS_PATH).toBe('/openid/v1/jwks');
    expect(OPENID_CONFIG_PATH).toBe('/.well-known/openid-configuration');
  });
});
