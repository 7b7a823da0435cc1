import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../fakes/electron.ts'));

import { FakeWebContents, resetFakeElectron } from '../../fakes/electron.ts';
import { EngineHost, MIN_PUSH_INTERVAL_MS, PUSH_SLACK_MS, mergeProgress } from '../../../electron/main/engine-host.ts';
import { EngineSession } from '../../../shared/host/engine-session.ts';
import { IpcChannel } from '../../../shared/ipc/ipc-contract.ts';
import type { EngineMessage } from '../../../shared/rpc/engine-protocol.ts';
import { TimelineStore } from '../../../renderer/state/timeline-store.ts';
import { nextFloat, seedPrng } from '../../../shared/sim/prng.ts';

type Progress = Extract<EngineMessage, { type: 'progress' }>;

const SCENARIO = readFileSync(path.join(import.meta.dirname, '../../../assets/scenarios/side-by-side.yaml'), 'utf8');

function pushed(contents: FakeWebContents): EngineMessage[] {
  return contents.fakeSentOn(IpcChannel.EngineMessage) as EngineMessage[];
}

/** What the renderer's store ends up showing after these messages. */
function replay(messages: EngineMessage[]): { events: readonly unknown[]; tokens: readonly unknown[] } {
  const store = new TimelineStore();
  for (const m of messages) store.apply(m);
  const { events, tokens } = store.getSnapshot();
  return { events, tokens };
}

beforeEach(() => {
  resetFakeElectron();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] });
});
afterEach(() => vi.useRealTimers());

describe('EngineHost', () => {
  it('answers a load with the scenario summary and a first progress batch at time zero', async () => {
    const contents = new FakeWebContents();
    const host = new EngineHost(contents);
    await host.handle({ type: 'load', scenarioText: SCENARIO, sourceName: 'side-by-side.yaml' });

    const messages = pushed(contents);
    expect(messages.map((m) => m.type)).toEqual(['loaded', 'progress']);
    expect(messages[0]).toMatchObject({ type: 'loaded', scenario: { name: 'side-by-side', sourceName: 'side-by-side.yaml' } });
    expect(messages[1]).toMatchObject({ type: 'progress', nowMs: 0, playing: false, fromEvent: 0 });
    host.dispose();
  });

  it('turns play into a stream of progress batches that advance simulated time by wall time × speed', async () => {
    const contents = new FakeWebContents();
    const host = new EngineHost(contents);
    await host.handle({ type: 'load', scenarioText: SCENARIO, sourceName: 'side-by-side.yaml' });
    await host.handle({ type: 'set-speed', speed: 3600 });
    await host.handle({ type: 'play' });
    const before = pushed(contents).length;

    await vi.advanceTimersByTimeAsync(1000);

    const batches = pushed(contents).slice(before).filter((m): m is Progress => m.type === 'progress');
    expect(batches.length).toBeGreaterThanOrEqual(15);
    const times = batches.map((b) => b.nowMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // One wall second at 3,600× is one simulated hour.
    expect(times.at(-1)).toBeCloseTo(3_600_000, -3);
    expect(batches.every((b) => b.playing && b.speed === 3600)).toBe(true);
    expect(replay(pushed(contents)).events.length).toBeGreaterThan(0);
    expect(host.isPlaying).toBe(true);
    host.dispose();
  });

  it('pushes at most about 20 batches a second, whatever the engine does', async () => {
    const contents = new FakeWebContents();
    const host = new EngineHost(contents);
    await host.handle({ type: 'load', scenarioText: SCENARIO, sourceName: 's.yaml' });
    await host.handle({ type: 'play' });
    const before = pushed(contents).length;
    await vi.advanceTimersByTimeAsync(2000);
    const perSecond = (pushed(contents).length - before) / 2;
    expect(perSecond).toBeLessThanOrEqual(21);
    host.dispose();
  });

  it('merges a burst of seeks into one batch that leaves the renderer with the same log', async () => {
    const contents = new FakeWebContents();
    const host = new EngineHost(contents);
    await host.handle({ type: 'load', scenarioText: SCENARIO, sourceName: 's.yaml' });
    const before = pushed(contents).length;

    for (let i = 1; i <= 100; i++) await host.handle({ type: 'seek', simMs: (i % 10) * 600_000 + 60_000 });
    await host.handle({ type: 'seek', simMs: 4 * 3_600_000 });
    await vi.advanceTimersByTimeAsync(MIN_PUSH_INTERVAL_MS + PUSH_SLACK_MS);

    const burst = pushed(contents).slice(before);
    expect(burst.length).toBeLessThanOrEqual(2);

    // The same commands against a host whose batches all go straight through give the same final log.
    const reference = new FakeWebContents();
    const direct = new EngineHost(reference);
    await direct.handle({ type: 'load', scenarioText: SCENARIO, sourceName: 's.yaml' });
    await vi.advanceTimersByTimeAsync(MIN_PUSH_INTERVAL_MS + PUSH_SLACK_MS);
    await direct.handle({ type: 'seek', simMs: 4 * 3_600_000 });
    await vi.advanceTimersByTimeAsync(MIN_PUSH_INTERVAL_MS + PUSH_SLACK_MS);
    expect(replay(pushed(contents))).toEqual(replay(pushed(reference)));
    expect((burst.at(-1) as Progress).nowMs).toBe(4 * 3_600_000);
    host.dispose();
    direct.dispose();
  });

  it('keeps the order of messages: a pending batch goes out before the next non-progress message', async () => {
    const contents = new FakeWebContents();
    const host = new EngineHost(contents);
    await host.handle({ type: 'load', scenarioText: SCENARIO, sourceName: 'a.yaml' });
    await host.handle({ type: 'seek', simMs: 3_600_000 });
    await host.handle({ type: 'load', scenarioText: 'not: [a scenario', sourceName: 'broken.yaml' });
    const types = pushed(contents).map((m) => m.type);
    expect(types).toEqual(['loaded', 'progress', 'progress', 'load-failed']);
    host.dispose();
  });

  it('toggles play and pause from the state the engine last reported', async () => {
    const contents = new FakeWebContents();
    const host = new EngineHost(contents);
    await host.handle({ type: 'load', scenarioText: SCENARIO, sourceName: 's.yaml' });
    await host.togglePlay();
    expect(host.isPlaying).toBe(true);
    await vi.advanceTimersByTimeAsync(200);
    await host.togglePlay();
    await vi.advanceTimersByTimeAsync(MIN_PUSH_INTERVAL_MS + PUSH_SLACK_MS);
    expect(host.isPlaying).toBe(false);
    expect((pushed(contents).at(-1) as Progress).playing).toBe(false);
    host.dispose();
  });

  it('starts a fresh engine on reset (a reloaded renderer) and drops the old one’s messages', async () => {
    const contents = new FakeWebContents();
    const host = new EngineHost(contents);
    await host.handle({ type: 'load', scenarioText: SCENARIO, sourceName: 's.yaml' });
    await host.handle({ type: 'play' });
    await vi.advanceTimersByTimeAsync(200);
    host.reset();
    const before = pushed(contents).length;
    await vi.advanceTimersByTimeAsync(1000);
    expect(pushed(contents).length).toBe(before);
    expect(host.isPlaying).toBe(false);
    // The fresh engine has no scenario: play does nothing until the renderer loads one again.
    await host.handle({ type: 'play' });
    expect(pushed(contents).length).toBe(before);
    host.dispose();
  });

  it('stops pushing, without throwing, once the window is gone', async () => {
    const contents = new FakeWebContents();
    const host = new EngineHost(contents);
    await host.handle({ type: 'load', scenarioText: SCENARIO, sourceName: 's.yaml' });
    await host.handle({ type: 'play' });
    contents.fakeDestroy();
    await expect(vi.advanceTimersByTimeAsync(500)).resolves.not.toThrow();
    host.dispose();
    await vi.advanceTimersByTimeAsync(500);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports an engine failure as an error message instead of throwing', async () => {
    const contents = new FakeWebContents();
    const host = new EngineHost(contents);
    const failing = vi.spyOn(EngineSession.prototype, 'handle').mockRejectedValueOnce(new Error('simulation invariant broken'));
    await expect(host.handle({ type: 'step' })).resolves.toBeUndefined();
    expect(pushed(contents).at(-1)).toEqual({ type: 'error', message: 'step failed: simulation invariant broken' });
    failing.mockRestore();
    host.dispose();
  });

  it('answers a token inspection with the token’s JWT and what the API server says about it', async () => {
    const contents = new FakeWebContents();
    const host = new EngineHost(contents);
    await host.handle({ type: 'load', scenarioText: SCENARIO, sourceName: 's.yaml' });
    await host.handle({ type: 'seek', simMs: 3_600_000 });
    await host.handle({ type: 'inspect-token', token: 0, requestId: 7 });
    const details = pushed(contents).at(-1)!;
    expect(details).toMatchObject({ type: 'token-details', requestId: 7, token: 0 });
    expect((details as { jwt: string }).jwt.split('.')).toHaveLength(3);
    host.dispose();
  });
});

describe('mergeProgress', () => {
  const ev = (n: number) => ({ n }) as never;
  const batch = (fromEvent: number, events: never[], nowMs = 0, keptEvents = 0): Progress => ({
    type: 'progress',
    fromEvent,
    keptEvents,
    events,
    fromToken: 0,
    keptTokens: 0,
    tokens: [],
    nowMs,
    playing: true,
    speed: 60,
    lagMs: 0,
  });

  it('appends a batch that continues where the previous one ended', () => {
    const a = batch(10, [ev(10), ev(11)]);
    const b = batch(12, [ev(12)], 5);
    expect(mergeProgress(a, b)).toMatchObject({ fromEvent: 10, events: [ev(10), ev(11), ev(12)], nowMs: 5 });
  });

  it('keeps only what a backward seek did not cut', () => {
    const a = batch(10, [ev(10), ev(11), ev(12)]);
    const b = batch(11, [ev(99)]);
    expect(mergeProgress(a, b)).toMatchObject({ fromEvent: 10, events: [ev(10), ev(99)] });
  });

  it('drops the first batch entirely when the second cuts before it', () => {
    const a = batch(10, [ev(10)]);
    const b = batch(3, [ev(3)]);
    expect(mergeProgress(a, b)).toMatchObject({ fromEvent: 3, events: [ev(3)] });
  });

  it('shows again what the renderer kept past a seek back', () => {
    const a = batch(2, [], 0, 0);
    const b = batch(2, [ev(9)], 0, 5);
    expect(mergeProgress(a, b)).toMatchObject({ fromEvent: 2, keptEvents: 5, events: [ev(9)] });
  });

  it('sends the two separately when the second cuts back into new entries of the first, which the renderer must keep', () => {
    const a = batch(10, [ev(10), ev(11), ev(12)]);
    const b = batch(5, [], 0, 6);
    expect(mergeProgress(a, b)).toBeUndefined();
  });

  it('leaves the renderer with the same shown and kept logs as the two batches one after the other', () => {
    const prng = seedPrng(7);
    const pick = (n: number) => Math.floor(nextFloat(prng) * (n + 1));
    let serial = 0;
    /** A batch the session could send to a renderer that shows `shown` and holds `held` entries. */
    const randomBatch = (shown: number, held: number): Progress => {
      const from = pick(shown);
      const added = Array.from({ length: pick(3) }, () => ev(serial++));
      return batch(from, added, 0, pick(held - from));
    };
    const afterBatch = (held: number, m: Progress) => (m.events.length > 0 ? m.fromEvent + m.keptEvents + m.events.length : held);
    for (let trial = 0; trial < 300; trial++) {
      const oneByOne = new TimelineStore();
      const merged = new TimelineStore();
      let held = 0;
      let shown = 0;
      for (let i = 0; i < 4; i++) {
        const m = randomBatch(shown, held);
        oneByOne.apply(m);
        merged.apply(m);
        held = afterBatch(held, m);
        shown = oneByOne.getSnapshot().events.length;
      }
      const a = randomBatch(shown, held);
      oneByOne.apply(a);
      held = afterBatch(held, a);
      const b = randomBatch(oneByOne.getSnapshot().events.length, held);
      oneByOne.apply(b);
      held = afterBatch(held, b);
      const both = mergeProgress(a, b);
      if (both) merged.apply(both);
      else [a, b].forEach((m) => merged.apply(m));
      expect(merged.getSnapshot().events).toEqual(oneByOne.getSnapshot().events);
      // Everything either holds, shown again from the start, is the same too.
      const showAll = batch(0, [], 0, held);
      oneByOne.apply(showAll);
      merged.apply(showAll);
      expect(merged.getSnapshot().events).toEqual(oneByOne.getSnapshot().events);
    }
  });
});
