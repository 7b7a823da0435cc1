/**
 * What an animation frame rasterises again, read off two draw plans: a bar that grew at one end changes only the strip
 * it grew by (its stroke and corner included); a dashed outline or a pattern fill changes all along; changes far
 * apart stay separate rectangles, changes close together are rasterised as one; the same plan changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { createChangeTracker, mergeBoxes } from '../../../../shared/export/animation/changed-region.ts';
import type { DrawPlan, Primitive, RectPrimitive } from '../../../../shared/figure/primitives.ts';

const PAGE = { width: 1000, height: 400 };

function plan(primitives: Primitive[]): DrawPlan {
  return { ...PAGE, background: '#fff', fontFamily: 'DejaVu Sans', patterns: [], primitives, hits: [], plot: { x: 0, width: 1000 } };
}

const bar = (extra: Partial<RectPrimitive>): RectPrimitive => ({ type: 'rect', x: 100, y: 50, w: 200, h: 20, fill: '#0072B2', ...extra });

/** The regions frame two redraws after frame one. */
function regions(before: Primitive[], after: Primitive[]) {
  const track = createChangeTracker(PAGE);
  expect(track(plan(before))).toEqual([{ x0: 0, y0: 0, x1: 999, y1: 399 }]);
  return track(plan(after));
}

describe('the regions a frame rasterises again', () => {
  it('are none when the plan is the same', () => {
    expect(regions([bar({})], [bar({})])).toEqual([]);
  });

  it('are the strip a bar grew by at its right end, with its stroke', () => {
    expect(regions([bar({ stroke: '#00456b', strokeWidth: 1.5 })], [bar({ w: 210, stroke: '#00456b', strokeWidth: 1.5 })])).toEqual([{ x0: 296, y0: 46, x1: 314, y1: 74 }]);
  });

  it('are the strip a bar lost at its left end, and its rounded corner', () => {
    expect(regions([bar({ radius: 4 })], [bar({ x: 120, w: 180, radius: 4 })])).toEqual([{ x0: 94, y0: 48, x1: 126, y1: 72 }]);
  });

  it('are the whole of a dashed outline or a pattern fill that grew', () => {
    expect(regions([bar({ stroke: '#000', dash: [6, 4] })], [bar({ w: 210, stroke: '#000', dash: [6, 4] })])).toEqual([{ x0: 97, y0: 47, x1: 313, y1: 73 }]);
    expect(regions([bar({ pattern: 'stolen' })], [bar({ w: 210, pattern: 'stolen' })])).toEqual([{ x0: 98, y0: 48, x1: 312, y1: 72 }]);
  });

  it('are the whole of a bar that moved, and of one that appeared', () => {
    expect(regions([bar({})], [bar({ x: 110 })])).toEqual([{ x0: 98, y0: 48, x1: 312, y1: 72 }]);
    expect(regions([], [bar({ y: 300 })])).toEqual([{ x0: 98, y0: 298, x1: 302, y1: 322 }]);
  });

  it('keep changes far apart separate, and join those close together', () => {
    const far = regions([bar({}), bar({ y: 300 })], [bar({ w: 210 }), bar({ y: 300, x: 800, w: 10 })]);
    expect(far).toHaveLength(2);
    expect(mergeBoxes([{ x0: 0, y0: 0, x1: 9, y1: 9 }, { x0: 20, y0: 0, x1: 29, y1: 9 }])).toEqual([{ x0: 0, y0: 0, x1: 29, y1: 9 }]);
    expect(mergeBoxes([{ x0: 0, y0: 0, x1: 9, y1: 399 }, { x0: 500, y0: 0, x1: 999, y1: 9 }])).toHaveLength(2);
  });
});
