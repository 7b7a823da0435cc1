/** The legend under the pasted token's timeline: each kind of span it shows, in words and with its swatch, and its symbols. */
import { num } from '../../../shared/figure/glyphs.ts';
import type { TimelineTheme } from '../../../shared/figure/theme.ts';
import type { PasteTimeline, SpanKind } from './paste-timeline.ts';
import { PatternDef } from './PatternDef.tsx';
import { SPAN_PATTERN, spanStyle } from './span-style.ts';

const SPAN_WORDS: Record<SpanKind, string> = {
  valid: 'valid (solid)',
  refresh: 'the kubelet’s refresh window (vertical hatch)',
  stale: 'after warnafter: accepted, each use audited as stale (dots)',
  'not-yet-valid': 'before nbf: not valid yet (dashed outline)',
};

export function PasteTimelineLegend({ timeline, theme, prefix }: { timeline: PasteTimeline; theme: TimelineTheme; prefix: string }) {
  const kinds = [...new Set(timeline.spans.map((s) => s.kind))];
  const openEnd = timeline.spans.some((s) => s.openEnd);
  return (
    <ul className="ts-paste-legend" aria-label="Legend">
      {kinds.map((kind) => (
        <li key={kind}>
          <Swatch kind={kind} theme={theme} prefix={`${prefix}-legend-${kind}`} />
          <span>{SPAN_WORDS[kind]}</span>
        </li>
      ))}
      {openEnd ? (
        <li>
          <span className="ts-paste-legend-symbol" aria-hidden="true">→</span>
          <span>arrow at the edge: nothing in the token ends it</span>
        </li>
      ) : null}
      {timeline.breaks.length > 0 ? (
        <li>
          <BreakSwatch theme={theme} />
          <span>axis break (two slashes): time left out so the short part stays readable</span>
        </li>
      ) : null}
    </ul>
  );
}

/** The break as the plot draws it: two slashes through a bar. */
function BreakSwatch(props: { theme: TimelineTheme }) {
  const { theme } = props;
  const w = Math.round(theme.font.legend * 2.4);
  const h = Math.round(theme.font.legend * 1.2);
  return (
    <svg width={w} height={h} aria-hidden="true" className="ts-paste-swatch">
      <rect x={1} y={h * 0.25} width={w - 2} height={h * 0.5} fill={theme.valid.fill} />
      <rect x={w / 2 - 5} y={0} width={10} height={h} fill={theme.background} />
      <path d={`M${num(w / 2 - 8)} ${h}L${num(w / 2 - 2)} 0M${num(w / 2 + 2)} ${h}L${num(w / 2 + 8)} 0`} stroke={theme.text} strokeWidth={theme.strokeWidth + 0.5} />
    </svg>
  );
}

function Swatch(props: { kind: SpanKind; theme: TimelineTheme; prefix: string }) {
  const { kind, theme, prefix } = props;
  const pattern = SPAN_PATTERN[kind];
  const style = spanStyle(kind, theme, prefix);
  const w = Math.round(theme.font.legend * 2.4);
  const h = Math.round(theme.font.legend * 1.2);
  return (
    <svg width={w} height={h} aria-hidden="true" className="ts-paste-swatch">
      {pattern ? (
        <defs>
          <PatternDef spec={theme.patterns[pattern]} id={`${prefix}-${pattern}`} />
        </defs>
      ) : null}
      <rect x={1} y={1} width={w - 2} height={h - 2} fill={style.fill} stroke={style.stroke} strokeWidth={theme.strokeWidth} strokeDasharray={style.dash} />
    </svg>
  );
}
