/**
 * The slice of WebCrypto that `kid.ts` needs, declared here because `shared/` compiles without DOM or Node types.
 * Every host TokenScope runs in (Node 20, Electron's renderer, browsers, workers) has a global `crypto.subtle`, and
 * jose relies on it already; declaring only what is used keeps the dependency visible and small.
 */

/** Opaque handle returned by `importKey`; nothing in `shared/` looks inside it. */
export interface WebCryptoKey {
  readonly type: string;
}

export type PublicKeyImportAlgorithm =
  | { name: 'RSASSA-PKCS1-v1_5'; hash: 'SHA-256' }
  | { name: 'ECDSA'; namedCurve: string };

export interface SubtleCryptoSubset {
  importKey(
    format: 'jwk',
    keyData: Readonly<Record<string, string>>,
    algorithm: PublicKeyImportAlgorithm,
    extractable: boolean,
    keyUsages: readonly string[],
  ): Promise<WebCryptoKey>;
  exportKey(format: 'spki', key: WebCryptoKey): Promise<ArrayBuffer>;
  digest(algorithm: 'SHA-256', data: ArrayBuffer | Uint8Array): Promise<ArrayBuffer>;
}

// Module-scoped, so it neither collides with nor depends on the DOM's global declaration in other tsconfigs.
declare const crypto: { readonly subtle: SubtleCryptoSubset };

export function subtleCrypto(): SubtleCryptoSubset {
  return crypto.subtle;
}
