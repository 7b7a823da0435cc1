/** The scene helpers: the view a scene opens, the scene the playhead is in, a scene captured from the screen, moving one. */
import { describe, expect, it } from 'vitest';
import { captureScene, sceneAtPlayhead, sceneView } from '../../../renderer/presentation/scene-view.ts';
import { insertionIndex, moveScene } from '../../../renderer/presentation/scene-edits.ts';
import type { ScenarioScene } from '../../../shared/model/scene.ts';

const MIN = 60_000;
const at = (minutes: number): ScenarioScene => ({ atMs: minutes * MIN, window: { kind: 'fit' }, then: { kind: 'stop' } });

describe('scenes in the app', () => {
  it('opens the whole run for fit, and the range (kept inside the run) otherwise', () => {
    expect(sceneView(at(5), 120 * MIN)).toEqual({ startMs: 0, endMs: 120 * MIN });
    expect(sceneView({ ...at(5), window: { kind: 'range', fromMs: 30 * MIN, toMs: 60 * MIN } }, 120 * MIN)).toEqual({ startMs: 30 * MIN, endMs: 60 * MIN });
  });

  it('finds the scene the playhead is in by moment, whatever the run-sheet order', () => {
    const scenes = [at(30), at(0), at(90)];
    expect(sceneAtPlayhead(scenes, 45 * MIN)).toBe(0);
    expect(sceneAtPlayhead(scenes, 10 * MIN)).toBe(1);
    expect(sceneAtPlayhead([at(10)], 5 * MIN)).toBeUndefined();
  });

  it('captures the playhead and the window to the second, and a whole-run view as fit', () => {
    expect(captureScene(48 * MIN + 400, { startMs: 30 * MIN + 200, endMs: 61 * MIN }, 120 * MIN, { lane: 'pod app', flow: 'projected' })).toEqual({
      atMs: 48 * MIN,
      window: { kind: 'range', fromMs: 30 * MIN, toMs: 61 * MIN },
      spotlight: { lane: 'pod app', flow: 'projected' },
      then: { kind: 'stop' },
    });
    expect(captureScene(0, { startMs: 0, endMs: 120 * MIN }, 120 * MIN, undefined).window).toEqual({ kind: 'fit' });
  });

  it('puts a new scene after the one being presented, else by its moment; moves stop at the ends', () => {
    const scenes = [at(0), at(30), at(60)];
    expect(insertionIndex(scenes, at(5), 2)).toBe(3);
    expect(insertionIndex(scenes, at(45), undefined)).toBe(2);
    expect(moveScene(scenes, 0, 1).map((s) => s.atMs / MIN)).toEqual([30, 0, 60]);
    expect(moveScene(scenes, 0, -1).map((s) => s.atMs / MIN)).toEqual([0, 30, 60]);
  });
});
