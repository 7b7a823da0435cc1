/**
 * Simulated time keeps up with wall time × speed, as the store sees it: a tick that runs out of its budget (a GC, a
 * busy core) leaves time owed, which the next ticks catch up, up to a second of wall time's worth; beyond that the
 * engine says it is behind instead of piling up debt.
 */
import { describe, expect, it } from 'vitest';
import { EngineSession, MAX_CATCH_UP_WALL_MS, TICK_BUDGET_MS } from '../../../shared/host/engine-session.ts';
import { TimelineStore } from '../../../renderer/state/timeline-store.ts';
import { builtinScenario } from '../../support/scenario-snapshot.ts';

const SPEED = 3600;

async function playing() {
  let wall = 0;
  /** While set, every look at the clock finds the tick's budget already spent. */
  let starved = false;
  let timer: (() => void) | undefined;
  const store = new TimelineStore();
  const session = new EngineSession({
    wallNowMs: () => (starved ? (wall += TICK_BUDGET_MS + 1) : wall),
    setTimer: (callback) => ((timer = callback), 1),
    clearTimer: () => (timer = undefined),
    send: (message) => store.apply(message),
  });
  await session.handle({ type: 'load', scenarioText: builtinScenario('side-by-side'), sourceName: 'side-by-side.yaml' });
  await session.handle({ type: 'set-speed', speed: SPEED });
  await session.handle({ type: 'play' });
  const tick = (at: number, starve = false) => {
    wall = at;
    starved = starve;
    const run = timer!;
    timer = undefined;
    run();
    starved = false;
  };
  return { store, tick, wallNow: () => wall };
}

describe('keeping up with wall time × speed', () => {
  it('catches up a tick that ran out of budget', async () => {
    const { store, tick, wallNow } = await playing();
    tick(50);
    expect(store.getSnapshot().nowMs).toBe(50 * SPEED);
    tick(100, true);
    const starvedAt = wallNow() - TICK_BUDGET_MS - 1; // the tick's own first look at the clock
    expect(store.getSnapshot().nowMs).toBe(50 * SPEED);
    expect(store.getSnapshot().lagMs).toBe((starvedAt - 50) * SPEED);
    tick(200);
    expect(store.getSnapshot().nowMs).toBe(200 * SPEED);
    expect(store.getSnapshot().lagMs).toBe(0);
  });

  it('owes at most a second of wall time, then says it is behind', async () => {
    const { store, tick } = await playing();
    tick(5_000, true);
    expect(store.getSnapshot().nowMs).toBe(0);
    tick(5_050);
    // The second's worth is caught up, the rest is let go.
    const starvedAt = 5_000 + TICK_BUDGET_MS + 1;
    expect(store.getSnapshot().nowMs).toBe((MAX_CATCH_UP_WALL_MS + (5_050 - starvedAt)) * SPEED);
    tick(5_100);
    expect(store.getSnapshot().lagMs).toBe(0);
  });
});
