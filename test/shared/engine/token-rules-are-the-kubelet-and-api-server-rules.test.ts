/**
 * The one copy of the kubelet's refresh thresholds and the API server's time checks (shared/engine/token-rules.ts),
 * against docs/kubernetes-facts.md §1 and §5, and the token summary that carries the refresh window to the UI.
 */
import { describe, expect, it } from 'vitest';
import { checkTimeClaims, refreshThresholds, refreshWindowOpensMs } from '../../../shared/engine/token-rules.ts';
import { builtinScenario, snapshotOf } from '../../support/scenario-snapshot.ts';

describe('refreshThresholds', () => {
  it('opens the window at the TTL less ⌊TTL·20/100⌋, 9 s earlier with the largest jitter', () => {
    expect(refreshThresholds(3607)).toEqual({ ttlAgeSec: 2886, maxAgeSec: 86_400, dueAgeSec: 2886, earliestDueAgeSec: 2877 });
  });

  it('caps the window at 24 h for a token that lives longer than 30 h', () => {
    expect(refreshThresholds(48 * 3600)).toMatchObject({ ttlAgeSec: 138_240, dueAgeSec: 86_400, earliestDueAgeSec: 86_391 });
  });

  it('never opens before issue', () => {
    expect(refreshThresholds(5).earliestDueAgeSec).toBe(0);
  });

  it('counts the window from the TokenRequest status, not the JWT', () => {
    expect(refreshWindowOpensMs(10_000 + 3_607_000, 3607)).toBe(10_000 + 2_886_000);
  });
});

describe('checkTimeClaims', () => {
  const nowMs = 1_000_000_000_000;
  const nowSec = nowMs / 1000;

  it('accepts a token up to 60 s past its exp and refuses it after', () => {
    expect(checkTimeClaims({ exp: nowSec - 60 }, nowMs)).toBeUndefined();
    expect(checkTimeClaims({ exp: nowSec - 61 }, nowMs)).toEqual({ problem: 'expired', claimSec: nowSec - 61 });
  });

  it('refuses nbf and iat more than 60 s ahead', () => {
    expect(checkTimeClaims({ nbf: nowSec + 60, iat: nowSec + 60 }, nowMs)).toBeUndefined();
    expect(checkTimeClaims({ nbf: nowSec + 61 }, nowMs)?.problem).toBe('not-yet-valid');
    expect(checkTimeClaims({ iat: nowSec + 61 }, nowMs)?.problem).toBe('issued-in-future');
  });

  it('checks nbf, then exp, then iat', () => {
    expect(checkTimeClaims({ nbf: nowSec + 100, exp: nowSec - 100, iat: nowSec + 100 }, nowMs)?.problem).toBe('not-yet-valid');
    expect(checkTimeClaims({ exp: nowSec - 100, iat: nowSec + 100 }, nowMs)?.problem).toBe('expired');
  });
});

describe('the token summary', () => {
  it('says where each projected token’s refresh window opens, and nothing for a legacy token', () => {
    const summaries = snapshotOf(builtinScenario('side-by-side'), 2 * 3_600_000).tokens;
    const bound = summaries.filter((t) => t.statusExpirationMs !== undefined);
    expect(bound.length).toBeGreaterThan(0);
    for (const t of bound) expect(t.refreshOpensAtMs).toBe(refreshWindowOpensMs(t.statusExpirationMs!, t.expirationSec!));
    for (const t of summaries.filter((s) => s.kind === 'legacy')) expect(t.refreshOpensAtMs).toBeUndefined();
  });
});
