/**
 * Seeded pseudo-random numbers (sfc32, seeded through splitmix32). The whole state is four integers so that a
 * snapshot can copy it and a replay from the same seed draws the same numbers.
 */
export type PrngState = [number, number, number, number];

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function seedPrng(seed: number): PrngState {
  const next = splitmix32(seed);
  return [next(), next(), next(), next()];
}

/** Advances the state in place and returns a uniform float in [0, 1). */
export function nextFloat(state: PrngState): number {
  const a = state[0];
  const b = state[1];
  const c = state[2];
  const d = state[3];
  const t = (((a + b) >>> 0) + d) >>> 0;
  state[0] = (b ^ (b >>> 9)) >>> 0;
  state[1] = (c + (c << 3)) >>> 0;
  state[2] = ((((c << 21) | (c >>> 11)) >>> 0) + t) >>> 0;
  state[3] = (d + 1) >>> 0;
  return t / 4294967296;
}

/** Uniform 32-bit unsigned integer. */
export function nextUint32(state: PrngState): number {
  return nextFloat(state) * 4294967296;
}

/** Uniform integer in [min, max). */
export function nextInt(state: PrngState, min: number, maxExclusive: number): number {
  return min + Math.floor(nextFloat(state) * (maxExclusive - min));
}

/**
 * Adds `baseMs + nextInt(state, 0, spreadMs)` to `atMs` until it passes `limitMs`, and returns it: the same draws, in
 * the same order, as that loop, with the state in locals (a pod's sync skips a few dozen jittered resyncs at once).
 */
export function stepPast(state: PrngState, atMs: number, baseMs: number, spreadMs: number, limitMs: number): number {
  let a = state[0];
  let b = state[1];
  let c = state[2];
  let d = state[3];
  while (atMs <= limitMs) {
    const t = (((a + b) >>> 0) + d) >>> 0;
    a = (b ^ (b >>> 9)) >>> 0;
    b = (c + (c << 3)) >>> 0;
    c = ((((c << 21) | (c >>> 11)) >>> 0) + t) >>> 0;
    d = (d + 1) >>> 0;
    atMs += baseMs + Math.floor((t / 4294967296) * spreadMs);
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
  return atMs;
}

const HEX = '0123456789abcdef';

/** An RFC 4122 version-4-shaped UID, as the API server assigns to objects (and `uuid.NewString()` to `jti`). */
export function nextUid(state: PrngState): string {
  const a = nextUint32(state);
  const b = nextUint32(state);
  const c = nextUint32(state);
  return uidFromWords(a, b, c, nextUint32(state));
}

/**
 * The UID `nextUid` makes of four draws. The engine keeps the draws of a token's `jti` (four numbers) and spells the
 * UID only when someone reads the token.
 */
export function uidFromWords(a: number, b: number, c: number, d: number): string {
  const hb = hex8(b);
  const hc = hex8(c);
  const variant = HEX[8 + (parseInt(hc[0]!, 16) & 3)];
  return `${hex8(a)}-${hb.slice(0, 4)}-4${hb.slice(5, 8)}-${variant}${hc.slice(1, 4)}-${hc.slice(4, 8)}${hex8(d)}`;
}

/** A 32-bit word as eight lowercase hex digits. */
function hex8(word: number): string {
  return BYTE_HEX[(word >>> 24) & 255]! + BYTE_HEX[(word >>> 16) & 255]! + BYTE_HEX[(word >>> 8) & 255]! + BYTE_HEX[word & 255]!;
}

const BYTE_HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * apimachinery `rand.String` alphabet (no vowels, no confusable digits), used by `names.SimpleNameGenerator` for
 * `generateName` suffixes such as `kube-api-access-x7k2p`.
 */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function nextNameSuffix(state: PrngState, length = 5): string {
  let out = '';
  for (let i = 0; i < length; i++) out += NAME_ALPHABET[nextInt(state, 0, NAME_ALPHABET.length)];
  return out;
}
