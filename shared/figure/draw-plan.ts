/**
 * The draw plan: lanes (data) + view + size + theme + selection → an ordered list of primitives in CSS pixels and hit
 * regions in data space. Pure (no DOM, no clock), so the screen's canvas, the SVG/PNG export and the golden tests all
 * paint the same plan.
 *
 * Every state is told by shape, pattern or words as well as colour:
 *   valid token        solid bar with its name ("token #2")
 *   refresh window     vertical hatch, with "80 % → kubelet refreshes" where the kubelet acted
 *   expired/invalid    a heavy end cap and ✗ ("exp", "invalidated")
 *   never expires      an arrow at the open end and the words "no exp"
 *   stolen copy        diagonal hatch with a label saying how long it works ("forever (∞)", "usable 31 m")
 *   ahead of now       dashed outline (the exp is known, the rest of the story is not)
 *   outage             cross-hatch across the flow, labelled ("kubelet down")
 * Labels are drawn only where they fit (Perfetto's rule), and stick to the left edge when a bar starts off-screen.
 */
import type { TimelineLanes } from '../lanes/lane-types.ts';
import type { ScenarioAnnotation } from '../scenario/scenario-types.ts';
import { simTimeTicks, type AxisTick } from './axis.ts';
import { layoutFlow, type FlowLayout } from './layout.ts';
import { placeAnnotations, planAnnotations } from './plan-annotations.ts';
import { Layer, PlanBuilder, type DrawPlan, type HitRegion, type Primitive } from './primitives.ts';
import type { PatternId, TimelineTheme } from './theme.ts';
import type { TimeView } from './time-view.ts';
import { timeScale } from './time-scale.ts';
import type { FlowCtx, TimelineSelection } from './plan/flow-context.ts';
import { planLane } from './plan/lane.ts';
import { planNow, planSelection } from './plan/now-line.ts';
import { planOutages } from './plan/outages.ts';
import { planSearchHits } from './plan/search-hits.ts';

export type { DrawPlan, HitRegion, Primitive } from './primitives.ts';
export type { TimelineSelection } from './plan/flow-context.ts';

export interface Size {
  width: number;
  height: number;
}

export interface FlowPlanOptions {
  /** Where the flow's drawing area starts in the output (the export puts titles and labels around it). */
  origin?: { x: number; y: number };
  /** Precomputed layout (the panel already has it for its DOM labels). */
  layout?: FlowLayout;
  /** Grid positions; defaults to the axis ticks for this view and width. */
  ticks?: readonly AxisTick[];
  /** Paint a background rectangle (the canvas clears to transparent otherwise). */
  background?: boolean;
  /**
   * Extra px on both sides of the time range that lane backgrounds extend into, so a glyph or arrow at the very first
   * or last instant is not cut in half by the canvas edge. The plan is then `origin.x + width + bleed` wide.
   */
  bleed?: number;
  /**
   * Only this vertical band of the flow (CSS px from the top of its drawing area, before `origin`) will be shown, as
   * on a canvas that covers just the visible part of a tall flow: lanes wholly outside it are left out of the plan
   * (primitives and hit regions). Everything else is planned exactly as without it.
   */
  clip?: { top: number; bottom: number };
  /** Instructor notes of this flow (see annotationsForFlow), drawn over the lanes with their labels at the top. */
  annotations?: readonly ScenarioAnnotation[];
  /** When the events the event table's search found in this flow happened, ascending (the screen's; exports have none). */
  searchHits?: readonly number[];
}

/** The plan for one flow's lanes: what the canvas of that flow shows. */
export function planFlow(
  lanes: TimelineLanes,
  flowId: string,
  view: TimeView,
  size: Size,
  theme: TimelineTheme,
  selection: TimelineSelection,
  options: FlowPlanOptions = {},
): DrawPlan {
  const flow = lanes.flows.find((f) => f.flowId === flowId);
  const b = new PlanBuilder();
  const hits: HitRegion[] = [];
  const ox = options.origin?.x ?? 0;
  const oy = options.origin?.y ?? 0;
  const W = Math.max(0, size.width);
  const patterns = new Set<PatternId>();
  const bleed = Math.max(0, options.bleed ?? 0);
  if (!flow) return finish(b, hits, patterns, theme, { width: ox + W + bleed, height: oy + size.height }, ox, W, options.background);
  const layout = options.layout ?? layoutFlow(flow, theme);
  const H = Math.max(size.height, layout.height);
  const x = timeScale(view, W);
  const ctx: FlowCtx = {
    b,
    hits,
    patterns,
    theme,
    flow,
    layout,
    view,
    now: lanes.nowMs,
    ox,
    oy,
    W,
    H,
    X: (ms: number) => ox + x(ms),
    selection,
    selectionBoxes: [],
    clip: options.clip,
  };
  if (options.background) b.add(Layer.Background, { type: 'rect', x: ox - bleed, y: oy, w: W + 2 * bleed, h: H, fill: theme.surface, role: 'background' });

  const clip = options.clip;
  const shown = clip ? layout.lanes.filter((lane) => lane.top < clip.bottom && lane.top + lane.height > clip.top) : layout.lanes;
  for (const lane of shown) {
    if (lane.index % 2 === 1) b.add(Layer.Background, { type: 'rect', x: ox - bleed, y: oy + lane.top, w: W + 2 * bleed, h: lane.height, fill: theme.laneAlt, role: 'lane-bg' });
    if (lane.index > 0) b.add(Layer.Grid, { type: 'line', x1: ox - bleed, y1: oy + lane.top + 0.5, x2: ox + W + bleed, y2: oy + lane.top + 0.5, stroke: theme.separator, strokeWidth: 1, role: 'separator' });
  }
  for (const tick of options.ticks ?? simTimeTicks(view, W, theme.tickSpacing)) {
    const x = Math.round(ctx.X(tick.ms)) + 0.5;
    if (x < ox - 1 || x > ox + W + 1) continue;
    b.add(Layer.Grid, { type: 'line', x1: x, y1: oy, x2: x, y2: oy + layout.height, stroke: theme.grid, strokeWidth: 1, role: 'grid' });
  }

  planOutages(ctx);
  if (options.searchHits && options.searchHits.length > 0) planSearchHits(ctx, options.searchHits);
  for (const lane of shown) planLane(ctx, lane);
  planNow(ctx);
  planSelection(ctx);
  if (options.annotations && options.annotations.length > 0) {
    // Labels go in the rows the layout reserved above the lanes (one at least, over the first lane, if it reserved none).
    const under: Primitive[] = [];
    const over: Primitive[] = [];
    planAnnotations(under, over, placeAnnotations(options.annotations, view, W, theme, Math.max(1, layout.noteRows)), { plotX: ox, plotW: W, labelTop: oy + 3, linesBottom: oy + H }, theme);
    for (const p of under) b.add(Layer.Grid, p);
    for (const p of over) b.add(Layer.Label, p);
  }
  return finish(b, hits, patterns, theme, { width: ox + W + bleed, height: oy + H }, ox, W, false);
}

function finish(b: PlanBuilder, hits: HitRegion[], patterns: Set<PatternId>, theme: TimelineTheme, size: Size, plotX: number, plotW: number, background: boolean | undefined): DrawPlan {
  return {
    width: size.width,
    height: size.height,
    background: background ? theme.surface : undefined,
    fontFamily: theme.fontFamily,
    patterns: [...patterns].sort().map((id) => theme.patterns[id]),
    primitives: b.flatten(),
    hits,
    plot: { x: plotX, width: plotW },
  };
}
