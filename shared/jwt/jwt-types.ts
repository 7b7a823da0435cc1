/**
 * Shapes of the JWTs the simulated API server mints (docs/kubernetes-facts.md §4). The engine builds these as plain data;
 * `sign-jwt.ts` turns them into compact JWS strings only when someone looks (signing is deferred, the result is
 * the same token).
 */
/** The algorithms the simulated API server signs with (kube-apiserver accepts RSA and ECDSA keys). */
export type SigningAlgorithm = 'RS256' | 'ES256';

export interface JwtHeader {
  alg: SigningAlgorithm;
  kid: string;
  /** Only in an external signer's header (KEP-740 requires "JWT"); kube-apiserver's own signer writes none. */
  typ?: 'JWT';
}

/** `pkg/serviceaccount/legacy.go` LegacyClaims: no exp, iat, nbf, aud or jti, so it never expires. */
export interface LegacyClaims {
  iss: 'kubernetes/serviceaccount';
  sub: string;
  'kubernetes.io/serviceaccount/namespace': string;
  'kubernetes.io/serviceaccount/secret.name': string;
  'kubernetes.io/serviceaccount/service-account.name': string;
  'kubernetes.io/serviceaccount/service-account.uid': string;
}

export interface ObjectRefClaim {
  name: string;
  uid?: string;
}

/** `pkg/serviceaccount/claims.go` Claims for bound (TokenRequest) tokens. */
export interface BoundClaims {
  aud: string[];
  exp: number;
  iat: number;
  iss: string;
  jti?: string;
  'kubernetes.io': {
    namespace: string;
    node?: ObjectRefClaim;
    pod?: ObjectRefClaim;
    secret?: ObjectRefClaim;
    serviceaccount: { name: string; uid: string };
    warnafter?: number;
  };
  nbf: number;
  sub: string;
}

export type TokenClaims = LegacyClaims | BoundClaims;

export function isBoundClaims(claims: TokenClaims): claims is BoundClaims {
  return 'kubernetes.io' in claims;
}

/** A signing key pair in JWK form, with its Kubernetes key id precomputed. */
export interface SigningKey {
  kid: string;
  alg: SigningAlgorithm;
  privateJwk: Record<string, string>;
  publicJwk: Record<string, string>;
}
