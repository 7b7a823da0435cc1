/**
 * `TokenSuccessCacheTTL: 10 * time.Second`, `TokenFailureCacheTTL: 0` (docs/kubernetes-facts.md §5): a token that
 * authenticated keeps working for up to 10 s after it is revoked; a failure is never cached.
 */
import { describe, expect, it } from 'vitest';
import { authenticate, authError, issue, kubectl, startSim } from './token-test-helpers.ts';

const POD_REF = { kind: 'Pod', apiVersion: 'v1', name: 'app' };

describe('the 10 s authentication success cache', () => {
  const table = [
    { atMs: 21_000, ok: true, cached: true },
    { atMs: 25_000, ok: true, cached: true },
    { atMs: 29_999, ok: true, cached: true },
    { atMs: 30_000, ok: false },
    { atMs: 45_000, ok: false },
  ];

  it.each(table)('success at 20 s, pod force-deleted at 20.5 s: at $atMs ms → ok $ok', ({ atMs, ok, cached }) => {
    const sim = startSim({ version: '1.30', duration: '1h' });
    sim.runUntil(10_000);
    const token = issue(sim, { boundObjectRef: POD_REF });
    sim.runUntil(20_000);
    expect(authenticate(sim, token)).toMatchObject({ ok: true, cached: false });
    sim.runUntil(20_500);
    kubectl(sim, 'delete pod app --grace-period=0 --force');
    sim.runUntil(atMs);
    const result = authenticate(sim, token);
    if (ok) expect(result).toMatchObject({ ok: true, cached, user: { username: 'system:serviceaccount:default:my-app' } });
    else expect(authError(result)).toBe('service account token has been invalidated');
  });

  it('caches per target audience: a revoked token is not served from the API-audience entry for another audience', () => {
    const sim = startSim({ version: '1.30', duration: '1h' });
    sim.runUntil(10_000);
    const token = issue(sim, { boundObjectRef: POD_REF, audiences: ['https://kubernetes.default.svc', 'vault'] });
    expect(authenticate(sim, token).ok).toBe(true);
    kubectl(sim, 'delete pod app --grace-period=0 --force');
    sim.runUntil(12_000);
    expect(authenticate(sim, token)).toMatchObject({ ok: true, cached: true });
    expect(authError(authenticate(sim, token, ['vault']))).toBe('service account token has been invalidated');
  });

  it('does not cache failures: a token rejected for a missing ServiceAccount works as soon as it is back... only with the same UID', () => {
    const sim = startSim({ version: '1.30', duration: '1h', pod: false });
    sim.runUntil(10_000);
    const token = issue(sim, {});
    kubectl(sim, 'delete serviceaccount my-app');
    expect(authError(authenticate(sim, token))).toBe('serviceaccounts "my-app" not found');
    kubectl(sim, 'create serviceaccount my-app');
    // Re-validated at once (no failure cache): the new ServiceAccount has a new UID.
    expect(authError(authenticate(sim, token))).toMatch(/^service account UID \(.+\) does not match claim \(.+\)$/);
  });
});
