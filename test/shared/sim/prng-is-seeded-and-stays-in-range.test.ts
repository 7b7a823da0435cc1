/** The seeded PRNG: same seed, same draws; integers in [min, max); UIDs shaped like uuid v4; name suffixes. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextFloat, nextInt, nextNameSuffix, nextUid, seedPrng } from '../../../shared/sim/prng.ts';
import { deepClone } from '../../../shared/sim/deep-clone.ts';

const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });

describe('prng', () => {
  it('the same seed gives the same sequence; a copied state continues identically', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const a = seedPrng(s);
        const b = seedPrng(s);
        const xs = Array.from({ length: 20 }, () => nextFloat(a));
        expect(Array.from({ length: 20 }, () => nextFloat(b))).toEqual(xs);
        const copy = deepClone(a);
        expect(Array.from({ length: 5 }, () => nextFloat(copy))).toEqual(Array.from({ length: 5 }, () => nextFloat(a)));
      }),
      { numRuns: 100 },
    );
  });

  it('different seeds give different first draws (for the seeds tried)', () => {
    const firsts = new Set(Array.from({ length: 1000 }, (_, s) => nextFloat(seedPrng(s))));
    expect(firsts.size).toBe(1000);
  });

  it('floats are in [0, 1)', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const state = seedPrng(s);
        for (let i = 0; i < 200; i++) {
          const x = nextFloat(state);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('nextInt(0, 10) gives whole numbers 0–9 only, and all of them (the kubelet jitter)', () => {
    const state = seedPrng(42);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const j = nextInt(state, 0, 10);
      expect(Number.isInteger(j)).toBe(true);
      expect(j).toBeGreaterThanOrEqual(0);
      expect(j).toBeLessThanOrEqual(9);
      seen.add(j);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('nextInt stays in [min, max) for any bounds', () => {
    fc.assert(
      fc.property(seed, fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (s, min, span) => {
        const state = seedPrng(s);
        for (let i = 0; i < 50; i++) {
          const v = nextInt(state, min, min + span);
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(min);
          expect(v).toBeLessThan(min + span);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('UIDs are RFC 4122 version 4 shaped', () => {
    const state = seedPrng(7);
    for (let i = 0; i < 200; i++) expect(nextUid(state)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('name suffixes are 5 characters of bcdfghjklmnpqrstvwxz2456789', () => {
    const state = seedPrng(7);
    for (let i = 0; i < 200; i++) expect(nextNameSuffix(state)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });
});
