/**
 * How each kind of span of the pasted token's timeline is painted, in the bar and in its legend: a fill (solid, or a
 * pattern the SVG defines under `prefix`), a stroke, the colour of words on it, and a dash for a span not valid yet.
 */
import type { PatternId, TimelineTheme } from '../../../shared/figure/theme.ts';
import type { SpanKind } from './paste-timeline.ts';

export const SPAN_PATTERN: Partial<Record<SpanKind, PatternId>> = { refresh: 'refresh', stale: 'stale' };

export function spanStyle(kind: SpanKind, theme: TimelineTheme, prefix: string): { fill: string; stroke: string; text: string; dash?: string } {
  switch (kind) {
    case 'valid':
      return { fill: theme.valid.fill, stroke: theme.valid.stroke, text: theme.valid.text };
    case 'refresh':
      return { fill: `url(#${prefix}-refresh)`, stroke: theme.refresh.stroke, text: theme.refresh.text };
    case 'stale':
      return { fill: `url(#${prefix}-stale)`, stroke: theme.stale.stroke, text: theme.stale.text };
    case 'not-yet-valid':
      return { fill: theme.future.fill, stroke: theme.future.stroke, text: theme.text, dash: '6 4' };
  }
}
