/**
 * A token's bar: its lived part in the segment styles (solid, refresh hatch, stale), the part ahead of now dashed,
 * the end cap and ✗ with "exp" or "invalidated", the arrow of a token that never expires, its name, where the kubelet
 * acted (the refresh line and "80 % → kubelet refreshes"), and the expiry the kubelet was told when the JWT says later.
 */
import type { TokenBar } from '../../lanes/lane-types.ts';
import type { LaneLayout } from '../layout.ts';
import { Layer } from '../primitives.ts';
import { estimateTextWidth, fitLabel } from '../text-metrics.ts';
import { barY, clippedBefore, inView, pattern, type FlowCtx, type LabelBand } from './flow-context.ts';

export function planTokenBar(
  ctx: FlowCtx,
  lane: LaneLayout,
  bar: TokenBar,
  annotations: LabelBand,
  roomAfter: (row: number, x: number) => number,
  captionRoom: (x: number) => number,
): void {
  const { b, theme } = ctx;
  const y = barY(ctx, lane, bar.row);
  const h = lane.barHeight;
  const start = bar.issuedAtMs;
  const end = bar.endMs;
  const open = end === undefined;
  const pastEnd = Math.min(end ?? Number.POSITIVE_INFINITY, ctx.now);
  const viewEndMs = ctx.view.endMs;
  const arrowSize = Math.round(h * 0.9);
  const arrowAtEdge = open && start < viewEndMs;
  // An open-ended bar stops short of the right edge; the arrow head, taller than the bar, carries it on.
  const vis = clippedBefore(ctx, arrowAtEdge ? ctx.ox + ctx.W - arrowSize + 2 : Number.POSITIVE_INFINITY);

  ctx.hits.push({ kind: 'token', token: bar.token, startMs: start, endMs: end ?? Number.POSITIVE_INFINITY, y0: y, y1: y + h });

  // Past: what has happened, in the segment styles.
  let validSpan: [number, number] | undefined;
  if (pastEnd > start) {
    for (const seg of bar.segments) {
      const to = Math.min(seg.toMs ?? Number.POSITIVE_INFINITY, pastEnd);
      if (!(to > seg.fromMs)) continue;
      const v = vis(seg.fromMs, to);
      if (!v) continue;
      if (seg.kind === 'valid') {
        b.add(Layer.Fill, { type: 'rect', x: v[0], y, w: v[1] - v[0], h, fill: theme.valid.fill, role: 'token-bar', token: bar.token });
        if (!validSpan) validSpan = v;
      } else {
        b.add(Layer.Fill, { type: 'rect', x: v[0], y, w: v[1] - v[0], h, pattern: pattern(ctx, seg.kind === 'refresh' ? 'refresh' : 'stale'), role: 'token-bar', token: bar.token });
      }
    }
    const v = vis(start, pastEnd);
    if (v) b.add(Layer.Outline, { type: 'rect', x: v[0], y, w: v[1] - v[0], h, stroke: theme.valid.stroke, strokeWidth: theme.strokeWidth, role: 'token-outline', token: bar.token });
  }
  // Future: already known (an exp, or no exp at all), not yet lived.
  if ((end ?? Number.POSITIVE_INFINITY) > ctx.now && ctx.now < viewEndMs) {
    const from = Math.max(start, ctx.now);
    const v = vis(from, end ?? viewEndMs + (ctx.view.endMs - ctx.view.startMs));
    if (v) {
      b.add(Layer.Fill, { type: 'rect', x: v[0], y, w: v[1] - v[0], h, fill: theme.future.fill, role: 'token-future', token: bar.token });
      b.add(Layer.Outline, { type: 'rect', x: v[0], y, w: v[1] - v[0], h, stroke: theme.future.stroke, strokeWidth: theme.strokeWidth, dash: [6, 4], role: 'token-future', token: bar.token });
    }
  }
  const whole = vis(start, end ?? viewEndMs + (ctx.view.endMs - ctx.view.startMs));
  if (whole && ctx.selection.token === bar.token) ctx.selectionBoxes.push({ x0: whole[0], x1: arrowAtEdge ? ctx.ox + ctx.W : whole[1], y, h });

  // The end: a cap and ✗ once it has happened, a dashed cap while it is still ahead.
  if (end !== undefined) {
    const x = ctx.X(end);
    if (inView(ctx, x)) {
      const happened = end <= ctx.now;
      b.add(Layer.Outline, { type: 'line', x1: x, y1: y - 4, x2: x, y2: y + h + 4, stroke: theme.endCap, strokeWidth: theme.capWidth, ...(happened ? {} : { dash: [4, 3] }), role: 'end-cap', token: bar.token });
      const g = theme.glyphSize;
      const word = bar.endReason === 'invalidated' ? 'invalidated' : 'exp';
      const room = roomAfter(bar.row, x);
      if (happened && room > g + 6) {
        b.add(Layer.Mark, { type: 'glyph', glyph: 'cross', x: x + theme.capWidth / 2 + g / 2 + 3, y: y + h / 2, size: g, color: theme.cross, role: 'end-mark', token: bar.token });
      }
      const labelX = x + theme.capWidth / 2 + (happened ? g + 8 : 5);
      const text = fitLabel([word], ctx.ox + ctx.W - labelX - 2, theme.font.annotation, 600);
      if (text && room > labelX - x + estimateTextWidth(text, theme.font.annotation, 600) + 4) {
        b.add(Layer.Label, { type: 'text', x: labelX, y: y + h / 2 + theme.font.annotation * 0.36, text, size: theme.font.annotation, weight: 600, fill: theme.text, anchor: 'start', halo: theme.surface, role: 'label', token: bar.token });
      }
    }
  }
  if (arrowAtEdge) {
    const tip = ctx.ox + ctx.W - 1;
    const past = ctx.now >= viewEndMs;
    b.add(Layer.Mark, { type: 'arrow', x: tip, y: y + h / 2, size: arrowSize, fill: past ? theme.valid.fill : theme.future.stroke, stroke: theme.valid.stroke, strokeWidth: 1, role: 'open-end', token: bar.token });
  }

  // Name (and, for a legacy token, its defining property), inside the solid part.
  const labelSpan = validSpan ?? (pastEnd > start ? vis(start, pastEnd) : undefined);
  if (labelSpan && !lane.lane.compact) {
    const right = labelSpan[1];
    const left = Math.max(labelSpan[0], ctx.ox);
    const n = bar.number;
    const candidates =
      bar.tokenKind === 'legacy'
        ? [`token #${n} · no exp claim: valid until someone deletes its Secret`, `token #${n} · no exp: valid forever`, `token #${n} · no exp`, `token #${n}`, `#${n}`]
        : bar.requester === 'kubectl'
          ? [`token #${n} · kubectl, never refreshed`, `token #${n}`, `#${n}`]
          : [`token #${n}`, `#${n}`];
    const size = theme.font.barLabel;
    const text = fitLabel(candidates, right - left - 14, size, 700);
    // During play the lived part may be short while the bar (ahead of now) is long: then the label goes in the part
    // ahead of now, whose fill is light, in the ink colour; nothing is laid over the solid part, whose fill is its state.
    const ahead = whole && whole[1] > right + 20 ? fitLabel(candidates, Math.min(whole[1], ctx.ox + ctx.W) - right - 20, size, 700) : undefined;
    if (ahead && candidates.indexOf(ahead) < (text === undefined ? candidates.length : candidates.indexOf(text))) {
      b.add(Layer.Label, { type: 'text', x: right + 10, y: y + h / 2 + size * 0.36, text: ahead, size, weight: 700, fill: theme.text, anchor: 'start', role: 'label', token: bar.token });
    } else if (text) {
      b.add(Layer.Label, { type: 'text', x: left + 7, y: y + h / 2 + size * 0.36, text, size, weight: 700, fill: validSpan ? theme.valid.text : theme.refresh.text, anchor: 'start', role: 'label', token: bar.token });
    }
  }

  // Where the kubelet acted: a dashed line from the annotation band down to the file write it caused.
  if (bar.refreshDue) {
    const x = ctx.X(bar.refreshDue.atMs);
    if (inView(ctx, x)) {
      const writes = lane.strips.find((s) => s.strip.id.endsWith('/writes'));
      const top = ctx.oy + lane.top + 4;
      const bottom = writes ? ctx.oy + writes.centerY - theme.glyphSize * 0.45 : y + h + 4;
      b.add(Layer.Outline, { type: 'line', x1: x, y1: top, x2: x, y2: bottom, stroke: theme.refreshDue, strokeWidth: Math.max(2, theme.strokeWidth), dash: [4, 3], role: 'refresh-due', token: bar.token, seq: bar.refreshDue.seq });
      ctx.hits.push({ kind: 'event', seq: bar.refreshDue.seq, token: bar.token, atMs: bar.refreshDue.atMs, y0: top, y1: top + theme.laneTopPad, radiusPx: 5 });
      const pct = bar.refreshDue.rule === 'max-24h' ? '24 h' : '80 %';
      const size = theme.font.annotation;
      const text = fitLabel([`${pct} → kubelet refreshes`, `${pct} → refresh`, pct], captionRoom(x) - 10, size, 700);
      if (text) {
        const w = estimateTextWidth(text, size, 700);
        if (annotations.claim(x + 4, x + 4 + w)) {
          b.add(Layer.Label, { type: 'text', x: x + 5, y: ctx.oy + lane.top + theme.laneTopPad - 7, text, size, weight: 700, fill: theme.refreshDue, anchor: 'start', halo: theme.surface, role: 'label', seq: bar.refreshDue.seq });
        }
      }
    }
  }
  // The expiry the kubelet was told, when the JWT says something later (the one-year extension).
  if (bar.statusExpirationMs !== undefined && bar.expMs !== undefined && Math.abs(bar.expMs - bar.statusExpirationMs) > 1000) {
    const x = ctx.X(bar.statusExpirationMs);
    if (inView(ctx, x) && (bar.endMs === undefined || bar.statusExpirationMs <= bar.endMs)) {
      b.add(Layer.Mark, { type: 'glyph', glyph: 'diamond', x, y: y + h / 2, size: theme.glyphSize, color: theme.statusExpiry, outline: theme.surface, role: 'status-expiry', token: bar.token });
    }
  }
}
