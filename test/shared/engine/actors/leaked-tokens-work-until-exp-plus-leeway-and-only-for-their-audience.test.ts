/**
 * An attacker copies the token file once and replays the copy (docs/kubernetes-facts.md §4 legacy claims, §5
 * authentication): a Secret-based token has no exp and works as long as its Secret exists; a projected token
 * works until exp + 60 s (one year with the extension); a token is rejected for an audience it was not issued for.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventsOf, runYaml, singleFlow } from '../../../support/run-scenario.ts';
import type { Simulation } from '../../../../shared/engine/simulation.ts';
import type { SimEvent } from '../../../../shared/model/events.ts';

type Call = Extract<SimEvent, { type: 'request.allowed' | 'request.denied' }>;

function attackerCalls(sim: Simulation, flow: string, actor = 'attacker'): Call[] {
  return sim.events.filter((e): e is Call => (e.type === 'request.allowed' || e.type === 'request.denied') && e.actor === actor && e.flow === flow);
}

const sideBySide = runYaml(readFileSync(new URL('../../../../assets/scenarios/side-by-side.yaml', import.meta.url), 'utf8'));
/** Leak at 30 m, replay every 10 m, 6 h run: 34 replays. */
const REPLAYS = 34;

describe('attacker on the legacy flow (1.20, Secret-based token)', () => {
  const calls = attackerCalls(sideBySide, 'legacy');

  it('copied the Secret-based token, which has no exp', () => {
    const leaked = eventsOf(sideBySide, 'token.leaked', 'legacy');
    expect(leaked).toHaveLength(1);
    const token = sideBySide.tokens[leaked[0]!.token]!;
    expect(token.kind).toBe('legacy');
    expect(token.jwtExpiresAtMs).toBeUndefined();
    expect('exp' in token.claims).toBe(false);
  });

  it('keeps succeeding for the whole run', () => {
    expect(calls).toHaveLength(REPLAYS);
    expect(calls.every((c) => c.type === 'request.allowed')).toBe(true);
    expect(calls[0]!.atMs).toBe(30 * 60_000);
    expect(calls.at(-1)!.atMs).toBe(6 * 3_600_000);
  });
});

describe('attacker on the projected flow (1.30, extension off)', () => {
  const calls = attackerCalls(sideBySide, 'projected');
  const leaked = eventsOf(sideBySide, 'token.leaked', 'projected')[0]!;
  const token = sideBySide.tokens[leaked.token]!;

  it('copied the token in the file at 30 m: the first one, exp 1 s + 3607 s', () => {
    expect(token.number).toBe(1);
    expect(token.jwtExpiresAtMs).toBe(3_608_000);
  });

  it('is allowed up to exp + 60 s and denied with `service account token has expired` after', () => {
    expect(calls).toHaveLength(REPLAYS);
    for (const call of calls) {
      if (call.atMs <= token.jwtExpiresAtMs! + 60_000) expect(call.type, `call at ${call.atMs}`).toBe('request.allowed');
      else {
        expect(call.type, `call at ${call.atMs}`).toBe('request.denied');
        if (call.type === 'request.denied') expect(call).toMatchObject({ status: 401, error: 'service account token has expired', token: token.index });
      }
    }
    expect(calls.filter((c) => c.type === 'request.allowed').map((c) => c.atMs / 60_000)).toEqual([30, 40, 50, 60]);
  });
});

describe('attacker on a projected token with the extension on (default flags)', () => {
  const sim = runYaml(singleFlow({
    version: '1.30',
    duration: '6h',
    steps: `  - at: 30m
    leak: {pod: app, replayEvery: 10m}
`,
  }));
  const calls = attackerCalls(sim, 'f');

  it('keeps working past warnafter for as long as the pod exists (JWT exp is a year away)', () => {
    expect(calls).toHaveLength(REPLAYS);
    expect(calls.every((c) => c.type === 'request.allowed')).toBe(true);
  });

  it('use after warnafter is audited once as stale-token', () => {
    const stale = eventsOf(sim, 'warning', 'f').filter((w) => w.code === 'stale-token');
    expect(stale).toHaveLength(1);
    // warnafter = iat + 3607 = 3608 s; the first replay after it is at 70 m = 4200 s.
    expect(stale[0]!.atMs).toBe(70 * 60_000);
    expect(stale[0]!.text).toBe('subject: system:serviceaccount:default:my-app, seconds after warning threshold: 592');
  });
});

describe('attacker replaying to an external service with audience vault', () => {
  const sim = runYaml(singleFlow({
    version: '1.30',
    duration: '1h',
    steps: `  - at: 10m
    leak: {pod: app, replayEvery: 10m, audience: vault, name: vault-attacker}
  - at: 10m
    leak: {pod: app, replayEvery: 10m, audience: api, name: api-attacker}
`,
  }));

  it('is denied every time with the audience message', () => {
    const calls = attackerCalls(sim, 'f', 'vault-attacker');
    expect(calls).toHaveLength(6);
    for (const call of calls) {
      expect(call).toMatchObject({
        type: 'request.denied',
        status: 401,
        target: 'vault',
        error: 'token audiences ["https://kubernetes.default.svc"] is invalid for the target audiences ["vault"]',
      });
    }
  });

  it('while the same token is accepted by the API server (its own audience)', () => {
    const calls = attackerCalls(sim, 'f', 'api-attacker');
    expect(calls).toHaveLength(6);
    expect(calls.every((c) => c.type === 'request.allowed')).toBe(true);
    expect(new Set([...calls, ...attackerCalls(sim, 'f', 'vault-attacker')].map((c) => c.token)).size).toBe(1);
  });
});
