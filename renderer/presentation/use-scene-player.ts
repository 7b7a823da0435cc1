/**
 * Stepping through a scenario's scenes, as a presenter's remote does: going to a scene glides the window to the
 * scene's (at once when the user asks for reduced motion), puts the playhead on its moment, sets the spotlight, and
 * then waits or plays at the scene's speed until the next scene's moment, where the engine stops the clock itself.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TimeView } from '../../shared/figure/time-view.ts';
import type { SceneSpotlight } from '../../shared/model/scene.ts';
import type { ScenarioSummary } from '../../shared/rpc/engine-protocol.ts';
import type { EngineClient } from '../bridge/engine-client.ts';
import { playUntilMs, sceneAtPlayhead, sceneView } from './scene-view.ts';
import { useLatest } from '../state/use-latest.ts';

/** Long enough to see where the window went, short enough not to hold the class up. */
export const SCENE_GLIDE_MS = 600;

export interface ScenePlayer {
  /** The scene last gone to (or the one the playhead was in when presenting started here); undefined before any. */
  current: number | undefined;
  count: number;
  goTo(index: number): void;
  next(): void;
  previous(): void;
  /** Presenting from here: the scene the playhead is in becomes the current one, and nothing moves. */
  pickUpHere(): void;
  /**
   * Shows a scene of the scenario loaded as `sourceName` (now, or as soon as it has loaded), without playing on: the
   * lesson opens its scenarios at a scene this way and keeps the clock to itself.
   */
  openScene(sourceName: string, index: number): void;
  /** What the last step did, in words (for screen readers and the status line). */
  status: string;
}

interface Options {
  scenario: ScenarioSummary | undefined;
  /** Changes when another scenario is loaded: the run-sheet starts over. */
  scenarioKey: string;
  nowMs: number;
  client: EngineClient;
  view: TimeView;
  setView(view: TimeView): void;
  setSpotlight(spotlight: SceneSpotlight | undefined): void;
}

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

const ease = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

export function useScenePlayer({ scenario, scenarioKey, nowMs, client, view, setView, setSpotlight }: Options): ScenePlayer {
  const scenes = scenario?.scenes ?? [];
  const [current, setCurrent] = useState<number | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [forKey, setForKey] = useState(scenarioKey);
  if (forKey !== scenarioKey) {
    setForKey(scenarioKey);
    setCurrent(undefined);
  }
  const latest = useLatest({ scenario, nowMs, view, setView, setSpotlight, current });
  const frame = useRef<number | undefined>(undefined);

  const glideTo = useCallback((target: TimeView) => {
    if (frame.current !== undefined) cancelAnimationFrame(frame.current);
    frame.current = undefined;
    if (reducedMotion() || typeof requestAnimationFrame !== 'function') {
      latest().setView(target);
      return;
    }
    const from = latest().view;
    const started = performance.now();
    const tick = (now: number) => {
      const t = Math.min(1, (now - started) / SCENE_GLIDE_MS);
      const k = ease(t);
      latest().setView(t >= 1 ? target : { startMs: from.startMs + (target.startMs - from.startMs) * k, endMs: from.endMs + (target.endMs - from.endMs) * k });
      frame.current = t < 1 ? requestAnimationFrame(tick) : undefined;
    };
    frame.current = requestAnimationFrame(tick);
  }, [latest]);
  useEffect(() => () => {
    if (frame.current !== undefined) cancelAnimationFrame(frame.current);
  }, []);

  const show = useCallback(
    (index: number, playOn: boolean) => {
      const s = latest().scenario;
      const scene = s?.scenes[index];
      if (!s || !scene) return;
      setCurrent(index);
      client.send({ type: 'pause' });
      client.send({ type: 'seek', simMs: scene.atMs });
      glideTo(sceneView(scene, s.durationMs));
      latest().setSpotlight(scene.spotlight);
      if (playOn && scene.then.kind === 'play') {
        client.send({ type: 'set-speed', speed: scene.then.speed });
        // The engine stops by itself on the next scene's moment; a seek or a pause in between cancels that.
        client.send({ type: 'play', untilMs: playUntilMs(s.scenes, index, s.durationMs) });
      }
      setStatus(`Scene ${index + 1} of ${s.scenes.length}${scene.note ? `: ${scene.note}` : ''}`);
    },
    [client, glideTo, latest],
  );
  const goTo = useCallback((index: number) => show(index, true), [show]);

  const pending = useRef<{ sourceName: string; index: number } | undefined>(undefined);
  const openScene = useCallback(
    (sourceName: string, index: number) => {
      if (latest().scenario?.sourceName === sourceName) show(index, false);
      else pending.current = { sourceName, index };
    },
    [show, latest],
  );
  useEffect(() => {
    const wanted = pending.current;
    if (!wanted || scenario?.sourceName !== wanted.sourceName) return;
    pending.current = undefined;
    show(wanted.index, false);
  }, [scenario, show]);

  const next = useCallback(() => {
    const count = latest().scenario?.scenes.length ?? 0;
    const at = latest().current;
    if (count === 0) return setStatus('This scenario has no scenes yet: Shift + S adds one here.');
    if (at !== undefined && at >= count - 1) return setStatus(`That was the last scene (${count} of ${count}).`);
    goTo(at === undefined ? 0 : at + 1);
  }, [goTo, latest]);

  const previous = useCallback(() => {
    const count = latest().scenario?.scenes.length ?? 0;
    const at = latest().current;
    if (count === 0) return setStatus('This scenario has no scenes yet: Shift + S adds one here.');
    if (at === undefined || at <= 0) return goTo(0);
    goTo(at - 1);
  }, [goTo, latest]);

  const pickUpHere = useCallback(() => {
    const s = latest().scenario;
    setCurrent(s ? sceneAtPlayhead(s.scenes, latest().nowMs) : undefined);
  }, [latest]);

  return { current: current !== undefined && current < scenes.length ? current : undefined, count: scenes.length, goTo, next, previous, pickUpHere, openScene, status };
}
