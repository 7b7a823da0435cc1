/**
 * The whole figure, as exported: the scenario's title and takeaway, a card per flow (its title, subtitle and lane labels
 * beside exactly `planFlow`'s lanes, with the instructor's notes), one shared time axis, the legend, and a scene's
 * spotlight over it all.
 */
import type { TimelineLanes } from '../lanes/lane-types.ts';
import type { ScenarioAnnotation } from '../scenario/scenario-types.ts';
import type { SceneSpotlight } from '../model/scene.ts';
import { simTimeTicks } from './axis.ts';
import { planFlow, type Size, type TimelineSelection } from './draw-plan.ts';
import { layoutFlow, type FlowLayout } from './layout.ts';
import { legendItems } from './legend.ts';
import { planFigureAxis } from './plan/figure-axis.ts';
import { planFigureLegend } from './plan/figure-legend.ts';
import { annotationsForFlow, placeAnnotations, planAnnotations } from './plan-annotations.ts';
import type { DrawPlan, HitRegion, Primitive } from './primitives.ts';
import { planSpotlight, resolveSpotlight, type SpotlightFlowBoxes } from './spotlight.ts';
import { shortenToWidth, wrapText } from './text-metrics.ts';
import type { PatternId, PatternSpec, TimelineTheme } from './theme.ts';
import type { TimeView } from './time-view.ts';

const UNDERLAY_ROLES: ReadonlySet<string> = new Set(['background', 'lane-bg', 'grid', 'separator']);

export interface TimelinePlanOptions {
  /** Scenario title and takeaway above the flows (default true). */
  header?: boolean;
  legend?: boolean;
  /** Instructor notes: each flow card gets rows for their labels above its lanes. */
  annotations?: readonly ScenarioAnnotation[];
  /** A scene's lane in the spotlight, drawn as the screen draws it (none when no drawn lane has that name). */
  spotlight?: SceneSpotlight;
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
  const layouts: FlowLayout[] = [];
  const flowBoxes: SpotlightFlowBoxes[] = [];
  const text = (x: number, y: number, t: string, size: number, weight: 400 | 600 | 700, fill: string, anchor: 'start' | 'middle' | 'end' = 'start') =>
    chromeFront.push({ type: 'text', x, y, text: t, size, weight, fill, anchor, role: 'chrome' });

  let y = margin;
  if (options.header !== false && lanes.title) {
    y += f.flowTitle + 2;
    text(margin, y, shortenToWidth(lanes.title, W - 2 * margin, f.flowTitle + 2, 700), f.flowTitle + 2, 700, theme.text);
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
    layouts.push(layout);
    flowBoxes.push({ card: { x: margin, y: cardTop, width: W - 2 * margin, height: cardH, radius: 10 }, lanes: { x: margin + pad, y: lanesTop, width: plotX + plotW - margin - pad, height: layout.height } });
    text(margin + pad, titleY, flow.title, f.flowTitle, 700, theme.text);
    text(margin + pad, subtitleY, shortenToWidth(flow.subtitle, W - 2 * margin - 2 * pad, f.flowSubtitle, 400), f.flowSubtitle, 400, theme.mutedText);
    for (const lane of layout.lanes) {
      const labelY = lanesTop + lane.nameTop + lane.nameHeight / 2 + f.laneLabel * 0.36;
      text(margin + pad, labelY, shortenToWidth(lane.lane.label, theme.labelColumnWidth - 12, f.laneLabel, 700), f.laneLabel, 700, theme.text);
      const subY = lanesTop + lane.subTop + lane.subHeight / 2 + f.laneSublabel * 0.36;
      if (lane.showSublabel) text(margin + pad, subY, shortenToWidth(lane.lane.sublabel, theme.labelColumnWidth - 12, f.laneSublabel, 400), f.laneSublabel, 400, theme.mutedText);
      for (const strip of lane.strips) {
        if (!strip.showLabel) continue;
        text(margin + pad, lanesTop + strip.centerY + f.stripLabel * 0.36, shortenToWidth(strip.strip.label, theme.labelColumnWidth - 12, f.stripLabel, 400), f.stripLabel, 400, theme.mutedText);
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

  y = planFigureAxis(chromeFront, { x: plotX, width: plotW }, y + 4, view, ticks, lanes.flows.length > 0 ? lanes.nowMs : undefined, theme);
  if (options.legend !== false && lanes.flows.length > 0) y = planFigureLegend(chromeFront, patterns, legendItems(lanes), { left: margin, right: W - margin }, y + 8, theme);
  const height = Math.max(size.height, Math.ceil(y + margin));
  const spot = options.spotlight && resolveSpotlight(layouts, lanes.flows.map((flow) => flow.flowId), options.spotlight);
  return {
    width: W,
    height,
    background: theme.background,
    fontFamily: theme.fontFamily,
    patterns: [...patterns.values()].sort((a, b) => a.id.localeCompare(b.id)),
    primitives: [...chromeBack, ...flowPrims, ...notePrims, ...chromeFront, ...(spot ? planSpotlight(spot, flowBoxes, theme) : [])],
    hits,
    plot: { x: plotX, width: plotW },
  };
}
