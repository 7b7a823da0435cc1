/**
 * The object names Tab offers, read from the event log: a real side-by-side run (legacy has auto-generated token
 * Secrets, projected has none), deletions, namespaces, another flow's objects left out, and a log rewritten by a
 * seek back read again from the start.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { KnownObjects } from '../../../../renderer/panels/console/known-objects.ts';
import type { SimEvent } from '../../../../shared/model/events.ts';
import type { TimelineSnapshot } from '../../../../renderer/state/timeline-store.ts';
import { loadScenario } from '../engine-fixture.ts';

let real: TimelineSnapshot;

beforeAll(async () => {
  const fixture = await loadScenario('assets/scenarios/side-by-side.yaml', 10 * 60 * 1000);
  real = fixture.store.getSnapshot();
});

function event(type: SimEvent['type'], flow: string, refs: SimEvent['refs']): SimEvent {
  return { type, seq: 0, atMs: 0, flow, message: type, cause: 'test', refs } as SimEvent;
}

describe('KnownObjects', () => {
  it('knows the pods, ServiceAccounts and token Secrets of the legacy flow of a real run', () => {
    const known = new KnownObjects().update(real.events, 'legacy');
    expect(known.names('pod', 'default')).toEqual(['app']);
    expect(known.names('serviceaccount', 'default')).toEqual(['default', 'my-app']);
    expect(known.names('secret', 'default')).toHaveLength(2);
    expect(known.names('secret', 'default').every((name) => /^(default|my-app)-token-[a-z0-9]{5}$/.test(name))).toBe(true);
    expect(known.namespaces()).toEqual(['default', 'kube-system']);
  });

  it('finds no token Secrets on the 1.30 flow, where none are generated', () => {
    const known = new KnownObjects().update(real.events, 'projected');
    expect(known.names('secret', 'default')).toEqual([]);
    expect(known.names('serviceaccount', 'kube-system')).toEqual(['default']);
  });

  it('forgets deleted objects and ignores the other flows', () => {
    const log = [
      event('pod.created', 'a', { namespace: 'default', pod: 'one' }),
      event('pod.created', 'a', { namespace: 'default', pod: 'two' }),
      event('pod.created', 'b', { namespace: 'default', pod: 'elsewhere' }),
      event('pod.deleted', 'a', { namespace: 'default', pod: 'one' }),
      event('secret.created', 'a', { namespace: 'team', serviceAccount: 'builder', secret: 'builder-token' }),
    ];
    const known = new KnownObjects().update(log, 'a');
    expect(known.names('pod', 'default')).toEqual(['two']);
    expect(known.names('secret', 'team')).toEqual(['builder-token']);
    expect(known.names('serviceaccount', 'team')).toEqual([]);
  });

  it('reads only what was appended, and starts again when a seek back rewrote the log', () => {
    const log: SimEvent[] = [event('pod.created', 'a', { namespace: 'default', pod: 'one' })];
    const known = new KnownObjects();
    expect(known.update(log, 'a').names('pod', 'default')).toEqual(['one']);
    log.push(event('pod.created', 'a', { namespace: 'default', pod: 'two' }));
    expect(known.update(log, 'a').names('pod', 'default')).toEqual(['one', 'two']);
    // The store truncates and appends in place: same array, new objects.
    log.length = 0;
    log.push(event('pod.created', 'a', { namespace: 'default', pod: 'three' }), event('pod.created', 'a', { namespace: 'default', pod: 'four' }));
    expect(known.update(log, 'a').names('pod', 'default')).toEqual(['four', 'three']);
  });

  it('reads the log again when the flow changes', () => {
    const log = [event('pod.created', 'a', { pod: 'in-a' }), event('pod.created', 'b', { pod: 'in-b' })];
    const known = new KnownObjects();
    expect(known.update(log, 'a').names('pod', 'default')).toEqual(['in-a']);
    expect(known.update(log, 'b').names('pod', 'default')).toEqual(['in-b']);
  });
});
