/**
 * docs/kubernetes-facts.md §8.13: without an external signer, the default pod's timeline (3607 s tokens extended to a
 * year with warnafter, refresh at 80 % minus jitter, 60–90 s syncs) is the same in 1.34–1.37 as in 1.30–1.33, down to
 * the jitter drawn: nothing the newer releases add may change when the kubelet rotates.
 */
import { describe, expect, it } from 'vitest';
import { runYaml, singleFlow } from '../../../support/run-scenario.ts';

function timeline(version: string) {
  const sim = runYaml(singleFlow({ version, duration: '5h' }));
  return sim.events
    .filter((e) => e.type === 'token.issued' || e.type === 'token.refresh-due' || e.type === 'token.file-written')
    .map((e) => [e.atMs, e.type, e.type === 'token.issued' ? [e.expirationSec, e.jwtLifetimeSec, e.extended] : e.type === 'token.refresh-due' ? [e.ageSec, e.jitterSec] : e.path]);
}

describe('the default pod on 1.30 and on each release after 1.33', () => {
  const reference = timeline('1.30');

  it('rotates about every 48 minutes with one-year JWTs (the reference run)', () => {
    const issued = reference.filter(([, type]) => type === 'token.issued');
    expect(issued.length).toBe(7);
    for (const [, , detail] of issued) expect(detail).toEqual([3607, 31_536_000, true]);
  });

  it.each(['1.33', '1.34', '1.35', '1.36', '1.37'])('%s: the same instants, lifetimes and jitter', (version) => {
    expect(timeline(version)).toEqual(reference);
  });
});
