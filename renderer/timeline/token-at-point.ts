/**
 * Where a token's bar is on screen, for end-to-end tests ("click the first token") and for keyboard focus: the centre
 * of the visible part of the bar, in CSS px relative to the plan (the flow's canvas).
 */
import { msToX, type TimeView } from '../state/time-view.ts';
import type { DrawPlan, HitRegion } from './primitives.ts';
import type { Point } from './hit-test.ts';

function centreOf(plan: Pick<DrawPlan, 'plot'>, view: TimeView, region: Extract<HitRegion, { kind: 'token' }>, nowMs: number | undefined): Point | undefined {
  // Open-ended bars are drawn up to the view's edge (past "now", as a dashed outline); aim at the solid part if any.
  const end = Math.min(region.endMs, view.endMs, nowMs !== undefined && nowMs > region.startMs ? Math.max(nowMs, view.startMs) : Number.POSITIVE_INFINITY);
  const start = Math.max(region.startMs, view.startMs);
  if (!(end > start)) return undefined;
  const x0 = plan.plot.x + msToX(view, plan.plot.width, start);
  const x1 = plan.plot.x + msToX(view, plan.plot.width, end);
  return { x: Math.round(((x0 + x1) / 2) * 10) / 10, y: Math.round(((region.y0 + region.y1) / 2) * 10) / 10 };
}

/** The centre of the first token bar (in lane order) that is visible in this view. */
export function firstTokenPoint(plan: Pick<DrawPlan, 'hits' | 'plot'>, view: TimeView, nowMs?: number): Point | undefined {
  for (const region of plan.hits) {
    if (region.kind !== 'token') continue;
    const point = centreOf(plan, view, region, nowMs);
    if (point) return point;
  }
  return undefined;
}

/** The centre of a given token's (first) bar, if visible. */
export function tokenPoint(plan: Pick<DrawPlan, 'hits' | 'plot'>, view: TimeView, token: number, nowMs?: number): Point | undefined {
  for (const region of plan.hits) {
    if (region.kind !== 'token' || region.token !== token) continue;
    const point = centreOf(plan, view, region, nowMs);
    if (point) return point;
  }
  return undefined;
}
