/**
 * The events the event table's search found, marked where they happened: a highlighter band down the flow's lanes
 * (under the bars, so they stay legible) and a ▼ at the top, which says "found here" by shape as well as by colour.
 * Hits closer than a band (or a ▼) to the one before share it, so ten thousand hits cost a few hundred primitives.
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
  const bandWidth = Math.max(3, Math.round(theme.glyphSize * 0.35));
  const markSize = Math.round(theme.glyphSize * 0.9);
  let lastBand = Number.NEGATIVE_INFINITY;
  let lastMark = Number.NEGATIVE_INFINITY;
  for (let i = lowerBound(timesMs, view.startMs); i < timesMs.length && timesMs[i]! <= view.endMs; i++) {
    const x = Math.round(ctx.X(timesMs[i]!));
    if (!inView(ctx, x)) continue;
    if (x - lastBand >= bandWidth) {
      ctx.b.add(Layer.Grid, { type: 'rect', x: x - bandWidth / 2, y: ctx.oy, w: bandWidth, h: ctx.layout.height, fill: theme.searchHit.band, role: 'search-hit' });
      lastBand = x;
    }
    if (x - lastMark >= markSize) {
      ctx.b.add(Layer.Label, { type: 'glyph', glyph: 'down', x, y: ctx.oy + markSize / 2 + 1, size: markSize, color: theme.searchHit.mark, outline: theme.searchHit.outline, role: 'search-hit' });
      lastMark = x;
    }
  }
}
