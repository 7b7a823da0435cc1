/**
 * Lane density, as Perfetto does with its tracks: when the timelines have less height than the story needs, the lanes
 * and their sub-rows (file writes, client calls) get thinner before anything has to scroll. A density is a copy of a
 * timeline theme (already scaled for large type) with its lane geometry squeezed; the lane names keep their size, so
 * the back row reads them at every density. The layout and the draw plan take their numbers from the theme, so labels,
 * bars and hit regions stay together at every density.
 */
import type { TimelineTheme } from '../../shared/figure/theme.ts';

export type Density = 'comfortable' | 'compact' | 'tight';
/** From the roomiest to the thinnest: the first that fits is used. */
export const DENSITIES: readonly Density[] = ['comfortable', 'compact', 'tight'];

export function densityTheme(theme: TimelineTheme, density: Density): TimelineTheme {
  if (density === 'comfortable') return theme;
  const f = theme.font;
  if (density === 'compact') {
    return {
      ...theme,
      barHeight: Math.max(f.barLabel + 6, Math.round(theme.barHeight * 0.8)),
      rowGap: Math.max(2, Math.round(theme.rowGap * 0.5)),
      stripHeight: Math.max(theme.glyphSize + 4, Math.round(f.stripLabel * 1.3)),
      laneTopPad: captionBand(f.annotation),
      laneBottomPad: Math.max(3, Math.round(theme.laneBottomPad * 0.5)),
      minLaneHeight: Math.round(theme.minLaneHeight * 0.75),
    };
  }
  // Tight: bar labels and captions a step smaller, glyphs too, and the sub-rows as high as their glyphs.
  const barLabel = Math.max(12, Math.round(f.barLabel * 0.9));
  const annotation = Math.max(12, Math.round(f.annotation * 0.9));
  const stripLabel = Math.max(12, Math.round(f.stripLabel * 0.9));
  const glyphSize = Math.max(10, Math.round(theme.glyphSize * 0.85));
  return {
    ...theme,
    font: { ...f, barLabel, annotation, stripLabel, laneSublabel: Math.min(f.laneSublabel, stripLabel) },
    barHeight: barLabel + 6,
    rowGap: Math.max(2, Math.round(theme.rowGap * 0.35)),
    stripHeight: Math.max(glyphSize + 3, Math.round(stripLabel * 1.2)),
    glyphSize,
    laneTopPad: captionBand(annotation),
    laneBottomPad: Math.max(2, Math.round(theme.laneBottomPad * 0.3)),
    minLaneHeight: Math.round(theme.minLaneHeight * 0.6),
  };
}

/**
 * Room for one line of lane captions ("80 % → kubelet refreshes", "copied by the attacker") over the bars: the draw
 * plan puts their baseline 7 px above the bars, so the band holds that and the text's ascent, clear of the lane's top.
 */
function captionBand(captionPx: number): number {
  return Math.ceil(captionPx * 0.8) + 8;
}

/**
 * The roomiest density whose lanes fit: `chromePx` is what does not change with density (flow titles, card padding,
 * the axis) and `lanesPx(d)` the flows' lane heights at density d. When none fits, the thinnest (the flows then scroll
 * under the sticky time axis).
 */
export function chooseDensity(availablePx: number, chromePx: number, lanesPx: (density: Density) => number): Density {
  for (const density of DENSITIES) if (chromePx + lanesPx(density) <= availablePx) return density;
  return DENSITIES[DENSITIES.length - 1]!;
}
