/**
 * The visible window of simulated time, shared by every flow on screen: one `TimeView` is one prop, so the legacy and
 * the projected timelines can never disagree about what instant sits under a given pixel. Pure helpers only: they
 * take a view and return a new one, clamped to the scenario (a span of at least 1 s, at most the whole duration,
 * never outside [0, duration]).
 */

export interface TimeView {
  startMs: number;
  endMs: number;
}

/** The range a view may show: the scenario, from its start to its duration. */
export interface TimeBounds {
  minMs: number;
  maxMs: number;
}

/** The narrowest view: one simulated second across the whole width. */
export const MIN_SPAN_MS = 1_000;

export function boundsOf(durationMs: number): TimeBounds {
  return { minMs: 0, maxMs: Math.max(durationMs, MIN_SPAN_MS) };
}

export function spanOf(view: TimeView): number {
  return view.endMs - view.startMs;
}

/** The whole scenario. */
export function fitAll(durationMs: number): TimeView {
  const bounds = boundsOf(durationMs);
  return { startMs: bounds.minMs, endMs: bounds.maxMs };
}

/**
 * Brings any view back inside the bounds: the span is limited to [1 s, bounds], then the window slides (keeping its
 * span) until it lies inside. Non-finite input falls back to fit-all.
 */
export function clamp(view: TimeView, bounds: TimeBounds): TimeView {
  const maxSpan = Math.max(bounds.maxMs - bounds.minMs, MIN_SPAN_MS);
  if (!Number.isFinite(view.startMs) || !Number.isFinite(view.endMs)) return { startMs: bounds.minMs, endMs: bounds.minMs + maxSpan };
  const lo = Math.min(view.startMs, view.endMs);
  const hi = Math.max(view.startMs, view.endMs);
  const span = Math.min(Math.max(hi - lo, MIN_SPAN_MS), maxSpan);
  const centred = (lo + hi) / 2 - span / 2;
  const start = Math.min(Math.max(centred, bounds.minMs), bounds.minMs + maxSpan - span);
  return { startMs: start, endMs: start + span };
}

/**
 * Zooms by `factor` around `anchorMs`, which keeps its place on screen: factor 2 shows half the time (zoom in),
 * factor 0.5 twice as much (zoom out). The result is clamped; at the 1 s or full-duration limit the anchor may drift.
 */
export function zoomAt(view: TimeView, factor: number, anchorMs: number, bounds: TimeBounds): TimeView {
  if (!(factor > 0) || !Number.isFinite(factor)) return clamp(view, bounds);
  const span = spanOf(view);
  const maxSpan = Math.max(bounds.maxMs - bounds.minMs, MIN_SPAN_MS);
  const nextSpan = Math.min(Math.max(span / factor, Math.min(MIN_SPAN_MS, maxSpan)), maxSpan);
  const anchor = Number.isFinite(anchorMs) ? Math.min(Math.max(anchorMs, view.startMs), view.endMs) : view.startMs + span / 2;
  const ratio = span > 0 ? (anchor - view.startMs) / span : 0.5;
  const start = anchor - ratio * nextSpan;
  return clamp({ startMs: start, endMs: start + nextSpan }, bounds);
}

/** Pans by a fraction of the visible span: +0.25 moves a quarter of the width later in time, −1 a whole page earlier. */
export function panBy(view: TimeView, fraction: number, bounds: TimeBounds): TimeView {
  if (!Number.isFinite(fraction)) return clamp(view, bounds);
  const delta = spanOf(view) * fraction;
  return clamp({ startMs: view.startMs + delta, endMs: view.endMs + delta }, bounds);
}


/** The instant under pixel `x`. */
export function xToMs(view: TimeView, widthPx: number, x: number): number {
  return widthPx > 0 ? view.startMs + (x / widthPx) * spanOf(view) : view.startMs;
}
