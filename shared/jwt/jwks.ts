/**
 * What the simulated API server serves for OIDC discovery, shaped like kubernetes pkg/serviceaccount/openidmetadata.go:
 * `publicJWKSFromKeys` / `jwkFromPublicKey` for `/openid/v1/jwks` and `openIDConfigJSON` for
 * `/.well-known/openid-configuration`. Member order follows go-jose's `rawJSONWebKey` struct (use, kty, kid, crv,
 * alg, then x/y or n/e) and the `openIDMetadata` struct, so `JSON.stringify` of the results gives the same bytes as
 * upstream (openidmetadata_test.go `TestNewOpenIDMetadata`).
 */
import type { SigningAlgorithm, SigningKey } from './jwt-types.ts';

/** openidmetadata.go `JWKSPath`. */
export const JWKS_PATH = '/openid/v1/jwks';
/** openidmetadata.go `OpenIDConfigPath`. */
export const OPENID_CONFIG_PATH = '/.well-known/openid-configuration';

export type RsaPublishedJwk = { use: 'sig'; kty: 'RSA'; kid: string; alg: SigningAlgorithm; n: string; e: string };
export type EcPublishedJwk = { use: 'sig'; kty: 'EC'; kid: string; crv: string; alg: SigningAlgorithm; x: string; y: string };
export type PublishedJwk = RsaPublishedJwk | EcPublishedJwk;

export interface Jwks {
  keys: PublishedJwk[];
}

export interface OidcDiscoveryDocument {
  issuer: string;
  jwks_uri: string;
  response_types_supported: ['id_token'];
  subject_types_supported: ['public'];
  id_token_signing_alg_values_supported: SigningAlgorithm[];
}

function member(key: SigningKey, name: string): string {
  const value = key.publicJwk[name];
  if (typeof value !== 'string') throw new Error(`public JWK of key ${key.kid} lacks "${name}"`);
  return value;
}

/**
 * Only public members are copied, whatever else the stored JWK holds: upstream builds the JWK from the public key
 * alone ("response only contains public keys, even when private keys are provided").
 */
function publishedJwk(key: SigningKey): PublishedJwk {
  const kty = member(key, 'kty');
  if (kty === 'RSA') return { use: 'sig', kty, kid: key.kid, alg: key.alg, n: member(key, 'n'), e: member(key, 'e') };
  if (kty === 'EC') return { use: 'sig', kty, kid: key.kid, crv: member(key, 'crv'), alg: key.alg, x: member(key, 'x'), y: member(key, 'y') };
  throw new Error(`key ${key.kid} has unsupported kty "${kty}"`);
}

/** Keys appear in the order given, as upstream keeps the order of `--service-account-key-file` keys. */
export function buildJwks(keys: readonly SigningKey[]): Jwks {
  return { keys: keys.map(publishedJwk) };
}

/**
 * `openIDConfigJSON`. The algorithm list is the sorted set of the published keys' algorithms (`getAlgs`), which is
 * why the document needs the keys. Upstream's `jwks_uri` is `--service-account-jwks-uri`, or else
 * `https://<external address>/openid/v1/jwks`; the simulator has no external address, so it defaults to the issuer
 * plus `JWKS_PATH` (the form upstream's own test uses).
 */
export function oidcDiscoveryDocument(issuer: string, keys: readonly SigningKey[], jwksUri: string = issuer + JWKS_PATH): OidcDiscoveryDocument {
  const algorithms = [...new Set(keys.map((key) => key.alg))].sort();
  return {
    issuer,
    jwks_uri: jwksUri,
    response_types_supported: ['id_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: algorithms,
  };
}
