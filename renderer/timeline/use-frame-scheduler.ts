import { useCallback, useEffect, useRef } from 'react';
import { useLatest } from '../state/use-latest.ts';

/** One rAF scheduler: `request()` asks for a frame; several requests before it runs give one paint. */
export function useFrameScheduler(paint: () => void): () => void {
  const latestPaint = useLatest(paint);
  const pending = useRef<number | undefined>(undefined);
  useEffect(
    () => () => {
      if (pending.current !== undefined) (typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame : clearTimeout)(pending.current);
      pending.current = undefined;
    },
    [],
  );
  return useCallback(() => {
    if (pending.current !== undefined) return;
    const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (cb: FrameRequestCallback) => setTimeout(() => cb(0), 16);
    pending.current = frame(() => {
      pending.current = undefined;
      latestPaint()();
    });
  }, [latestPaint]);
}
