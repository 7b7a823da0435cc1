/**
 * One scene in the run-sheet: a button that goes there, whose visible text (number, moment, note) is also its name,
 * and the buttons that move, edit and delete it. The scene's edit form, when open, sits inside the item.
 */
import type { KeyboardEvent, ReactNode } from 'react';
import type { ScenarioScene } from '../../shared/model/scene.ts';
import { describeScene } from './scene-view.ts';

interface Props {
  scene: ScenarioScene;
  index: number;
  count: number;
  current: boolean;
  onKeyDown(e: KeyboardEvent<HTMLLIElement>): void;
  onGoTo(): void;
  onMove(by: -1 | 1): void;
  onEdit(): void;
  onDelete(): void;
  children?: ReactNode;
}

export function SceneItem({ scene, index, count, current, onKeyDown, onGoTo, onMove, onEdit, onDelete, children }: Props) {
  const number = index + 1;
  return (
    <li onKeyDown={onKeyDown} data-testid="scene-item" aria-current={current ? 'step' : undefined}>
      {/* A few hidden words between the visible parts, so what is seen is what is heard. */}
      <button type="button" data-role="go" className="scene-go" onClick={onGoTo}>
        <span className="visually-hidden">Scene </span>
        <span className="scene-number">{number}</span>
        <span className="visually-hidden">, </span>
        <span className="scene-when">{describeScene(scene)}</span>
        {scene.note && (
          <span className="scene-text">
            <span className="visually-hidden">: </span>
            {scene.note}
          </span>
        )}
        <span className="visually-hidden">. Go there.</span>
      </button>
      <span className="scene-actions">
        <button type="button" onClick={() => onMove(-1)} disabled={index === 0} aria-label={`Move scene ${number} up`} title="Move up">
          ↑
        </button>
        <button type="button" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={`Move scene ${number} down`} title="Move down">
          ↓
        </button>
        <button type="button" onClick={onEdit} aria-label={`Edit scene ${number}`}>
          Edit
        </button>
        <button type="button" onClick={onDelete} aria-label={`Delete scene ${number}`} data-testid="delete-scene">
          Delete
        </button>
      </span>
      {children}
    </li>
  );
}
