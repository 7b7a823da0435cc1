/**
 * The scenario's edit history: each note or scene change is one undoable step, made by the engine (redo until the
 * next change), the scenario is "unsaved" while its text differs from the text as loaded or last saved, a load starts
 * afresh, a restored draft loads as still unsaved, and an edit the scenario format refuses, or one that a load
 * overtook on its way to the engine, changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { ScenarioEdits } from '../../../renderer/state/scenario-edits.ts';
import { builtinScenario } from '../../support/scenario-snapshot.ts';
import { singleFlow } from '../../support/run-scenario.ts';
import { loadedEngine } from '../../support/in-process-engine.ts';

const NOTE = { atMs: 48 * 60_000, text: 'here the kubelet refreshes' };

async function loaded(text = builtinScenario('side-by-side')) {
  const engine = await loadedEngine(text);
  const edits = new ScenarioEdits(engine.store, engine.client);
  return { ...engine, edits, scenario: engine.store.getSnapshot().scenario! };
}

describe('ScenarioEdits', () => {
  it('undoes and redoes note changes one at a time, and a new change drops what could be redone', async () => {
    const { store, edits, scenario } = await loaded();
    expect(await edits.change(scenario, { kind: 'annotations', annotations: [NOTE] }, 'adding the note at 48 m')).toBeUndefined();
    const withNote = store.getSnapshot().scenario!.scenarioText;
    expect(withNote).toContain('here the kubelet refreshes');
    await edits.change(scenario, { kind: 'annotations', annotations: [] }, 'deleting the note at 48 m');
    expect(edits.getState()).toMatchObject({ undoLabel: 'deleting the note at 48 m', redoLabel: undefined, dirty: true });

    expect(await edits.undo()).toEqual({ label: 'deleting the note at 48 m' });
    expect(store.getSnapshot().scenario).toMatchObject({ annotations: [NOTE], scenarioText: withNote });
    expect(await edits.undo()).toEqual({ label: 'adding the note at 48 m' });
    expect(store.getSnapshot().scenario).toMatchObject({ annotations: scenario.annotations, scenarioText: scenario.scenarioText });
    expect(edits.getState()).toMatchObject({ undoLabel: undefined, redoLabel: 'adding the note at 48 m', dirty: false });
    expect(await edits.undo()).toBeUndefined();

    expect(await edits.redo()).toEqual({ label: 'adding the note at 48 m' });
    expect(store.getSnapshot().scenario?.scenarioText).toBe(withNote);
    await edits.change(scenario, { kind: 'annotations', annotations: [NOTE, { atMs: 0, text: 'start' }] }, 'adding the note at 0 s');
    expect(await edits.redo()).toBeUndefined();
  });

  it('takes back two quick undos in order, each once the engine answered the one before', async () => {
    const { store, edits, scenario } = await loaded();
    await edits.change(scenario, { kind: 'annotations', annotations: [NOTE] }, 'one');
    await edits.change(scenario, { kind: 'annotations', annotations: [NOTE, { atMs: 0, text: 'start' }] }, 'two');
    const [first, second] = await Promise.all([edits.undo(), edits.undo()]);
    expect([first, second]).toEqual([{ label: 'two' }, { label: 'one' }]);
    expect(store.getSnapshot().scenario?.scenarioText).toBe(scenario.scenarioText);
  });

  it('counts the scenario as saved again once saved, and unsaved after the next change', async () => {
    const { store, edits, scenario } = await loaded();
    await edits.change(scenario, { kind: 'annotations', annotations: [NOTE] }, 'adding the note at 48 m');
    edits.markSaved(store.getSnapshot().scenario!.scenarioText);
    expect(edits.getState().dirty).toBe(false);
    expect(await edits.undo()).toEqual({ label: 'adding the note at 48 m' });
    expect(edits.getState().dirty).toBe(true);
  });

  it('starts afresh on a load: nothing to undo, nothing unsaved', async () => {
    const { session, edits, scenario } = await loaded();
    await edits.change(scenario, { kind: 'annotations', annotations: [NOTE] }, 'adding the note at 48 m');
    await session.handle({ type: 'load', scenarioText: builtinScenario('kubelet-outage'), sourceName: 'builtin:kubelet-outage' });
    expect(edits.getState()).toMatchObject({ undoLabel: undefined, redoLabel: undefined, dirty: false });
    expect(edits.getState().baselineText).not.toBe(scenario.scenarioText);
    expect(await edits.undo()).toBeUndefined();
  });

  it('loads a restored draft as still unsaved, against the text it was made from', async () => {
    const { store, edits, scenario } = await loaded();
    edits.expectLoad({ sourceName: 'my-class.yaml', scenarioText: 'draft text', baselineText: 'file text' });
    store.apply({ type: 'loaded', scenario: { ...scenario, sourceName: 'my-class.yaml', scenarioText: 'draft text' } });
    expect(edits.getState()).toMatchObject({ dirty: true, baselineText: 'file text' });
    // Only once: the next load of anything is judged against its own text.
    store.apply({ type: 'loaded', scenario: { ...scenario, sourceName: 'my-class.yaml', scenarioText: 'draft text' } });
    expect(edits.getState().dirty).toBe(false);
  });

  it('records nothing when the scenario format refuses the edit, and says why', async () => {
    const { store, edits, scenario } = await loaded();
    const refused = await edits.change(scenario, { kind: 'annotations', annotations: [{ atMs: 400 * 3_600_000, text: 'far too late' }] }, 'adding a late note');
    expect(refused).toMatch(/after the end|past the end|longer than|duration/);
    expect(store.getSnapshot().scenario?.scenarioText).toBe(scenario.scenarioText);
    expect(edits.getState()).toMatchObject({ undoLabel: undefined, dirty: false });
  });

  it('refuses a change or an undo that a load overtook on its way, and leaves the new scenario as loaded', async () => {
    const { store, session, client, scenario } = await loaded();
    const outage = builtinScenario('kubelet-outage');
    // The engine takes a load of another scenario just before it gets the edit, as when Open… finishes meanwhile.
    let overtake = false;
    const edits = new ScenarioEdits(store, {
      request: async (command) => {
        if (overtake) await session.handle({ type: 'load', scenarioText: outage, sourceName: 'builtin:kubelet-outage' });
        return client.request(command);
      },
    });
    expect(await edits.change(scenario, { kind: 'annotations', annotations: [NOTE] }, 'adding the note at 48 m')).toBeUndefined();
    overtake = true;
    const refusedChange = await edits.change(scenario, { kind: 'annotations', annotations: [NOTE, { atMs: 0, text: 'meant for side-by-side' }] }, 'adding the note at 0 s');
    expect(refusedChange).toMatch(/has since been replaced by .*, so the edit was not applied/);
    expect(store.getSnapshot().scenario).toMatchObject({ sourceName: 'builtin:kubelet-outage', scenarioText: outage });
    expect(edits.getState()).toMatchObject({ undoLabel: undefined, dirty: false });

    // An undo overtaken by a load (here the same scenario again) belongs to the history of the load before it.
    overtake = false;
    expect(await edits.change(store.getSnapshot().scenario!, { kind: 'annotations', annotations: [NOTE] }, 'adding the note at 48 m')).toBeUndefined();
    overtake = true;
    expect(await edits.undo()).toMatchObject({ label: 'adding the note at 48 m', refused: expect.stringMatching(/has since been replaced/) });
    expect(store.getSnapshot().scenario?.scenarioText).toBe(outage);
  });

  it('keeps at most 100 steps to undo', async () => {
    const { edits, scenario } = await loaded(singleFlow({ version: '1.30', duration: '1h' }));
    for (let i = 0; i < 120; i++) await edits.change(scenario, { kind: 'annotations', annotations: [{ atMs: i * 1000, text: `n${i}` }] }, `edit ${i}`);
    let undone = 0;
    while (await edits.undo()) undone++;
    expect(undone).toBe(100);
  });
});

describe('ScenarioEdits with scenes', () => {
  const SCENE = { atMs: 30 * 60_000, window: { kind: 'fit' as const }, note: 'the copy', then: { kind: 'stop' as const } };

  it('undoes a scene change and a note change in the one history, each restoring the other untouched', async () => {
    const { store, edits, scenario } = await loaded();
    await edits.change(scenario, { kind: 'scenes', scenes: [...scenario.scenes, SCENE] }, 'adding scene 7');
    const withScene = store.getSnapshot().scenario!.scenarioText;
    await edits.change(scenario, { kind: 'annotations', annotations: [NOTE] }, 'adding the note at 48 m');
    expect(store.getSnapshot().scenario?.scenes).toHaveLength(scenario.scenes.length + 1);
    expect(await edits.undo()).toEqual({ label: 'adding the note at 48 m' });
    expect(store.getSnapshot().scenario).toMatchObject({ annotations: scenario.annotations, scenarioText: withScene });
    expect(store.getSnapshot().scenario?.scenes.at(-1)).toEqual(SCENE);
    expect(await edits.undo()).toEqual({ label: 'adding scene 7' });
    expect(store.getSnapshot().scenario?.scenes).toEqual(scenario.scenes);
    expect(await edits.redo()).toEqual({ label: 'adding scene 7' });
    expect(store.getSnapshot().scenario?.scenes.at(-1)).toEqual(SCENE);
  });
});
