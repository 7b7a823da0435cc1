/**
 * The bridge between a `TimeView` and d3-zoom's transform, pure so it is tested without a DOM. A transform is
 * applied to the full scale (the whole scenario across the plot's time range); the view is what the transformed
 * scale shows across that range. The limits: from the whole scenario to one simulated second, never outside it.
 */
import { zoomIdentity, type ZoomTransform } from 'd3';
import { boundsOf, clamp, fitAll, MIN_SPAN_MS, spanOf, type TimeView } from '../../shared/figure/time-view.ts';
import { timeScale, type TimeScale } from '../../shared/figure/time-scale.ts';
import { wheelPixels } from './view-input.ts';

/** The plot's time range in CSS px (where it starts inside the plot element, and its width) and the scenario's length. */
export interface PlotGeometry {
  inset: number;
  width: number;
  durationMs: number;
}

/** The whole scenario across the time range: the scale every zoom transform is applied to. */
function fullScale({ inset, width, durationMs }: PlotGeometry): TimeScale {
  return timeScale(fitAll(durationMs), width).range([inset, inset + width]);
}

/** The transform under which the full scale shows `view`. */
export function transformForView(view: TimeView, geometry: PlotGeometry): ZoomTransform {
  const full = fullScale(geometry);
  const x0 = full(view.startMs);
  const k = geometry.width / (full(view.endMs) - x0);
  return Number.isFinite(k) && k > 0 ? zoomIdentity.translate(geometry.inset - x0 * k, 0).scale(k) : zoomIdentity;
}

/** The view the full scale shows under `transform`, kept inside the scenario. */
export function viewForTransform(transform: ZoomTransform, geometry: PlotGeometry): TimeView {
  const shown = transform.rescaleX(fullScale(geometry));
  return clamp({ startMs: shown.invert(geometry.inset), endMs: shown.invert(geometry.inset + geometry.width) }, boundsOf(geometry.durationMs));
}

/** d3-zoom's scale extent, viewport extent and translate extent for a plot. */
export function zoomLimits({ inset, width, durationMs }: PlotGeometry): {
  scaleExtent: [number, number];
  extent: [[number, number], [number, number]];
  translateExtent: [[number, number], [number, number]];
} {
  return {
    scaleExtent: [1, Math.max(1, spanOf(fitAll(durationMs)) / MIN_SPAN_MS)],
    extent: [
      [inset, 0],
      [inset + width, 1],
    ],
    translateExtent: [
      [inset, Number.NEGATIVE_INFINITY],
      [inset + width, Number.POSITIVE_INFINITY],
    ],
  };
}

/**
 * How far a Ctrl + wheel step zooms, as d3-zoom's power of two: the view shrinks by e^(0.004 · px) for a wheel of
 * `px` upwards, a step capped at 200 px so one flick of a free-spinning wheel cannot jump to the limit.
 */
export function wheelZoomExponent(deltaY: number, deltaMode: number, widthPx: number): number {
  return (-Math.max(-200, Math.min(200, wheelPixels(deltaY, deltaMode, widthPx))) * 0.004) / Math.LN2;
}
