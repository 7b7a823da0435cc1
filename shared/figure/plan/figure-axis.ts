/** The figure's one time axis under its flow cards: the line, a tick and label per step, and the "now" badge. */
import type { AxisTick } from '../axis.ts';
import type { Primitive } from '../primitives.ts';
import { estimateTextWidth } from '../text-metrics.ts';
import type { TimelineTheme } from '../theme.ts';
import type { TimeView } from '../time-view.ts';
import { timeScale } from '../time-scale.ts';

/** Adds the axis at `axisY` across the plot; `nowMs` undefined: no badge. Returns the y just below it. */
export function planFigureAxis(out: Primitive[], plot: { x: number; width: number }, axisY: number, view: TimeView, ticks: readonly AxisTick[], nowMs: number | undefined, theme: TimelineTheme): number {
  const f = theme.font;
  const { x: plotX, width: plotW } = plot;
  const tickLen = 7;
  const x = timeScale(view, plotW);
  out.push({ type: 'line', x1: plotX, y1: axisY, x2: plotX + plotW, y2: axisY, stroke: theme.text, strokeWidth: theme.name === 'projector' ? 2.5 : 1.5, role: 'axis' });
  for (const tick of ticks) {
    const tx = plotX + x(tick.ms);
    out.push({ type: 'line', x1: tx, y1: axisY, x2: tx, y2: axisY + tickLen, stroke: theme.text, strokeWidth: theme.name === 'projector' ? 2.5 : 1.5, role: 'axis' });
    out.push({ type: 'text', x: tx, y: axisY + tickLen + f.axis * 1.1, text: tick.label, size: f.axis, weight: 400, fill: theme.text, anchor: 'middle', role: 'axis' });
  }
  const nowX = nowMs === undefined ? Number.NaN : plotX + x(nowMs);
  if (nowX >= plotX - 0.5 && nowX <= plotX + plotW + 0.5) {
    const label = 'now';
    const w = estimateTextWidth(label, f.axis, 700) + 16;
    const bx = Math.min(Math.max(nowX - w / 2, plotX - w / 2), plotX + plotW - w / 2);
    out.push({ type: 'rect', x: bx, y: axisY - f.axis * 1.5, w, h: f.axis * 1.4, fill: theme.now.badge, radius: 4, role: 'axis' });
    out.push({ type: 'text', x: bx + w / 2, y: axisY - f.axis * 1.5 + f.axis * 1.02, text: label, size: f.axis, weight: 700, fill: theme.now.badgeText, anchor: 'middle', role: 'axis' });
  }
  return axisY + tickLen + f.axis * 1.1 + 12;
}
