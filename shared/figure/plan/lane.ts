/**
 * One lane's plan: its bars (a token's or a stolen copy's, or thin tokens gathered into runs), its point marks and
 * its strips; or, for a summary lane, its pods' rows. Labels in the lane's caption band never overprint each other,
 * end labels never run into the next bar, and captions stop before the next refresh line.
 */
import type { LaneLayout } from '../layout.ts';
import { upperBound } from '../primitives.ts';
import { barY, LabelBand, TINY_BAR_PX, type FlowCtx } from './flow-context.ts';
import { planLaneMark } from './lane-marks.ts';
import { planStrip } from './mark-strip.ts';
import { planPodRows } from './pod-rows.ts';
import { planStolenBar } from './stolen-bar.ts';
import { ThinTokenRuns } from './thin-token-runs.ts';
import { planTokenBar } from './token-bar.ts';

export function planLane(ctx: FlowCtx, lane: LaneLayout): void {
  if (lane.lane.summary) {
    planPodRows(ctx, lane, lane.lane.summary);
    return;
  }
  const annotations = new LabelBand();
  // Bar starts per row, sorted, so end labels ("exp", "usable 31 m") never run into the next bar.
  const rowStarts = new Map<number, number[]>();
  for (const bar of lane.lane.bars) {
    const list = rowStarts.get(bar.row) ?? [];
    list.push(ctx.X(bar.type === 'token' ? bar.issuedAtMs : bar.leakedAtMs));
    rowStarts.set(bar.row, list);
  }
  for (const list of rowStarts.values()) list.sort((a, b) => a - b);
  const roomAfter = (row: number, x: number) => {
    const starts = rowStarts.get(row) ?? [];
    const next = starts[upperBound(starts, x + 1)];
    return Math.min(next ?? Number.POSITIVE_INFINITY, ctx.ox + ctx.W) - x;
  };
  // The kubelet's refresh lines cross the caption band: a caption stops before the next one rather than be cut by it.
  const refreshXs = lane.lane.bars.flatMap((bar) => (bar.type === 'token' && bar.refreshDue ? [ctx.X(bar.refreshDue.atMs)] : [])).sort((a, b) => a - b);
  const captionRoom = (x: number) => Math.min(refreshXs[upperBound(refreshXs, x + 1)] ?? Number.POSITIVE_INFINITY, ctx.ox + ctx.W) - x;
  // Runs of tokens too thin to draw one by one.
  const runs = new ThinTokenRuns(ctx);
  const viewStart = ctx.view.startMs;
  const viewEnd = ctx.view.endMs;
  for (const bar of lane.lane.bars) {
    if (bar.type !== 'token') {
      planStolenBar(ctx, lane, bar, roomAfter);
      continue;
    }
    const endMs = bar.endMs ?? Number.POSITIVE_INFINITY;
    if (endMs < viewStart || bar.issuedAtMs > viewEnd) continue; // off-screen: nothing to draw or hit
    const x0 = ctx.X(bar.issuedAtMs);
    const x1 = ctx.X(Math.min(endMs, ctx.now, viewEnd));
    if (bar.endMs !== undefined && bar.endMs <= ctx.now && x1 - x0 < TINY_BAR_PX && ctx.selection.token !== bar.token) {
      const y = barY(ctx, lane, bar.row);
      ctx.hits.push({ kind: 'token', token: bar.token, startMs: bar.issuedAtMs, endMs, y0: y, y1: y + lane.barHeight });
      runs.add(bar.row, x0, x1, y, lane.barHeight, endMs - bar.issuedAtMs);
      continue;
    }
    planTokenBar(ctx, lane, bar, annotations, roomAfter, captionRoom);
  }
  runs.flushAll();
  for (const mark of lane.lane.marks) planLaneMark(ctx, lane, mark, annotations, captionRoom);
  for (const strip of lane.strips) planStrip(ctx, strip.strip.marks, strip.centerY);
}
