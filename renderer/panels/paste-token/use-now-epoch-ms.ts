import { useEffect, useState } from 'react';

/** How often the wall clock is re-read: the relative times ("in 58 m") never show anything finer than a second. */
const TICK_MS = 1_000;

/**
 * The machine's current time in epoch ms, re-read every second, or `fixedEpochMs` when one is given (tests, and
 * screenshots that must not change). The renderer may read the wall clock; shared/ may not.
 */
export function useNowEpochMs(fixedEpochMs: number | undefined): number {
  const [wallMs, setWallMs] = useState(() => Date.now());
  useEffect(() => {
    if (fixedEpochMs !== undefined) return;
    const tick = () => setWallMs(Date.now());
    // At once (the clock may have been fixed for a while), then every tick.
    const first = window.setTimeout(tick, 0);
    const id = window.setInterval(tick, TICK_MS);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(id);
    };
  }, [fixedEpochMs]);
  return fixedEpochMs ?? wallMs;
}
