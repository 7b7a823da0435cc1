import { describe, expect, it } from 'vitest';
import { TimelineStore } from '../../../renderer/state/timeline-store.ts';
import { snapshotOf } from '../../support/scenario-snapshot.ts';
import { singleFlow } from '../../support/run-scenario.ts';

describe('TimelineStore.setAnnotations', () => {
  it('replaces the notes and the scenario text, keeping the events and the clock', () => {
    const store = new TimelineStore();
    const snap = snapshotOf(singleFlow({ version: '1.30', duration: '1h' }), 30 * 60_000);
    store.apply({ type: 'loaded', scenario: snap.scenario! });
    store.apply({ type: 'progress', fromEvent: 0, keptEvents: 0, events: [...snap.events], fromToken: 0, keptTokens: 0, tokens: [...snap.tokens], nowMs: snap.nowMs, playing: false, speed: 60, lagMs: 0 });
    const before = store.getSnapshot();
    store.setAnnotations([{ atMs: 60_000, text: 'a note' }], 'new text');
    const after = store.getSnapshot();
    expect(after.scenario?.annotations).toEqual([{ atMs: 60_000, text: 'a note' }]);
    expect(after.scenario?.scenarioText).toBe('new text');
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.events).toBe(before.events);
    expect(after.nowMs).toBe(30 * 60_000);
  });

  it('does nothing before a scenario is loaded', () => {
    const store = new TimelineStore();
    store.setAnnotations([{ atMs: 0, text: 'x' }], 'text');
    expect(store.getSnapshot().version).toBe(0);
  });
});
