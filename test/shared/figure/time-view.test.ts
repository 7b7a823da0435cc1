import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boundsOf, clamp, fitAll, MIN_SPAN_MS, panBy, spanOf, xToMs, zoomAt, type TimeView } from '../../../shared/figure/time-view.ts';
import { timeScale } from '../../../shared/figure/time-scale.ts';

const H = 3_600_000;
const SIX_HOURS = boundsOf(6 * H);

describe('time view', () => {
  it('fits the whole scenario', () => {
    expect(fitAll(6 * H)).toEqual({ startMs: 0, endMs: 6 * H });
  });

  it('gives a zero-length scenario a one-second view', () => {
    expect(fitAll(0)).toEqual({ startMs: 0, endMs: MIN_SPAN_MS });
  });

  it('zooms in around the anchor, which stays at the same place on screen', () => {
    const view = { startMs: 0, endMs: 6 * H };
    const anchor = 1.5 * H;
    const next = zoomAt(view, 2, anchor, SIX_HOURS);
    expect(spanOf(next)).toBe(3 * H);
    expect(timeScale(next, 1000)(anchor)).toBeCloseTo(timeScale(view, 1000)(anchor), 6);
  });

  it('zooms out (factor < 1) and stops at the whole duration', () => {
    const next = zoomAt({ startMs: H, endMs: 2 * H }, 0.01, 1.5 * H, SIX_HOURS);
    expect(next).toEqual({ startMs: 0, endMs: 6 * H });
  });

  it('never zooms in below one simulated second', () => {
    let view: TimeView = fitAll(6 * H);
    for (let i = 0; i < 100; i++) view = zoomAt(view, 10, 2 * H, SIX_HOURS);
    expect(spanOf(view)).toBe(MIN_SPAN_MS);
    expect(view.startMs).toBeGreaterThanOrEqual(0);
  });

  it('pans by a fraction of the span and stops at the edges without shrinking', () => {
    const view = { startMs: H, endMs: 2 * H };
    expect(panBy(view, 0.5, SIX_HOURS)).toEqual({ startMs: 1.5 * H, endMs: 2.5 * H });
    expect(panBy(view, -10, SIX_HOURS)).toEqual({ startMs: 0, endMs: H });
    expect(panBy(view, 10, SIX_HOURS)).toEqual({ startMs: 5 * H, endMs: 6 * H });
  });

  it('clamps reversed, oversized and non-finite views', () => {
    expect(clamp({ startMs: 2 * H, endMs: H }, SIX_HOURS)).toEqual({ startMs: H, endMs: 2 * H });
    expect(clamp({ startMs: -H, endMs: 9 * H }, SIX_HOURS)).toEqual({ startMs: 0, endMs: 6 * H });
    expect(clamp({ startMs: Number.NaN, endMs: H }, SIX_HOURS)).toEqual({ startMs: 0, endMs: 6 * H });
  });

  it('converts between pixels and instants', () => {
    const view = { startMs: H, endMs: 3 * H };
    expect(timeScale(view, 800)(2 * H)).toBe(400);
    expect(xToMs(view, 800, 400)).toBe(2 * H);
  });

  it('keeps every view inside [0, duration] with a span in [1 s, duration], whatever the user does', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('zoom' as const), factor: fc.double({ min: 0.01, max: 100, noNaN: true }), anchor: fc.double({ min: -1, max: 2, noNaN: true }) }),
      fc.record({ kind: fc.constant('pan' as const), fraction: fc.double({ min: -5, max: 5, noNaN: true }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 * 24 * H }), fc.array(op, { maxLength: 30 }), (duration, ops) => {
        const bounds = boundsOf(duration);
        let view = fitAll(duration);
        for (const o of ops) {
          view = o.kind === 'zoom' ? zoomAt(view, o.factor, view.startMs + o.anchor * spanOf(view), bounds) : panBy(view, o.fraction, bounds);
          expect(view.startMs).toBeGreaterThanOrEqual(bounds.minMs - 1e-6);
          expect(view.endMs).toBeLessThanOrEqual(bounds.maxMs + 1e-6);
          expect(spanOf(view)).toBeGreaterThanOrEqual(Math.min(MIN_SPAN_MS, bounds.maxMs) - 1e-6);
        }
      }),
    );
  });
});
