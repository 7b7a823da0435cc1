/**
 * Asks the engine to verify the inspected token whenever it or the simulated clock changes, at most twice a second;
 * the answer reaches the store with every other engine message.
 */
import { useEffect, useRef } from 'react';
import type { EngineClient } from '../../bridge/engine-client.ts';
import { createThrottle, INSPECT_INTERVAL_MS, type Throttle } from '../inspector-model.ts';

const browserClock = {
  now: () => performance.now(),
  setTimer: (callback: () => void, delayMs: number) => window.setTimeout(callback, delayMs),
  clearTimer: (handle: unknown) => window.clearTimeout(handle as number),
};

export function useVerificationRequests(client: EngineClient, index: number | undefined, nowMs: number, scenario: unknown): void {
  const throttle = useRef<Throttle | undefined>(undefined);
  useEffect(() => {
    throttle.current ??= createThrottle(INSPECT_INTERVAL_MS, browserClock);
    if (index === undefined) {
      throttle.current.cancel();
      return;
    }
    throttle.current.call(() => {
      // The details reach the store with every other engine message; a refusal shows on the app's error line.
      client.request({ type: 'inspect-token', token: index }).catch(() => undefined);
    });
  }, [client, index, nowMs, scenario]);
  useEffect(() => () => throttle.current?.cancel(), []);
}
