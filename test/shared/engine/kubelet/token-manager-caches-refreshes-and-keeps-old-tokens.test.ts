/**
 * `GetServiceAccountToken`, the cache key and the minute sweep (docs/kubernetes-facts.md §1), called directly at chosen
 * instants. Ports upstream TestTokenCachingAndExpiration, TestCleanup, TestKeyFunc and TestDeleteServiceAccountToken
 * (pkg/kubelet/token/token_manager_test.go, 0411cc70) where the engine has the same surface.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  deletePodTokens,
  GC_PERIOD_MS,
  getServiceAccountToken,
  liveCacheEntry,
  sweptAtMs,
  tokenCacheKey,
} from '../../../../shared/engine/kubelet/token-manager.ts';
import type { ClusterState } from '../../../../shared/engine/engine-state.ts';
import { tokenManagerFixture } from './token-manager-fixture.ts';
import { runKubectlLine } from '../../../../shared/engine/scenario-steps.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const REFUSED = 'Post "https://10.96.0.1:443/api/v1/namespaces/default/serviceaccounts/my-app/token": dial tcp 10.96.0.1:443: connect: connection refused';

describe('GetServiceAccountToken (upstream TestTokenCachingAndExpiration)', () => {
  /** First call fetches, second is served from cache: the common prelude of every upstream case. */
  function primed(expirationSeconds: number) {
    const f = tokenManagerFixture();
    const t0 = 10 * MIN;
    f.setNow(t0);
    const request = f.request(expirationSeconds, ['foo']);
    const issuedBefore = f.ctx.tokens.length;
    const first = getServiceAccountToken(f.ctx, f.cluster, request);
    expect(first.ok).toBe(true);
    expect(f.ctx.tokens.length).toBe(issuedBefore + 1);
    const second = getServiceAccountToken(f.ctx, f.cluster, request);
    expect(second).toEqual(first);
    expect(f.ctx.tokens.length, 'served from cache').toBe(issuedBefore + 1);
    return { f, t0, request, first: first.ok ? first.token : -1, issuedBefore };
  }

  it('rotates an hour token in its last 12 minutes (at 50 min)', () => {
    const { f, t0, request, first, issuedBefore } = primed(3600);
    const mark = f.sim.events.length;
    f.setNow(t0 + 50 * MIN);
    const third = getServiceAccountToken(f.ctx, f.cluster, request);
    expect(f.ctx.tokens.length).toBe(issuedBefore + 2);
    expect(third).toEqual({ ok: true, token: issuedBefore + 1 });
    expect(third).not.toEqual({ ok: true, token: first });
    const due = f.eventsSince(mark, 'token.refresh-due');
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ token: first, rule: 'ttl-80-percent', ageSec: 3000, thresholdSec: 2880 - due[0]!.jitterSec });
  });

  it('rotates a 40 h token after 25 h (the 24 h rule)', () => {
    const { f, t0, request, first, issuedBefore } = primed(40 * 3600);
    const mark = f.sim.events.length;
    f.setNow(t0 + 25 * HOUR);
    expect(getServiceAccountToken(f.ctx, f.cluster, request)).toEqual({ ok: true, token: issuedBefore + 1 });
    expect(f.eventsSince(mark, 'token.refresh-due')[0]).toMatchObject({ token: first, rule: 'max-24h', ageSec: 90_000 });
  });

  it("keeps the old token when a refresh fails and it is still valid, and doesn't error", () => {
    const { f, t0, request, first, issuedBefore } = primed(3600);
    f.cluster.apiServerUp = false;
    const mark = f.sim.events.length;
    f.setNow(t0 + 50 * MIN);
    expect(getServiceAccountToken(f.ctx, f.cluster, request)).toEqual({ ok: true, token: first });
    expect(f.ctx.tokens.length).toBe(issuedBefore + 1);
    const failed = f.eventsSince(mark, 'token.request-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ requester: 'kubelet', status: 0, error: REFUSED, keptToken: first });
  });

  it('1.34: a request carrying a recreated ServiceAccount\'s UID misses the entry made for the old UID (§8.6)', () => {
    const f = tokenManagerFixture('1.34');
    const sa = () => f.cluster.serviceAccounts['default/my-app']!;
    const oldUid = sa().metadata!.uid!;
    const first = getServiceAccountToken(f.ctx, f.cluster, { ...f.request(3600, ['registry']), serviceAccountUid: oldUid });
    expect(getServiceAccountToken(f.ctx, f.cluster, { ...f.request(3600, ['registry']), serviceAccountUid: oldUid })).toEqual(first);
    runKubectlLine(f.ctx, f.cluster, 'delete sa my-app');
    runKubectlLine(f.ctx, f.cluster, 'create sa my-app');
    const newUid = sa().metadata!.uid!;
    const fresh = getServiceAccountToken(f.ctx, f.cluster, { ...f.request(3600, ['registry']), serviceAccountUid: newUid });
    expect(fresh.ok && first.ok && fresh.token !== first.token).toBe(true);
    expect(fresh.ok && f.ctx.tokens[fresh.token]!.serviceAccountUid).toBe(newUid);
  });
});

describe('GetServiceAccountToken when the refresh fails, by the state of the cached entry', () => {
  // E = 3600 issued at t0 = 1 s: status exp 3601 s; the sweep (every minute from kubelet start at 0) drops it at 3660 s.
  function failing() {
    const f = tokenManagerFixture();
    f.setNow(1000);
    const request = f.request(3600);
    const got = getServiceAccountToken(f.ctx, f.cluster, request);
    if (!got.ok) throw new Error(got.error);
    f.cluster.apiServerUp = false;
    return { f, request, token: got.token, key: tokenCacheKey(request) };
  }

  it('still valid (now = exp exactly, not after it): returns the cached token, with keptToken', () => {
    const { f, request, token } = failing();
    const mark = f.sim.events.length;
    f.setNow(3_601_000);
    expect(getServiceAccountToken(f.ctx, f.cluster, request)).toEqual({ ok: true, token });
    expect(f.eventsSince(mark, 'token.request-failed')[0]).toMatchObject({ keptToken: token, error: REFUSED });
  });

  it('expired but not yet swept: `token <key> expired and refresh failed: <err>`', () => {
    const { f, request, key } = failing();
    for (const now of [3_601_001, 3_659_999]) {
      const mark = f.sim.events.length;
      f.setNow(now);
      const expected = `token ${key} expired and refresh failed: ${REFUSED}`;
      expect(getServiceAccountToken(f.ctx, f.cluster, request)).toEqual({ ok: false, error: expected });
      const failed = f.eventsSince(mark, 'token.request-failed');
      expect(failed).toHaveLength(1);
      expect(failed[0]!.error).toBe(expected);
      expect(failed[0]!.keptToken).toBeUndefined();
    }
  });

  it('after the minute sweep removed it: `failed to fetch token: <err>`', () => {
    const { f, request } = failing();
    const mark = f.sim.events.length;
    f.setNow(3_660_001);
    expect(getServiceAccountToken(f.ctx, f.cluster, request)).toEqual({ ok: false, error: `failed to fetch token: ${REFUSED}` });
    expect(f.eventsSince(mark, 'token.request-failed')[0]).toMatchObject({ error: `failed to fetch token: ${REFUSED}` });
  });

  it('when the API server is back, the next call fetches a new token', () => {
    const { f, request, token } = failing();
    f.setNow(3_700_000);
    getServiceAccountToken(f.ctx, f.cluster, request);
    f.cluster.apiServerUp = true;
    const got = getServiceAccountToken(f.ctx, f.cluster, request);
    expect(got.ok).toBe(true);
    expect(got.ok && got.token).toBeGreaterThan(token);
  });
});

describe('the cache key (keyFunc) partitions by name, namespace, audiences, expirationSeconds and bound pod', () => {
  it('every field that makes a request different gives a different key; identical requests share one', () => {
    const f = tokenManagerFixture();
    const base = f.request(3607);
    const key = tokenCacheKey(base);
    expect(tokenCacheKey(f.request(3607))).toBe(key);
    const variants = [
      { ...base, serviceAccount: 'other' },
      { ...base, namespace: 'kube-system' },
      { ...base, spec: { ...base.spec, audiences: ['vault'] } },
      { ...base, spec: { ...base.spec, expirationSeconds: 3600 } },
      { ...base, spec: { ...base.spec, boundObjectRef: { ...base.spec.boundObjectRef!, name: 'app2' } } },
      { ...base, spec: { ...base.spec, boundObjectRef: { ...base.spec.boundObjectRef!, uid: 'another-uid' } } },
    ];
    const keys = variants.map(tokenCacheKey);
    expect(new Set([key, ...keys]).size).toBe(variants.length + 1);
  });

  it('is printed as Go prints it: %q/%q/%#v/%#v/%#v', () => {
    const f = tokenManagerFixture();
    expect(tokenCacheKey(f.request(3607))).toBe(
      `"my-app"/"default"/[]string(nil)/3607/v1.BoundObjectReference{Kind:"Pod", APIVersion:"v1", Name:"app", UID:"${f.podUid}"}`,
    );
    expect(tokenCacheKey(f.request(600, ['vault', 'a "b"']))).toBe(
      `"my-app"/"default"/[]string{"vault", "a \\"b\\""}/600/v1.BoundObjectReference{Kind:"Pod", APIVersion:"v1", Name:"app", UID:"${f.podUid}"}`,
    );
  });

  it('two sources with different audiences in one pod get two tokens', () => {
    const f = tokenManagerFixture();
    const a = getServiceAccountToken(f.ctx, f.cluster, f.request(3607, ['vault']));
    const b = getServiceAccountToken(f.ctx, f.cluster, f.request(3607, ['other']));
    expect(a.ok && b.ok).toBe(true);
    expect(a.ok && b.ok && a.token !== b.token).toBe(true);
    expect(f.ctx.tokens[a.ok ? a.token : 0]!.audiences).toEqual(['vault']);
  });
});

describe('the minute sweep (go wait.Forever(m.cleanup, gcPeriod); upstream TestCleanup)', () => {
  function withEntry(statusExpirationMs: number): { cluster: ClusterState; key: string } {
    const f = tokenManagerFixture();
    f.cluster.kubelet.tokenCache = { key: { token: 0, expirationSec: 3600, statusExpirationMs } };
    return { cluster: f.cluster, key: 'key' };
  }

  it("doesn't clean up unexpired tokens", () => {
    const now = 24 * HOUR;
    const { cluster, key } = withEntry(now + HOUR);
    expect(liveCacheEntry(cluster, key, now)).toBeDefined();
    expect(Object.keys(cluster.kubelet.tokenCache)).toHaveLength(1);
  });

  it('cleans up expired tokens', () => {
    const now = 24 * HOUR;
    const { cluster, key } = withEntry(now - HOUR);
    expect(liveCacheEntry(cluster, key, now)).toBeUndefined();
    expect(Object.keys(cluster.kubelet.tokenCache)).toHaveLength(0);
  });

  it('the sweep that removes an entry is the first one strictly after its status expiry, on the minute grid from kubelet start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 1, max: 10 ** 9 }), (startedAtMs, lifetimeMs) => {
        const { cluster } = withEntry(0);
        cluster.kubelet.startedAtMs = startedAtMs;
        const entry = { token: 0, expirationSec: 3600, statusExpirationMs: startedAtMs + lifetimeMs };
        const tick = sweptAtMs(cluster, entry);
        expect((tick - startedAtMs) % GC_PERIOD_MS).toBe(0);
        expect(tick).toBeGreaterThan(entry.statusExpirationMs);
        expect(tick - GC_PERIOD_MS).toBeLessThanOrEqual(entry.statusExpirationMs);
        cluster.kubelet.tokenCache = { k: entry };
        expect(liveCacheEntry(cluster, 'k', tick - 1)).toBe(entry);
        expect(liveCacheEntry(cluster, 'k', tick)).toBeUndefined();
        expect(cluster.kubelet.tokenCache.k).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('an entry expiring exactly on a tick survives that tick (cleanup removes now > exp only)', () => {
    const { cluster } = withEntry(0);
    cluster.kubelet.startedAtMs = 0;
    expect(sweptAtMs(cluster, { token: 0, statusExpirationMs: 3_600_000 })).toBe(3_660_000);
    expect(sweptAtMs(cluster, { token: 0, statusExpirationMs: 3_601_000 })).toBe(3_660_000);
  });
});

describe('DeleteServiceAccountToken(podUID) (upstream TestDeleteServiceAccountToken)', () => {
  const cases: Array<{ name: string; deletePodUid: string[]; left: string[] }> = [
    { name: 'delete none', deletePodUid: [], left: ['r1', 'r2', 'r3'] },
    { name: 'delete one', deletePodUid: ['fake-uid-1'], left: ['r2', 'r3'] },
    { name: 'delete two', deletePodUid: ['fake-uid-1', 'fake-uid-3'], left: ['r2'] },
    { name: 'delete all', deletePodUid: ['fake-uid-1', 'fake-uid-2', 'fake-uid-3'], left: [] },
    { name: 'delete some pod not in the set', deletePodUid: ['fake-uid-100', 'fake-uid-200'], left: ['r1', 'r2', 'r3'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const f = tokenManagerFixture();
      f.cluster.kubelet.tokenCache = {
        r1: { token: 0, expirationSec: 36_000, statusExpirationMs: 10 * HOUR, boundPodUid: 'fake-uid-1' },
        r2: { token: 0, expirationSec: 36_000, statusExpirationMs: 10 * HOUR, boundPodUid: 'fake-uid-2' },
        r3: { token: 0, expirationSec: 36_000, statusExpirationMs: 10 * HOUR, boundPodUid: 'fake-uid-3' },
      };
      for (const uid of c.deletePodUid) deletePodTokens(f.cluster, uid);
      expect(Object.keys(f.cluster.kubelet.tokenCache).sort()).toEqual(c.left);
    });
  }
});
