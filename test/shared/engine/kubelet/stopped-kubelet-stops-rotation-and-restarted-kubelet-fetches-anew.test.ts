/**
 * kubelet-stop / kubelet-start (docs/kubernetes-facts.md §1 "Cache is in-memory only", §5 go-jose leeway): a stopped
 * kubelet refreshes nothing, so the token in the file runs to its exp; with the extension off the API server
 * rejects it once now − 60 s > exp. A restarted kubelet has an empty cache and fetches a new token at once.
 */
import { describe, expect, it } from 'vitest';
import { eventsOf, runYaml, singleFlow } from '../../../support/run-scenario.ts';
import type { BoundClaims } from '../../../../shared/jwt/jwt-types.ts';

describe('kubelet-stop with the extension off', () => {
  // The client calls every 10 s from 58:59, so its calls straddle exp + 60 s (a fresh check each time: the 10 s
  // success cache has always run out by the next call).
  const sim = runYaml(singleFlow({
    version: '1.30',
    duration: '1h10m',
    apiServer: 'extendTokenExpiration: false',
    steps: `  - at: 10m
    fault: kubelet-stop
  - at: 58m59s
    client: {pod: app, reads: every-minute, callEvery: 10s}
`,
  }));
  const token = sim.tokens.find((t) => t.flow === 'f' && t.kind === 'bound')!;
  const expSimMs = (token.claims as BoundClaims).exp * 1000 - sim.scenario.startEpochMs;

  it('the token in the file is the one from the first mount, with exp = 1 s + 3607 s', () => {
    expect(expSimMs).toBe(3_608_000);
    expect(eventsOf(sim, 'token.file-written', 'f').map((w) => w.token)).toEqual([token.index]);
  });

  it('no refresh happens while the kubelet is stopped', () => {
    expect(eventsOf(sim, 'kubelet.stopped', 'f').map((e) => e.atMs)).toEqual([600_000]);
    expect(eventsOf(sim, 'token.issued', 'f').filter((e) => e.atMs > 600_000)).toEqual([]);
    expect(eventsOf(sim, 'token.refresh-due', 'f')).toEqual([]);
  });

  it('the token expires (token.expired at its exp)', () => {
    expect(eventsOf(sim, 'token.expired', 'f').map((e) => [e.token, e.atMs])).toEqual([[token.index, expSimMs]]);
  });

  it('the client is allowed up to exp + 60 s and gets `service account token has expired` after it', () => {
    const calls = sim.events.filter((e) => (e.type === 'request.allowed' || e.type === 'request.denied') && e.flow === 'f');
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      if (call.atMs <= expSimMs + 60_000) expect(call.type, `call at ${call.atMs}`).toBe('request.allowed');
      else {
        expect(call.type, `call at ${call.atMs}`).toBe('request.denied');
        if (call.type === 'request.denied') expect(call).toMatchObject({ status: 401, error: 'service account token has expired', token: token.index });
      }
    }
    const denied = eventsOf(sim, 'request.denied', 'f');
    expect(denied[0]!.atMs).toBe(3_669_000);
    expect(eventsOf(sim, 'request.allowed', 'f').at(-1)!.atMs).toBe(3_659_000);
  });
});

describe('kubelet-start: the cache is lost', () => {
  const sim = runYaml(singleFlow({
    version: '1.30',
    duration: '3h',
    steps: `  - at: 10m
    fault: kubelet-stop
  - at: 20m
    fault: kubelet-start
`,
  }));

  it('a new token is fetched at the first sync after start (1 s), although the cached one was only 20 min old', () => {
    const issued = eventsOf(sim, 'token.issued', 'f');
    expect(issued.map((e) => e.atMs).slice(0, 2)).toEqual([1000, 1_201_000]);
    expect(issued[1]!.cause).toMatch(/none cached/);
    expect(eventsOf(sim, 'token.refresh-due', 'f').filter((e) => e.atMs <= 1_201_000)).toEqual([]);
  });

  it('the new token is written to the file at once', () => {
    const writes = eventsOf(sim, 'token.file-written', 'f');
    const issued = eventsOf(sim, 'token.issued', 'f');
    expect(writes[1]).toMatchObject({ atMs: 1_201_000, token: issued[1]!.token });
  });

  it('the restarted kubelet rotates the new token at an age in (2877 s, 2976 s)', () => {
    const writes = eventsOf(sim, 'token.file-written', 'f');
    expect(writes.length).toBeGreaterThanOrEqual(3);
    const old = sim.tokens[writes[1]!.token]!;
    const age = writes[2]!.atMs - (old.statusExpirationMs! - 3_607_000);
    expect(age).toBeGreaterThan(2_877_000);
    expect(age).toBeLessThan(2_976_000);
  });

  it('the old token, not refreshed but not revoked either, keeps its one-year exp', () => {
    const first = sim.tokens.find((t) => t.flow === 'f')!;
    expect((first.claims as BoundClaims).exp - (first.claims as BoundClaims).iat).toBe(31_536_000);
    expect(eventsOf(sim, 'token.invalidated', 'f')).toEqual([]);
  });
});

describe('kubelet-start after the token expired (extension off)', () => {
  const sim = runYaml(singleFlow({
    version: '1.30',
    duration: '2h',
    apiServer: 'extendTokenExpiration: false',
    steps: `  - at: 10m
    fault: kubelet-stop
  - at: 1m
    client: {pod: app, reads: every-minute, callEvery: 1m}
  - at: 90m
    fault: kubelet-start
`,
  }));

  it('writes a new token at start + 1 s and the every-minute client recovers within a minute', () => {
    const writes = eventsOf(sim, 'token.file-written', 'f');
    expect(writes.map((w) => w.atMs)).toEqual([1000, 5_401_000]);
    const denied = eventsOf(sim, 'request.denied', 'f');
    expect(denied.length).toBeGreaterThan(0);
    expect(denied.every((e) => e.error === 'service account token has expired')).toBe(true);
    expect(denied[0]!.atMs).toBeGreaterThan(3_668_000);
    expect(denied.at(-1)!.atMs).toBeLessThan(5_401_000);
    const recovered = eventsOf(sim, 'request.allowed', 'f').filter((e) => e.atMs > 5_401_000);
    expect(recovered[0]!.atMs).toBeLessThanOrEqual(5_401_000 + 60_000);
    expect(recovered[0]!.token).toBe(writes[1]!.token);
  });
});
