/**
 * Clients in the pod (docs/kubernetes-facts.md §2.5 client side, §5 leeway): client-go's cached file token source re-reads
 * the file every minute and resets on a 401; a program that reads once keeps its token until it fails; a program
 * that re-reads on 401 recovers with the rotated token.
 */
import { describe, expect, it } from 'vitest';
import { eventsOf, runYaml, singleFlow } from '../../../support/run-scenario.ts';
import type { Simulation } from '../../../../shared/engine/simulation.ts';
import type { SimEvent } from '../../../../shared/model/events.ts';

type Call = Extract<SimEvent, { type: 'request.allowed' | 'request.denied' }>;

function callsOf(sim: Simulation, actor: string): Call[] {
  return sim.events.filter((e): e is Call => (e.type === 'request.allowed' || e.type === 'request.denied') && e.actor === actor);
}

/** The token in the pod's file at `atMs` (the last write at or before it). */
function fileTokenAt(sim: Simulation, atMs: number): number | undefined {
  return eventsOf(sim, 'token.file-written', 'f').filter((w) => w.atMs <= atMs).at(-1)?.token;
}

function expiresAtSimMs(sim: Simulation, token: number): number {
  return sim.tokens[token]!.jwtExpiresAtMs!;
}

describe('every-minute client (client-go NewCachedFileTokenSource)', () => {
  const sim = runYaml(singleFlow({
    version: '1.30',
    duration: '6h',
    apiServer: 'extendTokenExpiration: false',
    steps: `  - at: 1m
    client: {pod: app, reads: every-minute, callEvery: 30s, name: go-client}
`,
  }));
  const calls = callsOf(sim, 'go-client');

  it('calls every 30 s for the whole run and is never denied', () => {
    expect(calls).toHaveLength((6 * 3600 - 60) / 30 + 1);
    expect(calls.filter((c) => c.type === 'request.denied')).toEqual([]);
  });

  it('picks up a rotated token within 60 s: every call uses the token that was in the file 60 s earlier, or a newer one', () => {
    for (const call of calls) {
      const minimum = fileTokenAt(sim, call.atMs - 60_000);
      const current = fileTokenAt(sim, call.atMs);
      expect(call.token, `call at ${call.atMs}`).toBeDefined();
      if (minimum !== undefined) expect(call.token!, `call at ${call.atMs}`).toBeGreaterThanOrEqual(minimum);
      expect(call.token!, `call at ${call.atMs}`).toBeLessThanOrEqual(current!);
    }
  });

  it('uses each of the 8 tokens the kubelet wrote', () => {
    const used = new Set(calls.map((c) => c.token));
    expect([...used]).toEqual(eventsOf(sim, 'token.file-written', 'f').map((w) => w.token));
  });

  it('never presents a token past its exp + 60 s', () => {
    for (const call of calls) expect(call.atMs).toBeLessThanOrEqual(expiresAtSimMs(sim, call.token!) + 60_000);
  });
});

describe('a client that reads the file once (extension off)', () => {
  const sim = runYaml(singleFlow({
    version: '1.30',
    duration: '3h',
    apiServer: 'extendTokenExpiration: false',
    steps: `  - at: 1m
    client: {pod: app, reads: once, callEvery: 5m, name: once-client}
`,
  }));
  const calls = callsOf(sim, 'once-client');
  const first = eventsOf(sim, 'token.file-written', 'f')[0]!.token;
  const limit = expiresAtSimMs(sim, first) + 60_000;

  it('holds token #1 for the whole run although the kubelet rotated the file', () => {
    expect(eventsOf(sim, 'token.file-written', 'f').length).toBeGreaterThan(1);
    expect(new Set(calls.map((c) => c.token))).toEqual(new Set([first]));
  });

  it('succeeds until exp + 60 s, then fails with `service account token has expired` and never recovers', () => {
    expect(limit).toBe(3_668_000);
    for (const call of calls) {
      if (call.atMs <= limit) expect(call.type, `call at ${call.atMs}`).toBe('request.allowed');
      else {
        expect(call.type, `call at ${call.atMs}`).toBe('request.denied');
        if (call.type === 'request.denied') expect(call).toMatchObject({ status: 401, error: 'service account token has expired' });
      }
    }
    const denied = calls.filter((c) => c.type === 'request.denied');
    expect(denied[0]!.atMs).toBe(3_960_000);
    expect(denied).toHaveLength(calls.filter((c) => c.atMs > limit).length);
    expect(calls.at(-1)!.type).toBe('request.denied');
  });
});

describe('a client that re-reads on 401 (extension off)', () => {
  const sim = runYaml(singleFlow({
    version: '1.30',
    duration: '6h',
    apiServer: 'extendTokenExpiration: false',
    steps: `  - at: 1m
    client: {pod: app, reads: on-401, callEvery: 5m, name: retry-client}
`,
  }));
  const calls = callsOf(sim, 'retry-client');
  const denied = calls.filter((c) => c.type === 'request.denied');

  it('is denied only with an expired token, each time after exp + 60 s', () => {
    expect(denied.length).toBeGreaterThan(0);
    for (const d of denied) {
      expect(d).toMatchObject({ status: 401, error: 'service account token has expired' });
      expect(d.atMs).toBeGreaterThan(expiresAtSimMs(sim, d.token!) + 60_000);
    }
  });

  it('re-reads the file after each 401 and the retry at the same instant succeeds with the token in the file', () => {
    for (const d of denied) {
      const retry = calls[calls.indexOf(d) + 1];
      expect(retry, `retry after ${d.atMs}`).toBeDefined();
      expect(retry!.type).toBe('request.allowed');
      expect(retry!.atMs).toBe(d.atMs);
      expect(retry!.token).toBe(fileTokenAt(sim, d.atMs));
      expect(retry!.token).not.toBe(d.token);
    }
  });

  it('the first recovery is at 66 min: token #1 expired at 3608 s, the 5-minute call at 3960 s re-reads', () => {
    expect(denied[0]!.atMs).toBe(3_960_000);
  });

  it('never sees two 401s in a row', () => {
    calls.forEach((c, i) => {
      if (c.type === 'request.denied') expect(calls[i - 1]?.type).not.toBe('request.denied');
    });
  });
});
