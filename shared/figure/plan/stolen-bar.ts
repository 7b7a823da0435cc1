/**
 * An attacker's stolen copy: a diagonal hatch from the leak to the last instant the API server accepts it, dashed
 * while that is still ahead, an end cap and ✗ once it is refused, an arrow when it never will be, and a caption
 * saying how long it works ("forever (∞)", "dies at exp + 60 s leeway: usable 31 m").
 */
import type { StolenBar } from '../../lanes/lane-types.ts';
import { formatDuration } from '../../time/duration.ts';
import type { LaneLayout } from '../layout.ts';
import { Layer } from '../primitives.ts';
import { estimateTextWidth } from '../text-metrics.ts';
import { barY, clippedBefore, inView, pattern, type FlowCtx } from './flow-context.ts';

export function planStolenBar(ctx: FlowCtx, lane: LaneLayout, bar: StolenBar, roomAfter: (row: number, x: number) => number): void {
  const { b, theme } = ctx;
  const y = barY(ctx, lane, bar.row);
  const h = lane.barHeight;
  const start = bar.leakedAtMs;
  const end = bar.usableUntilMs;
  const pastEnd = Math.min(end ?? Number.POSITIVE_INFINITY, ctx.now);
  const viewEndMs = ctx.view.endMs;
  const arrowSize = Math.round(h * 0.9);
  const open = end === undefined;
  const arrowAtEdge = open && start < viewEndMs;
  const vis = clippedBefore(ctx, arrowAtEdge ? ctx.ox + ctx.W - arrowSize + 2 : Number.POSITIVE_INFINITY);
  ctx.hits.push({ kind: 'token', token: bar.token, startMs: start, endMs: end ?? Number.POSITIVE_INFINITY, y0: y, y1: y + h });

  let pastSpan: [number, number] | undefined;
  if (pastEnd > start) {
    pastSpan = vis(start, pastEnd);
    if (pastSpan) {
      b.add(Layer.Fill, { type: 'rect', x: pastSpan[0], y, w: pastSpan[1] - pastSpan[0], h, pattern: pattern(ctx, 'stolen'), role: 'stolen-window', token: bar.token });
      b.add(Layer.Outline, { type: 'rect', x: pastSpan[0], y, w: pastSpan[1] - pastSpan[0], h, stroke: theme.stolen.stroke, strokeWidth: theme.strokeWidth, role: 'stolen-window', token: bar.token });
    }
  }
  if ((end ?? Number.POSITIVE_INFINITY) > ctx.now && ctx.now < viewEndMs) {
    const v = vis(Math.max(start, ctx.now), end ?? viewEndMs + (ctx.view.endMs - ctx.view.startMs));
    if (v) b.add(Layer.Outline, { type: 'rect', x: v[0], y, w: v[1] - v[0], h, stroke: theme.stolen.stroke, strokeWidth: theme.strokeWidth, dash: [6, 4], role: 'stolen-future', token: bar.token });
  }
  const whole = vis(start, end ?? viewEndMs + (ctx.view.endMs - ctx.view.startMs));
  if (whole && ctx.selection.token === bar.token) ctx.selectionBoxes.push({ x0: whole[0], x1: arrowAtEdge ? ctx.ox + ctx.W : whole[1], y, h });

  const g = theme.glyphSize;
  let afterEndX: number | undefined;
  if (end !== undefined) {
    const x = ctx.X(end);
    if (inView(ctx, x)) {
      const happened = end <= ctx.now;
      b.add(Layer.Outline, { type: 'line', x1: x, y1: y - 4, x2: x, y2: y + h + 4, stroke: theme.endCap, strokeWidth: theme.capWidth, ...(happened ? {} : { dash: [4, 3] }), role: 'end-cap', token: bar.token });
      if (happened) b.add(Layer.Mark, { type: 'glyph', glyph: 'cross', x: x + theme.capWidth / 2 + g / 2 + 3, y: y + h / 2, size: g, color: theme.cross, role: 'end-mark', token: bar.token });
      afterEndX = x + theme.capWidth / 2 + (happened ? g + 10 : 6);
    }
  } else if (arrowAtEdge) {
    b.add(Layer.Mark, { type: 'arrow', x: ctx.ox + ctx.W - 1, y: y + h / 2, size: arrowSize, fill: theme.stolen.stroke, stroke: theme.stolen.stroke, strokeWidth: 1, role: 'open-end', token: bar.token });
  }

  const size = theme.font.barLabel;
  const copy = `stolen copy of token #${bar.number}`;
  const usable = end !== undefined ? formatDuration(end - start) : '';
  const candidates = open
    ? [`${copy} still works: forever (∞)`, `stolen copy works forever (∞)`, `forever (∞)`, '∞']
    : end <= ctx.now
      ? bar.endReason === 'invalidated'
        ? [`${copy} rejected once invalidated: usable ${usable}`, `rejected once invalidated: usable ${usable}`, `usable ${usable}`]
        : [`${copy} dies at exp + 60 s leeway: usable ${usable}`, `dies at exp + 60 s leeway: usable ${usable}`, `usable ${usable}`]
      : bar.endReason === 'invalidated'
        ? [`${copy} works until it is invalidated`, 'works until invalidated']
        : [`${copy} works until exp + 60 s leeway`, 'works until exp + 60 s'];
  // Inside the window when it fits, on a chip over the hatch; otherwise just after its end.
  const inside = whole ?? pastSpan;
  const left = inside ? Math.max(inside[0], ctx.ox) : 0;
  const right = inside ? inside[1] : 0;
  // The most telling caption that fits anywhere: inside first, then after the end.
  const roomOutside = afterEndX !== undefined ? Math.min(roomAfter(bar.row, afterEndX), ctx.ox + ctx.W - afterEndX) - 4 : 0;
  let text: string | undefined;
  let x = left + 10;
  for (const candidate of candidates) {
    const w = estimateTextWidth(candidate, size, 700);
    if (inside && w <= right - left - 22) {
      text = candidate;
      break;
    }
    if (afterEndX !== undefined && w <= roomOutside) {
      text = candidate;
      x = afterEndX;
      break;
    }
  }
  if (text) {
    b.add(Layer.Label, { type: 'text', x, y: y + h / 2 + size * 0.36, text, size, weight: 700, fill: theme.stolen.text, anchor: 'start', halo: theme.labelChip, role: 'label', token: bar.token });
  }
}
