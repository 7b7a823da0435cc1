/**
 * Time checks of the bound-token validator (docs/kubernetes-facts.md §5, claims.go Validate with go-jose DefaultLeeway = 60 s):
 * nbf fails if now+60s < nbf, exp fails if now−60s > exp, iat fails if now+60s < iat. Messages are the modern
 * lower-case ones, or the older wording ("Token has expired.", "Token could not be validated.") where
 * shared/model/versions.ts says the version still used it (1.20).
 */
import { describe, expect, it } from 'vitest';
import { authenticateToken } from '../../../../shared/engine/api-server/authenticator.ts';
import type { BoundClaims } from '../../../../shared/jwt/jwt-types.ts';
import { authenticate, authError, bound, flow, issue, ONE_YEAR_SEC, presented, simAt, startSim, START_SEC } from './token-test-helpers.ts';

const MODERN = {
  expired: 'service account token has expired',
  notYet: 'service account token is not valid yet',
  future: 'service account token is issued in the future',
};
const OLD = { expired: 'Token has expired.', notYet: 'Token could not be validated.', future: 'Token could not be validated.' };

/** A 600 s unbound token issued at simulated second 10, then the clock moved to `exp + offsetMs`. */
function expiryCase(version: string, offsetMs: number) {
  const sim = simAt({ version, pod: false, duration: '2h' }, 10);
  const token = issue(sim, { expirationSeconds: 600 });
  const expMs = (bound(token).exp - START_SEC) * 1000;
  sim.runUntil(expMs + offsetMs);
  return authenticate(sim, token);
}

describe('exp with 60 s leeway', () => {
  const table = [
    { offsetMs: -1000, ok: true },
    { offsetMs: 0, ok: true },
    { offsetMs: 59_999, ok: true },
    { offsetMs: 60_000, ok: true },
    { offsetMs: 60_001, ok: false },
    { offsetMs: 61_000, ok: false },
    { offsetMs: 3_600_000, ok: false },
  ];

  it.each(table)('1.30: exp + $offsetMs ms → ok: $ok', ({ offsetMs, ok }) => {
    const result = expiryCase('1.30', offsetMs);
    if (ok) expect(result).toMatchObject({ ok: true, user: { username: 'system:serviceaccount:default:my-app' } });
    else expect(authError(result)).toBe(MODERN.expired);
  });

  it.each([
    { version: '1.20', message: OLD.expired },
    { version: '1.21', message: MODERN.expired },
    { version: '1.24', message: MODERN.expired },
    { version: '1.33', message: MODERN.expired },
  ])('$version: an expired token is rejected with "$message"', ({ version, message }) => {
    expect(authError(expiryCase(version, 60_001))).toBe(message);
    expect(expiryCase(version, 60_000).ok).toBe(true);
  });

  it('an unextended kubelet token (flag off) is accepted at iat + 3607 + 60 s and rejected just after', () => {
    for (const [offsetMs, ok] of [[60_000, true], [60_001, false]] as const) {
      const sim = simAt({ version: '1.30', duration: '3h', apiServer: 'extendTokenExpiration: false' }, 5);
      const token = sim.tokens.find((t) => t.kind === 'bound')!;
      expect(bound(token).exp - bound(token).iat).toBe(3607);
      sim.runUntil((bound(token).exp - START_SEC) * 1000 + offsetMs);
      const result = authenticate(sim, token);
      if (ok) expect(result.ok).toBe(true);
      else expect(authError(result)).toBe(MODERN.expired);
    }
  });

  it('an extended kubelet token is still accepted a day later (exp is one year)', () => {
    const sim = simAt({ version: '1.30', duration: '2d' }, 5);
    const token = sim.tokens.find((t) => t.kind === 'bound')!;
    expect(bound(token).exp - bound(token).iat).toBe(ONE_YEAR_SEC);
    sim.runUntil(24 * 3_600_000);
    expect(authenticate(sim, token).ok).toBe(true);
  });
});

describe('nbf and iat (upstream TestValidatePrivateClaims "not yet valid", plus iat in the future)', () => {
  function withClaims(version: string, edit: (c: BoundClaims, nowSec: number) => BoundClaims) {
    const sim = simAt({ version, pod: false }, 100);
    const token = issue(sim, {});
    const claims = edit(bound(token), START_SEC + 100);
    return authenticateToken(sim.context, flow(sim), presented(token, { claims }));
  }

  const table = [
    { name: 'nbf now + 1000 h', edit: (c: BoundClaims, now: number) => ({ ...c, nbf: now + 3_600_000 }), key: 'notYet' as const },
    { name: 'nbf now + 61 s', edit: (c: BoundClaims, now: number) => ({ ...c, nbf: now + 61 }), key: 'notYet' as const },
    { name: 'iat now + 61 s (nbf now)', edit: (c: BoundClaims, now: number) => ({ ...c, iat: now + 61 }), key: 'future' as const },
  ];

  it.each(table)('1.30: $name → modern message', ({ edit, key }) => {
    expect(authError(withClaims('1.30', edit))).toBe(MODERN[key]);
  });

  it.each(table)('1.20: $name → old wording', ({ edit, key }) => {
    expect(authError(withClaims('1.20', edit))).toBe(OLD[key]);
  });

  it.each([
    { name: 'nbf now + 60 s', edit: (c: BoundClaims, now: number) => ({ ...c, nbf: now + 60 }) },
    { name: 'iat now + 60 s', edit: (c: BoundClaims, now: number) => ({ ...c, iat: now + 60 }) },
  ])('1.30: $name is within the leeway and accepted', ({ edit }) => {
    expect(withClaims('1.30', edit).ok).toBe(true);
  });
});

describe('the stale-token audit after warnafter', () => {
  it.each([
    { afterSec: 0, audit: undefined },
    { afterSec: 1, audit: 'subject: system:serviceaccount:default:my-app, seconds after warning threshold: 1' },
    { afterSec: 100, audit: 'subject: system:serviceaccount:default:my-app, seconds after warning threshold: 100' },
  ])('warnafter + $afterSec s → stale-token audit $audit', ({ afterSec, audit }) => {
    const sim = startSim({ version: '1.30', duration: '3h' });
    sim.runUntil(5000);
    const token = sim.tokens.find((t) => t.kind === 'bound')!;
    const warnafter = bound(token)['kubernetes.io'].warnafter!;
    sim.runUntil((warnafter - START_SEC + afterSec) * 1000);
    const result = authenticate(sim, token);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.audit['authentication.k8s.io/stale-token']).toBe(audit);
  });
});
