import { describe, expect, it } from 'vitest';
import { paintCanvas, type Canvas2D } from '../../../renderer/timeline/canvas-painter.ts';
import { planFlow } from '../../../shared/figure/draw-plan.ts';
import { fitAll } from '../../../shared/figure/time-view.ts';
import { LIGHT } from '../../../shared/figure/theme.ts';
import { M, smallLanes } from '../../support/small-lanes.ts';

/** Records the calls a painter makes, with the style in force at each fill/stroke/text. */
function recorder() {
  const calls: string[] = [];
  const ctx = {
    fillStyle: '' as unknown,
    strokeStyle: '' as unknown,
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    font: '',
    textAlign: 'left',
    textBaseline: 'alphabetic',
    setTransform: (...a: number[]) => calls.push(`setTransform ${a.join(',')}`),
    clearRect: () => calls.push('clearRect'),
    fillRect: () => calls.push('fillRect'),
    beginPath: () => calls.push('beginPath'),
    rect: () => calls.push('rect'),
    roundRect: () => calls.push('roundRect'),
    moveTo: () => undefined,
    lineTo: () => undefined,
    closePath: () => undefined,
    arc: () => undefined,
    fill: () => calls.push(`fill ${typeof ctx.fillStyle === 'string' ? ctx.fillStyle : 'pattern'}`),
    stroke: () => calls.push(`stroke ${String(ctx.strokeStyle)}`),
    setLineDash: () => undefined,
    fillText: (t: string) => calls.push(`fillText ${t}`),
    strokeText: () => calls.push('strokeText'),
    createPattern: () => ({ setTransform: () => undefined }) as unknown as CanvasPattern,
    save: () => undefined,
    restore: () => undefined,
  };
  return { ctx: ctx as unknown as Canvas2D, calls };
}

const plan = planFlow(smallLanes(), 'projected', fitAll(120 * M), { width: 900, height: 300 }, LIGHT, {});

describe('canvas painter', () => {
  it('draws in CSS px under one devicePixelRatio transform', () => {
    const { ctx, calls } = recorder();
    paintCanvas(ctx, plan, { dpr: 2, createTile: () => ({ width: 0, height: 0, getContext: () => recorder().ctx }) });
    expect(calls[0]).toBe('setTransform 2,0,0,2,0,0');
    expect(calls[1]).toBe('clearRect');
  });

  it('batches same-style primitives: all the ✓ of a strip are one stroke', () => {
    const { ctx, calls } = recorder();
    paintCanvas(ctx, plan, { dpr: 1, createTile: () => ({ width: 0, height: 0, getContext: () => recorder().ctx }) });
    const checkStrokes = calls.filter((c) => c === `stroke ${LIGHT.check}`);
    expect(checkStrokes).toHaveLength(1);
    const glyphs = plan.primitives.filter((p) => p.type === 'glyph' && p.glyph === 'check');
    expect(glyphs.length).toBeGreaterThan(3);
  });

  it('draws every text primitive as text, and fills hatches with patterns', () => {
    const { ctx, calls } = recorder();
    let tiles = 0;
    paintCanvas(ctx, plan, {
      dpr: 1,
      createTile: () => {
        tiles++;
        return { width: 0, height: 0, getContext: () => recorder().ctx };
      },
    });
    const texts = plan.primitives.filter((p) => p.type === 'text').map((p) => (p.type === 'text' ? p.text : ''));
    expect(calls.filter((c) => c.startsWith('fillText ')).map((c) => c.slice(9)).sort()).toEqual(texts.sort());
    expect(calls).toContain('fill pattern');
    expect(tiles).toBe(plan.patterns.length);
  });

  it('makes each pattern tile once per context and pixel ratio', () => {
    const { ctx } = recorder();
    let tiles = 0;
    const createTile = () => {
      tiles++;
      return { width: 0, height: 0, getContext: () => recorder().ctx };
    };
    paintCanvas(ctx, plan, { dpr: 1, createTile });
    paintCanvas(ctx, plan, { dpr: 1, createTile });
    expect(tiles).toBe(plan.patterns.length);
    paintCanvas(ctx, plan, { dpr: 2, createTile });
    expect(tiles).toBe(2 * plan.patterns.length);
  });
});
