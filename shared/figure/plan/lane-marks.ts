/** Point marks on a lane's bar rows: a leak (▼ "copied by the attacker") and a pod's deletion (a dotted line). */
import type { LaneMark } from '../../lanes/lane-types.ts';
import type { LaneLayout } from '../layout.ts';
import { Layer } from '../primitives.ts';
import { estimateTextWidth, fitLabel } from '../text-metrics.ts';
import { inView, type FlowCtx, type LabelBand } from './flow-context.ts';

export function planLaneMark(ctx: FlowCtx, lane: LaneLayout, mark: LaneMark, annotations: LabelBand, captionRoom: (x: number) => number): void {
  const { b, theme } = ctx;
  const x = ctx.X(mark.atMs);
  if (!inView(ctx, x)) return;
  const g = theme.glyphSize;
  const top = ctx.oy + lane.top;
  if (mark.kind === 'leak') {
    const y = ctx.oy + lane.barsTop - g * 0.5 - 1;
    b.add(Layer.Mark, { type: 'glyph', glyph: 'down', x, y, size: g + 2, color: theme.stolen.stroke, outline: theme.surface, role: 'mark', seq: mark.seq, token: mark.token });
    ctx.hits.push({ kind: 'event', seq: mark.seq, token: mark.token, atMs: mark.atMs, y0: y - g / 2, y1: y + g / 2, radiusPx: g / 2 + 2 });
    const size = theme.font.annotation;
    const text = fitLabel(['copied by the attacker', 'copied'], captionRoom(x) - 16, size, 700);
    if (text) {
      const w = estimateTextWidth(text, size, 700);
      if (annotations.claim(x + 10, x + 10 + w)) {
        b.add(Layer.Label, { type: 'text', x: x + 11, y: top + theme.laneTopPad - 7, text, size, weight: 700, fill: theme.stolen.text, anchor: 'start', halo: theme.surface, role: 'label', seq: mark.seq });
      }
    }
    return;
  }
  if (mark.kind === 'pod-deleted') {
    const bottom = ctx.oy + lane.rowY(Math.max(0, lane.lane.rows - 1)) + lane.barHeight + 4;
    b.add(Layer.Outline, { type: 'line', x1: x, y1: top + 4, x2: x, y2: bottom, stroke: theme.endCap, strokeWidth: 2, dash: [2, 3], role: 'marker', seq: mark.seq });
    ctx.hits.push({ kind: 'event', seq: mark.seq, token: undefined, atMs: mark.atMs, y0: top, y1: bottom, radiusPx: 5 });
    const size = theme.font.annotation;
    const text = fitLabel(['pod deleted'], captionRoom(x) - 10, size, 700);
    if (text) {
      const w = estimateTextWidth(text, size, 700);
      if (annotations.claim(x + 4, x + 4 + w)) {
        b.add(Layer.Label, { type: 'text', x: x + 5, y: top + theme.laneTopPad - 7, text, size, weight: 700, fill: theme.text, anchor: 'start', halo: theme.surface, role: 'label', seq: mark.seq });
      }
    }
  }
}
