/**
 * Signing keys (docs/kubernetes-facts.md §4/§5): keys are picked by the header kid; a kid no verifying key has ⇒
 * "invalid signature, no keys found". Rotation (new signing key, old public keys kept in --service-account-key-file)
 * keeps old tokens valid; retiring the old keys breaks them.
 */
import { describe, expect, it } from 'vitest';
import { injectFault } from '../../../../shared/engine/faults.ts';
import { authenticate, authError, flow, issue, listedSecrets, secretToken, startSim } from './token-test-helpers.ts';

const NO_KEYS = 'invalid signature, no keys found';

describe('signing-key rotation and retirement', () => {
  function rotated(version: string) {
    const sim = startSim({ version, duration: '2h', pod: false });
    sim.runUntil(10_000);
    const oldToken = issue(sim, {});
    const oldKid = flow(sim).signingKey.kid;
    injectFault(sim.context, flow(sim), 'rotate-signing-key');
    const newToken = issue(sim, {});
    return { sim, oldToken, newToken, oldKid };
  }

  it('rotation: new tokens carry the new kid; both keys verify; old tokens keep working', () => {
    const { sim, oldToken, newToken, oldKid } = rotated('1.30');
    expect(oldToken.header.kid).toBe(oldKid);
    expect(newToken.header.kid).not.toBe(oldKid);
    expect(flow(sim).verifyingKeys.map((k) => k.kid)).toEqual([oldKid, newToken.header.kid]);
    sim.runUntil(60_000);
    expect(authenticate(sim, oldToken).ok).toBe(true);
    expect(authenticate(sim, newToken).ok).toBe(true);
  });

  it('retire-old-signing-keys: the old token fails with "invalid signature, no keys found", the new one still works', () => {
    const { sim, oldToken, newToken } = rotated('1.30');
    expect(authenticate(sim, oldToken).ok).toBe(true); // would be cached for 10 s…
    injectFault(sim.context, flow(sim), 'retire-old-signing-keys');
    // …but retiring the keys is an API server restart: the cache is gone at once.
    expect(authError(authenticate(sim, oldToken))).toBe(NO_KEYS);
    expect(authenticate(sim, newToken).ok).toBe(true);
  });

  it('1.20: a legacy Secret token signed by a retired key fails with "invalid signature, no keys found"', () => {
    const sim = startSim({ version: '1.20', duration: '2h', pod: false });
    sim.runUntil(10_000);
    const legacyToken = secretToken(sim, listedSecrets(sim)[0]!);
    injectFault(sim.context, flow(sim), 'rotate-signing-key');
    expect(authenticate(sim, legacyToken).ok).toBe(true);
    injectFault(sim.context, flow(sim), 'retire-old-signing-keys');
    expect(authError(authenticate(sim, legacyToken))).toBe(NO_KEYS);
  });

  it('scenario steps: a pod client keeps working across a rotation and its old token is denied after retirement', () => {
    const sim = startSim({
      version: '1.30',
      duration: '40m',
      steps: `  - at: 10m
    fault: rotate-signing-key
  - at: 20m
    fault: retire-old-signing-keys
  - at: 30s
    client: {pod: app, reads: once, callEvery: 5m}
`,
    });
    sim.runUntil(40 * 60_000);
    const outcomes = sim.events
      .filter((e) => e.type === 'request.allowed' || e.type === 'request.denied')
      .map((e) => [Math.round(e.atMs / 60_000 * 10) / 10, e.type === 'request.denied' ? e.error : 'ok']);
    expect(outcomes).toEqual([
      [0.5, 'ok'],
      [5.5, 'ok'],
      [10.5, 'ok'],
      [15.5, 'ok'],
      [20.5, NO_KEYS],
      [25.5, NO_KEYS],
      [30.5, NO_KEYS],
      [35.5, NO_KEYS],
    ]);
  });
});
