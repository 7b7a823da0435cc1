/**
 * The Kubernetes key id: `keyIDFromPublicKey` in kubernetes pkg/serviceaccount/jwt.go is
 * base64.RawURLEncoding(SHA-256(x509.MarshalPKIXPublicKey(pub))). The API server derives it from the key, never reads
 * it from configuration, so a token's kid names exactly one public key and survives API server restarts
 * (pkg/serviceaccount/keyid_test.go `TestKeyIDStability` pins it for that reason).
 */
import { base64url } from 'jose';
import { subtleCrypto, type PublicKeyImportAlgorithm } from './web-crypto.ts';

function publicPart(jwk: Readonly<Record<string, string>>): { members: Record<string, string>; algorithm: PublicKeyImportAlgorithm } {
  const pick = (names: readonly string[]): Record<string, string> => {
    const members: Record<string, string> = {};
    for (const name of names) {
      const value = jwk[name];
      if (typeof value !== 'string') throw new Error(`JWK of kty "${jwk.kty}" lacks "${name}"`);
      members[name] = value;
    }
    return members;
  };
  // Only the public members go in: WebCrypto cannot export SPKI from a key imported as private, and stray members
  // such as `alg`, `use` or `key_ops` could make the import refuse the requested algorithm.
  if (jwk.kty === 'RSA') return { members: pick(['kty', 'n', 'e']), algorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } };
  if (jwk.kty === 'EC') {
    const members = pick(['kty', 'crv', 'x', 'y']);
    return { members, algorithm: { name: 'ECDSA', namedCurve: members.crv! } };
  }
  throw new Error(`unsupported JWK kty "${jwk.kty}" (Kubernetes signs with RSA or EC keys)`);
}

/**
 * Accepts a public or a private JWK (only the public members are used). WebCrypto's SPKI export is the same DER as
 * Go's `x509.MarshalPKIXPublicKey` for RSA (rsaEncryption with NULL parameters) and for EC (id-ecPublicKey, named
 * curve, uncompressed point), which the upstream vectors in the tests confirm.
 */
export async function keyIdFromJwk(jwk: Readonly<Record<string, string>>): Promise<string> {
  const { members, algorithm } = publicPart(jwk);
  const subtle = subtleCrypto();
  const key = await subtle.importKey('jwk', members, algorithm, true, ['verify']);
  const spkiDer = await subtle.exportKey('spki', key);
  const digest = await subtle.digest('SHA-256', spkiDer);
  return base64url.encode(new Uint8Array(digest));
}
