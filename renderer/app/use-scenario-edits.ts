/**
 * The app's hold on the user's scenario edits (renderer/state/scenario-edits.ts): one ScenarioEdits per store, its
 * state as React state, and Undo and Redo that say what they did (for the status line and screen readers).
 */
import { useCallback, useState, useSyncExternalStore } from 'react';
import { ScenarioEdits, type EditState } from '../state/scenario-edits.ts';
import type { TimelineStore } from '../state/timeline-store.ts';

export interface ScenarioEditing {
  edits: ScenarioEdits;
  state: EditState;
  undo(): void;
  redo(): void;
  /** What the last Undo or Redo did, or that there was nothing to do. */
  status: string;
}

export function useScenarioEdits(store: TimelineStore): ScenarioEditing {
  const [edits] = useState(() => new ScenarioEdits(store));
  const state = useSyncExternalStore(edits.subscribe, edits.getState);
  const [status, setStatus] = useState('');
  const undo = useCallback(() => {
    const done = edits.undo();
    setStatus(done ? `Undone: ${done}. Ctrl/⌘ + Shift + Z redoes it.` : 'Nothing to undo.');
  }, [edits]);
  const redo = useCallback(() => {
    const done = edits.redo();
    setStatus(done ? `Redone: ${done}.` : 'Nothing to redo.');
  }, [edits]);
  return { edits, state, undo, redo, status };
}
