/**
 * Graceful pod deletion (docs/kubernetes-facts.md §2.5 "Terminating pods are not resynced", §5 "Pod deletion
 * semantics"): deletionTimestamp = now + grace; the kubelet stops rotating at once; the Pod object disappears at
 * the end of the grace period, which invalidates its tokens. If the kubelet is down the pod stays terminating and
 * its token keeps working until deletionTimestamp + 60 s — not before.
 */
import { describe, expect, it } from 'vitest';
import { eventsOf, runYaml, singleFlow } from '../../../support/run-scenario.ts';

const DELETE_AT = 40 * 60_000;

function scenario(steps: string): string {
  // Seed 1: without the deletion, token #1 is refreshed at 48:59, inside the grace period below.
  return singleFlow({ version: '1.30', duration: '1h', seed: 1, steps });
}

describe('control: the same pod without deletion', () => {
  it('refreshes its token between 40 and 50 minutes', () => {
    const sim = runYaml(scenario(''));
    const refreshed = eventsOf(sim, 'token.issued', 'f').filter((e) => e.atMs > DELETE_AT && e.atMs < DELETE_AT + 600_000);
    expect(refreshed).toHaveLength(1);
  });
});

describe('kubectl delete pod app --grace-period=600 with the kubelet running', () => {
  const sim = runYaml(scenario(`  - at: 30m
    leak: {pod: app, replayEvery: 10s}
  - at: 40m
    kubectl: delete pod app --grace-period=600
`));
  const token = eventsOf(sim, 'token.issued', 'f')[0]!.token;
  const end = DELETE_AT + 600_000;

  it('marks the pod terminating with deletionTimestamp = now + 600 s', () => {
    expect(eventsOf(sim, 'pod.terminating', 'f')).toEqual([
      expect.objectContaining({ atMs: DELETE_AT, deletionTimestampMs: end, gracePeriodSec: 600 }),
    ]);
  });

  it('does not refresh the token during termination', () => {
    expect(eventsOf(sim, 'token.issued', 'f').map((e) => e.atMs)).toEqual([1000]);
    expect(eventsOf(sim, 'token.refresh-due', 'f')).toEqual([]);
    expect(eventsOf(sim, 'token.file-written', 'f')).toHaveLength(1);
  });

  it('the pod disappears at the end of the grace period and its token is invalidated then', () => {
    expect(eventsOf(sim, 'pod.deleted', 'f').map((e) => e.atMs)).toEqual([end]);
    expect(eventsOf(sim, 'token.invalidated', 'f').map((e) => [e.token, e.atMs])).toEqual([[token, end]]);
    expect(sim.cluster('f')!.pods['default/app']).toBeUndefined();
  });

  it('the leaked token works during termination and fails with `service account token has been invalidated` once the pod is gone', () => {
    const calls = sim.events.filter((e) => (e.type === 'request.allowed' || e.type === 'request.denied') && e.flow === 'f');
    for (const call of calls) {
      if (call.atMs < end) expect(call.type, `call at ${call.atMs}`).toBe('request.allowed');
      else {
        expect(call.type, `call at ${call.atMs}`).toBe('request.denied');
        if (call.type === 'request.denied') expect(call).toMatchObject({ status: 401, error: 'service account token has been invalidated' });
      }
    }
    expect(eventsOf(sim, 'request.denied', 'f')[0]!.atMs).toBe(end);
  });
});

describe('kubectl delete pod app --grace-period=300 while the kubelet is stopped', () => {
  const sim = runYaml(scenario(`  - at: 30m
    leak: {pod: app, replayEvery: 10s}
  - at: 35m
    fault: kubelet-stop
  - at: 40m
    kubectl: delete pod app --grace-period=300
`));
  const deletionTimestampMs = DELETE_AT + 300_000;

  it('the pod stays terminating (nobody kills its containers): no pod.deleted, the object is still there', () => {
    expect(eventsOf(sim, 'pod.terminating', 'f').map((e) => e.deletionTimestampMs)).toEqual([deletionTimestampMs]);
    expect(eventsOf(sim, 'pod.deleted', 'f')).toEqual([]);
    expect(sim.cluster('f')!.pods['default/app']?.object.metadata?.deletionTimestamp).toBe('2025-01-06T09:45:00Z');
  });

  it('the token keeps working until deletionTimestamp + 60 s (not before) and is invalidated after', () => {
    const calls = sim.events.filter((e) => (e.type === 'request.allowed' || e.type === 'request.denied') && e.flow === 'f');
    for (const call of calls) {
      if (call.atMs <= deletionTimestampMs + 60_000) expect(call.type, `call at ${call.atMs}`).toBe('request.allowed');
      else {
        expect(call.type, `call at ${call.atMs}`).toBe('request.denied');
        if (call.type === 'request.denied') expect(call.error).toBe('service account token has been invalidated');
      }
    }
    expect(eventsOf(sim, 'request.allowed', 'f').at(-1)!.atMs).toBe(deletionTimestampMs + 60_000);
    expect(eventsOf(sim, 'request.denied', 'f')[0]!.atMs).toBe(deletionTimestampMs + 70_000);
  });

  it('reports the invalidation just after deletionTimestamp + 60 s', () => {
    const invalidated = eventsOf(sim, 'token.invalidated', 'f');
    expect(invalidated).toHaveLength(1);
    expect(invalidated[0]!.atMs).toBeGreaterThan(deletionTimestampMs + 60_000);
    expect(invalidated[0]!.atMs).toBeLessThan(deletionTimestampMs + 61_000);
  });
});

describe('a terminating pod whose kubelet comes back', () => {
  const sim = runYaml(scenario(`  - at: 35m
    fault: kubelet-stop
  - at: 40m
    kubectl: delete pod app --grace-period=300
  - at: 50m
    fault: kubelet-start
`));

  it('is removed by the restarted kubelet, and no token is fetched for it', () => {
    const deleted = eventsOf(sim, 'pod.deleted', 'f');
    expect(deleted).toHaveLength(1);
    expect(deleted[0]!.atMs).toBeGreaterThanOrEqual(50 * 60_000);
    expect(deleted[0]!.atMs).toBeLessThanOrEqual(50 * 60_000 + 1000);
    expect(eventsOf(sim, 'token.issued', 'f').map((e) => e.atMs)).toEqual([1000]);
  });
});
