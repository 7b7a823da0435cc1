// @vitest-environment jsdom
/**
 * A flow taller than the screen (the one-year extension: a row per rotated token) gets a canvas only as tall as the
 * band of it that is on screen, placed over that band, and the band follows scrolling; a short flow keeps a canvas
 * the size of the whole flow. jsdom has no layout: element boxes are stubbed, the plot's top moves to "scroll".
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TimelineSnapshot } from '../../../renderer/state/timeline-store.ts';
import { fitAll } from '../../../shared/figure/time-view.ts';
import * as panelModule from '../../../renderer/timeline/TimelinePanel.tsx';
import { WINDOW_MIN_HEIGHT } from '../../../renderer/timeline/flow-window.ts';
import { builtinScenario, snapshotOf } from '../../support/scenario-snapshot.ts';

const { TimelinePanel } = panelModule;

let snapshot: TimelineSnapshot;
/** Where the tall flow's plot starts on screen (negative: scrolled past its top). */
let plotTop = 0;
const transforms: string[] = [];

beforeAll(() => {
  snapshot = snapshotOf(builtinScenario('extended-expiration'));
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const top = this.dataset.plot !== undefined && this.closest('[data-testid="timeline-flow-extended"]') ? plotTop : 0;
    return { x: 0, y: top, left: 0, top, width: 1000, height: 300, right: 1000, bottom: top + 300, toJSON: () => ({}) };
  });
  const recorded: Record<string, unknown> = {};
  const ctx = new Proxy(recorded, {
    get: (target, key) => {
      if (key === 'setTransform') return (...a: number[]) => void transforms.push(a.join(','));
      if (key in target) return target[key as string];
      return key === 'createPattern' ? () => null : () => undefined;
    },
    set: (target, key, value) => ((target[key as string] = value), true),
  });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => ctx as unknown as CanvasRenderingContext2D);
});
afterAll(() => vi.restoreAllMocks());
afterEach(cleanup);

const frame = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)));

describe('a flow taller than the screen', () => {
  it('gets a canvas over the visible band only, which follows scrolling', async () => {
    render(createElement(TimelinePanel, { snapshot, view: fitAll(snapshot.scenario!.durationMs), onViewChange: vi.fn(), selectedToken: undefined, onSelectToken: vi.fn() }));
    await frame();
    const tall = screen.getByTestId('timeline-flow-extended');
    const plot = tall.querySelector<HTMLElement>('[data-plot]')!;
    const canvas = tall.querySelector('canvas')!;
    const flowHeight = parseFloat(plot.style.height);
    expect(flowHeight).toBeGreaterThan(WINDOW_MIN_HEIGHT);
    expect(canvas.style.position).toBe('absolute');
    expect(canvas.style.top).toBe('0px');
    const bandHeight = parseFloat(canvas.style.height);
    expect(bandHeight).toBeLessThan(flowHeight);
    expect(canvas.height).toBe(Math.round(bandHeight));
    expect(Number(tall.dataset.firstTokenY)).toBeGreaterThan(0);

    // Scroll so that the flow's top is 700 px above the screen: the band moves down, painted shifted up.
    transforms.length = 0;
    plotTop = -700;
    await act(async () => document.dispatchEvent(new Event('scroll')));
    // One frame to find the new band (and re-plan), one to paint it.
    await frame();
    await frame();
    const top = parseFloat(canvas.style.top);
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThanOrEqual(700);
    expect(parseFloat(canvas.style.top) + parseFloat(canvas.style.height)).toBeGreaterThanOrEqual(700 + 300);
    expect(transforms).toContain(`1,0,0,1,0,${-top}`);
    // The first token is above the band now: its published y is relative to the canvas, so negative.
    expect(Number(tall.dataset.firstTokenY)).toBeLessThan(0);

    // The short flow beside it is still one canvas for the whole flow.
    const short = screen.getByTestId('timeline-flow-not-extended').querySelector('canvas')!;
    expect(short.style.position).toBe('');
  });
});
