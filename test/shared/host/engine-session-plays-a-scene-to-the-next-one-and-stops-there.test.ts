/**
 * A scene that plays on asks the engine to play until the next scene's moment: the clock stops exactly there by
 * itself, however far one tick would have gone, and a seek or a pause in between drops the stop;
 * a pause drops a play still waiting behind a seek, as it would have stopped it had the seek been quick.
 */
import { describe, expect, it } from 'vitest';
import { EngineSession, type HostPorts } from '../../../shared/host/engine-session.ts';
import { validateCommand, type EngineMessage } from '../../../shared/rpc/engine-protocol.ts';
import { singleFlow } from '../../support/run-scenario.ts';

const MIN = 60_000;

/** `msPerLook`: how far the wall clock moves each time the session looks at it, so a seek takes several slices. */
function host(msPerLook = 0) {
  const sent: EngineMessage[] = [];
  const timers: Array<() => void> = [];
  let wall = 0;
  const ports: HostPorts = {
    wallNowMs: () => (wall += msPerLook),
    setTimer: (run) => timers.push(run),
    clearTimer: () => undefined,
    send: (message) => sent.push(message),
  };
  const progress = () => sent.filter((m): m is Extract<EngineMessage, { type: 'progress' }> => m.type === 'progress').at(-1);
  return {
    ports,
    progress,
    /** Lets `wallMs` of wall time pass and runs the timers that were due. */
    async pass(wallMs: number) {
      wall += wallMs;
      for (let runs = 0; runs < 1000 && timers.length > 0; runs++) {
        timers.shift()!();
        // A turn of the microtask queue between timers, as the event loop gives.
        await Promise.resolve();
      }
    },
  };
}

describe('play until', () => {
  const text = singleFlow({ version: '1.30', duration: '2h' });

  it('stops on the moment it was given, paused, even when a tick would overshoot it', async () => {
    const h = host();
    const session = new EngineSession(h.ports);
    await session.handle({ type: 'load', scenarioText: text, sourceName: 't' });
    await session.handle({ type: 'seek', simMs: 10 * MIN });
    await session.handle({ type: 'set-speed', speed: 3600 });
    await session.handle({ type: 'play', untilMs: 20 * MIN });
    await h.pass(60_000);
    expect(h.progress()).toMatchObject({ nowMs: 20 * MIN, playing: false });
    // Played again without a stop, it goes on past it.
    await session.handle({ type: 'play' });
    await h.pass(1_000);
    expect(h.progress()!.nowMs).toBeGreaterThan(20 * MIN);
  });

  it('forgets the stop when the playhead is moved elsewhere while it plays', async () => {
    const h = host();
    const session = new EngineSession(h.ports);
    await session.handle({ type: 'load', scenarioText: text, sourceName: 't' });
    await session.handle({ type: 'set-speed', speed: 60 });
    await session.handle({ type: 'play', untilMs: 30 * MIN });
    await session.handle({ type: 'seek', simMs: 40 * MIN });
    await h.pass(10_000);
    expect(h.progress()).toMatchObject({ playing: true });
    expect(h.progress()!.nowMs).toBeGreaterThan(40 * MIN);
  });

  it('does not play on from a scene the presenter stepped past before its seek was done', async () => {
    const HOUR = 60 * MIN;
    const h = host(100);
    const session = new EngineSession(h.ports);
    await session.handle({ type: 'load', scenarioText: singleFlow({ version: '1.30', duration: '48h' }), sourceName: 't' });
    await h.pass(0);
    // What two quick Page Ups send: a scene at 40 h that plays on to 44 h, then a scene at 30 h that waits.
    for (const command of [
      { type: 'pause' },
      { type: 'seek', simMs: 40 * HOUR },
      { type: 'set-speed', speed: 3600 },
      { type: 'play', untilMs: 44 * HOUR },
      { type: 'pause' },
      { type: 'seek', simMs: 30 * HOUR },
    ] as const) {
      await session.handle(command);
    }
    await h.pass(60_000);
    expect(h.progress()).toMatchObject({ nowMs: 30 * HOUR, playing: false });
  });

  it('is validated like every other command', () => {
    expect(validateCommand({ type: 'play', untilMs: -1 })).toMatchObject({ ok: false });
    expect(validateCommand({ type: 'play', untilMs: 5 })).toEqual({ ok: true, command: { type: 'play', untilMs: 5 } });
  });
});
