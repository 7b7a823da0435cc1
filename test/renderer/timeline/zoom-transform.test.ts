import { describe, expect, it } from 'vitest';
import { zoomIdentity, type ZoomTransform } from 'd3';
import { transformForView, viewForTransform, wheelZoomExponent, zoomLimits } from '../../../renderer/timeline/zoom-transform.ts';
import { timeScale } from '../../../shared/figure/time-scale.ts';

const H = 3_600_000;
const geometry = { inset: 10, width: 1000, durationMs: 6 * H };
const view = { startMs: H, endMs: 3 * H };

/** What d3-zoom does on a wheel step or a pinch: scale by 2^exponent, keeping the point under `xPx` in place. */
function zoomAround(t: ZoomTransform, exponent: number, xPx: number): ZoomTransform {
  const k = t.k * 2 ** exponent;
  const anchor = t.invertX(xPx);
  return zoomIdentity.translate(xPx - anchor * k, 0).scale(k);
}

describe('zoom transform', () => {
  it('turns a view into a transform and back', () => {
    const back = viewForTransform(transformForView(view, geometry), geometry);
    expect(back.startMs).toBeCloseTo(view.startMs, 3);
    expect(back.endMs).toBeCloseTo(view.endMs, 3);
    expect(viewForTransform(zoomIdentity, geometry)).toEqual({ startMs: 0, endMs: 6 * H });
  });

  it('zooms in on a wheel up (and a pinch) around the pointer, and out on a wheel down', () => {
    const pointerPx = geometry.inset + 250;
    const next = viewForTransform(zoomAround(transformForView(view, geometry), wheelZoomExponent(-100, 0, 1000), pointerPx), geometry);
    expect(next.endMs - next.startMs).toBeCloseTo((2 * H) / Math.exp(0.4), 0);
    expect(timeScale(next, geometry.width)(H + 0.25 * 2 * H)).toBeCloseTo(250, 6);
    const out = viewForTransform(zoomAround(transformForView(view, geometry), wheelZoomExponent(100, 0, 1000), pointerPx), geometry);
    expect(out.endMs - out.startMs).toBeGreaterThan(2 * H);
  });

  it('caps one wheel step, and counts lines and pages in pixels', () => {
    expect(wheelZoomExponent(-5000, 0, 1000)).toBeCloseTo(wheelZoomExponent(-200, 0, 1000), 12);
    expect(wheelZoomExponent(-3, 1, 1000)).toBeCloseTo(wheelZoomExponent(-48, 0, 1000), 12);
  });

  it('pans: a drag of a quarter of the width moves the view by a quarter of its span', () => {
    const t = transformForView(view, geometry);
    expect(viewForTransform(t.translate(-250 / t.k, 0), geometry)).toEqual({ startMs: 1.5 * H, endMs: 3.5 * H });
  });

  it('never leaves the scenario, and zooms from the whole of it to one second', () => {
    const t = transformForView(view, geometry);
    expect(viewForTransform(t.translate(10_000, 0), geometry)).toEqual({ startMs: 0, endMs: 2 * H });
    expect(zoomLimits(geometry).scaleExtent).toEqual([1, (6 * H) / 1000]);
  });
});
