/**
 * Telling React about store changes at most once per frame: the first change in a frame right away, the rest of that
 * frame's changes merged into one call at the next frame, nothing when nothing changed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { perFrameSubscribe } from '../../../renderer/state/use-timeline-store.ts';
import { TimelineStore } from '../../../renderer/state/timeline-store.ts';
import type { EngineMessage } from '../../../shared/rpc/engine-protocol.ts';

let frames: Map<number, FrameRequestCallback>;
let nextId = 1;
const runFrame = () => {
  const due = [...frames.values()];
  frames.clear();
  for (const callback of due) callback(0);
};

beforeEach(() => {
  frames = new Map();
  globalThis.requestAnimationFrame = (callback: FrameRequestCallback) => {
    frames.set(nextId, callback);
    return nextId++;
  };
  globalThis.cancelAnimationFrame = (id: number) => void frames.delete(id);
});

afterEach(() => {
  delete (globalThis as { requestAnimationFrame?: unknown }).requestAnimationFrame;
  delete (globalThis as { cancelAnimationFrame?: unknown }).cancelAnimationFrame;
});

const progress = (nowMs: number): EngineMessage => ({ type: 'progress', fromEvent: 0, keptEvents: 0, events: [], fromToken: 0, keptTokens: 0, tokens: [], nowMs, playing: true, speed: 86_400, lagMs: 0 });

describe('per-frame store notifications', () => {
  it('notifies the first change at once and merges the rest of the frame into one', () => {
    const store = new TimelineStore();
    let calls = 0;
    const unsubscribe = perFrameSubscribe(store)(() => calls++);
    store.apply(progress(1));
    expect(calls).toBe(1);
    store.apply(progress(2));
    store.apply(progress(3));
    expect(calls).toBe(1);
    // The store itself is up to date at once.
    expect(store.getSnapshot().nowMs).toBe(3);
    runFrame();
    expect(calls).toBe(2);
    // A quiet frame: nothing to say, and the next change is told at once again.
    runFrame();
    expect(calls).toBe(2);
    store.apply(progress(4));
    expect(calls).toBe(3);
    unsubscribe();
    runFrame();
    store.apply(progress(5));
    expect(calls).toBe(3);
  });

  it('falls back to every change where there are no animation frames', () => {
    delete (globalThis as { requestAnimationFrame?: unknown }).requestAnimationFrame;
    const store = new TimelineStore();
    let calls = 0;
    perFrameSubscribe(store)(() => calls++);
    store.apply(progress(1));
    store.apply(progress(2));
    expect(calls).toBe(2);
  });
});
