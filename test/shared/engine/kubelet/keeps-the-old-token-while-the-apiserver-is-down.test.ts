/**
 * The API server goes down before a refresh is due (docs/kubernetes-facts.md §1 GetServiceAccountToken): the kubelet
 * keeps serving the cached token while it is valid, then reports `token … expired and refresh failed: …`, then,
 * once the minute sweep dropped the entry, `failed to fetch token: …`; when the API server is back a new token is
 * fetched at the next (back-off) sync.
 */
import { describe, expect, it } from 'vitest';
import { eventsOf, runYaml, singleFlow } from '../../../support/run-scenario.ts';

const REFUSED = 'Post "https://10.96.0.1:443/api/v1/namespaces/default/serviceaccounts/my-app/token": dial tcp 10.96.0.1:443: connect: connection refused';
const STOP_MS = 30 * 60_000;
const START_MS = 2 * 3_600_000;
/** Token #1 is issued at 1 s: status exp 3608 s; the sweep every minute from 0 drops it at 3660 s. */
const STATUS_EXP_MS = 3_608_000;
const SWEPT_MS = 3_660_000;

// Seed 2 puts syncs in each of the three phases (kept, expired-not-swept, swept).
const sim = runYaml(singleFlow({
  version: '1.30',
  duration: '3h',
  seed: 2,
  steps: `  - at: 30m
    fault: apiserver-stop
  - at: 2h
    fault: apiserver-start
`,
}));
const failures = eventsOf(sim, 'token.request-failed', 'f');
const first = eventsOf(sim, 'token.issued', 'f')[0]!;

describe('refresh while kube-apiserver is stopped', () => {
  it('issues no token between the stop and the start', () => {
    const issued = eventsOf(sim, 'token.issued', 'f').filter((e) => e.atMs >= STOP_MS && e.atMs <= START_MS);
    expect(issued).toEqual([]);
  });

  it('keeps the old token when a refresh fails and it is still valid (token.request-failed with keptToken)', () => {
    const kept = failures.filter((e) => e.keptToken !== undefined);
    expect(kept.length).toBeGreaterThan(0);
    for (const e of kept) {
      expect(e).toMatchObject({ requester: 'kubelet', status: 0, error: REFUSED, keptToken: first.token });
      expect(e.atMs).toBeLessThanOrEqual(STATUS_EXP_MS);
      // a refresh is only attempted once due: age > 2877 s at the earliest
      expect(e.atMs).toBeGreaterThan(1000 + 2_877_000);
    }
  });

  it('after the status expiry and before the sweep: `token <key> expired and refresh failed: <err>`', () => {
    const expired = failures.filter((e) => e.error.includes('expired and refresh failed'));
    expect(expired.length).toBeGreaterThan(0);
    for (const e of expired) {
      expect(e.error).toMatch(/^token .+ expired and refresh failed: /);
      expect(e.error.endsWith(`expired and refresh failed: ${REFUSED}`)).toBe(true);
      expect(e.keptToken).toBeUndefined();
      expect(e.atMs).toBeGreaterThan(STATUS_EXP_MS);
      expect(e.atMs).toBeLessThan(SWEPT_MS);
    }
  });

  it('after the sweep: `failed to fetch token: <err>`, until the API server is back', () => {
    const fetch = failures.filter((e) => e.error.startsWith('failed to fetch token: '));
    expect(fetch.length).toBeGreaterThan(0);
    for (const e of fetch) {
      expect(e.error).toBe(`failed to fetch token: ${REFUSED}`);
      expect(e.atMs).toBeGreaterThanOrEqual(SWEPT_MS);
      expect(e.atMs).toBeLessThan(START_MS);
    }
  });

  it('the three kinds of failure come in that order and nothing else fails', () => {
    const kinds = failures.map((e) => (e.keptToken !== undefined ? 'kept' : e.error.startsWith('failed to fetch') ? 'fetch' : 'expired'));
    const collapsed = kinds.filter((k, i) => k !== kinds[i - 1]);
    expect(collapsed).toEqual(['kept', 'expired', 'fetch']);
  });

  it('the pod keeps its file (token #1) while the mount fails', () => {
    const writes = eventsOf(sim, 'token.file-written', 'f').filter((e) => e.atMs < START_MS);
    expect(writes.map((w) => w.token)).toEqual([first.token]);
    const mountFailed = eventsOf(sim, 'pod.mount-failed', 'f');
    expect(mountFailed.length).toBeGreaterThan(0);
    expect(eventsOf(sim, 'pod.deleted', 'f')).toEqual([]);
  });

  it('apiserver-start: refresh resumes at the next sync (back-off 10–15 s) and the file is rewritten', () => {
    const after = eventsOf(sim, 'token.issued', 'f').filter((e) => e.atMs > START_MS);
    expect(after.length).toBeGreaterThan(0);
    expect(after[0]!.atMs).toBeLessThanOrEqual(START_MS + 15_000);
    expect(after[0]!.cause).toMatch(/none cached/);
    const write = eventsOf(sim, 'token.file-written', 'f').find((w) => w.token === after[0]!.token);
    expect(write?.atMs).toBe(after[0]!.atMs);
    expect(failures.filter((e) => e.atMs > START_MS)).toEqual([]);
  });

  it('after the restart the new token again rotates at an age in (2877 s, 2976 s)', () => {
    const writes = eventsOf(sim, 'token.file-written', 'f').filter((e) => e.atMs > START_MS);
    expect(writes.length).toBeGreaterThanOrEqual(2);
    const old = sim.tokens[writes[0]!.token]!;
    const age = writes[1]!.atMs - (old.statusExpirationMs! - 3_607_000);
    expect(age).toBeGreaterThan(2_877_000);
    expect(age).toBeLessThan(2_976_000);
  });
});

describe('an API server outage shorter than the token lifetime', () => {
  const short = runYaml(singleFlow({
    version: '1.30',
    duration: '2h',
    seed: 2,
    steps: `  - at: 47m
    fault: apiserver-stop
  - at: 55m
    fault: apiserver-start
`,
  }));

  it('only keeps the token (no error reaches the pod) and refreshes once the API server is back', () => {
    const failed = eventsOf(short, 'token.request-failed', 'f');
    expect(failed.length).toBeGreaterThan(0);
    for (const e of failed) expect(e.keptToken).toBeDefined();
    expect(eventsOf(short, 'pod.mount-failed', 'f')).toEqual([]);
    const second = eventsOf(short, 'token.issued', 'f')[1]!;
    expect(second.atMs).toBeGreaterThan(55 * 60_000);
    // still-valid failures keep the 60–90 s resync, so the refresh lands within 90 s of the start
    expect(second.atMs).toBeLessThan(55 * 60_000 + 90_000);
  });
});
