/**
 * `requiresRefresh` and `earliestPossibleRefreshMs` against docs/kubernetes-facts.md §1 and the upstream table
 * (pkg/kubelet/token/token_manager_test.go TestRequiresRefresh, commit 0411cc70). Ages are taken from the
 * TokenRequest status (`status.expirationTimestamp − spec.expirationSeconds`), never from the JWT.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  earliestPossibleRefreshMs,
  MAX_JITTER_SEC,
  MAX_TTL_SEC,
  requiresRefresh,
} from '../../../../shared/engine/kubelet/token-manager.ts';
import type { CachedTokenRequest } from '../../../../shared/engine/engine-state.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const JITTERS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** A cached TokenRequest as upstream's test builds it: status exp at `expMs`, spec.expirationSeconds (null = nil). */
function cached(expMs: number, expirationSec: number | null): CachedTokenRequest {
  return { token: 0, statusExpirationMs: expMs, ...(expirationSec === null ? {} : { expirationSec }) };
}

describe('requiresRefresh: the upstream TestRequiresRefresh table, for every jitter 0–9', () => {
  const start = 5 * 24 * HOUR;
  const table: Array<{ name: string; now: number; exp: number; nilExpiration?: boolean; expectRefresh: boolean }> = [
    { name: 'hour token at 10 min', now: start + 10 * MIN, exp: start + 60 * MIN, expectRefresh: false },
    { name: 'hour token at 50 min (past 80 %)', now: start + 50 * MIN, exp: start + 60 * MIN, expectRefresh: true },
    { name: '60 h token at 25 h (past 24 h)', now: start + 25 * HOUR, exp: start + 60 * HOUR, expectRefresh: true },
    { name: 'hour token at 70 min (already expired)', now: start + 70 * MIN, exp: start + 60 * MIN, expectRefresh: true },
    { name: 'nil expirationSeconds', now: start, exp: start + 60 * MIN, nilExpiration: true, expectRefresh: false },
  ];
  for (const row of table) {
    it(`${row.name} → ${row.expectRefresh ? 'refresh' : 'keep'}`, () => {
      const entry = cached(row.exp, row.nilExpiration ? null : Math.floor((row.exp - start) / 1000));
      for (const jitter of JITTERS) {
        expect(requiresRefresh(entry, row.now, jitter).refresh, `jitter ${jitter}`).toBe(row.expectRefresh);
      }
    });
  }
});

describe('requiresRefresh: the 80 % rule with an integer jitter', () => {
  // The default projected token: E = 3607, ⌊3607·20/100⌋ = 721, so refresh once age > 2886 − jitter.
  const iat = 1_000_000;
  const entry = cached(iat + 3_607_000, 3607);

  it('uses integer division: the window of a 3607 s token is 721 s, so the threshold is 2886 − jitter', () => {
    for (const jitter of JITTERS) {
      const threshold = 2886 - jitter;
      expect(requiresRefresh(entry, iat + threshold * 1000, jitter)).toEqual({ refresh: false });
      expect(requiresRefresh(entry, iat + threshold * 1000 + 1, jitter)).toEqual({
        refresh: true,
        rule: 'ttl-80-percent',
        ageSec: threshold + 0.001,
        thresholdSec: threshold,
      });
    }
  });

  it('refreshes at no age ≤ 2877 s whatever the jitter, and at every age > 2886 s whatever the jitter', () => {
    for (const jitter of JITTERS) {
      expect(requiresRefresh(entry, iat + 2_877_000, jitter).refresh).toBe(false);
      expect(requiresRefresh(entry, iat + 2_886_001, jitter).refresh).toBe(true);
    }
  });

  it('ages by status (expirationTimestamp − expirationSeconds), not by the JWT: a one-year JWT still rotates hourly', () => {
    // Nothing about the JWT is in the cache entry; a status saying +3607 s is what counts.
    expect(requiresRefresh(entry, iat + 2_900_000, 0).refresh).toBe(true);
  });

  it('a 600 s token (the minimum) refreshes after 480 − jitter s', () => {
    const short = cached(600_000, 600);
    expect(requiresRefresh(short, 480_000, 0).refresh).toBe(false);
    expect(requiresRefresh(short, 480_001, 0).refresh).toBe(true);
    expect(requiresRefresh(short, 471_000, 9).refresh).toBe(false);
    expect(requiresRefresh(short, 471_001, 9).refresh).toBe(true);
  });

  it('a 3601 s token: ⌊3601/5⌋ = 720, threshold 2881 − jitter', () => {
    const odd = cached(3_601_000, 3601);
    expect(requiresRefresh(odd, 2_881_000, 0).refresh).toBe(false);
    expect(requiresRefresh(odd, 2_881_001, 0)).toMatchObject({ refresh: true, thresholdSec: 2881 });
  });
});

describe('requiresRefresh: the 24 h rule', () => {
  it('a 48 h token refreshes once older than 86400 − jitter s (80 % would be 138240 s)', () => {
    const entry = cached(48 * HOUR, 48 * 3600);
    for (const jitter of JITTERS) {
      const threshold = MAX_TTL_SEC - jitter;
      expect(requiresRefresh(entry, threshold * 1000, jitter)).toEqual({ refresh: false });
      expect(requiresRefresh(entry, threshold * 1000 + 1, jitter)).toEqual({
        refresh: true,
        rule: 'max-24h',
        ageSec: threshold + 0.001,
        thresholdSec: threshold,
      });
    }
  });

  it('a 25 h token: 80 % (72000 s) comes first, so the 80 % rule decides', () => {
    const entry = cached(25 * HOUR, 25 * 3600);
    expect(requiresRefresh(entry, 72_000_000, 0).refresh).toBe(false);
    expect(requiresRefresh(entry, 72_000_001, 0)).toMatchObject({ refresh: true, rule: 'ttl-80-percent', thresholdSec: 72_000 });
  });

  it('2^32 s tokens (the maximum) rotate daily', () => {
    const entry = cached(2 ** 32 * 1000, 2 ** 32);
    expect(requiresRefresh(entry, 86_391_000, 9).refresh).toBe(false);
    expect(requiresRefresh(entry, 86_391_001, 9)).toMatchObject({ refresh: true, rule: 'max-24h' });
  });
});

describe('requiresRefresh: nil expirationSeconds', () => {
  it('never refreshes, even years after the status expiry', () => {
    const entry = cached(HOUR, null);
    for (const now of [0, HOUR, 2 * HOUR, 25 * HOUR, 400 * 24 * HOUR]) {
      for (const jitter of JITTERS) expect(requiresRefresh(entry, now, jitter)).toEqual({ refresh: false });
    }
  });

  it('has no earliest refresh instant', () => {
    expect(earliestPossibleRefreshMs(cached(HOUR, null))).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('earliestPossibleRefreshMs', () => {
  it('is 2877 s after status iat for the default 3607 s token', () => {
    expect(earliestPossibleRefreshMs(cached(3_608_000, 3607))).toBe(1000 + 2_877_000);
  });

  it('is 86391 s after status iat for a 48 h token', () => {
    expect(earliestPossibleRefreshMs(cached(48 * HOUR, 48 * 3600))).toBe(86_391_000);
  });

  it('knows jitters are drawn from 0–9 (maxJitter 10 s truncated)', () => {
    expect(MAX_JITTER_SEC).toBe(10);
  });
});

// ---- properties ----------------------------------------------------------------------------------------------------

const ttlSec = fc.oneof(fc.integer({ min: 600, max: 200_000 }), fc.integer({ min: 600, max: 2 ** 32 }), fc.constantFrom(600, 3600, 3607, 86_400, 108_000));
const jitterSec = fc.integer({ min: 0, max: 9 });
const iatMs = fc.integer({ min: 0, max: 10 ** 12 });

/** Ages near each threshold (±3 s), and anywhere from before issue to past expiry. */
function ageMs(ttl: number): fc.Arbitrary<number> {
  const ttlThreshold = (ttl - Math.floor(ttl / 5)) * 1000;
  return fc.oneof(
    fc.integer({ min: ttlThreshold - 12_000, max: ttlThreshold + 3_000 }),
    fc.integer({ min: MAX_TTL_SEC * 1000 - 12_000, max: MAX_TTL_SEC * 1000 + 3_000 }),
    fc.integer({ min: -60_000, max: ttl * 1000 + 120_000 }),
  );
}

describe('properties: the fact-sheet formula', () => {
  it('refresh ⇔ age > E − ⌊E/5⌋ − jitter or age > 86400 − jitter, for any E ≥ 600, jitter 0–9 and now', () => {
    fc.assert(
      fc.property(ttlSec.chain((ttl) => fc.tuple(fc.constant(ttl), ageMs(ttl), jitterSec, iatMs)), ([ttl, age, jitter, iat]) => {
        const entry = cached(iat + ttl * 1000, ttl);
        const byTtl = age > (ttl - Math.floor(ttl / 5) - jitter) * 1000;
        const byAge = age > (86_400 - jitter) * 1000;
        const decision = requiresRefresh(entry, iat + age, jitter);
        expect(decision.refresh).toBe(byTtl || byAge);
        if (decision.refresh) {
          // Upstream checks the 24 h rule first.
          expect(decision.rule).toBe(byAge ? 'max-24h' : 'ttl-80-percent');
          expect(decision.thresholdSec).toBe(byAge ? 86_400 - jitter : ttl - Math.floor(ttl / 5) - jitter);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('earliestPossibleRefreshMs is a true lower bound (no jitter refreshes at or before it) and is tight (jitter 9 refreshes 1 ms later)', () => {
    fc.assert(
      fc.property(ttlSec, iatMs, fc.integer({ min: 0, max: 10 ** 9 }), jitterSec, (ttl, iat, before, jitter) => {
        const entry = cached(iat + ttl * 1000, ttl);
        const earliest = earliestPossibleRefreshMs(entry);
        expect(requiresRefresh(entry, earliest, jitter).refresh).toBe(false);
        expect(requiresRefresh(entry, earliest - before, jitter).refresh).toBe(false);
        expect(requiresRefresh(entry, earliest + 1, 9).refresh).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
