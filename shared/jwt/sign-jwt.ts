/**
 * Compact JWS for a simulated token, byte-compatible with what kube-apiserver emits
 * (kubernetes pkg/serviceaccount/jwt.go `jwtTokenGenerator.GenerateToken`: `jwt.Signed(signer).Claims(...).CompactSerialize()`):
 * - protected header `{"alg":…,"kid":…}` and nothing else: `signerFromRSAPrivateKey` / `signerFromECDSAPrivateKey`
 *   pass `nil` signer options, so go-jose writes no `typ`; Go marshals the header map with sorted keys, hence alg
 *   before kid;
 * - payload keys sorted at every level (see `go-json.ts`).
 * Only jose's CompactSign is used, which never reads the clock (the JWT-level `SignJWT` helpers can stamp `iat`).
 */
import { CompactSign, importJWK } from 'jose';
import type { JwtHeader, SigningKey, TokenClaims } from './jwt-types.ts';
import { goJson } from './go-json.ts';
import { utf8Encode } from '../text/utf8.ts';

type ImportedKey = Awaited<ReturnType<typeof importJWK>>;

// Keyed by the JWK object so a key imported once is reused for every token it signs; entries go with the key.
const importedKeys = new WeakMap<object, Promise<ImportedKey>>();

function importPrivateKey(key: SigningKey): Promise<ImportedKey> {
  let imported = importedKeys.get(key.privateJwk);
  if (!imported) {
    imported = importJWK(key.privateJwk, key.alg);
    importedKeys.set(key.privateJwk, imported);
    imported.catch(() => importedKeys.delete(key.privateJwk));
  }
  return imported;
}

const MEMO_CAPACITY = 1024;
const memo = new Map<string, Promise<string>>();

function remember(memoId: string, token: Promise<string>): Promise<string> {
  if (memo.size >= MEMO_CAPACITY) {
    const oldest = memo.keys().next();
    if (!oldest.done) memo.delete(oldest.value);
  }
  memo.set(memoId, token);
  token.catch(() => memo.delete(memoId));
  return token;
}

/** The header members in Go's sorted-map order: alg, kid, then typ when an external signer set one. */
function protectedHeader(header: JwtHeader): JwtHeader {
  return header.typ === undefined ? { alg: header.alg, kid: header.kid } : { alg: header.alg, kid: header.kid, typ: header.typ };
}

/** The exact header and payload text that get signed; exposed so tests and the UI can show it without signing. */
export function jwsSigningParts(header: JwtHeader, claims: TokenClaims): { headerJson: string; payloadJson: string } {
  // Built member by member so that a caller's extra properties (or a different insertion order) cannot leak in.
  return { headerJson: goJson(protectedHeader(header)), payloadJson: goJson(claims) };
}

/**
 * Signs `claims` under `header` with `key`. `header.alg` must be the key's algorithm; `header.kid` is written as
 * given, so a test can deliberately mint a token whose kid names another key.
 *
 * `memoId`, when given, must identify this exact (header, claims, key) triple, typically the token's index in the
 * engine's token log: signing is deferred until someone looks at a token, and the same token is often looked at
 * again. At most the last 1024 ids are kept.
 */
export function signJwt(header: JwtHeader, claims: TokenClaims, key: SigningKey, memoId?: string): Promise<string> {
  if (memoId !== undefined) {
    const known = memo.get(memoId);
    if (known) return known;
  }
  const token = signUncached(header, claims, key);
  return memoId === undefined ? token : remember(memoId, token);
}

async function signUncached(header: JwtHeader, claims: TokenClaims, key: SigningKey): Promise<string> {
  if (header.alg !== key.alg) throw new Error(`header alg ${header.alg} does not match the ${key.alg} signing key ${key.kid}`);
  const { payloadJson } = jwsSigningParts(header, claims);
  const privateKey = await importPrivateKey(key);
  // jose serializes the protected header with JSON.stringify in insertion order: alg, kid(, typ), as Go's sorted map does.
  return new CompactSign(utf8Encode(payloadJson)).setProtectedHeader({ ...protectedHeader(header) }).sign(privateKey);
}
