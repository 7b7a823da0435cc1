/**
 * The events the event table's search found, marked where they happened: a highlighter band down the flow's lanes
 * (under the bars, so they stay legible) and, at the top edge, a small square tab with a dark border, a shape no
 * other mark uses, so "found here" is told by shape as well as by colour. Hits closer than a band to the one before
 * share it, so ten thousand hits cost a few hundred primitives.
 */
import { Layer } from '../primitives.ts';
import { inView, type FlowCtx } from './flow-context.ts';

/** First index in ascending `values` whose value is ≥ `x`. */
function lowerBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `timesMs`: when each found event of this flow happened, ascending. */
export function planSearchHits(ctx: FlowCtx, timesMs: readonly number[]): void {
  const { theme, view } = ctx;
  const width = Math.max(8, Math.round(theme.glyphSize * 0.7));
  const tab = Math.round(width * 0.8);
  let last = Number.NEGATIVE_INFINITY;
  for (let i = lowerBound(timesMs, view.startMs); i < timesMs.length && timesMs[i]! <= view.endMs; i++) {
    const x = Math.round(ctx.X(timesMs[i]!));
    if (!inView(ctx, x) || x - last < width) continue;
    last = x;
    ctx.b.add(Layer.Grid, { type: 'rect', x: x - width / 2, y: ctx.oy, w: width, h: ctx.layout.height, fill: theme.searchHit.band, role: 'search-band' });
    ctx.b.add(Layer.Label, { type: 'rect', x: x - tab / 2, y: ctx.oy + 1, w: tab, h: tab, fill: theme.searchHit.outline, stroke: theme.searchHit.mark, strokeWidth: 2, role: 'search-hit' });
  }
}
