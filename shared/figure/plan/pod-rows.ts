import type { HeldSpan, PodSummary } from '../../lanes/lane-types.ts';
import type { LaneLayout } from '../layout.ts';
import { heldUntil, Layer } from '../primitives.ts';
import { fitLabel } from '../text-metrics.ts';
import { pattern, TINY_BAR_PX, visible, type FlowCtx } from './flow-context.ts';

/**
 * A summary lane: its caption over the rows, then each pod's row — the tokens its file held, one after another. A
 * token too thin to draw alone joins a run drawn with the rotation hatch (many tokens in a row); a token with no exp
 * that is still held goes on past now to the edge, as "ahead of now". Only the rows inside the clip are planned.
 */
export function planPodRows(ctx: FlowCtx, lane: LaneLayout, summary: PodSummary): void {
  const { b, theme } = ctx;
  const size = theme.font.annotation;
  const caption = fitLabel([summary.caption], ctx.W - 12, size, 700);
  if (caption) b.add(Layer.Label, { type: 'text', x: ctx.ox + 6, y: ctx.oy + lane.top + theme.laneTopPad - 7, text: caption, size, weight: 700, fill: theme.text, anchor: 'start', halo: theme.surface, role: 'label' });
  const stride = lane.rowY(1) - lane.rowY(0);
  const h = lane.barHeight;
  const outline = h >= 5;
  let first = 0;
  let last = summary.rows.length - 1;
  if (ctx.clip) {
    first = Math.max(0, Math.floor((ctx.clip.top - lane.barsTop) / stride) - 1);
    last = Math.min(last, Math.ceil((ctx.clip.bottom - lane.barsTop) / stride) + 1);
  }
  const viewStart = ctx.view.startMs;
  const viewEnd = ctx.view.endMs;
  // Allocation-free per token: a row of a 30-day run holds hundreds of tokens, and this runs on every batch.
  const msPerPx = (viewEnd - viewStart) / Math.max(1, ctx.W);
  const left = ctx.ox - 4;
  const right = ctx.ox + ctx.W + 4;
  for (let r = first; r <= last; r++) {
    const row = summary.rows[r]!;
    const y = ctx.oy + lane.rowY(r);
    const stop = Math.min(ctx.now, row.deletedMs ?? Number.POSITIVE_INFINITY);
    ctx.hits.push({ kind: 'held', spans: row.held, stopMs: stop, y0: y, y1: y + h });
    let runX0 = 0;
    let runX1 = Number.NEGATIVE_INFINITY;
    let runCount = 0;
    const flush = () => {
      if (runCount === 0) return;
      b.add(Layer.Fill, { type: 'rect', x: runX0, y, w: runX1 - runX0, h, ...(runCount > 1 ? { pattern: pattern(ctx, 'rotation') } : { fill: theme.valid.fill }), role: 'token-bar' });
      runCount = 0;
    };
    for (let k = firstHeldAtOrAfter(row.held, viewStart); k < row.held.length; k++) {
      const span = row.held[k]!;
      if (span.fromMs > viewEnd) break;
      if (span.endMs === undefined && span.toMs === undefined && row.deletedMs === undefined && ctx.now < viewEnd) {
        // Never expires and nothing replaces it: it goes on.
        const future = visible(ctx, Math.max(span.fromMs, ctx.now), viewEnd);
        if (future) b.add(Layer.Fill, { type: 'rect', x: future[0], y, w: future[1] - future[0], h, fill: theme.future.fill, role: 'token-future', token: span.token });
      }
      const until = heldUntil(span, stop);
      if (!(until > span.fromMs)) continue;
      // `visible`, inline.
      const rawX0 = ctx.X(span.fromMs);
      const x0 = Math.max(rawX0, left);
      const x1c = Math.min(ctx.X(until), right);
      if (!(x1c > x0) && !(x1c === x0 && until > span.fromMs)) continue;
      const x1 = Math.max(x1c, x0 + 1);
      if (ctx.selection.token === span.token) ctx.selectionBoxes.push({ x0, x1, y, h });
      if (until - span.fromMs < TINY_BAR_PX * msPerPx) {
        if (runCount > 0 && x0 <= runX1 + 1) {
          runX1 = Math.max(runX1, x1);
          runCount++;
        } else {
          flush();
          runX0 = x0;
          runX1 = x1;
          runCount = 1;
        }
        continue;
      }
      flush();
      // A 1 px gap where the next token takes over, so each token reads as its own bar.
      const w = span.toMs !== undefined && span.toMs <= stop ? Math.max(1, x1 - x0 - 1) : x1 - x0;
      b.add(Layer.Fill, { type: 'rect', x: x0, y, w, h, fill: theme.valid.fill, role: 'token-bar', token: span.token });
      if (outline) b.add(Layer.Outline, { type: 'rect', x: x0, y, w, h, stroke: theme.valid.stroke, strokeWidth: 1, role: 'token-outline', token: span.token });
    }
    flush();
  }
}

/** First index in `held` (in time order) whose span is still held at or after `ms`. */
function firstHeldAtOrAfter(held: readonly HeldSpan[], ms: number): number {
  let lo = 0;
  let hi = held.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((held[mid]!.toMs ?? Number.POSITIVE_INFINITY) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
