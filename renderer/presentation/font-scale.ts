/** Presentation type sizes: steps of 25 % from 100 to 250 (Ctrl/⌘ + = and − move one step, Ctrl/⌘ + 0 resets). */
import { MAX_FONT_SCALE_PERCENT, MIN_FONT_SCALE_PERCENT } from '../../shared/figure/scale-theme.ts';

export const FONT_SCALE_STEP = 25;
export const FONT_SCALE_STEPS: readonly number[] = Array.from({ length: (MAX_FONT_SCALE_PERCENT - MIN_FONT_SCALE_PERCENT) / FONT_SCALE_STEP + 1 }, (_, i) => MIN_FONT_SCALE_PERCENT + i * FONT_SCALE_STEP);

/** One step up (+1) or down (−1) from `percent`, landing on a step even from an odd stored value, within 100–250. */
export function stepFontScale(percent: number, direction: 1 | -1): number {
  const next = direction > 0 ? Math.floor(percent / FONT_SCALE_STEP + 1) * FONT_SCALE_STEP : Math.ceil(percent / FONT_SCALE_STEP - 1) * FONT_SCALE_STEP;
  return Math.min(MAX_FONT_SCALE_PERCENT, Math.max(MIN_FONT_SCALE_PERCENT, next));
}
