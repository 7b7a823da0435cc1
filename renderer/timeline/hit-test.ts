/**
 * Which token or event is under the pointer, answered from the plan's hit regions in data space (Perfetto's way: no
 * listener per bar). x is converted to simulated time once; slop is in pixels so small marks stay clickable at any
 * zoom. Events (glyphs) win over bars, bars over outage spans.
 */
import { spanOf, xToMs, type TimeView } from '../../shared/figure/time-view.ts';
import { heldUntil, lastHeldStartingBy, type DrawPlan, type HitRegion } from '../../shared/figure/primitives.ts';

export type HitResult =
  | { kind: 'token'; token: number }
  | { kind: 'event'; seq: number; token: number | undefined }
  | { kind: 'span'; seq: number };

export interface Point {
  x: number;
  y: number;
}

export function hitTest(plan: Pick<DrawPlan, 'hits' | 'plot'>, view: TimeView, point: Point, slopPx = 3): HitResult | undefined {
  const width = plan.plot.width;
  if (!(width > 0)) return undefined;
  const ms = xToMs(view, width, point.x - plan.plot.x);
  const msPerPx = spanOf(view) / width;
  let bestEvent: { region: Extract<HitRegion, { kind: 'event' }>; distance: number } | undefined;
  let bestToken: { token: number; distance: number } | undefined;
  let span: Extract<HitRegion, { kind: 'span' }> | undefined;
  for (const region of plan.hits) {
    if (point.y < region.y0 - slopPx || point.y > region.y1 + slopPx) continue;
    if (region.kind === 'event') {
      const distance = Math.abs(region.atMs - ms) / msPerPx;
      if (distance <= region.radiusPx + slopPx && (!bestEvent || distance < bestEvent.distance)) bestEvent = { region, distance };
    } else if (region.kind === 'token') {
      if (point.y < region.y0 || point.y > region.y1) continue;
      const distance = ms < region.startMs ? (region.startMs - ms) / msPerPx : ms > region.endMs ? (ms - region.endMs) / msPerPx : 0;
      if (distance <= slopPx && (!bestToken || distance < bestToken.distance)) bestToken = { token: region.token, distance };
    } else if (region.kind === 'held') {
      if (point.y < region.y0 || point.y > region.y1) continue;
      // The span at this instant, or the nearest one on either side.
      const at = lastHeldStartingBy(region.spans, ms);
      for (const i of [at, at + 1]) {
        const held = region.spans[i];
        if (!held) continue;
        const end = heldUntil(held, region.stopMs);
        if (!(end > held.fromMs)) continue;
        const distance = ms < held.fromMs ? (held.fromMs - ms) / msPerPx : ms > end ? (ms - end) / msPerPx : 0;
        if (distance <= slopPx && (!bestToken || distance < bestToken.distance)) bestToken = { token: held.token, distance };
      }
    } else if (ms >= region.startMs && ms <= region.endMs && point.y >= region.y0 && point.y <= region.y1) {
      span = region;
    }
  }
  if (bestEvent) return { kind: 'event', seq: bestEvent.region.seq, token: bestEvent.region.token };
  if (bestToken) return { kind: 'token', token: bestToken.token };
  if (span) return { kind: 'span', seq: span.seq };
  return undefined;
}

/** The token a click should select: a bar's token, or the token an event mark concerns. */
export function tokenAt(plan: Pick<DrawPlan, 'hits' | 'plot'>, view: TimeView, point: Point): number | undefined {
  const hit = hitTest(plan, view, point);
  if (!hit) return undefined;
  if (hit.kind === 'token') return hit.token;
  if (hit.kind === 'event') return hit.token;
  return undefined;
}
