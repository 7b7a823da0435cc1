/** A strip's row of glyphs (file writes, an app's calls, kubectl commands), with short captions where they fit. */
import type { LaneMark, MarkKind } from '../../lanes/lane-types.ts';
import type { GlyphKind } from '../glyphs.ts';
import { Layer } from '../primitives.ts';
import { fitLabel } from '../text-metrics.ts';
import type { FlowCtx } from './flow-context.ts';

const SEVERITY: Record<MarkKind, number> = {
  'file-write': 0,
  'call-ok': 0,
  'kubectl-ok': 0,
  leak: 1,
  'call-unanswered': 1,
  'refresh-failed': 2,
  'call-denied': 2,
  'kubectl-failed': 2,
  'pod-deleted': 2,
};

const GLYPH_OF: Record<MarkKind, GlyphKind> = {
  'file-write': 'dot',
  'refresh-failed': 'cross',
  'call-ok': 'check',
  'call-denied': 'cross',
  'call-unanswered': 'dash',
  leak: 'down',
  'kubectl-ok': 'check',
  'kubectl-failed': 'cross',
  'pod-deleted': 'cross',
};

/** First index in `marks` (in time order) at or after `ms`. */
function firstMarkAtOrAfter(marks: readonly LaneMark[], ms: number): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid]!.atMs < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A row of glyphs. Marks closer than a glyph merge into one, and the worst outcome wins the pixel (a ✗ is never hidden
 * under a ✓).
 */
export function planStrip(ctx: FlowCtx, marks: readonly LaneMark[], centerY: number): void {
  const { b, theme } = ctx;
  const g = theme.glyphSize;
  const y = ctx.oy + centerY;
  const buckets: { x: number; mark: LaneMark }[] = [];
  const msPerPx = (ctx.view.endMs - ctx.view.startMs) / Math.max(1, ctx.W);
  for (let i = firstMarkAtOrAfter(marks, ctx.view.startMs - g * msPerPx); i < marks.length; i++) {
    const mark = marks[i]!;
    const x = ctx.X(mark.atMs);
    if (x > ctx.ox + ctx.W + g / 2) break;
    if (x < ctx.ox - g / 2) continue;
    const last = buckets[buckets.length - 1];
    if (last && x - last.x < g * 0.95) {
      if (SEVERITY[mark.kind] > SEVERITY[last.mark.kind]) last.mark = mark;
      continue;
    }
    buckets.push({ x, mark });
  }
  buckets.forEach(({ x, mark }, i) => {
    const glyph = GLYPH_OF[mark.kind];
    const color =
      glyph === 'check' ? theme.check : glyph === 'cross' ? theme.cross : glyph === 'dash' ? theme.unanswered : glyph === 'dot' ? theme.fileWrite.fill : theme.text;
    b.add(Layer.Mark, { type: 'glyph', glyph, x, y, size: g, color, ...(glyph === 'dot' ? { outline: theme.fileWrite.stroke } : {}), role: 'mark', seq: mark.seq, ...(mark.token !== undefined ? { token: mark.token } : {}) });
    ctx.hits.push({ kind: 'event', seq: mark.seq, token: mark.token, atMs: mark.atMs, y0: y - g / 2 - 3, y1: y + g / 2 + 3, radiusPx: g / 2 + 3 });
    if (mark.label) {
      const next = buckets[i + 1]?.x ?? ctx.ox + ctx.W + g;
      const x0 = x + g / 2 + 6;
      const size = theme.font.annotation;
      // Shorter and shorter until it fits before the next mark: the command, then its verb and object, then its verb.
      const short = mark.label.split(' → ')[0] ?? mark.label;
      const words = short.split(' ');
      const candidates = [...new Set([mark.label, short, words.slice(0, 2).join(' '), words[0] ?? short])];
      const text = fitLabel(candidates, Math.min(next - g / 2 - 2, ctx.ox + ctx.W) - x0 - 4, size, 400);
      if (text) b.add(Layer.Label, { type: 'text', x: x0, y: y + size * 0.36, text, size, weight: 400, fill: theme.text, anchor: 'start', halo: theme.surface, role: 'label', seq: mark.seq });
    }
  });
}
