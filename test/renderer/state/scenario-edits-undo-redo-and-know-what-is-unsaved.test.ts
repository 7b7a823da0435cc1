/**
 * The scenario's edit history: each note change is one undoable step (redo until the next change), the scenario is
 * "unsaved" while its text differs from the text as loaded or last saved, a load starts afresh, and a restored draft
 * loads as still unsaved.
 */
import { describe, expect, it } from 'vitest';
import { ScenarioEdits } from '../../../renderer/state/scenario-edits.ts';
import { TimelineStore } from '../../../renderer/state/timeline-store.ts';
import { builtinScenario, snapshotOf } from '../../support/scenario-snapshot.ts';

const NOTE = { atMs: 48 * 60_000, text: 'here the kubelet refreshes' };

function loaded() {
  const store = new TimelineStore();
  const edits = new ScenarioEdits(store);
  const scenario = snapshotOf(builtinScenario('side-by-side'), 0).scenario!;
  store.apply({ type: 'loaded', scenario });
  return { store, edits, scenario };
}

describe('ScenarioEdits', () => {
  it('undoes and redoes note changes one at a time, and a new change drops what could be redone', () => {
    const { store, edits, scenario } = loaded();
    edits.change([NOTE], 'text with one note', 'adding the note at 48 m');
    edits.change([], 'text with none', 'deleting the note at 48 m');
    expect(edits.getState()).toMatchObject({ undoLabel: 'deleting the note at 48 m', redoLabel: undefined, dirty: true });

    expect(edits.undo()).toBe('deleting the note at 48 m');
    expect(store.getSnapshot().scenario).toMatchObject({ annotations: [NOTE], scenarioText: 'text with one note' });
    expect(edits.undo()).toBe('adding the note at 48 m');
    expect(store.getSnapshot().scenario).toMatchObject({ annotations: scenario.annotations, scenarioText: scenario.scenarioText });
    expect(edits.getState()).toMatchObject({ undoLabel: undefined, redoLabel: 'adding the note at 48 m', dirty: false });
    expect(edits.undo()).toBeUndefined();

    expect(edits.redo()).toBe('adding the note at 48 m');
    expect(store.getSnapshot().scenario?.scenarioText).toBe('text with one note');
    edits.change([NOTE, { atMs: 0, text: 'start' }], 'two notes', 'adding the note at 0 s');
    expect(edits.redo()).toBeUndefined();
  });

  it('counts the scenario as saved again once saved, and unsaved after the next change', () => {
    const { edits } = loaded();
    edits.change([NOTE], 'text with one note', 'adding the note at 48 m');
    edits.markSaved('text with one note');
    expect(edits.getState().dirty).toBe(false);
    expect(edits.undo()).toBe('adding the note at 48 m');
    expect(edits.getState().dirty).toBe(true);
  });

  it('starts afresh on a load: nothing to undo, nothing unsaved', () => {
    const { store, edits, scenario } = loaded();
    edits.change([NOTE], 'text with one note', 'adding the note at 48 m');
    store.apply({ type: 'loaded', scenario: { ...scenario, sourceName: 'builtin:kubelet-outage' } });
    expect(edits.getState()).toMatchObject({ undoLabel: undefined, redoLabel: undefined, dirty: false, baselineText: scenario.scenarioText });
    expect(edits.undo()).toBeUndefined();
  });

  it('loads a restored draft as still unsaved, against the text it was made from', () => {
    const { store, edits, scenario } = loaded();
    edits.expectLoad({ sourceName: 'my-class.yaml', scenarioText: 'draft text', baselineText: 'file text' });
    store.apply({ type: 'loaded', scenario: { ...scenario, sourceName: 'my-class.yaml', scenarioText: 'draft text' } });
    expect(edits.getState()).toMatchObject({ dirty: true, baselineText: 'file text' });
    // Only once: the next load of anything is judged against its own text.
    store.apply({ type: 'loaded', scenario: { ...scenario, sourceName: 'my-class.yaml', scenarioText: 'draft text' } });
    expect(edits.getState().dirty).toBe(false);
  });

  it('keeps at most 100 steps to undo', () => {
    const { edits } = loaded();
    for (let i = 0; i < 120; i++) edits.change([{ atMs: i * 1000, text: `n${i}` }], `text ${i}`, `edit ${i}`);
    let undone = 0;
    while (edits.undo()) undone++;
    expect(undone).toBe(100);
  });
});

describe('ScenarioEdits with scenes', () => {
  const SCENE = { atMs: 30 * 60_000, window: { kind: 'fit' as const }, note: 'the copy', then: { kind: 'stop' as const } };

  it('undoes a scene change and a note change in the one history, each restoring the other untouched', () => {
    const { store, edits, scenario } = loaded();
    edits.changeScenes([...scenario.scenes, SCENE], 'with a scene', 'adding scene 7');
    edits.change([NOTE], 'with a scene and a note', 'adding the note at 48 m');
    expect(store.getSnapshot().scenario?.scenes).toHaveLength(scenario.scenes.length + 1);
    expect(edits.undo()).toBe('adding the note at 48 m');
    expect(store.getSnapshot().scenario).toMatchObject({ annotations: scenario.annotations, scenarioText: 'with a scene' });
    expect(store.getSnapshot().scenario?.scenes.at(-1)).toEqual(SCENE);
    expect(edits.undo()).toBe('adding scene 7');
    expect(store.getSnapshot().scenario?.scenes).toEqual(scenario.scenes);
    expect(edits.redo()).toBe('adding scene 7');
    expect(store.getSnapshot().scenario?.scenes.at(-1)).toEqual(SCENE);
  });
});
