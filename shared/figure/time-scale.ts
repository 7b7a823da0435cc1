/**
 * The one mapping from simulated time to pixels: d3's linear scale over a view. The screen's axis, the draw plan's
 * marks (on the canvas and in every export) and the exported figure's axis all place time with it, so an axis and
 * the marks above it cannot disagree. Off-screen instants map outside [0, width]; nothing is clamped.
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import { spanOf, type TimeView } from './time-view.ts';

export type TimeScale = ScaleLinear<number, number>;

export function timeScale(view: TimeView, widthPx: number): TimeScale {
  // A view without a span puts every instant at the left edge (d3 alone would put it in the middle).
  return scaleLinear().domain([view.startMs, view.endMs]).range(spanOf(view) > 0 ? [0, widthPx] : [0, 0]);
}
