import { useMemo, useSyncExternalStore } from 'react';
import type { TimelineSnapshot, TimelineStore } from './timeline-store.ts';

export interface TimelineStoreOptions {
  /**
   * Re-render at most once per displayed frame. The store still applies every batch at once; only telling React is
   * held back: the first change in a frame re-renders right away (so the DOM and the canvases stay in step), further
   * changes in the same frame are merged into one re-render at the next frame. For the app, where a slow frame can let
   * several engine batches queue up; tests that expect each change to render synchronously leave it off.
   */
  perFrame?: boolean;
}

/** Re-renders on every store change (React batches these), or at most once per frame with `perFrame`. */
export function useTimelineStore(store: TimelineStore, options: TimelineStoreOptions = {}): TimelineSnapshot {
  const perFrame = options.perFrame ?? false;
  const subscribe = useMemo(() => (perFrame ? perFrameSubscribe(store) : store.subscribe), [store, perFrame]);
  return useSyncExternalStore(subscribe, store.getSnapshot);
}

/** `store.subscribe`, with the listener called at most once per animation frame (leading edge, then trailing). */
export function perFrameSubscribe(store: Pick<TimelineStore, 'subscribe'>): (listener: () => void) => () => void {
  return (listener) => {
    if (typeof requestAnimationFrame !== 'function') return store.subscribe(listener);
    let gate: number | undefined; // set from a notification until the next frame
    let pending = false;
    const nextFrame = () => {
      if (pending) {
        pending = false;
        listener();
        gate = requestAnimationFrame(nextFrame);
      } else gate = undefined;
    };
    const unsubscribe = store.subscribe(() => {
      if (gate !== undefined) {
        pending = true;
        return;
      }
      listener();
      gate = requestAnimationFrame(nextFrame);
    });
    return () => {
      unsubscribe();
      if (gate !== undefined) cancelAnimationFrame(gate);
      gate = undefined;
    };
  };
}
