/**
 * The lanes as the app derives them: a real EngineSession feeding a real TimelineStore (whose event array is reused
 * and grows in place), stepped forward and sought back, with the memo consuming only new events each time.
 */
import { describe, expect, it } from 'vitest';
import { EngineSession } from '../../../shared/host/engine-session.ts';
import { TimelineStore } from '../../../renderer/state/timeline-store.ts';
import { createLanesMemo, deriveLanes } from '../../../shared/lanes/derive-lanes.ts';
import { builtinScenario } from '../../support/scenario-snapshot.ts';

const M = 60_000;

describe('lanes from the timeline store', () => {
  it('follows play, and a seek back, exactly as a fresh derivation would', async () => {
    const store = new TimelineStore();
    const session = new EngineSession({ wallNowMs: () => 0, setTimer: () => 0, clearTimer: () => undefined, send: (m) => store.apply(m) });
    await session.handle({ type: 'load', scenarioText: builtinScenario('side-by-side'), sourceName: 'side-by-side.yaml' });
    const memo = createLanesMemo();
    const rotations: number[] = [];
    for (const atMs of [0, 10 * M, 50 * M, 100 * M, 150 * M, 360 * M, 45 * M, 120 * M]) {
      await session.handle({ type: 'seek', simMs: atMs });
      const snapshot = store.getSnapshot();
      const lanes = memo(snapshot);
      expect(lanes).toEqual(deriveLanes(snapshot));
      expect(lanes.nowMs).toBe(atMs);
      rotations.push(lanes.flows.find((f) => f.flowId === 'projected')!.rotations);
      expect(lanes.flows.find((f) => f.flowId === 'legacy')!.rotations).toBe(0);
    }
    // About one rotation every 48 m, six hours long (the kubelet never stops in the default scenario).
    expect(rotations).toEqual([0, 0, 1, 2, 3, 7, 0, 2]);
  });
});
