/**
 * Text that does not compress: letters from a seeded Park–Miller generator (exact in doubles), the same for the same
 * seed. For scenarios whose link must come out long (notes no compressor can shorten much).
 */
export function noiseText(seed: number, letters: number): string {
  let state = seed % 2_147_483_647 || 1;
  let out = '';
  for (let i = 0; i < letters; i++) {
    state = (state * 48_271) % 2_147_483_647;
    out += String.fromCharCode(97 + (state % 26));
  }
  return out;
}

/** `count` notes a minute apart, each a line of noise, as a scenario's `annotations:` list. */
export function noisyNotes(seed: number, count: number): string {
  const text = noiseText(seed, count * 60);
  return Array.from({ length: count }, (_, i) => `  - at: ${i + 1}m\n    text: ${text.slice(i * 60, i * 60 + 60).replace(/(.{6})/g, '$1 ').trim()}\n`).join('');
}
