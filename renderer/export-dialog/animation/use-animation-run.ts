/**
 * The progress of the animation being made, and the way to stop it: each export gets a fresh AbortController, the
 * exporter reports every frame and waits between frames for the page to paint and take clicks (Cancel among them),
 * and closing the dialog stops it too.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnimationControl } from '../../../shared/export/animation/export-animation.ts';

export interface AnimationRun {
  /** Frames made so far, of how many; undefined when no animation is being made. */
  progress: { done: number; total: number } | undefined;
  /** The controls for one export; `stop` when it has ended, however it ended. */
  start(): AnimationControl;
  stop(): void;
  cancel(): void;
}

/** One turn of the event loop: the page paints, and a click on Cancel gets in, between two frames. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function useAnimationRun(): AnimationRun {
  const [progress, setProgress] = useState<AnimationRun['progress']>();
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);
  const start = useCallback((): AnimationControl => {
    controller.current?.abort();
    const next = new AbortController();
    controller.current = next;
    setProgress({ done: 0, total: 0 });
    return { signal: next.signal, onFrame: (done, total) => setProgress({ done, total }), pause: yieldToPage };
  }, []);
  const stop = useCallback(() => {
    controller.current = undefined;
    setProgress(undefined);
  }, []);
  const cancel = useCallback(() => controller.current?.abort(), []);
  return { progress, start, stop, cancel };
}
