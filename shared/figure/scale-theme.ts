/**
 * Large type for presentation: a copy of a timeline theme with its type sizes, layout metrics, strokes and pattern
 * tiles multiplied by a font scale (100–250 %). Everything that sets how big a lane is grows together, so labels,
 * bars and glyphs keep their proportions and the layout (layout.ts) still fits the text it holds.
 * Colours are untouched: a scaled projector theme is still the projector theme.
 */
import type { PatternId, PatternSpec, TimelineTheme } from './theme.ts';

/** The font scales a user may choose (the settings refuse any other). */
export const MIN_FONT_SCALE_PERCENT = 100;
export const MAX_FONT_SCALE_PERCENT = 250;

/** Whole CSS px for sizes the layout adds up (so lanes land on pixel rows); strokes keep half pixels. */
const px = (value: number, factor: number) => Math.round(value * factor);
const stroke = (value: number, factor: number) => Math.round(value * factor * 2) / 2;

export function scaleTheme(theme: TimelineTheme, percent: number): TimelineTheme {
  if (!Number.isFinite(percent) || percent < MIN_FONT_SCALE_PERCENT || percent > MAX_FONT_SCALE_PERCENT) {
    throw new RangeError(`font scale must be ${MIN_FONT_SCALE_PERCENT}–${MAX_FONT_SCALE_PERCENT} %, got ${percent}`);
  }
  if (percent === 100) return theme;
  const f = percent / 100;
  const font = Object.fromEntries(Object.entries(theme.font).map(([key, size]) => [key, px(size, f)])) as TimelineTheme['font'];
  const patterns = Object.fromEntries(
    Object.entries(theme.patterns).map(([id, spec]: [string, PatternSpec]) => [id, { ...spec, size: px(spec.size, f), lineWidth: stroke(spec.lineWidth, f) }]),
  ) as Record<PatternId, PatternSpec>;
  return {
    ...theme,
    patterns,
    font,
    strokeWidth: stroke(theme.strokeWidth, f),
    capWidth: stroke(theme.capWidth, f),
    barHeight: px(theme.barHeight, f),
    rowGap: px(theme.rowGap, f),
    stripHeight: px(theme.stripHeight, f),
    laneTopPad: px(theme.laneTopPad, f),
    laneBottomPad: px(theme.laneBottomPad, f),
    minLaneHeight: px(theme.minLaneHeight, f),
    glyphSize: px(theme.glyphSize, f),
    labelColumnWidth: px(theme.labelColumnWidth, f),
    tickSpacing: px(theme.tickSpacing, f),
  };
}

/** The nearest allowed font scale to `percent`, in whole percent (a stored or typed value may be anything). */
export function clampFontScale(percent: number): number {
  if (!Number.isFinite(percent)) return MIN_FONT_SCALE_PERCENT;
  return Math.min(MAX_FONT_SCALE_PERCENT, Math.max(MIN_FONT_SCALE_PERCENT, Math.round(percent)));
}
