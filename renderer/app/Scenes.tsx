/** The Scenes panel, under the notes in their tab: the scenario's run-sheet, loaded with the YAML library on first use. */
import { lazy, Suspense } from 'react';
import type { ScenarioScene } from '../../shared/model/scene.ts';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import type { ScenePlayer } from '../presentation/use-scene-player.ts';
import type { ScenarioEditing } from './use-scenario-edits.ts';
import { PanelErrorBoundary } from './PanelErrorBoundary.tsx';

const ScenesPanel = lazy(() => import('../presentation/ScenesPanel.tsx').then((m) => ({ default: m.ScenesPanel })));

interface Props {
  snapshot: TimelineSnapshot;
  scenarioKey: string;
  editing: Pick<ScenarioEditing, 'edits' | 'undo'>;
  player: Pick<ScenePlayer, 'current' | 'goTo'>;
  onAdd(): void;
  capture(): ScenarioScene;
  message: string;
}

export function Scenes({ snapshot, scenarioKey, editing, player, onAdd, capture, message }: Props) {
  if (!snapshot.scenario) return null;
  return (
    <PanelErrorBoundary name="Scenes" resetKey={scenarioKey}>
      <Suspense fallback={<p className="ts-empty">Loading the scenes…</p>}>
        <ScenesPanel scenario={snapshot.scenario} edits={editing.edits} onUndo={editing.undo} current={player.current} onGoTo={player.goTo} onAdd={onAdd} capture={capture} message={message} />
      </Suspense>
    </PanelErrorBoundary>
  );
}
