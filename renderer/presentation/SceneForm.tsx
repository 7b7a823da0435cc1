/**
 * The form that edits one scene of the run-sheet: what the presenter says there, whether the clock then waits or
 * plays on (and how fast), or the moment and window taken again from the screen. Esc cancels.
 */
import { useId } from 'react';
import type { ScenarioScene } from '../../shared/model/scene.ts';
import { DEFAULT_SCENE_SPEED, MAX_SCENE_NOTE_CHARS } from '../../shared/scenario/parse-scenario.ts';

export interface SceneDraft {
  index: number;
  note: string;
  then: 'stop' | 'play';
  speed: string;
  /** Set when "from the screen now" was pressed: the moment and the view to save instead of the scene's. */
  recaptured?: ScenarioScene;
}

export function sceneDraftOf(scene: ScenarioScene, index: number): SceneDraft {
  return { index, note: scene.note ?? '', then: scene.then.kind, speed: String(scene.then.kind === 'play' ? scene.then.speed : DEFAULT_SCENE_SPEED) };
}

interface Props {
  /** The scene's place on the run-sheet, from 1. */
  number: number;
  draft: SceneDraft;
  onDraft(draft: SceneDraft): void;
  /** Takes the playhead, the window and the spotlight from the screen as they are now. */
  onRecapture(): void;
  onSave(): void;
  onCancel(): void;
  /** Esc: cancels, and puts focus back on the scene. */
  onEscape(): void;
}

export function SceneForm({ number, draft, onDraft, onRecapture, onSave, onCancel, onEscape }: Props) {
  const base = useId();
  return (
    <form
      className="annotation-form scene-form"
      aria-label={`Edit scene ${number}`}
      data-testid="scene-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        onEscape();
      }}
    >
      <label htmlFor={`${base}-note`}>Note (speaker text)</label>
      <textarea id={`${base}-note`} value={draft.note} maxLength={MAX_SCENE_NOTE_CHARS} rows={3} cols={36} onChange={(e) => onDraft({ ...draft, note: e.target.value })} data-testid="scene-note-input" autoFocus />
      <label htmlFor={`${base}-then`}>Then</label>
      <select id={`${base}-then`} value={draft.then} onChange={(e) => onDraft({ ...draft, then: e.target.value === 'play' ? 'play' : 'stop' })} data-testid="scene-then">
        <option value="stop">wait for the next key</option>
        <option value="play">play on to the next scene</option>
      </select>
      {draft.then === 'play' && (
        <>
          <label htmlFor={`${base}-speed`}>Speed (×)</label>
          <input id={`${base}-speed`} value={draft.speed} size={8} onChange={(e) => onDraft({ ...draft, speed: e.target.value })} data-testid="scene-speed" />
        </>
      )}
      <button type="button" onClick={onRecapture} aria-pressed={draft.recaptured !== undefined}>
        {draft.recaptured ? 'Takes the screen as it is now' : 'Take the playhead and window from the screen'}
      </button>
      <button type="submit" className="primary" data-testid="scene-save">
        Save scene
      </button>
      <button type="button" onClick={onCancel}>
        Cancel <kbd>Esc</kbd>
      </button>
    </form>
  );
}
