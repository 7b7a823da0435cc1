/**
 * The events a search found are drawn where they happened: a band down the flow and a tab at its top, only inside
 * the view, one mark for hits too close to tell apart; and a plan without hits (every export) has none.
 */
import { describe, expect, it } from 'vitest';
import { planFlow } from '../../../shared/figure/draw-plan.ts';
import { LIGHT } from '../../../shared/figure/theme.ts';
import type { Primitive } from '../../../shared/figure/primitives.ts';
import { layoutFlow } from '../../../shared/figure/layout.ts';
import { smallLanes } from '../../support/small-lanes.ts';

const H = 3_600_000;
const VIEW = { startMs: 1 * H, endMs: 3 * H };
const SIZE = { width: 1000, height: 300 };

function hits(times: number[]) {
  const lanes = smallLanes();
  const flow = lanes.flows[0]!.flowId;
  return planFlow(lanes, flow, VIEW, SIZE, LIGHT, {}, { searchHits: times }).primitives.filter((p) => p.role === 'search-hit' || p.role === 'search-band');
}

const centre = (p: Primitive) => (p.type === 'rect' ? p.x + p.w / 2 : Number.NaN);

describe('search hits on the lanes', () => {
  it('marks each hit in view with a band down the flow and a tab at its top, at its time', () => {
    const marks = hits([0.5 * H, 1.5 * H, 2.5 * H, 3.5 * H]);
    const tabs = marks.filter((p) => p.role === 'search-hit');
    const bands = marks.filter((p) => p.role === 'search-band');
    expect(tabs.map(centre)).toEqual([250, 750]);
    expect(bands.map(centre)).toEqual([250, 750]);
    const lanesHeight = layoutFlow(smallLanes().flows[0]!, LIGHT).height;
    for (const band of bands) if (band.type === 'rect') expect([band.y, band.h]).toEqual([0, lanesHeight]);
    for (const tab of tabs) if (tab.type === 'rect') expect(tab.stroke).toBe(LIGHT.searchHit.mark);
  });

  it('gives hits too close to tell apart one mark', () => {
    expect(hits([1.5 * H, 1.5 * H + 1000, 1.5 * H + 2000]).filter((p) => p.role === 'search-hit')).toHaveLength(1);
  });

  it('draws nothing without hits', () => {
    expect(hits([])).toEqual([]);
    const lanes = smallLanes();
    expect(planFlow(lanes, lanes.flows[0]!.flowId, VIEW, SIZE, LIGHT, {}).primitives.some((p) => p.role === 'search-hit' || p.role === 'search-band')).toBe(false);
  });
});
