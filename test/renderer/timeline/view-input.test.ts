import { describe, expect, it } from 'vitest';
import { viewForDrag, viewForKey, viewForPinch, viewForWheel } from '../../../renderer/timeline/view-input.ts';
import { timeScale } from '../../../shared/figure/time-scale.ts';

const H = 3_600_000;
const D = 6 * H;
const view = { startMs: H, endMs: 3 * H };
const wheel = { deltaX: 0, deltaY: 0, deltaMode: 0, ctrlKey: false, metaKey: false, shiftKey: false, offsetX: 0 };

describe('view input', () => {
  it('zooms with W/S and +/−, around the centre', () => {
    for (const key of ['w', 'W', '+', '=']) expect(viewForKey({ key }, view, D)).toEqual({ startMs: H + H / 3, endMs: 3 * H - H / 3 });
    for (const key of ['s', 'S', '-']) expect(viewForKey({ key }, view, D)).toEqual({ startMs: 0.5 * H, endMs: 3.5 * H });
  });

  it('pans with A/D and the arrow keys, and fits with F or 0', () => {
    expect(viewForKey({ key: 'd' }, view, D)).toEqual({ startMs: 1.4 * H, endMs: 3.4 * H });
    expect(viewForKey({ key: 'ArrowLeft' }, view, D)).toEqual({ startMs: 0.6 * H, endMs: 2.6 * H });
    expect(viewForKey({ key: 'f' }, view, D)).toEqual({ startMs: 0, endMs: D });
    expect(viewForKey({ key: '0' }, view, D)).toEqual({ startMs: 0, endMs: D });
  });

  it('leaves other keys and browser shortcuts alone', () => {
    expect(viewForKey({ key: ' ' }, view, D)).toBeUndefined();
    expect(viewForKey({ key: '+', ctrlKey: true }, view, D)).toBeUndefined();
    expect(viewForKey({ key: '0', metaKey: true }, view, D)).toBeUndefined();
  });

  it('zooms with Ctrl + wheel (and pinch) around the pointer', () => {
    const next = viewForWheel({ ...wheel, deltaY: -100, ctrlKey: true, offsetX: 250 }, view, D, 1000)!;
    expect(next.endMs - next.startMs).toBeLessThan(2 * H);
    const anchor = H + 0.25 * 2 * H;
    expect(timeScale(next, 1000)(anchor)).toBeCloseTo(250, 6);
    const out = viewForWheel({ ...wheel, deltaY: 100, metaKey: true, offsetX: 250 }, view, D, 1000)!;
    expect(out.endMs - out.startMs).toBeGreaterThan(2 * H);
  });

  it('pans with a horizontal wheel or Shift + wheel, and lets a plain vertical wheel scroll the page', () => {
    expect(viewForWheel({ ...wheel, deltaX: 100 }, view, D, 1000)).toEqual({ startMs: 1.2 * H, endMs: 3.2 * H });
    expect(viewForWheel({ ...wheel, deltaY: -100, shiftKey: true }, view, D, 1000)).toEqual({ startMs: 0.8 * H, endMs: 2.8 * H });
    expect(viewForWheel({ ...wheel, deltaY: 100 }, view, D, 1000)).toBeUndefined();
  });

  it('drags: the grabbed instant stays under the pointer', () => {
    expect(viewForDrag(view, -250, D, 1000)).toEqual({ startMs: 1.5 * H, endMs: 3.5 * H });
  });

  it('pinches: fingers twice as far apart show half the time', () => {
    const next = viewForPinch(view, 100, 200, 500, D, 1000);
    expect(next).toEqual({ startMs: 1.5 * H, endMs: 2.5 * H });
  });
});
