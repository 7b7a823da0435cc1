/**
 * Writes `shared/jwt/simulation-keys.ts`: a fixed pool of signing keys for the simulated API server.
 *
 * Run once with `npx tsx electron/tools/generate-simulation-keys.ts` and commit the output. Key generation is the
 * one random step in TokenScope; doing it here, offline, is what lets every simulation run pick keys from the pool
 * with its seeded PRNG and produce the same tokens (RS256 signatures are deterministic; ES256 ones are not).
 *
 * The kid is computed here with Node's crypto, independently of `shared/jwt/kid.ts`, so the pool test that
 * recomputes every kid through WebCrypto cross-checks the two implementations.
 */
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const POOL_SIZE = 8;
const OUTPUT_PATH = fileURLToPath(new URL('../../shared/jwt/simulation-keys.ts', import.meta.url));

type Algorithm = 'RS256' | 'ES256';

interface GeneratedKey {
  kid: string;
  alg: Algorithm;
  privateJwk: Record<string, string>;
  publicJwk: Record<string, string>;
}

/** `keyIDFromPublicKey` in kubernetes pkg/serviceaccount/jwt.go: base64url-no-padding(SHA-256(PKIX DER)). */
function kubernetesKeyId(publicKey: KeyObject): string {
  const spkiDer = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spkiDer).digest('base64url');
}

/** Keeps only the JWK members that describe the key, in RFC 7518 order, so the generated file reads the same way for every key. */
function pickJwk(jwk: Record<string, unknown>, members: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const member of members) {
    const value = jwk[member];
    if (typeof value !== 'string') throw new Error(`generated JWK lacks "${member}"`);
    out[member] = value;
  }
  return out;
}

const RSA_PUBLIC = ['kty', 'n', 'e'] as const;
const RSA_PRIVATE = ['kty', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const;
const EC_PUBLIC = ['kty', 'crv', 'x', 'y'] as const;
const EC_PRIVATE = ['kty', 'crv', 'x', 'y', 'd'] as const;

function generateRs256(): GeneratedKey {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
  return {
    kid: kubernetesKeyId(publicKey),
    alg: 'RS256',
    privateJwk: pickJwk(privateKey.export({ format: 'jwk' }), RSA_PRIVATE),
    publicJwk: pickJwk(publicKey.export({ format: 'jwk' }), RSA_PUBLIC),
  };
}

function generateEs256(): GeneratedKey {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    kid: kubernetesKeyId(publicKey),
    alg: 'ES256',
    privateJwk: pickJwk(privateKey.export({ format: 'jwk' }), EC_PRIVATE),
    publicJwk: pickJwk(publicKey.export({ format: 'jwk' }), EC_PUBLIC),
  };
}

function renderJwk(jwk: Record<string, string>): string {
  const lines = Object.entries(jwk).map(([member, value]) => `      ${member}: '${value}',`);
  return `{\n${lines.join('\n')}\n    }`;
}

function renderKey(key: GeneratedKey): string {
  return [
    '  {',
    `    kid: '${key.kid}',`,
    `    alg: '${key.alg}',`,
    `    privateJwk: ${renderJwk(key.privateJwk)},`,
    `    publicJwk: ${renderJwk(key.publicJwk)},`,
    '  },',
  ].join('\n');
}

function render(rs256: readonly GeneratedKey[], es256: readonly GeneratedKey[]): string {
  return `/**
 * GENERATED FILE, do not edit. Regenerate with \`npx tsx electron/tools/generate-simulation-keys.ts\`.
 *
 * Public demo keys for the TokenScope simulator. The private halves are published in this repository, so anyone can
 * forge tokens with them: never configure them on a real cluster.
 *
 * The engine picks from these pools with its seeded PRNG, so a run is reproducible: RS256 (RSASSA-PKCS1-v1_5)
 * signatures are deterministic and RS256 tokens are identical byte for byte from run to run. ES256 (ECDSA)
 * signatures use a fresh random nonce, so ES256 tokens differ from run to run in their signature part only.
 *
 * kid = base64url(SHA-256(PKIX SubjectPublicKeyInfo DER)), \`keyIDFromPublicKey\` in kubernetes pkg/serviceaccount/jwt.go.
 */
import type { SigningAlgorithm, SigningKey } from './jwt-types.ts';

/** ${rs256.length} RSA-2048 key pairs. */
export const rs256SimulationKeys: readonly SigningKey[] = [
${rs256.map(renderKey).join('\n')}
];

/** ${es256.length} P-256 key pairs. */
export const es256SimulationKeys: readonly SigningKey[] = [
${es256.map(renderKey).join('\n')}
];

export const simulationKeys: Readonly<Record<SigningAlgorithm, readonly SigningKey[]>> = {
  RS256: rs256SimulationKeys,
  ES256: es256SimulationKeys,
};
`;
}

function main(): void {
  const rs256 = Array.from({ length: POOL_SIZE }, generateRs256);
  const es256 = Array.from({ length: POOL_SIZE }, generateEs256);
  writeFileSync(OUTPUT_PATH, render(rs256, es256));
  process.stdout.write(`wrote ${rs256.length} RS256 and ${es256.length} ES256 keys to ${OUTPUT_PATH}\n`);
}

main();
