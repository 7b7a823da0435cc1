import { useEffect, useRef, useState } from 'react';

/** Wall time spent playing, so "1 s of class = 1 h of cluster" can be checked against a real clock. */
export function useWallClock(playing: boolean): number {
  const [elapsedMs, setElapsedMs] = useState(0);
  const startedAt = useRef<number | undefined>(undefined);
  const base = useRef(0);
  useEffect(() => {
    if (!playing) {
      if (startedAt.current !== undefined) base.current += performance.now() - startedAt.current;
      startedAt.current = undefined;
      return;
    }
    startedAt.current = performance.now();
    const id = setInterval(() => setElapsedMs(base.current + performance.now() - (startedAt.current ?? performance.now())), 200);
    return () => clearInterval(id);
  }, [playing]);
  return elapsedMs;
}
