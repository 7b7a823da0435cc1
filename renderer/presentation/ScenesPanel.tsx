/**
 * The run-sheet: the scenario's scenes in presentation order. Each can be gone to (the playhead, the window and the
 * spotlight as the scene says), moved up or down, edited (its note, whether it waits or plays on and how fast, or
 * taken again from what is on screen) and deleted; "Add scene" (Shift + S anywhere) takes the moment and the view as
 * they are. Every change is one undoable edit of the scenario's text, made by the engine (scene-edits.ts).
 *
 * Loaded on first use.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ScenarioScene } from '../../shared/model/scene.ts';
import type { LoadedScenario } from '../../shared/rpc/engine-protocol.ts';
import { parseSpeedInput } from '../format/parse-speed-input.ts';
import { commitScenes, moveScene, type SceneEdits } from './scene-edits.ts';
import { SceneForm, sceneDraftOf, type SceneDraft } from './SceneForm.tsx';
import { SceneItem } from './SceneItem.tsx';

interface Props {
  scenario: LoadedScenario;
  edits: SceneEdits;
  /** Takes back the last edit (the app's Undo, also Ctrl/⌘ + Z). */
  onUndo(): void;
  current: number | undefined;
  onGoTo(index: number): void;
  onAdd(): void;
  /** The scene as the screen shows it now (playhead, window, spotlight), for "take it again from the screen". */
  capture(): ScenarioScene;
  /** What the last add (from the key or the button) did. */
  message: string;
}

export function ScenesPanel({ scenario, edits, onUndo, current, onGoTo, onAdd, capture, message }: Props) {
  const base = useId();
  const scenes = scenario.scenes;
  const [draft, setDraft] = useState<SceneDraft | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  // The scene just deleted, and how many were left: the line goes once the list changes again (an undo, say).
  const [deleted, setDeleted] = useState<{ index: number; left: number } | undefined>(undefined);
  const list = useRef<HTMLOListElement>(null);

  const focusItem = (index: number) =>
    queueMicrotask(() => {
      const items = list.current?.querySelectorAll<HTMLButtonElement>('[data-role="go"]');
      items?.[Math.max(0, Math.min(index, (items?.length ?? 1) - 1))]?.focus();
    });

  const apply = async (next: ScenarioScene[], label: string, done: string): Promise<boolean> => {
    const error = await commitScenes(edits, scenario, next, label);
    if (error) {
      setStatus(`Could not change the scenes: ${error}`);
      setProblem(error);
      return false;
    }
    setProblem(undefined);
    setStatus(done);
    return true;
  };

  const move = async (index: number, by: -1 | 1) => {
    if (index + by < 0 || index + by >= scenes.length) return;
    if (await apply(moveScene(scenes, index, by), `moving scene ${index + 1} ${by < 0 ? 'up' : 'down'}`, `Moved scene ${index + 1} to place ${index + 1 + by}.`)) focusItem(index + by);
  };

  const remove = async (index: number) => {
    if (!(await apply(scenes.filter((_, i) => i !== index), `deleting scene ${index + 1}`, `Deleted scene ${index + 1}. Ctrl/⌘ + Z brings it back.`))) return;
    setDeleted({ index, left: scenes.length - 1 });
    focusItem(index);
  };

  const save = async () => {
    if (!draft) return;
    const old = scenes[draft.index];
    if (!old) return setDraft(undefined);
    let then: ScenarioScene['then'] = { kind: 'stop' };
    if (draft.then === 'play') {
      const speed = parseSpeedInput(draft.speed);
      if (!speed.ok) return setProblem(speed.error);
      then = { kind: 'play', speed: speed.speed };
    }
    const shown = draft.recaptured ?? old;
    const note = draft.note.trim();
    const scene: ScenarioScene = { atMs: shown.atMs, window: shown.window, ...(shown.spotlight ? { spotlight: shown.spotlight } : {}), ...(note === '' ? {} : { note }), then };
    if (await apply(scenes.map((s, i) => (i === draft.index ? scene : s)), `changing scene ${draft.index + 1}`, `Changed scene ${draft.index + 1}.`)) {
      setDraft(undefined);
      focusItem(draft.index);
    }
  };

  const onItemKey = (index: number) => (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || draft) return;
    if (e.key === 'Delete' || e.key === 'Backspace') void remove(index);
    else if (e.key === 'e' || e.key === 'E') setDraft(sceneDraftOf(scenes[index]!, index));
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <section className="scenes" aria-labelledby={`${base}-title`} data-testid="scenes-panel">
      <div className="annotations-head">
        <h2 id={`${base}-title`}>Scenes</h2>
        <button type="button" className="primary" onClick={onAdd} data-testid="add-scene">
          Add scene <kbd>Shift + S</kbd>
        </button>
      </div>
      <p className="scenes-help">
        A run-sheet for class: in presentation mode Page Down and Page Up (a presenter remote&rsquo;s keys) or → and ← go from scene to scene. A scene takes the playhead, the window and the spotlight as they are when it is added.
      </p>
      {scenes.length === 0 ? (
        <p className="annotations-empty">No scenes yet.</p>
      ) : (
        <ol ref={list} className="scene-list" aria-label="Scenes (E edits, Delete removes)" data-testid="scene-list">
          {scenes.map((scene, i) => (
            <SceneItem
              key={i}
              scene={scene}
              index={i}
              count={scenes.length}
              current={current === i}
              onKeyDown={onItemKey(i)}
              onGoTo={() => onGoTo(i)}
              onMove={(by) => void move(i, by)}
              onEdit={() => setDraft(sceneDraftOf(scene, i))}
              onDelete={() => void remove(i)}
            >
              {draft?.index === i && (
                <SceneForm
                  number={i + 1}
                  draft={draft}
                  onDraft={setDraft}
                  onRecapture={() => setDraft({ ...draft, recaptured: capture() })}
                  onSave={() => void save()}
                  onCancel={() => setDraft(undefined)}
                  onEscape={() => {
                    setDraft(undefined);
                    setProblem(undefined);
                    focusItem(i);
                  }}
                />
              )}
            </SceneItem>
          ))}
        </ol>
      )}
      {problem && (
        <p className="input-error" role="alert">
          {problem}
        </p>
      )}
      {deleted !== undefined && deleted.left === scenes.length && (
        <p className="annotation-deleted" data-testid="scene-deleted">
          Deleted scene {deleted.index + 1}.{' '}
          <button
            type="button"
            onClick={() => {
              setDeleted(undefined);
              onUndo();
            }}
          >
            Undo <kbd>Ctrl/⌘ + Z</kbd>
          </button>
        </p>
      )}
      <p className="visually-hidden" role="status" data-testid="scenes-status">
        {[message, status].filter((m) => m !== '').join(' ')}
      </p>
    </section>
  );
}
