import { describe, expect, it } from 'vitest';
import { viewForKey, viewForWheel } from '../../../renderer/timeline/view-input.ts';

const H = 3_600_000;
const D = 6 * H;
const view = { startMs: H, endMs: 3 * H };
const wheel = { deltaX: 0, deltaY: 0, deltaMode: 0, ctrlKey: false, metaKey: false, shiftKey: false };

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

  it('leaves Ctrl + wheel (a zoom, and a trackpad pinch) to d3-zoom', () => {
    expect(viewForWheel({ ...wheel, deltaY: -100, ctrlKey: true }, view, D, 1000)).toBeUndefined();
    expect(viewForWheel({ ...wheel, deltaX: 100, metaKey: true }, view, D, 1000)).toBeUndefined();
  });

  it('pans with a horizontal wheel or Shift + wheel, and lets a plain vertical wheel scroll the page', () => {
    expect(viewForWheel({ ...wheel, deltaX: 100 }, view, D, 1000)).toEqual({ startMs: 1.2 * H, endMs: 3.2 * H });
    expect(viewForWheel({ ...wheel, deltaY: -100, shiftKey: true }, view, D, 1000)).toEqual({ startMs: 0.8 * H, endMs: 2.8 * H });
    expect(viewForWheel({ ...wheel, deltaY: 100 }, view, D, 1000)).toBeUndefined();
  });
});
