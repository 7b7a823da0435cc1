/**
 * Signature check of a compact JWT against a JWKS, reproducing the key selection and the error text of
 * kubernetes pkg/serviceaccount/jwt.go `jwtTokenAuthenticator.AuthenticateToken`:
 * - candidate keys: those whose kid equals the header kid; all keys if the header has no (or an empty) kid
 *   (`staticPublicKeysGetter.GetPublicKeys`);
 * - no candidate ⇒ `invalid signature, no keys found`;
 * - every candidate fails ⇒ `utilerrors.NewAggregate(errlist)` of go-jose errors. go-jose's
 *   `JSONWebSignature.DetachedVerify` (jws.go) maps every verification failure, wrong key and wrong algorithm
 *   included, to `ErrCryptoFailure` = "<prefix>: error in cryptographic primitive" (shared.go; prefix
 *   `square/go-jose` in gopkg.in/square/go-jose.v2, `go-jose/go-jose` from v3 on), and apimachinery's
 *   aggregate `Error()` (staging/src/k8s.io/apimachinery/pkg/util/errors/errors.go) prints a single error as
 *   itself and de-duplicates identical messages, so any number of failed candidates reads as that one line.
 * Times, issuer, audiences and the bound objects are the authenticator's business, not this module's.
 * jose's `compactVerify` checks the signature only and never reads the clock.
 */
import { compactVerify, importJWK } from 'jose';
import { decodeJwt, type JsonObject } from './decode-jwt.ts';

/** A JWK as published in a JWKS; members beyond the public key ones are ignored. */
export type VerificationJwk = {
  readonly kty: string;
  readonly kid?: string;
  readonly crv?: string;
  readonly n?: string;
  readonly e?: string;
  readonly x?: string;
  readonly y?: string;
};

export interface VerifyJwtOptions {
  /** `square/go-jose` for API servers built on go-jose v2, `go-jose/go-jose` for v3 and later. */
  goJoseErrorPrefix: 'square/go-jose' | 'go-jose/go-jose';
}

export type VerifyJwtResult =
  | { ok: true; header: JsonObject; claims: JsonObject }
  | {
      ok: false;
      error: string;
      /**
       * `malformed`: go-jose could not parse the token, which the real authenticator treats as "not mine" (it
       * abstains and returns no error of its own), so `error` is TokenScope's description, not upstream text.
       * `no-keys` and `bad-signature` carry upstream's exact text.
       */
      reason: 'malformed' | 'no-keys' | 'bad-signature';
    };

/** apimachinery `aggregate.Error()`: one message as is, duplicates dropped, several as `[a, b]`. */
function aggregateErrorText(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`;
}

function publicMembers(jwk: VerificationJwk): Record<string, string> | undefined {
  const names = jwk.kty === 'RSA' ? ['kty', 'n', 'e'] : jwk.kty === 'EC' ? ['kty', 'crv', 'x', 'y'] : undefined;
  if (!names) return undefined;
  const members: Record<string, string> = {};
  for (const name of names) {
    const value = (jwk as Readonly<Record<string, unknown>>)[name];
    if (typeof value !== 'string') return undefined;
    members[name] = value;
  }
  return members;
}

type ImportedKey = Awaited<ReturnType<typeof importJWK>>;

// The engine verifies the same few keys over and over; importing is the expensive part. Keyed by the key's public
// members and the algorithm asked for, since a JWKS is often rebuilt as a fresh object.
const IMPORT_CACHE_CAPACITY = 256;
const importedKeys = new Map<string, Promise<ImportedKey>>();

function importPublicKey(members: Record<string, string>, alg: string): Promise<ImportedKey> {
  const cacheKey = JSON.stringify([alg, members]);
  let imported = importedKeys.get(cacheKey);
  if (!imported) {
    if (importedKeys.size >= IMPORT_CACHE_CAPACITY) {
      const oldest = importedKeys.keys().next();
      if (!oldest.done) importedKeys.delete(oldest.value);
    }
    imported = importJWK(members, alg);
    importedKeys.set(cacheKey, imported);
    imported.catch(() => importedKeys.delete(cacheKey));
  }
  return imported;
}

async function verifiesWith(compact: string, jwk: VerificationJwk, alg: string): Promise<boolean> {
  const members = publicMembers(jwk);
  if (!members) return false;
  try {
    const key = await importPublicKey(members, alg);
    await compactVerify(compact, key, { algorithms: [alg] });
    return true;
  } catch {
    // Any refusal (wrong key, wrong key type for alg, unsupported alg, bad signature) is ErrCryptoFailure upstream.
    return false;
  }
}

export async function verifyJwtSignature(
  compact: string,
  jwks: { readonly keys: readonly VerificationJwk[] },
  opts: VerifyJwtOptions,
): Promise<VerifyJwtResult> {
  const decoded = decodeJwt(compact);
  if (!decoded.ok) return { ok: false, error: decoded.error.message, reason: 'malformed' };
  const { header, claims } = decoded;

  // go-jose's header parsing (`rawHeader.sanitized`) fails the whole parse when alg or kid is not a string.
  const { alg, kid } = header;
  if (alg !== undefined && typeof alg !== 'string') return { ok: false, error: 'header "alg" is not a string', reason: 'malformed' };
  if (kid !== undefined && typeof kid !== 'string') return { ok: false, error: 'header "kid" is not a string', reason: 'malformed' };

  const candidates = kid === undefined || kid === '' ? jwks.keys : jwks.keys.filter((key) => key.kid === kid);
  if (candidates.length === 0) return { ok: false, error: 'invalid signature, no keys found', reason: 'no-keys' };

  const cryptoFailure = `${opts.goJoseErrorPrefix}: error in cryptographic primitive`;
  const failures: string[] = [];
  for (const candidate of candidates) {
    // Keys are tried in order and the first that verifies wins, as upstream's loop breaks on success.
    if (alg !== undefined && (await verifiesWith(decoded.compact, candidate, alg))) return { ok: true, header, claims };
    failures.push(cryptoFailure);
  }
  return { ok: false, error: aggregateErrorText(failures), reason: 'bad-signature' };
}
