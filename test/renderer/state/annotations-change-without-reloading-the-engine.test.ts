/**
 * An edit of the notes or scenes reaches the store as the engine's `edit-result`: the scenario (its notes and its
 * text) is replaced, while the events, the clock and the count of loads stay as they were; a refused edit changes
 * nothing, and an answer about an earlier load never replaces the scenario a later load put in its place.
 */
import { describe, expect, it } from 'vitest';
import { singleFlow } from '../../support/run-scenario.ts';
import { loadedEngine } from '../../support/in-process-engine.ts';

describe('TimelineStore and edit-result', () => {
  it('replaces the notes and the scenario text, keeping the events, the clock and the load count', async () => {
    const { store, client, session } = await loadedEngine(singleFlow({ version: '1.30', duration: '1h' }));
    await session.handle({ type: 'seek', simMs: 30 * 60_000 });
    const before = store.getSnapshot();
    const reply = await client.request({ type: 'edit-scenario', load: 1, edit: { kind: 'annotations', annotations: [{ atMs: 60_000, text: 'a note' }] } });
    expect(reply.ok).toBe(true);
    const after = store.getSnapshot();
    expect(after.scenario?.annotations).toEqual([{ atMs: 60_000, text: 'a note' }]);
    expect(after.scenario?.scenarioText).toContain('text: a note');
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.events).toBe(before.events);
    expect(after.nowMs).toBe(30 * 60_000);
    expect(after.loads).toBe(before.loads);
  });

  it('changes nothing when the edit is refused', async () => {
    const { store, client } = await loadedEngine(singleFlow({ version: '1.30', duration: '1h' }));
    const before = store.getSnapshot();
    const reply = await client.request({ type: 'edit-scenario', load: 1, edit: { kind: 'annotations', annotations: [{ atMs: 2 * 3_600_000, text: 'late' }] } });
    expect(reply.ok).toBe(false);
    expect(store.getSnapshot().scenario).toBe(before.scenario);
  });

  it('takes an edit-result only for the load it was made on', async () => {
    const { store, client, session } = await loadedEngine(singleFlow({ version: '1.30', duration: '1h' }));
    const reply = await client.request({ type: 'edit-scenario', load: 1, edit: { kind: 'annotations', annotations: [{ atMs: 60_000, text: 'for the first load' }] } });
    await session.handle({ type: 'load', scenarioText: singleFlow({ version: '1.31', duration: '2h' }), sourceName: 'second.yaml' });
    const second = store.getSnapshot().scenario;
    store.apply(reply);
    expect(store.getSnapshot().scenario).toBe(second);
    expect(second).toMatchObject({ load: 2, sourceName: 'second.yaml', annotations: [] });
  });
});
