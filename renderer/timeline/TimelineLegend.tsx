/**
 * The legend under the axis. Each swatch is the lanes' own primitives painted by the SVG painter into an <img>, so
 * the legend shows exactly what the canvas draws, in the current theme.
 */
import { useMemo } from 'react';
import type { TimelineLanes } from '../../shared/lanes/lane-types.ts';
import { legendItems, legendSwatch, type LegendKind } from '../../shared/figure/legend.ts';
import { paintSvg, svgDataUrl } from '../../shared/figure/svg-painter.ts';
import type { TimelineTheme } from '../../shared/figure/theme.ts';

export function swatchDataUrl(kind: LegendKind, theme: TimelineTheme, width: number, height: number): string {
  const pad = 4;
  const primitives = legendSwatch(kind, theme, pad, pad, width - 2 * pad, height - 2 * pad);
  const patterns = [...new Set(primitives.flatMap((p) => (p.type === 'rect' && p.pattern ? [p.pattern] : [])))].map((id) => theme.patterns[id]);
  const svg = paintSvg(
    { width, height, background: undefined, fontFamily: theme.fontFamily, patterns, primitives, hits: [], plot: { x: 0, width } },
    { idPrefix: `legend-${kind}` },
  );
  return svgDataUrl(svg);
}

export function TimelineLegend({ lanes, theme }: { lanes: TimelineLanes; theme: TimelineTheme }) {
  const items = useMemo(() => legendItems(lanes), [lanes]);
  const w = Math.round(theme.font.legend * 2.4) + 8;
  const h = Math.round(theme.font.legend * 1.2) + 8;
  const kinds = items.map((item) => item.kind).join(',');
  const urls = useMemo(
    () => new Map(kinds.split(',').map((kind) => [kind, swatchDataUrl(kind as LegendKind, theme, w, h)])),
    [kinds, theme, w, h],
  );
  return (
    <ul className="tl-legend" aria-label="Legend">
      {items.map((item) => (
        <li key={item.kind}>
          <img src={urls.get(item.kind)} width={w} height={h} alt="" />
          <span>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}
