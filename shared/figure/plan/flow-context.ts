/**
 * What every part of a flow's plan works with: the plan being built, the flow and its layout, the view and the plot's
 * place in the output (`X` turns an instant into a pixel), and the small geometry helpers they share.
 */
import type { FlowLanes } from '../../lanes/lane-types.ts';
import type { TimeView } from '../time-view.ts';
import type { FlowLayout, LaneLayout } from '../layout.ts';
import type { HitRegion, PlanBuilder } from '../primitives.ts';
import type { PatternId, TimelineTheme } from '../theme.ts';

export interface TimelineSelection {
  token?: number | undefined;
}

export interface FlowCtx {
  b: PlanBuilder;
  hits: HitRegion[];
  patterns: Set<PatternId>;
  theme: TimelineTheme;
  flow: FlowLanes;
  layout: FlowLayout;
  view: TimeView;
  now: number;
  ox: number;
  oy: number;
  W: number;
  H: number;
  X(ms: number): number;
  selection: TimelineSelection;
  selectionBoxes: { x0: number; x1: number; y: number; h: number }[];
  clip: { top: number; bottom: number } | undefined;
}

/** Bars narrower than this are drawn as plain runs (Perfetto's level of detail): no caps, hatches or labels. */
export const TINY_BAR_PX = 3;

/** [x0, x1] of [fromMs, toMs] clipped to the visible plot (a few px of slack so strokes at the edge stay whole). */
export function visible(ctx: FlowCtx, fromMs: number, toMs: number): [number, number] | undefined {
  const x0 = Math.max(ctx.X(fromMs), ctx.ox - 4);
  const x1 = Math.min(ctx.X(toMs), ctx.ox + ctx.W + 4);
  if (!(x1 > x0) && !(x1 === x0 && toMs > fromMs)) return undefined;
  return [x0, Math.max(x1, x0 + 1)];
}

/** `visible`, but stopping at `clipRight` (where an open end's arrow head begins). */
export function clippedBefore(ctx: FlowCtx, clipRight: number): (fromMs: number, toMs: number) => [number, number] | undefined {
  return (fromMs, toMs) => {
    const v = visible(ctx, fromMs, toMs);
    if (!v) return undefined;
    const x1 = Math.min(v[1], clipRight);
    return x1 > v[0] ? [v[0], x1] : undefined;
  };
}

export function inView(ctx: FlowCtx, x: number): boolean {
  return x >= ctx.ox - 0.5 && x <= ctx.ox + ctx.W + 0.5;
}

export function pattern(ctx: FlowCtx, id: PatternId): PatternId {
  ctx.patterns.add(id);
  return id;
}

export function barY(ctx: FlowCtx, lane: LaneLayout, row: number): number {
  return ctx.oy + lane.rowY(row);
}

/** Intervals already taken by labels in one horizontal band, so labels never overprint each other. */
export class LabelBand {
  private readonly taken: [number, number][] = [];
  claim(x0: number, x1: number, gap = 6): boolean {
    for (const [a, b] of this.taken) if (x0 < b + gap && x1 > a - gap) return false;
    this.taken.push([x0, x1]);
    return true;
  }
}
