/**
 * Scenes as the app uses them: the view a scene opens, which scene the playhead is in, a scene captured from what is
 * on screen, and a scene in words. Pure functions, tested without a DOM.
 */
import { boundsOf, clamp, fitAll, type TimeView } from '../../shared/figure/time-view.ts';
import type { SceneSpotlight, ScenarioScene } from '../../shared/model/scene.ts';
import { formatSpan, formatSpeed } from '../format/format-time.ts';

export function sceneView(scene: ScenarioScene, durationMs: number): TimeView {
  if (scene.window.kind === 'fit') return fitAll(durationMs);
  return clamp({ startMs: scene.window.fromMs, endMs: scene.window.toMs }, boundsOf(durationMs));
}

/**
 * The scene the playhead is in: the latest one (by moment) at or before it, the first listed on a tie; undefined
 * before the earliest. Presenting "from here" starts at this scene.
 */
export function sceneAtPlayhead(scenes: readonly ScenarioScene[], nowMs: number): number | undefined {
  let found: number | undefined;
  scenes.forEach((scene, index) => {
    if (scene.atMs <= nowMs && (found === undefined || scene.atMs > scenes[found]!.atMs)) found = index;
  });
  return found;
}

/** A view within a second of the whole run counts as "fit": the scene then follows the run if its duration changes. */
const FIT_SLACK_MS = 1_000;

/** What is on screen as a new scene: the playhead (to the second), the window, and the lane in the spotlight. */
export function captureScene(nowMs: number, view: TimeView, durationMs: number, spotlight: SceneSpotlight | undefined): ScenarioScene {
  const second = (ms: number) => Math.min(Math.max(Math.round(ms / 1000) * 1000, 0), durationMs);
  const fit = view.startMs <= FIT_SLACK_MS && view.endMs >= durationMs - FIT_SLACK_MS;
  const fromMs = second(view.startMs);
  const toMs = Math.max(second(view.endMs), fromMs + 1000);
  return {
    atMs: second(nowMs),
    window: fit || toMs > durationMs ? { kind: 'fit' } : { kind: 'range', fromMs, toMs },
    ...(spotlight === undefined ? {} : { spotlight }),
    then: { kind: 'stop' },
  };
}

/** "at 48 m, showing 30 m – 1 h 10 m, then plays at 600×". */
export function describeScene(scene: ScenarioScene): string {
  const window = scene.window.kind === 'fit' ? 'the whole run' : `${formatSpan(scene.window.fromMs)} – ${formatSpan(scene.window.toMs)}`;
  const then = scene.then.kind === 'stop' ? 'then waits' : `then plays at ${formatSpeed(scene.then.speed)}`;
  const spotlight = scene.spotlight ? `, spotlight on ${scene.spotlight.lane}` : '';
  return `at ${formatSpan(scene.atMs)}, showing ${window}${spotlight}, ${then}`;
}

/** Where the playhead stops when a scene plays on: the next scene's moment, or the end of the run after the last. */
export function playUntilMs(scenes: readonly ScenarioScene[], index: number, durationMs: number): number {
  return scenes[index + 1]?.atMs ?? durationMs;
}
