/** The figure's legend: a swatch and words per item, in rows that wrap at the figure's margins. */
import { legendSwatch, type LegendItem } from '../legend.ts';
import type { Primitive } from '../primitives.ts';
import { estimateTextWidth } from '../text-metrics.ts';
import type { PatternId, PatternSpec, TimelineTheme } from '../theme.ts';

/** Adds the legend from `top`, noting the patterns its swatches use. Returns the y just below it. */
export function planFigureLegend(
  out: Primitive[],
  patterns: Map<PatternId, PatternSpec>,
  items: readonly LegendItem[],
  margins: { left: number; right: number },
  top: number,
  theme: TimelineTheme,
): number {
  const f = theme.font;
  const sw = Math.round(f.legend * 2.4);
  const sh = Math.round(f.legend * 1.2);
  let x = margins.left;
  let rowY = top;
  for (const item of items) {
    const w = sw + 8 + estimateTextWidth(item.label, f.legend, 400) + 22;
    if (x + w > margins.right && x > margins.left) {
      x = margins.left;
      rowY += f.legend * 1.9;
    }
    for (const p of legendSwatch(item.kind, theme, x, rowY, sw, sh)) {
      out.push(p);
      if (p.type === 'rect' && p.pattern) patterns.set(p.pattern, theme.patterns[p.pattern]);
    }
    out.push({ type: 'text', x: x + sw + 8, y: rowY + sh / 2 + f.legend * 0.36, text: item.label, size: f.legend, weight: 400, fill: theme.text, anchor: 'start', role: 'legend' });
    x += w;
  }
  return rowY + sh + 4;
}
