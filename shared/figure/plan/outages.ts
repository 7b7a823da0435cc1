/**
 * Flow-wide events: an outage (kubelet or API server down) as a cross-hatch over every lane with dashed edges and a
 * label saying what it means, and markers (signing key rotated, cluster upgraded) as dashed lines with their label.
 */
import { Layer } from '../primitives.ts';
import { estimateTextWidth, fitLabel } from '../text-metrics.ts';
import { inView, LabelBand, pattern, visible, type FlowCtx } from './flow-context.ts';
import { SPAN_WORDS } from '../../model/event-catalogue.ts';

export function planOutages(ctx: FlowCtx): void {
  const { b, theme, flow, layout, oy } = ctx;
  const band = new LabelBand();
  const labelY = oy + layout.spanBandTop + layout.spanBandHeight / 2 + theme.font.annotation * 0.36;
  for (const span of flow.spans) {
    const end = span.toMs ?? Math.max(ctx.now, span.fromMs);
    const v = visible(ctx, span.fromMs, end);
    ctx.hits.push({ kind: 'span', seq: span.seq, startMs: span.fromMs, endMs: end, y0: oy, y1: oy + layout.height });
    if (!v) continue;
    b.add(Layer.Span, { type: 'rect', x: v[0], y: oy, w: v[1] - v[0], h: layout.height, pattern: pattern(ctx, 'outage'), role: 'span', seq: span.seq });
    for (const x of [ctx.X(span.fromMs), span.toMs !== undefined ? ctx.X(span.toMs) : undefined]) {
      if (x !== undefined && inView(ctx, x)) b.add(Layer.Span, { type: 'line', x1: x, y1: oy, x2: x, y2: oy + layout.height, stroke: theme.outage.text, strokeWidth: 1.5, dash: [3, 3], role: 'span' });
    }
    const still = `${span.label}: ${SPAN_WORDS[span.kind].consequence}`;
    const text = fitLabel([still, span.label], ctx.ox + ctx.W - Math.max(v[0], ctx.ox) - 12, theme.font.annotation, 700);
    if (text && layout.spanBandHeight > 0) {
      const x = Math.max(v[0], ctx.ox) + 6;
      const w = estimateTextWidth(text, theme.font.annotation, 700);
      if (band.claim(x, x + w)) {
        b.add(Layer.Label, { type: 'text', x, y: labelY, text, size: theme.font.annotation, weight: 700, fill: theme.outage.text, anchor: 'start', halo: theme.surface, role: 'label', seq: span.seq });
      }
    }
  }
  for (const marker of ctx.flow.markers) {
    const x = ctx.X(marker.atMs);
    if (!inView(ctx, x)) continue;
    b.add(Layer.Outline, { type: 'line', x1: x, y1: oy, x2: x, y2: oy + layout.height, stroke: theme.statusExpiry, strokeWidth: 2, dash: [6, 4], role: 'marker', seq: marker.seq });
    ctx.hits.push({ kind: 'event', seq: marker.seq, token: undefined, atMs: marker.atMs, y0: oy, y1: oy + layout.height, radiusPx: 5 });
    const w = estimateTextWidth(marker.label, theme.font.annotation, 700);
    if (layout.spanBandHeight > 0 && x + 6 + w < ctx.ox + ctx.W && band.claim(x + 4, x + 6 + w)) {
      b.add(Layer.Label, { type: 'text', x: x + 6, y: labelY, text: marker.label, size: theme.font.annotation, weight: 700, fill: theme.text, anchor: 'start', halo: theme.labelChip, role: 'label', seq: marker.seq });
    }
  }
}
