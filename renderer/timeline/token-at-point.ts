/**
 * Where a token's bar is on screen, for end-to-end tests ("click the first token") and for keyboard focus: the centre
 * of the visible part of the bar, in CSS px relative to the plan (the flow's canvas).
 */
import type { TimeView } from '../../shared/figure/time-view.ts';
import { timeScale } from '../../shared/figure/time-scale.ts';
import { heldUntil, lastHeldStartingBy, type DrawPlan, type HitRegion } from '../../shared/figure/primitives.ts';
import type { Point } from './hit-test.ts';

function centreOf(plan: Pick<DrawPlan, 'plot'>, view: TimeView, region: Extract<HitRegion, { kind: 'token' }>, nowMs: number | undefined): Point | undefined {
  // Open-ended bars are drawn up to the view's edge (past "now", as a dashed outline); aim at the solid part if any.
  const end = Math.min(region.endMs, view.endMs, nowMs !== undefined && nowMs > region.startMs ? Math.max(nowMs, view.startMs) : Number.POSITIVE_INFINITY);
  const start = Math.max(region.startMs, view.startMs);
  if (!(end > start)) return undefined;
  const x = timeScale(view, plan.plot.width);
  const x0 = plan.plot.x + x(start);
  const x1 = plan.plot.x + x(end);
  return { x: Math.round(((x0 + x1) / 2) * 10) / 10, y: Math.round(((region.y0 + region.y1) / 2) * 10) / 10 };
}

/** A summary row's token regions, from the first one still held at the view's start. */
function* heldRegions(region: Extract<HitRegion, { kind: 'held' }>, view: TimeView): Generator<Extract<HitRegion, { kind: 'token' }>> {
  for (let i = Math.max(0, lastHeldStartingBy(region.spans, view.startMs)); i < region.spans.length; i++) {
    const held = region.spans[i]!;
    if (held.fromMs > view.endMs) return;
    const end = heldUntil(held, region.stopMs);
    if (end > held.fromMs) yield { kind: 'token', token: held.token, startMs: held.fromMs, endMs: end, y0: region.y0, y1: region.y1 };
  }
}

/** The centre of the first token bar (in lane order) that is visible in this view. */
export function firstTokenPoint(plan: Pick<DrawPlan, 'hits' | 'plot'>, view: TimeView, nowMs?: number): Point | undefined {
  for (const region of plan.hits) {
    if (region.kind === 'held') {
      for (const held of heldRegions(region, view)) {
        const point = centreOf(plan, view, held, nowMs);
        if (point) return point;
      }
    }
    if (region.kind !== 'token') continue;
    const point = centreOf(plan, view, region, nowMs);
    if (point) return point;
  }
  return undefined;
}

/** The centre of a given token's (first) bar, if visible. */
export function tokenPoint(plan: Pick<DrawPlan, 'hits' | 'plot'>, view: TimeView, token: number, nowMs?: number): Point | undefined {
  for (const region of plan.hits) {
    if (region.kind === 'held') {
      for (const held of heldRegions(region, view)) {
        if (held.token !== token) continue;
        const point = centreOf(plan, view, held, nowMs);
        if (point) return point;
      }
    }
    if (region.kind !== 'token' || region.token !== token) continue;
    const point = centreOf(plan, view, region, nowMs);
    if (point) return point;
  }
  return undefined;
}
