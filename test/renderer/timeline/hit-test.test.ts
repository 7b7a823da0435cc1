import { describe, expect, it } from 'vitest';
import { planFlow } from '../../../shared/figure/draw-plan.ts';
import { hitTest, tokenAt } from '../../../renderer/timeline/hit-test.ts';
import { firstTokenPoint, tokenPoint } from '../../../renderer/timeline/token-at-point.ts';
import { fitAll } from '../../../shared/figure/time-view.ts';
import { LIGHT } from '../../../shared/figure/theme.ts';
import { layoutFlow } from '../../../shared/figure/layout.ts';
import { M, smallLanes } from '../../support/small-lanes.ts';
import { timeScale } from '../../../shared/figure/time-scale.ts';

const view = fitAll(120 * M);
const lanes = smallLanes();
const layout = layoutFlow(lanes.flows[1]!, LIGHT);
const plan = planFlow(lanes, 'projected', view, { width: 1000, height: layout.height }, LIGHT, {}, { layout });
const rowCentre = (laneIndex: number, row: number) => layout.lanes[laneIndex]!.rowY(row) + LIGHT.barHeight / 2;

describe('hit testing in data space', () => {
  it('finds the token under a bar', () => {
    expect(hitTest(plan, view, { x: timeScale(view, 1000)(20 * M), y: rowCentre(0, 0) })).toEqual({ kind: 'token', token: 10 });
    expect(hitTest(plan, view, { x: timeScale(view, 1000)(80 * M), y: rowCentre(0, 1) })).toEqual({ kind: 'token', token: 11 });
  });

  it('finds the stolen copy (its token) in the attacker lane', () => {
    expect(tokenAt(plan, view, { x: timeScale(view, 1000)(45 * M), y: rowCentre(1, 0) })).toBe(10);
  });

  it('finds an event mark within a few pixels, before the bar behind it', () => {
    const writes = layout.lanes[0]!.strips[0]!;
    expect(hitTest(plan, view, { x: timeScale(view, 1000)(48 * M) + 4, y: writes.centerY })).toEqual({ kind: 'event', seq: 21, token: 11 });
  });

  it('finds nothing in empty space, and the outage behind everything else', () => {
    expect(hitTest(plan, view, { x: timeScale(view, 1000)(90 * M), y: rowCentre(0, 0) })).toBeUndefined();
    expect(hitTest(plan, view, { x: timeScale(view, 1000)(115 * M), y: rowCentre(0, 0) })).toEqual({ kind: 'span', seq: 25 });
  });

  it('survives zoom: regions are in simulated time, not pixels', () => {
    const zoomed = { startMs: 40 * M, endMs: 50 * M };
    const z = planFlow(lanes, 'projected', zoomed, { width: 1000, height: layout.height }, LIGHT, {}, { layout });
    expect(hitTest(z, zoomed, { x: timeScale(zoomed, 1000)(47 * M), y: rowCentre(0, 1) })).toBeUndefined();
    expect(hitTest(z, zoomed, { x: timeScale(zoomed, 1000)(49 * M), y: rowCentre(0, 1) })).toEqual({ kind: 'token', token: 11 });
  });

  it('gives the centre of the first visible token bar, and clicking there selects it', () => {
    const point = firstTokenPoint(plan, view, lanes.nowMs)!;
    expect(point.y).toBe(rowCentre(0, 0));
    expect(point.x).toBeCloseTo(timeScale(view, 1000)(30 * M), 0);
    expect(tokenAt(plan, view, point)).toBe(10);
    const second = tokenPoint(plan, view, 11, lanes.nowMs)!;
    expect(tokenAt(plan, view, second)).toBe(11);
  });

  it('aims at the lived part of an open-ended bar during play', () => {
    const partial = smallLanes(20 * M);
    const p = planFlow(partial, 'legacy', view, { width: 1000, height: 300 }, LIGHT, {});
    expect(firstTokenPoint(p, view, partial.nowMs)!.x).toBeCloseTo(timeScale(view, 1000)(10 * M), 0);
  });
});
