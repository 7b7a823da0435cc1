/**
 * The app's hold on the user's scenario edits (renderer/state/scenario-edits.ts): one ScenarioEdits per store, its
 * state as React state, and Undo and Redo that say what they did (for the status line and screen readers).
 */
import { useCallback, useState, useSyncExternalStore } from 'react';
import type { EngineClient } from '../bridge/engine-client.ts';
import { ScenarioEdits, type EditState, type StepOutcome } from '../state/scenario-edits.ts';
import type { TimelineStore } from '../state/timeline-store.ts';

export interface ScenarioEditing {
  edits: ScenarioEdits;
  state: EditState;
  undo(): void;
  redo(): void;
  /** What the last Undo or Redo did, or that there was nothing to do. */
  status: string;
}

function said(outcome: StepOutcome, verb: 'Undone' | 'Redone'): string {
  if (outcome === undefined) return verb === 'Undone' ? 'Nothing to undo.' : 'Nothing to redo.';
  if ('refused' in outcome) return `Could not ${verb === 'Undone' ? 'undo' : 'redo'} ${outcome.label}: ${outcome.refused}`;
  return verb === 'Undone' ? `Undone: ${outcome.label}. Ctrl/⌘ + Shift + Z redoes it.` : `Redone: ${outcome.label}.`;
}

export function useScenarioEdits(store: TimelineStore, client: Pick<EngineClient, 'request'>): ScenarioEditing {
  const [edits] = useState(() => new ScenarioEdits(store, client));
  const state = useSyncExternalStore(edits.subscribe, edits.getState);
  const [status, setStatus] = useState('');
  const undo = useCallback(() => void edits.undo().then((outcome) => setStatus(said(outcome, 'Undone'))), [edits]);
  const redo = useCallback(() => void edits.redo().then((outcome) => setStatus(said(outcome, 'Redone'))), [edits]);
  return { edits, state, undo, redo, status };
}
