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
import type { FlowLanes, HeldSpan, LaneMark, MarkKind, PodSummary, StolenBar, TimelineLanes, TokenBar } from '../lanes/lane-types.ts';
import { msToX, type TimeView } from './time-view.ts';
import { formatDuration } from '../time/duration.ts';
import { simTimeTicks, type AxisTick } from './axis.ts';
import type { GlyphKind } from './glyphs.ts';
import { layoutFlow, type FlowLayout, type LaneLayout } from './layout.ts';
import { legendItems, legendSwatch } from './legend.ts';
import { heldUntil, Layer, PlanBuilder, upperBound, type DrawPlan, type HitRegion, type Primitive } from './primitives.ts';
import { estimateTextWidth, fitLabel, wrapText } from './text-metrics.ts';
import { annotationsForFlow, placeAnnotations, planAnnotations } from './plan-annotations.ts';
import type { ScenarioAnnotation } from '../scenario/scenario-types.ts';
import type { PatternId, PatternSpec, TimelineTheme } from './theme.ts';

export type { DrawPlan, HitRegion, Primitive } from './primitives.ts';

export interface Size {
  width: number;
  height: number;
}

export interface TimelineSelection {
  token?: number | undefined;
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
}

const SEVERITY: Record<MarkKind, number> = {
  'file-write': 0,
  'call-ok': 0,
  'kubectl-ok': 0,
  leak: 1,
  'call-unanswered': 1,
  'refresh-failed': 2,
  'call-denied': 2,
  'kubectl-failed': 2,
  'pod-deleted': 2,
};

/** Intervals already taken by labels in one horizontal band, so labels never overprint each other. */
class Band {
  private readonly taken: [number, number][] = [];
  claim(x0: number, x1: number, gap = 6): boolean {
    for (const [a, b] of this.taken) if (x0 < b + gap && x1 > a - gap) return false;
    this.taken.push([x0, x1]);
    return true;
  }
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
    X: (ms: number) => ox + msToX(view, W, ms),
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

  planSpans(ctx);
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

interface FlowCtx {
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

/** [x0, x1] of [fromMs, toMs] clipped to the visible plot (a few px of slack so strokes at the edge stay whole). */
function visible(ctx: FlowCtx, fromMs: number, toMs: number): [number, number] | undefined {
  const x0 = Math.max(ctx.X(fromMs), ctx.ox - 4);
  const x1 = Math.min(ctx.X(toMs), ctx.ox + ctx.W + 4);
  if (!(x1 > x0) && !(x1 === x0 && toMs > fromMs)) return undefined;
  return [x0, Math.max(x1, x0 + 1)];
}

/** `visible`, but stopping at `clipRight` (where an open end's arrow head begins). */
function clippedBefore(ctx: FlowCtx, clipRight: number): (fromMs: number, toMs: number) => [number, number] | undefined {
  return (fromMs, toMs) => {
    const v = visible(ctx, fromMs, toMs);
    if (!v) return undefined;
    const x1 = Math.min(v[1], clipRight);
    return x1 > v[0] ? [v[0], x1] : undefined;
  };
}

function inView(ctx: FlowCtx, x: number): boolean {
  return x >= ctx.ox - 0.5 && x <= ctx.ox + ctx.W + 0.5;
}

function pattern(ctx: FlowCtx, id: PatternId): PatternId {
  ctx.patterns.add(id);
  return id;
}

function planSpans(ctx: FlowCtx): void {
  const { b, theme, flow, layout, oy } = ctx;
  const band = new Band();
  const labelY = oy + layout.spanBandTop + layout.spanBandHeight / 2 + theme.font.annotation * 0.36;
  for (const span of flow.spans) {
    const end = span.toMs ?? Math.max(ctx.now, span.fromMs);
    const v = visible(ctx, span.fromMs, end);
    ctx.hits.push({ kind: 'span', seq: span.seq, startMs: span.fromMs, endMs: end, y0: oy, y1: oy + layout.height });
    if (!v) continue;
    b.add(Layer.Span, { type: 'rect', x: v[0], y: oy, w: v[1] - v[0], h: layout.height, pattern: pattern(ctx, 'outage'), role: 'span', seq: span.seq });
    for (const x of [ctx.X(span.fromMs), span.toMs !== undefined ? ctx.X(span.toMs) : undefined]) {
      if (x !== undefined && inView(ctx, x)) b.add(Layer.Span, { type: 'line', x1: x, y1: oy, x2: x, y2: oy + layout.height, stroke: theme.outage.text, strokeWidth: 1.5, dash: [3, 3], role: 'span' });
    }
    const still = span.kind === 'kubelet-down' ? `${span.label}: nobody refreshes tokens` : `${span.label}: every call fails`;
    const text = fitLabel([still, span.label], ctx.ox + ctx.W - Math.max(v[0], ctx.ox) - 12, theme.font.annotation, 700);
    if (text && layout.spanBandHeight > 0) {
      const x = Math.max(v[0], ctx.ox) + 6;
      const w = estimateTextWidth(text, theme.font.annotation, 700);
      if (band.claim(x, x + w)) {
        b.add(Layer.Label, { type: 'text', x, y: labelY, text, size: theme.font.annotation, weight: 700, fill: theme.outage.text, anchor: 'start', halo: theme.surface, role: 'label', seq: span.seq });
      }
    }
  }
  for (const marker of ctx.flow.markers) {
    const x = ctx.X(marker.atMs);
    if (!inView(ctx, x)) continue;
    b.add(Layer.Outline, { type: 'line', x1: x, y1: oy, x2: x, y2: oy + layout.height, stroke: theme.statusExpiry, strokeWidth: 2, dash: [6, 4], role: 'marker', seq: marker.seq });
    ctx.hits.push({ kind: 'event', seq: marker.seq, token: undefined, atMs: marker.atMs, y0: oy, y1: oy + layout.height, radiusPx: 5 });
    const w = estimateTextWidth(marker.label, theme.font.annotation, 700);
    if (layout.spanBandHeight > 0 && x + 6 + w < ctx.ox + ctx.W && band.claim(x + 4, x + 6 + w)) {
      b.add(Layer.Label, { type: 'text', x: x + 6, y: labelY, text: marker.label, size: theme.font.annotation, weight: 700, fill: theme.text, anchor: 'start', halo: theme.labelChip, role: 'label', seq: marker.seq });
    }
  }
}

/** Bars narrower than this are drawn as plain runs (Perfetto's level of detail): no caps, hatches or labels. */
const TINY_BAR_PX = 3;

function planLane(ctx: FlowCtx, lane: LaneLayout): void {
  if (lane.lane.summary) {
    planSummary(ctx, lane, lane.lane.summary);
    return;
  }
  const annotations = new Band();
  // Bar starts per row, sorted, so end labels ("exp", "usable 31 m") never run into the next bar.
  const rowStarts = new Map<number, number[]>();
  for (const bar of lane.lane.bars) {
    const list = rowStarts.get(bar.row) ?? [];
    list.push(ctx.X(bar.type === 'token' ? bar.issuedAtMs : bar.leakedAtMs));
    rowStarts.set(bar.row, list);
  }
  for (const list of rowStarts.values()) list.sort((a, b) => a - b);
  const roomAfter = (row: number, x: number) => {
    const starts = rowStarts.get(row) ?? [];
    const next = starts[upperBound(starts, x + 1)];
    return Math.min(next ?? Number.POSITIVE_INFINITY, ctx.ox + ctx.W) - x;
  };
  // The kubelet's refresh lines cross the caption band: a caption stops before the next one rather than be cut by it.
  const refreshXs = lane.lane.bars.flatMap((bar) => (bar.type === 'token' && bar.refreshDue ? [ctx.X(bar.refreshDue.atMs)] : [])).sort((a, b) => a - b);
  const captionRoom = (x: number) => Math.min(refreshXs[upperBound(refreshXs, x + 1)] ?? Number.POSITIVE_INFINITY, ctx.ox + ctx.W) - x;
  // Runs of tokens too thin to draw one by one ("445 tokens, each valid 1 h"): the rotation is the story, so say it.
  const runs = new Map<number, { x0: number; x1: number; y: number; h: number; count: number; lifeMs: number }>();
  const flushRun = (row: number) => {
    const run = runs.get(row);
    runs.delete(row);
    if (!run) return;
    const { theme } = ctx;
    const many = run.count > 1;
    const w = run.x1 - run.x0;
    ctx.b.add(Layer.Fill, { type: 'rect', x: run.x0, y: run.y, w, h: run.h, ...(many ? { pattern: pattern(ctx, 'rotation') } : { fill: theme.valid.fill }), role: 'token-bar' });
    if (!many) return;
    ctx.b.add(Layer.Outline, { type: 'rect', x: run.x0, y: run.y, w, h: run.h, stroke: theme.valid.stroke, strokeWidth: theme.strokeWidth, role: 'token-outline' });
    const life = formatDuration(Math.round(run.lifeMs / 60_000) * 60_000);
    const size = Math.min(theme.font.barLabel, run.h - 6);
    const left = Math.max(run.x0, ctx.ox);
    const text = fitLabel([`${run.count} tokens, one after another, each valid ${life}`, `${run.count} tokens, each valid ${life}`, `${run.count} tokens`], Math.min(run.x1, ctx.ox + ctx.W) - left - 24, size, 700);
    if (!text) return;
    const tw = estimateTextWidth(text, size, 700);
    ctx.b.add(Layer.Label, { type: 'rect', x: left + 6, y: run.y + 3, w: tw + 12, h: run.h - 6, fill: theme.labelChip, radius: 4, role: 'label' });
    ctx.b.add(Layer.Label, { type: 'text', x: left + 12, y: run.y + run.h / 2 + size * 0.36, text, size, weight: 700, fill: theme.text, anchor: 'start', role: 'label' });
  };
  const viewStart = ctx.view.startMs;
  const viewEnd = ctx.view.endMs;
  for (const bar of lane.lane.bars) {
    if (bar.type !== 'token') {
      planStolenBar(ctx, lane, bar, roomAfter);
      continue;
    }
    const endMs = bar.endMs ?? Number.POSITIVE_INFINITY;
    if (endMs < viewStart || bar.issuedAtMs > viewEnd) continue; // off-screen: nothing to draw or hit
    const x0 = ctx.X(bar.issuedAtMs);
    const x1 = ctx.X(Math.min(endMs, ctx.now, viewEnd));
    if (bar.endMs !== undefined && bar.endMs <= ctx.now && x1 - x0 < TINY_BAR_PX && ctx.selection.token !== bar.token) {
      const y = barY(ctx, lane, bar.row);
      ctx.hits.push({ kind: 'token', token: bar.token, startMs: bar.issuedAtMs, endMs, y0: y, y1: y + lane.barHeight });
      const run = runs.get(bar.row);
      if (run && x0 <= run.x1 + 1) {
        run.x1 = Math.max(run.x1, x1, x0 + 1);
        run.count++;
      } else {
        flushRun(bar.row);
        runs.set(bar.row, { x0: Math.max(x0, ctx.ox - 4), x1: Math.max(x1, x0 + 1), y, h: lane.barHeight, count: 1, lifeMs: endMs - bar.issuedAtMs });
      }
      continue;
    }
    planTokenBar(ctx, lane, bar, annotations, roomAfter, captionRoom);
  }
  for (const row of [...runs.keys()]) flushRun(row);
  for (const mark of lane.lane.marks) planLaneMark(ctx, lane, mark, annotations, captionRoom);
  for (const strip of lane.strips) planStrip(ctx, strip.strip.marks, strip.centerY);
}

/**
 * A summary lane: its caption over the rows, then each pod's row — the tokens its file held, one after another. A
 * token too thin to draw alone joins a run drawn with the rotation hatch (many tokens in a row); a token with no exp
 * that is still held goes on past now to the edge, as "ahead of now". Only the rows inside the clip are planned.
 */
function planSummary(ctx: FlowCtx, lane: LaneLayout, summary: PodSummary): void {
  const { b, theme } = ctx;
  const size = theme.font.annotation;
  const caption = fitLabel([summary.caption], ctx.W - 12, size, 700);
  if (caption) b.add(Layer.Label, { type: 'text', x: ctx.ox + 6, y: ctx.oy + lane.top + theme.laneTopPad - 7, text: caption, size, weight: 700, fill: theme.text, anchor: 'start', halo: theme.surface, role: 'label' });
  const stride = lane.rowY(1) - lane.rowY(0);
  const h = lane.barHeight;
  const outline = h >= 5;
  let first = 0;
  let last = summary.rows.length - 1;
  if (ctx.clip) {
    first = Math.max(0, Math.floor((ctx.clip.top - lane.barsTop) / stride) - 1);
    last = Math.min(last, Math.ceil((ctx.clip.bottom - lane.barsTop) / stride) + 1);
  }
  const viewStart = ctx.view.startMs;
  const viewEnd = ctx.view.endMs;
  // Allocation-free per token: a row of a 30-day run holds hundreds of tokens, and this runs on every batch.
  const msPerPx = (viewEnd - viewStart) / Math.max(1, ctx.W);
  const left = ctx.ox - 4;
  const right = ctx.ox + ctx.W + 4;
  for (let r = first; r <= last; r++) {
    const row = summary.rows[r]!;
    const y = ctx.oy + lane.rowY(r);
    const stop = Math.min(ctx.now, row.deletedMs ?? Number.POSITIVE_INFINITY);
    ctx.hits.push({ kind: 'held', spans: row.held, stopMs: stop, y0: y, y1: y + h });
    let runX0 = 0;
    let runX1 = Number.NEGATIVE_INFINITY;
    let runCount = 0;
    const flush = () => {
      if (runCount === 0) return;
      b.add(Layer.Fill, { type: 'rect', x: runX0, y, w: runX1 - runX0, h, ...(runCount > 1 ? { pattern: pattern(ctx, 'rotation') } : { fill: theme.valid.fill }), role: 'token-bar' });
      runCount = 0;
    };
    for (let k = firstHeldAtOrAfter(row.held, viewStart); k < row.held.length; k++) {
      const span = row.held[k]!;
      if (span.fromMs > viewEnd) break;
      if (span.endMs === undefined && span.toMs === undefined && row.deletedMs === undefined && ctx.now < viewEnd) {
        // Never expires and nothing replaces it: it goes on.
        const future = visible(ctx, Math.max(span.fromMs, ctx.now), viewEnd);
        if (future) b.add(Layer.Fill, { type: 'rect', x: future[0], y, w: future[1] - future[0], h, fill: theme.future.fill, role: 'token-future', token: span.token });
      }
      const until = heldUntil(span, stop);
      if (!(until > span.fromMs)) continue;
      // `visible`, inline.
      const rawX0 = ctx.X(span.fromMs);
      const x0 = Math.max(rawX0, left);
      const x1c = Math.min(ctx.X(until), right);
      if (!(x1c > x0) && !(x1c === x0 && until > span.fromMs)) continue;
      const x1 = Math.max(x1c, x0 + 1);
      if (ctx.selection.token === span.token) ctx.selectionBoxes.push({ x0, x1, y, h });
      if (until - span.fromMs < TINY_BAR_PX * msPerPx) {
        if (runCount > 0 && x0 <= runX1 + 1) {
          runX1 = Math.max(runX1, x1);
          runCount++;
        } else {
          flush();
          runX0 = x0;
          runX1 = x1;
          runCount = 1;
        }
        continue;
      }
      flush();
      // A 1 px gap where the next token takes over, so each token reads as its own bar.
      const w = span.toMs !== undefined && span.toMs <= stop ? Math.max(1, x1 - x0 - 1) : x1 - x0;
      b.add(Layer.Fill, { type: 'rect', x: x0, y, w, h, fill: theme.valid.fill, role: 'token-bar', token: span.token });
      if (outline) b.add(Layer.Outline, { type: 'rect', x: x0, y, w, h, stroke: theme.valid.stroke, strokeWidth: 1, role: 'token-outline', token: span.token });
    }
    flush();
  }
}

/** First index in `held` (in time order) whose span is still held at or after `ms`. */
function firstHeldAtOrAfter(held: readonly HeldSpan[], ms: number): number {
  let lo = 0;
  let hi = held.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((held[mid]!.toMs ?? Number.POSITIVE_INFINITY) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}


/** First index in `marks` (in time order) at or after `ms`. */
function firstMarkAtOrAfter(marks: readonly LaneMark[], ms: number): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid]!.atMs < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function barY(ctx: FlowCtx, lane: LaneLayout, row: number): number {
  return ctx.oy + lane.rowY(row);
}

function planTokenBar(
  ctx: FlowCtx,
  lane: LaneLayout,
  bar: TokenBar,
  annotations: Band,
  roomAfter: (row: number, x: number) => number,
  captionRoom: (x: number) => number,
): void {
  const { b, theme } = ctx;
  const y = barY(ctx, lane, bar.row);
  const h = lane.barHeight;
  const start = bar.issuedAtMs;
  const end = bar.endMs;
  const open = end === undefined;
  const pastEnd = Math.min(end ?? Number.POSITIVE_INFINITY, ctx.now);
  const viewEndMs = ctx.view.endMs;
  const arrowSize = Math.round(h * 0.9);
  const arrowAtEdge = open && start < viewEndMs;
  // An open-ended bar stops short of the right edge; the arrow head, taller than the bar, carries it on.
  const vis = clippedBefore(ctx, arrowAtEdge ? ctx.ox + ctx.W - arrowSize + 2 : Number.POSITIVE_INFINITY);

  ctx.hits.push({ kind: 'token', token: bar.token, startMs: start, endMs: end ?? Number.POSITIVE_INFINITY, y0: y, y1: y + h });

  // Past: what has happened, in the segment styles.
  let validSpan: [number, number] | undefined;
  if (pastEnd > start) {
    for (const seg of bar.segments) {
      const to = Math.min(seg.toMs ?? Number.POSITIVE_INFINITY, pastEnd);
      if (!(to > seg.fromMs)) continue;
      const v = vis(seg.fromMs, to);
      if (!v) continue;
      if (seg.kind === 'valid') {
        b.add(Layer.Fill, { type: 'rect', x: v[0], y, w: v[1] - v[0], h, fill: theme.valid.fill, role: 'token-bar', token: bar.token });
        if (!validSpan) validSpan = v;
      } else {
        b.add(Layer.Fill, { type: 'rect', x: v[0], y, w: v[1] - v[0], h, pattern: pattern(ctx, seg.kind === 'refresh' ? 'refresh' : 'stale'), role: 'token-bar', token: bar.token });
      }
    }
    const v = vis(start, pastEnd);
    if (v) b.add(Layer.Outline, { type: 'rect', x: v[0], y, w: v[1] - v[0], h, stroke: theme.valid.stroke, strokeWidth: theme.strokeWidth, role: 'token-outline', token: bar.token });
  }
  // Future: already known (an exp, or no exp at all), not yet lived.
  if ((end ?? Number.POSITIVE_INFINITY) > ctx.now && ctx.now < viewEndMs) {
    const from = Math.max(start, ctx.now);
    const v = vis(from, end ?? viewEndMs + (ctx.view.endMs - ctx.view.startMs));
    if (v) {
      b.add(Layer.Fill, { type: 'rect', x: v[0], y, w: v[1] - v[0], h, fill: theme.future.fill, role: 'token-future', token: bar.token });
      b.add(Layer.Outline, { type: 'rect', x: v[0], y, w: v[1] - v[0], h, stroke: theme.future.stroke, strokeWidth: theme.strokeWidth, dash: [6, 4], role: 'token-future', token: bar.token });
    }
  }
  const whole = vis(start, end ?? viewEndMs + (ctx.view.endMs - ctx.view.startMs));
  if (whole && ctx.selection.token === bar.token) ctx.selectionBoxes.push({ x0: whole[0], x1: arrowAtEdge ? ctx.ox + ctx.W : whole[1], y, h });

  // The end: a cap and ✗ once it has happened, a dashed cap while it is still ahead.
  if (end !== undefined) {
    const x = ctx.X(end);
    if (inView(ctx, x)) {
      const happened = end <= ctx.now;
      b.add(Layer.Outline, { type: 'line', x1: x, y1: y - 4, x2: x, y2: y + h + 4, stroke: theme.endCap, strokeWidth: theme.capWidth, ...(happened ? {} : { dash: [4, 3] }), role: 'end-cap', token: bar.token });
      const g = theme.glyphSize;
      const word = bar.endReason === 'invalidated' ? 'invalidated' : 'exp';
      const room = roomAfter(bar.row, x);
      if (happened && room > g + 6) {
        b.add(Layer.Mark, { type: 'glyph', glyph: 'cross', x: x + theme.capWidth / 2 + g / 2 + 3, y: y + h / 2, size: g, color: theme.cross, role: 'end-mark', token: bar.token });
      }
      const labelX = x + theme.capWidth / 2 + (happened ? g + 8 : 5);
      const text = fitLabel([word], ctx.ox + ctx.W - labelX - 2, theme.font.annotation, 600);
      if (text && room > labelX - x + estimateTextWidth(text, theme.font.annotation, 600) + 4) {
        b.add(Layer.Label, { type: 'text', x: labelX, y: y + h / 2 + theme.font.annotation * 0.36, text, size: theme.font.annotation, weight: 600, fill: theme.text, anchor: 'start', halo: theme.surface, role: 'label', token: bar.token });
      }
    }
  }
  if (arrowAtEdge) {
    const tip = ctx.ox + ctx.W - 1;
    const past = ctx.now >= viewEndMs;
    b.add(Layer.Mark, { type: 'arrow', x: tip, y: y + h / 2, size: arrowSize, fill: past ? theme.valid.fill : theme.future.stroke, stroke: theme.valid.stroke, strokeWidth: 1, role: 'open-end', token: bar.token });
  }

  // Name (and, for a legacy token, its defining property), inside the solid part.
  const labelSpan = validSpan ?? (pastEnd > start ? vis(start, pastEnd) : undefined);
  if (labelSpan && !lane.lane.compact) {
    const right = labelSpan[1];
    const left = Math.max(labelSpan[0], ctx.ox);
    const n = bar.number;
    const candidates =
      bar.tokenKind === 'legacy'
        ? [`token #${n} · no exp claim: valid until someone deletes its Secret`, `token #${n} · no exp: valid forever`, `token #${n} · no exp`, `token #${n}`, `#${n}`]
        : bar.requester === 'kubectl'
          ? [`token #${n} · kubectl, never refreshed`, `token #${n}`, `#${n}`]
          : [`token #${n}`, `#${n}`];
    const size = theme.font.barLabel;
    const text = fitLabel(candidates, right - left - 14, size, 700);
    // During play the lived part may be short while the bar (ahead of now) is long: then the label goes in the part
    // ahead of now, whose fill is light, in the ink colour; nothing is laid over the solid part, whose fill is its state.
    const ahead = whole && whole[1] > right + 20 ? fitLabel(candidates, Math.min(whole[1], ctx.ox + ctx.W) - right - 20, size, 700) : undefined;
    if (ahead && candidates.indexOf(ahead) < (text === undefined ? candidates.length : candidates.indexOf(text))) {
      b.add(Layer.Label, { type: 'text', x: right + 10, y: y + h / 2 + size * 0.36, text: ahead, size, weight: 700, fill: theme.text, anchor: 'start', role: 'label', token: bar.token });
    } else if (text) {
      b.add(Layer.Label, { type: 'text', x: left + 7, y: y + h / 2 + size * 0.36, text, size, weight: 700, fill: validSpan ? theme.valid.text : theme.refresh.text, anchor: 'start', role: 'label', token: bar.token });
    }
  }

  // Where the kubelet acted: a dashed line from the annotation band down to the file write it caused.
  if (bar.refreshDue) {
    const x = ctx.X(bar.refreshDue.atMs);
    if (inView(ctx, x)) {
      const writes = lane.strips.find((s) => s.strip.id.endsWith('/writes'));
      const top = ctx.oy + lane.top + 4;
      const bottom = writes ? ctx.oy + writes.centerY - theme.glyphSize * 0.45 : y + h + 4;
      b.add(Layer.Outline, { type: 'line', x1: x, y1: top, x2: x, y2: bottom, stroke: theme.refreshDue, strokeWidth: Math.max(2, theme.strokeWidth), dash: [4, 3], role: 'refresh-due', token: bar.token, seq: bar.refreshDue.seq });
      ctx.hits.push({ kind: 'event', seq: bar.refreshDue.seq, token: bar.token, atMs: bar.refreshDue.atMs, y0: top, y1: top + theme.laneTopPad, radiusPx: 5 });
      const pct = bar.refreshDue.rule === 'max-24h' ? '24 h' : '80 %';
      const size = theme.font.annotation;
      const text = fitLabel([`${pct} → kubelet refreshes`, `${pct} → refresh`, pct], captionRoom(x) - 10, size, 700);
      if (text) {
        const w = estimateTextWidth(text, size, 700);
        if (annotations.claim(x + 4, x + 4 + w)) {
          b.add(Layer.Label, { type: 'text', x: x + 5, y: ctx.oy + lane.top + theme.laneTopPad - 7, text, size, weight: 700, fill: theme.refreshDue, anchor: 'start', halo: theme.surface, role: 'label', seq: bar.refreshDue.seq });
        }
      }
    }
  }
  // The expiry the kubelet was told, when the JWT says something later (the one-year extension).
  if (bar.statusExpirationMs !== undefined && bar.expMs !== undefined && Math.abs(bar.expMs - bar.statusExpirationMs) > 1000) {
    const x = ctx.X(bar.statusExpirationMs);
    if (inView(ctx, x) && (bar.endMs === undefined || bar.statusExpirationMs <= bar.endMs)) {
      b.add(Layer.Mark, { type: 'glyph', glyph: 'diamond', x, y: y + h / 2, size: theme.glyphSize, color: theme.statusExpiry, outline: theme.surface, role: 'status-expiry', token: bar.token });
    }
  }
}

function planStolenBar(ctx: FlowCtx, lane: LaneLayout, bar: StolenBar, roomAfter: (row: number, x: number) => number): void {
  const { b, theme } = ctx;
  const y = barY(ctx, lane, bar.row);
  const h = lane.barHeight;
  const start = bar.leakedAtMs;
  const end = bar.usableUntilMs;
  const pastEnd = Math.min(end ?? Number.POSITIVE_INFINITY, ctx.now);
  const viewEndMs = ctx.view.endMs;
  const arrowSize = Math.round(h * 0.9);
  const open = end === undefined;
  const arrowAtEdge = open && start < viewEndMs;
  const vis = clippedBefore(ctx, arrowAtEdge ? ctx.ox + ctx.W - arrowSize + 2 : Number.POSITIVE_INFINITY);
  ctx.hits.push({ kind: 'token', token: bar.token, startMs: start, endMs: end ?? Number.POSITIVE_INFINITY, y0: y, y1: y + h });

  let pastSpan: [number, number] | undefined;
  if (pastEnd > start) {
    pastSpan = vis(start, pastEnd);
    if (pastSpan) {
      b.add(Layer.Fill, { type: 'rect', x: pastSpan[0], y, w: pastSpan[1] - pastSpan[0], h, pattern: pattern(ctx, 'stolen'), role: 'stolen-window', token: bar.token });
      b.add(Layer.Outline, { type: 'rect', x: pastSpan[0], y, w: pastSpan[1] - pastSpan[0], h, stroke: theme.stolen.stroke, strokeWidth: theme.strokeWidth, role: 'stolen-window', token: bar.token });
    }
  }
  if ((end ?? Number.POSITIVE_INFINITY) > ctx.now && ctx.now < viewEndMs) {
    const v = vis(Math.max(start, ctx.now), end ?? viewEndMs + (ctx.view.endMs - ctx.view.startMs));
    if (v) b.add(Layer.Outline, { type: 'rect', x: v[0], y, w: v[1] - v[0], h, stroke: theme.stolen.stroke, strokeWidth: theme.strokeWidth, dash: [6, 4], role: 'stolen-future', token: bar.token });
  }
  const whole = vis(start, end ?? viewEndMs + (ctx.view.endMs - ctx.view.startMs));
  if (whole && ctx.selection.token === bar.token) ctx.selectionBoxes.push({ x0: whole[0], x1: arrowAtEdge ? ctx.ox + ctx.W : whole[1], y, h });

  const g = theme.glyphSize;
  let afterEndX: number | undefined;
  if (end !== undefined) {
    const x = ctx.X(end);
    if (inView(ctx, x)) {
      const happened = end <= ctx.now;
      b.add(Layer.Outline, { type: 'line', x1: x, y1: y - 4, x2: x, y2: y + h + 4, stroke: theme.endCap, strokeWidth: theme.capWidth, ...(happened ? {} : { dash: [4, 3] }), role: 'end-cap', token: bar.token });
      if (happened) b.add(Layer.Mark, { type: 'glyph', glyph: 'cross', x: x + theme.capWidth / 2 + g / 2 + 3, y: y + h / 2, size: g, color: theme.cross, role: 'end-mark', token: bar.token });
      afterEndX = x + theme.capWidth / 2 + (happened ? g + 10 : 6);
    }
  } else if (arrowAtEdge) {
    b.add(Layer.Mark, { type: 'arrow', x: ctx.ox + ctx.W - 1, y: y + h / 2, size: arrowSize, fill: theme.stolen.stroke, stroke: theme.stolen.stroke, strokeWidth: 1, role: 'open-end', token: bar.token });
  }

  const size = theme.font.barLabel;
  const copy = `stolen copy of token #${bar.number}`;
  const usable = end !== undefined ? formatDuration(end - start) : '';
  const candidates = open
    ? [`${copy} still works: forever (∞)`, `stolen copy works forever (∞)`, `forever (∞)`, '∞']
    : end! <= ctx.now
      ? bar.endReason === 'invalidated'
        ? [`${copy} rejected once invalidated: usable ${usable}`, `rejected once invalidated: usable ${usable}`, `usable ${usable}`]
        : [`${copy} dies at exp + 60 s leeway: usable ${usable}`, `dies at exp + 60 s leeway: usable ${usable}`, `usable ${usable}`]
      : bar.endReason === 'invalidated'
        ? [`${copy} works until it is invalidated`, 'works until invalidated']
        : [`${copy} works until exp + 60 s leeway`, 'works until exp + 60 s'];
  // Inside the window when it fits, on a chip over the hatch; otherwise just after its end.
  const inside = whole ?? pastSpan;
  const left = inside ? Math.max(inside[0], ctx.ox) : 0;
  const right = inside ? inside[1] : 0;
  // The most telling caption that fits anywhere: inside first, then after the end.
  const roomOutside = afterEndX !== undefined ? Math.min(roomAfter(bar.row, afterEndX), ctx.ox + ctx.W - afterEndX) - 4 : 0;
  let text: string | undefined;
  let x = left + 10;
  for (const candidate of candidates) {
    const w = estimateTextWidth(candidate, size, 700);
    if (inside && w <= right - left - 22) {
      text = candidate;
      break;
    }
    if (afterEndX !== undefined && w <= roomOutside) {
      text = candidate;
      x = afterEndX;
      break;
    }
  }
  if (text) {
    b.add(Layer.Label, { type: 'text', x, y: y + h / 2 + size * 0.36, text, size, weight: 700, fill: theme.stolen.text, anchor: 'start', halo: theme.labelChip, role: 'label', token: bar.token });
  }
}

function planLaneMark(ctx: FlowCtx, lane: LaneLayout, mark: LaneMark, annotations: Band, captionRoom: (x: number) => number): void {
  const { b, theme } = ctx;
  const x = ctx.X(mark.atMs);
  if (!inView(ctx, x)) return;
  const g = theme.glyphSize;
  const top = ctx.oy + lane.top;
  if (mark.kind === 'leak') {
    const y = ctx.oy + lane.barsTop - g * 0.5 - 1;
    b.add(Layer.Mark, { type: 'glyph', glyph: 'down', x, y, size: g + 2, color: theme.stolen.stroke, outline: theme.surface, role: 'mark', seq: mark.seq, token: mark.token });
    ctx.hits.push({ kind: 'event', seq: mark.seq, token: mark.token, atMs: mark.atMs, y0: y - g / 2, y1: y + g / 2, radiusPx: g / 2 + 2 });
    const size = theme.font.annotation;
    const text = fitLabel(['copied by the attacker', 'copied'], captionRoom(x) - 16, size, 700);
    if (text) {
      const w = estimateTextWidth(text, size, 700);
      if (annotations.claim(x + 10, x + 10 + w)) {
        b.add(Layer.Label, { type: 'text', x: x + 11, y: top + theme.laneTopPad - 7, text, size, weight: 700, fill: theme.stolen.text, anchor: 'start', halo: theme.surface, role: 'label', seq: mark.seq });
      }
    }
    return;
  }
  if (mark.kind === 'pod-deleted') {
    const bottom = ctx.oy + lane.rowY(Math.max(0, lane.lane.rows - 1)) + lane.barHeight + 4;
    b.add(Layer.Outline, { type: 'line', x1: x, y1: top + 4, x2: x, y2: bottom, stroke: theme.endCap, strokeWidth: 2, dash: [2, 3], role: 'marker', seq: mark.seq });
    ctx.hits.push({ kind: 'event', seq: mark.seq, token: undefined, atMs: mark.atMs, y0: top, y1: bottom, radiusPx: 5 });
    const size = theme.font.annotation;
    const text = fitLabel(['pod deleted'], captionRoom(x) - 10, size, 700);
    if (text) {
      const w = estimateTextWidth(text, size, 700);
      if (annotations.claim(x + 4, x + 4 + w)) {
        b.add(Layer.Label, { type: 'text', x: x + 5, y: top + theme.laneTopPad - 7, text, size, weight: 700, fill: theme.text, anchor: 'start', halo: theme.surface, role: 'label', seq: mark.seq });
      }
    }
  }
}

const GLYPH_OF: Record<MarkKind, GlyphKind> = {
  'file-write': 'dot',
  'refresh-failed': 'cross',
  'call-ok': 'check',
  'call-denied': 'cross',
  'call-unanswered': 'dash',
  leak: 'down',
  'kubectl-ok': 'check',
  'kubectl-failed': 'cross',
  'pod-deleted': 'cross',
};

/**
 * A row of glyphs. Marks closer than a glyph merge into one, and the worst outcome wins the pixel (a ✗ is never hidden
 * under a ✓).
 */
function planStrip(ctx: FlowCtx, marks: readonly LaneMark[], centerY: number): void {
  const { b, theme } = ctx;
  const g = theme.glyphSize;
  const y = ctx.oy + centerY;
  const buckets: { x: number; mark: LaneMark }[] = [];
  const msPerPx = (ctx.view.endMs - ctx.view.startMs) / Math.max(1, ctx.W);
  for (let i = firstMarkAtOrAfter(marks, ctx.view.startMs - g * msPerPx); i < marks.length; i++) {
    const mark = marks[i]!;
    const x = ctx.X(mark.atMs);
    if (x > ctx.ox + ctx.W + g / 2) break;
    if (x < ctx.ox - g / 2) continue;
    const last = buckets[buckets.length - 1];
    if (last && x - last.x < g * 0.95) {
      if (SEVERITY[mark.kind] > SEVERITY[last.mark.kind]) last.mark = mark;
      continue;
    }
    buckets.push({ x, mark });
  }
  buckets.forEach(({ x, mark }, i) => {
    const glyph = GLYPH_OF[mark.kind];
    const color =
      glyph === 'check' ? theme.check : glyph === 'cross' ? theme.cross : glyph === 'dash' ? theme.unanswered : glyph === 'dot' ? theme.fileWrite.fill : theme.text;
    b.add(Layer.Mark, { type: 'glyph', glyph, x, y, size: g, color, ...(glyph === 'dot' ? { outline: theme.fileWrite.stroke } : {}), role: 'mark', seq: mark.seq, ...(mark.token !== undefined ? { token: mark.token } : {}) });
    ctx.hits.push({ kind: 'event', seq: mark.seq, token: mark.token, atMs: mark.atMs, y0: y - g / 2 - 3, y1: y + g / 2 + 3, radiusPx: g / 2 + 3 });
    if (mark.label) {
      const next = buckets[i + 1]?.x ?? ctx.ox + ctx.W + g;
      const x0 = x + g / 2 + 6;
      const size = theme.font.annotation;
      // Shorter and shorter until it fits before the next mark: the command, then its verb and object, then its verb.
      const short = mark.label.split(' → ')[0] ?? mark.label;
      const words = short.split(' ');
      const candidates = [...new Set([mark.label, short, words.slice(0, 2).join(' '), words[0] ?? short])];
      const text = fitLabel(candidates, Math.min(next - g / 2 - 2, ctx.ox + ctx.W) - x0 - 4, size, 400);
      if (text) b.add(Layer.Label, { type: 'text', x: x0, y: y + size * 0.36, text, size, weight: 400, fill: theme.text, anchor: 'start', halo: theme.surface, role: 'label', seq: mark.seq });
    }
  });
}

function planNow(ctx: FlowCtx): void {
  const x = ctx.X(ctx.now);
  if (!inView(ctx, x)) return;
  ctx.b.add(Layer.Now, { type: 'line', x1: x, y1: ctx.oy, x2: x, y2: ctx.oy + ctx.layout.height, stroke: ctx.theme.now.line, strokeWidth: ctx.theme.name === 'projector' ? 3 : 2, role: 'now' });
}

function planSelection(ctx: FlowCtx): void {
  for (const box of ctx.selectionBoxes) {
    const x0 = Math.max(box.x0, ctx.ox + 1);
    const x1 = Math.min(box.x1, ctx.ox + ctx.W - 1);
    if (x1 <= x0) continue;
    ctx.b.add(Layer.Selection, { type: 'rect', x: x0 - 3.5, y: box.y - 3.5, w: x1 - x0 + 7, h: box.h + 7, stroke: ctx.theme.selection.outer, strokeWidth: 3, radius: 3, role: 'selection', token: ctx.selection.token! });
    ctx.b.add(Layer.Selection, { type: 'rect', x: x0 - 1, y: box.y - 1, w: x1 - x0 + 2, h: box.h + 2, stroke: ctx.theme.selection.inner, strokeWidth: 1.5, role: 'selection', token: ctx.selection.token! });
  }
}

const UNDERLAY_ROLES: ReadonlySet<string> = new Set(['background', 'lane-bg', 'grid', 'separator']);

export interface TimelinePlanOptions {
  /** Scenario title and takeaway above the flows (default true). */
  header?: boolean;
  legend?: boolean;
  /** Instructor notes: each flow card gets rows for their labels above its lanes. */
  annotations?: readonly ScenarioAnnotation[];
}

/**
 * The whole figure, as exported: for every flow a card with its title, subtitle and lane labels beside its lanes;
 * one shared time axis with the "now" badge; the legend. The lane areas are exactly `planFlow`'s output.
 */
export function planTimeline(
  lanes: TimelineLanes,
  view: TimeView,
  size: Size,
  theme: TimelineTheme,
  selection: TimelineSelection,
  options: TimelinePlanOptions = {},
): DrawPlan {
  const f = theme.font;
  const margin = theme.name === 'projector' ? 28 : 24;
  const pad = theme.name === 'projector' ? 20 : 16;
  const W = Math.max(size.width, theme.labelColumnWidth + 300);
  const plotX = margin + pad + theme.labelColumnWidth;
  const plotW = W - plotX - margin - pad;
  const ticks = simTimeTicks(view, plotW, theme.tickSpacing);
  const chromeBack: Primitive[] = [];
  const chromeFront: Primitive[] = [];
  const flowPrims: Primitive[] = [];
  const notePrims: Primitive[] = [];
  const hits: HitRegion[] = [];
  const patterns = new Map<PatternId, PatternSpec>();
  const text = (x: number, y: number, t: string, size: number, weight: 400 | 600 | 700, fill: string, anchor: 'start' | 'middle' | 'end' = 'start') =>
    chromeFront.push({ type: 'text', x, y, text: t, size, weight, fill, anchor, role: 'chrome' });
  const clip = (t: string, maxW: number, size: number, weight: number) => {
    if (estimateTextWidth(t, size, weight) <= maxW) return t;
    let s = t;
    while (s.length > 1 && estimateTextWidth(`${s}…`, size, weight) > maxW) s = s.slice(0, -1);
    return `${s.trimEnd()}…`;
  };

  let y = margin;
  if (options.header !== false && lanes.title) {
    y += f.flowTitle + 2;
    text(margin, y, clip(lanes.title, W - 2 * margin, f.flowTitle + 2, 700), f.flowTitle + 2, 700, theme.text);
    if (lanes.takeaway) {
      for (const line of wrapText(lanes.takeaway, W - 2 * margin, f.flowSubtitle, 400, 2)) {
        y += f.flowSubtitle * 1.6;
        text(margin, y, line, f.flowSubtitle, 400, theme.mutedText);
      }
    }
    y += 18;
  }
  for (const flow of lanes.flows) {
    const layout = layoutFlow(flow, theme);
    const cardTop = y;
    const titleY = cardTop + pad + f.flowTitle * 0.85;
    const subtitleY = titleY + f.flowSubtitle * 1.5;
    const notes = placeAnnotations(annotationsForFlow(options.annotations ?? [], flow.flowId), view, plotW, theme);
    const notesTop = subtitleY + f.flowSubtitle * 0.9 + (notes.rows > 0 ? 6 : 0);
    const lanesTop = notesTop + notes.rows * notes.rowHeight;
    const cardH = lanesTop - cardTop + layout.height + pad * 0.75;
    chromeBack.push({ type: 'rect', x: margin, y: cardTop, w: W - 2 * margin, h: cardH, fill: theme.surface, stroke: theme.separator, strokeWidth: theme.name === 'projector' ? 2 : 1, radius: 10, role: 'chrome' });
    text(margin + pad, titleY, flow.title, f.flowTitle, 700, theme.text);
    text(margin + pad, subtitleY, clip(flow.subtitle, W - 2 * margin - 2 * pad, f.flowSubtitle, 400), f.flowSubtitle, 400, theme.mutedText);
    for (const lane of layout.lanes) {
      const labelY = lanesTop + lane.nameTop + lane.nameHeight / 2 + f.laneLabel * 0.36;
      text(margin + pad, labelY, clip(lane.lane.label, theme.labelColumnWidth - 12, f.laneLabel, 700), f.laneLabel, 700, theme.text);
      const subY = lanesTop + lane.subTop + lane.subHeight / 2 + f.laneSublabel * 0.36;
      if (lane.showSublabel) text(margin + pad, subY, clip(lane.lane.sublabel, theme.labelColumnWidth - 12, f.laneSublabel, 400), f.laneSublabel, 400, theme.mutedText);
      for (const strip of lane.strips) {
        if (!strip.showLabel) continue;
        text(margin + pad, lanesTop + strip.centerY + f.stripLabel * 0.36, clip(strip.strip.label, theme.labelColumnWidth - 12, f.stripLabel, 400), f.stripLabel, 400, theme.mutedText);
      }
    }
    const plan = planFlow(lanes, flow.flowId, view, { width: plotW, height: layout.height }, theme, selection, { origin: { x: plotX, y: lanesTop }, layout, ticks });
    const noteLines: Primitive[] = [];
    planAnnotations(noteLines, notePrims, notes, { plotX, plotW, labelTop: notesTop, linesBottom: lanesTop + layout.height }, theme);
    // The notes' lines go over the lane backgrounds and grid but under the bars and their labels.
    const firstContent = plan.primitives.findIndex((p) => !UNDERLAY_ROLES.has(p.role ?? 'background'));
    const cut = firstContent === -1 ? plan.primitives.length : firstContent;
    // Loops, not spreads: a long run draws more primitives than a call can take as arguments.
    for (let i = 0; i < cut; i++) flowPrims.push(plan.primitives[i]!);
    for (const line of noteLines) flowPrims.push(line);
    for (let i = cut; i < plan.primitives.length; i++) flowPrims.push(plan.primitives[i]!);
    for (const hit of plan.hits) hits.push(hit);
    for (const p of plan.patterns) patterns.set(p.id, p);
    y = cardTop + cardH + 14;
  }

  // The shared axis.
  const axisY = y + 4;
  const tickLen = 7;
  chromeFront.push({ type: 'line', x1: plotX, y1: axisY, x2: plotX + plotW, y2: axisY, stroke: theme.text, strokeWidth: theme.name === 'projector' ? 2.5 : 1.5, role: 'axis' });
  for (const tick of ticks) {
    const x = plotX + msToX(view, plotW, tick.ms);
    chromeFront.push({ type: 'line', x1: x, y1: axisY, x2: x, y2: axisY + tickLen, stroke: theme.text, strokeWidth: theme.name === 'projector' ? 2.5 : 1.5, role: 'axis' });
    chromeFront.push({ type: 'text', x, y: axisY + tickLen + f.axis * 1.1, text: tick.label, size: f.axis, weight: 400, fill: theme.text, anchor: 'middle', role: 'axis' });
  }
  const nowX = plotX + msToX(view, plotW, lanes.nowMs);
  if (nowX >= plotX - 0.5 && nowX <= plotX + plotW + 0.5 && lanes.flows.length > 0) {
    const label = 'now';
    const w = estimateTextWidth(label, f.axis, 700) + 16;
    const bx = Math.min(Math.max(nowX - w / 2, plotX - w / 2), plotX + plotW - w / 2);
    chromeFront.push({ type: 'rect', x: bx, y: axisY - f.axis * 1.5, w, h: f.axis * 1.4, fill: theme.now.badge, radius: 4, role: 'axis' });
    chromeFront.push({ type: 'text', x: bx + w / 2, y: axisY - f.axis * 1.5 + f.axis * 1.02, text: label, size: f.axis, weight: 700, fill: theme.now.badgeText, anchor: 'middle', role: 'axis' });
  }
  y = axisY + tickLen + f.axis * 1.1 + 12;

  if (options.legend !== false && lanes.flows.length > 0) {
    y += 8;
    const sw = Math.round(f.legend * 2.4);
    const sh = Math.round(f.legend * 1.2);
    let x = margin;
    let rowY = y;
    for (const item of legendItems(lanes)) {
      const w = sw + 8 + estimateTextWidth(item.label, f.legend, 400) + 22;
      if (x + w > W - margin && x > margin) {
        x = margin;
        rowY += f.legend * 1.9;
      }
      for (const p of legendSwatch(item.kind, theme, x, rowY, sw, sh)) {
        chromeFront.push(p);
        if (p.type === 'rect' && p.pattern) patterns.set(p.pattern, theme.patterns[p.pattern]);
      }
      chromeFront.push({ type: 'text', x: x + sw + 8, y: rowY + sh / 2 + f.legend * 0.36, text: item.label, size: f.legend, weight: 400, fill: theme.text, anchor: 'start', role: 'legend' });
      x += w;
    }
    y = rowY + sh + 4;
  }
  const height = Math.max(size.height, Math.ceil(y + margin));
  return {
    width: W,
    height,
    background: theme.background,
    fontFamily: theme.fontFamily,
    patterns: [...patterns.values()].sort((a, b) => a.id.localeCompare(b.id)),
    primitives: [...chromeBack, ...flowPrims, ...notePrims, ...chromeFront],
    hits,
    plot: { x: plotX, width: plotW },
  };
}
