/**
 * The spotlight: one lane framed and tagged with its name, everything else in the figure dimmed, so the lane under
 * discussion stands out by its frame and its words as well as by brightness. One description serves both pictures of
 * it: the screen lays its overlay (over the DOM lane labels and the canvas) out from these bands, sizes and theme
 * colours, and an exported figure (a scene's deck page) draws planSpotlight's primitives from the very same numbers.
 */
import type { SceneSpotlight } from '../model/scene.ts';
import type { FlowLayout } from './layout.ts';
import type { Primitive } from './primitives.ts';
import { estimateTextWidth } from './text-metrics.ts';
import type { TimelineTheme } from './theme.ts';

export interface SpotlightTarget {
  flowIndex: number;
  laneId: string;
  /** The lane's name as its label shows it. */
  label: string;
  /** CSS px from the top of the flow's drawing area. */
  top: number;
  height: number;
}

/** The lane at `index`, counted across flows from the top and wrapping both ways; undefined without lanes. */
export function spotlightTarget(layouts: readonly FlowLayout[], index: number | undefined): SpotlightTarget | undefined {
  const total = layouts.reduce((n, layout) => n + layout.lanes.length, 0);
  if (index === undefined || total === 0) return undefined;
  let rest = ((index % total) + total) % total;
  for (const [flowIndex, layout] of layouts.entries()) {
    if (rest < layout.lanes.length) {
      const lane = layout.lanes[rest]!;
      return { flowIndex, laneId: lane.lane.id, label: lane.lane.label, top: lane.top, height: lane.height };
    }
    rest -= layout.lanes.length;
  }
  return undefined;
}

/**
 * The index (as spotlightTarget counts) of the lane a scene names by its label ("pod app") or id, in its flow or the
 * first flow that has it; undefined when no lane is called that (the spotlight then stays off).
 */
export function spotlightIndexOf(layouts: readonly FlowLayout[], flowIds: readonly string[], spotlight: SceneSpotlight): number | undefined {
  const wanted = spotlight.lane.toLowerCase();
  let index = 0;
  for (const [flowIndex, layout] of layouts.entries()) {
    const inFlow = spotlight.flow === undefined || flowIds[flowIndex] === spotlight.flow;
    for (const lane of layout.lanes) {
      if (inFlow && (lane.lane.label.toLowerCase() === wanted || lane.lane.id === spotlight.lane)) return index;
      index++;
    }
  }
  return undefined;
}

/** The lane in the spotlight, given by its place from the top (the presenter's ↑/↓) or named (a scene). */
export function resolveSpotlight(layouts: readonly FlowLayout[], flowIds: readonly string[], spotlight: number | SceneSpotlight | undefined): SpotlightTarget | undefined {
  return spotlightTarget(layouts, typeof spotlight === 'object' ? spotlightIndexOf(layouts, flowIds, spotlight) : spotlight);
}

/**
 * The frame, in CSS px: its border; how far its outer edge lies outside the lane (the border and a pixel of air, so it
 * never cuts the captions at the lane's top edge); its corners; the halo in the surface colour around it, which keeps
 * it clear of whatever it crosses; and the tag's inset from its right end.
 */
export const SPOTLIGHT_FRAME = { borderPx: 5, outsetPx: 6, radiusPx: 8, haloPx: 3, tagInsetPx: 8 } as const;

/** What the tag on the frame says. */
export function spotlightTag(label: string): string {
  return `spotlight: ${label}`;
}

export interface Band {
  top: number;
  height: number;
}

/** The parts of the spotlit flow's lane area (CSS px from its top) that are dimmed: above the lane and below it. */
export function spotlightDimBands(target: SpotlightTarget, flowHeight: number): Band[] {
  const bottom = target.top + target.height;
  return [
    ...(target.top > 0 ? [{ top: 0, height: target.top }] : []),
    ...(bottom < flowHeight ? [{ top: bottom, height: flowHeight - bottom }] : []),
  ];
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a flow sits in a figure: its card (title included), dimmed whole when another flow holds the spotlight, and its lane area (labels and plot). */
export interface SpotlightFlowBoxes {
  card: Box & { radius: number };
  lanes: Box;
}

/**
 * The spotlight as primitives over a whole figure, drawn last: every other flow's card dimmed, the spotlit flow's
 * lane area dimmed above and below the lane, the halo and frame around the lane (labels included), and the tag.
 */
export function planSpotlight(target: SpotlightTarget, flows: readonly SpotlightFlowBoxes[], theme: TimelineTheme): Primitive[] {
  const out: Primitive[] = [];
  const { dim, frame, halo, tagText } = theme.spotlight;
  for (const [index, { card }] of flows.entries()) {
    if (index !== target.flowIndex) out.push({ type: 'rect', x: card.x, y: card.y, w: card.width, h: card.height, fill: dim, radius: card.radius, role: 'spotlight' });
  }
  const area = flows[target.flowIndex]?.lanes;
  if (!area) return out;
  for (const band of spotlightDimBands(target, area.height)) out.push({ type: 'rect', x: area.x, y: area.y + band.top, w: area.width, h: band.height, fill: dim, role: 'spotlight' });
  const { borderPx, outsetPx, radiusPx, haloPx, tagInsetPx } = SPOTLIGHT_FRAME;
  const outer = { x: area.x - outsetPx, y: area.y + target.top - outsetPx, w: area.width + 2 * outsetPx, h: target.height + 2 * outsetPx };
  // Strokes are centred on their path: the halo's path lies half its width outside the frame, the border's half inside.
  const ring = (inset: number, width: number, colour: string, radius: number): Primitive => ({
    type: 'rect',
    x: outer.x + inset,
    y: outer.y + inset,
    w: outer.w - 2 * inset,
    h: outer.h - 2 * inset,
    stroke: colour,
    strokeWidth: width,
    radius,
    role: 'spotlight',
  });
  out.push(ring(-haloPx / 2, haloPx, halo, radiusPx + haloPx / 2), ring(borderPx / 2, borderPx, frame, radiusPx - borderPx / 2));
  const size = theme.font.laneSublabel;
  const text = spotlightTag(target.label);
  const tagW = Math.ceil(estimateTextWidth(text, size, 700) + size);
  const tagH = Math.round(size * 1.25);
  // As the screen's tag: its right end inside the frame's, and riding on the top border, most of it above.
  const tagX = outer.x + outer.w - borderPx - tagInsetPx - tagW;
  const tagY = outer.y + borderPx - Math.round(size * 0.9);
  out.push({ type: 'rect', x: tagX, y: tagY, w: tagW, h: tagH, fill: frame, radius: 4, role: 'spotlight' });
  out.push({ type: 'text', x: tagX + tagW / 2, y: tagY + tagH / 2 + size * 0.36, text, size, weight: 700, fill: tagText, anchor: 'middle', role: 'spotlight' });
  return out;
}
