/**
 * Adding a scene from what is on screen (Shift + S, or the Scenes panel's button): the playhead, the window and the
 * lane in the spotlight, put just after the scene being presented, as one undoable edit the engine makes. Says what
 * it did (or why it could not) for the status line.
 */
import { useState } from 'react';
import type { TimeView } from '../../shared/figure/time-view.ts';
import type { ScenarioScene, SceneSpotlight } from '../../shared/model/scene.ts';
import type { TimelineStore } from '../state/timeline-store.ts';
import type { ScenarioEdits } from '../state/scenario-edits.ts';
import type { ScenePlayer } from '../presentation/use-scene-player.ts';
import { captureScene } from '../presentation/scene-view.ts';

interface SceneCaptureInput {
  store: TimelineStore;
  edits: Pick<ScenarioEdits, 'change'>;
  player: Pick<ScenePlayer, 'current' | 'goTo'>;
  nowMs: number;
  durationMs: number;
  view: TimeView;
  /** A lane is in the spotlight (presentation mode): the scene keeps it. */
  spotlightOn: boolean;
}

export interface SceneCapture {
  /** The scene as the screen shows it now. */
  captureNow(): ScenarioScene;
  addScene(): void;
  /** What the last add did. */
  sceneMessage: string;
}

export function useSceneCapture({ store, edits, player, nowMs, durationMs, view, spotlightOn }: SceneCaptureInput): SceneCapture {
  const [sceneMessage, setSceneMessage] = useState('');
  const captureNow = () => captureScene(nowMs, view, durationMs, spotlightOn ? spotlitLane() : undefined);
  const addScene = () => {
    const scene = captureNow();
    void import('../presentation/scene-edits.ts').then(async ({ commitScenes, insertionIndex, withSceneAt }) => {
      const scenario = store.getSnapshot().scenario;
      if (!scenario) return;
      const index = insertionIndex(scenario.scenes, scene, player.current);
      const error = await commitScenes(edits, scenario, withSceneAt(scenario.scenes, scene, index), `adding scene ${index + 1}`);
      if (error) return setSceneMessage(`Could not add a scene here: ${error}`);
      player.goTo(index);
      setSceneMessage(`Added scene ${index + 1} of ${scenario.scenes.length + 1}. Ctrl/⌘ + Z takes it back.`);
    });
  };
  return { captureNow, addScene, sceneMessage };
}

/** The lane in the spotlight as a scene names it: its label, in its flow (read from the timeline, which resolved it). */
function spotlitLane(): SceneSpotlight | undefined {
  const panel = document.querySelector<HTMLElement>('[data-spotlight-label]');
  const label = panel?.dataset.spotlightLabel;
  const flow = panel?.dataset.spotlightLane?.split(':')[0];
  return label ? { lane: label, ...(flow ? { flow } : {}) } : undefined;
}
