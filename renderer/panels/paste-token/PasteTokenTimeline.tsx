/**
 * The pasted token's own timeline, drawn as SVG at the element's real width so labels keep their size: marks above
 * the bar (name over offset from iat), the bar itself (valid = solid, kubelet refresh window = vertical hatch, after
 * warnafter = dots, before nbf = dashed outline, no end = arrow), axis breaks (two slashes, labelled with the time they
 * stand for) and a "now" line with its badge. Colours and patterns come from the timeline theme; every state also
 * has a pattern or a word, and the legend under it says which.
 */
import { useId } from 'react';
import { arrowShape, num, pathData } from '../../../shared/figure/glyphs.ts';
import { patternGeometry } from '../../../shared/figure/patterns.ts';
import { estimateTextWidth, fitLabel } from '../../../shared/figure/text-metrics.ts';
import { themeNamed, type PatternId, type PatternSpec, type TimelineTheme } from '../../../shared/figure/theme.ts';
import { markLabelWidth, placeLabels, type PasteTimeline, type SpanKind, type TimelineSpan } from './paste-timeline.ts';
import { useThemeName } from '../../theme/theme-context.ts';
import { useElementWidth } from './use-element-width.ts';

const MAX_LABEL_ROWS = 3;
const LABEL_GAP_PX = 10;
const FALLBACK_WIDTH_PX = 640;

const SPAN_WORDS: Record<SpanKind, string> = {
  valid: 'valid (solid)',
  refresh: 'the kubelet’s refresh window (vertical hatch)',
  stale: 'after warnafter: accepted, each use audited as stale (dots)',
  'not-yet-valid': 'before nbf: not valid yet (dashed outline)',
};

const SPAN_PATTERN: Partial<Record<SpanKind, PatternId>> = { refresh: 'refresh', stale: 'stale' };

export function PasteTokenTimeline(props: { timeline: PasteTimeline }) {
  const { timeline } = props;
  // The same theme as the main timelines, following the app's theme switch.
  const theme = themeNamed(useThemeName());
  const [measure, widthPx] = useElementWidth(FALLBACK_WIDTH_PX);
  const prefix = `paste-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const kinds = [...new Set(timeline.spans.map((s) => s.kind))];
  const openEnd = timeline.spans.some((s) => s.openEnd);

  return (
    <figure className="ts-paste-timeline" data-testid="paste-token-timeline">
      <div ref={measure} className="ts-paste-timeline-plot">
        <TimelineSvg timeline={timeline} theme={theme} width={widthPx} prefix={prefix} />
      </div>
      <figcaption>
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
      </figcaption>
    </figure>
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

function PatternDef(props: { spec: PatternSpec; id: string }) {
  const { spec, id } = props;
  const g = patternGeometry(spec);
  const d = g.lines.map(([x1, y1, x2, y2]) => `M${num(x1)} ${num(y1)}L${num(x2)} ${num(y2)}`).join('');
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width={g.size} height={g.size}>
      <rect width={g.size} height={g.size} fill={spec.background} />
      {d ? <path d={d} stroke={spec.stroke} strokeWidth={spec.lineWidth} strokeLinecap="square" /> : null}
      {g.dots.map(([cx, cy, r], i) => (
        <circle key={i} cx={cx} cy={cy} r={r} fill={spec.stroke} />
      ))}
    </pattern>
  );
}

function spanStyle(kind: SpanKind, theme: TimelineTheme, prefix: string): { fill: string; stroke: string; text: string; dash?: string } {
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

function TimelineSvg(props: { timeline: PasteTimeline; theme: TimelineTheme; width: number; prefix: string }) {
  const { timeline, theme, width, prefix } = props;
  const titleId = `${prefix}-title`;
  const descId = `${prefix}-desc`;
  const nameSize = theme.font.laneLabel;
  const detailSize = theme.font.axis;
  const nameLine = Math.round(nameSize * 1.2);
  const detailLine = Math.round(detailSize * 1.25);
  const blockH = nameLine + detailLine + 4;

  const boxes = timeline.marks.map((m) => ({ anchorX: m.x * width, width: markLabelWidth(m, nameSize, detailSize) }));
  const placed = placeLabels(boxes, width, LABEL_GAP_PX, MAX_LABEL_ROWS);
  const rows = placed.reduce((max, p) => Math.max(max, p.row + 1), 0);
  const top = 4;
  const barY = top + rows * blockH + 10;
  const barH = theme.barHeight;
  const breakBoxes = timeline.breaks.map((b) => ({ anchorX: ((b.fromX + b.toX) / 2) * width, width: estimateTextWidth(b.label, detailSize, 600) }));
  const breakPlaced = placeLabels(breakBoxes, width, LABEL_GAP_PX, 2);
  const breakRows = breakPlaced.reduce((max, p) => Math.max(max, p.row + 1), 0);
  const breakLabelY = (row: number) => barY + barH + 8 + detailSize + row * detailLine;
  const nowBadgeY = barY + barH + (breakRows > 0 ? breakRows * detailLine + 14 : 10);
  const badgeH = Math.round(detailSize * 1.6);
  const height = nowBadgeY + badgeH + 4;
  const xOf = (fraction: number) => fraction * width;
  const patterns = [...new Set(timeline.spans.flatMap((s) => (SPAN_PATTERN[s.kind] ? [SPAN_PATTERN[s.kind]!] : [])))];

  const nowX = xOf(timeline.now.x);
  const breakHalfPx = 7;
  const avoid: Array<readonly [number, number]> = [
    [nowX - 4, nowX + 4],
    ...timeline.breaks.map((b) => {
      const cx = xOf((b.fromX + b.toX) / 2);
      return [cx - breakHalfPx - 6, cx + breakHalfPx + 6] as const;
    }),
  ];
  const badgeText = 'now';
  const badgeW = estimateTextWidth(badgeText, detailSize, 700) + 16;
  const nowDetailW = estimateTextWidth(timeline.now.detail, detailSize);
  const badgeLeft = Math.max(0, Math.min(width - badgeW, nowX - badgeW / 2));
  const detailLeft = badgeLeft + badgeW + 8 + nowDetailW <= width ? badgeLeft + badgeW + 8 : Math.max(0, badgeLeft - 8 - nowDetailW);

  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      fontFamily={theme.fontFamily}
      className="ts-paste-timeline-svg"
    >
      <title id={titleId}>The token’s lifetime on its own timeline</title>
      <desc id={descId}>{timeline.description}</desc>
      <rect width={width} height={height} fill={theme.background} />
      <defs>
        {patterns.map((id) => (
          <PatternDef key={id} spec={theme.patterns[id]} id={`${prefix}-${id}`} />
        ))}
      </defs>

      {timeline.spans.map((span, i) => (
        <SpanBar key={`${span.kind}-${i}`} span={span} theme={theme} prefix={prefix} x0={xOf(span.fromX)} x1={xOf(span.toX)} labelX1={span.labelToX !== undefined ? xOf(span.labelToX) : undefined} avoid={avoid} y={barY} h={barH} size={theme.font.barLabel} />
      ))}

      {timeline.breaks.map((b, i) => {
        const cx = xOf((b.fromX + b.toX) / 2);
        const gap = breakHalfPx;
        return (
          <g key={`break-${i}`} data-break={b.label}>
            <rect x={cx - gap} y={barY - 6} width={gap * 2} height={barH + 12} fill={theme.background} />
            <path
              d={`M${num(cx - gap - 4)} ${num(barY + barH + 6)}L${num(cx - gap + 4)} ${num(barY - 6)}M${num(cx + gap - 4)} ${num(barY + barH + 6)}L${num(cx + gap + 4)} ${num(barY - 6)}`}
              stroke={theme.text}
              strokeWidth={theme.strokeWidth + 0.5}
            />
          </g>
        );
      })}

      {timeline.marks.map((mark, i) => {
        const blockTop = top + (rows - 1 - placed[i]!.row) * blockH;
        const x = xOf(mark.x);
        const cap = mark.ids.includes('exp') ? theme.capWidth : theme.strokeWidth;
        return (
          <g key={mark.ids.join('-')} data-mark={mark.ids.join(' ')}>
            <line x1={x} x2={x} y1={blockTop + blockH - 2} y2={barY} stroke={theme.mutedText} strokeWidth={1} />
            <line x1={x} x2={x} y1={barY - 4} y2={barY + barH + 4} stroke={theme.endCap} strokeWidth={cap} />
          </g>
        );
      })}

      <g data-mark="now">
        <line x1={nowX} x2={nowX} y1={top} y2={nowBadgeY} stroke={theme.now.line} strokeWidth={theme.strokeWidth + 1} strokeDasharray="5 3" />
        <rect x={badgeLeft} y={nowBadgeY} width={badgeW} height={badgeH} rx={4} fill={theme.now.badge} />
        <text x={badgeLeft + badgeW / 2} y={nowBadgeY + badgeH / 2 + detailSize * 0.35} textAnchor="middle" fontSize={detailSize} fontWeight={700} fill={theme.now.badgeText}>
          {badgeText}
        </text>
        <text x={detailLeft} y={nowBadgeY + badgeH / 2 + detailSize * 0.35} fontSize={detailSize} fill={theme.text}>
          {timeline.now.detail}
        </text>
      </g>

      {/* Labels last, each on a patch of background, so leader lines and the now line pass behind words, not through. */}
      {timeline.breaks.map((b, i) => {
        const { left, row } = breakPlaced[i]!;
        const w = breakBoxes[i]!.width;
        return (
          <g key={`break-label-${i}`} data-break-label={b.label}>
            <rect x={left - 3} y={breakLabelY(row) - detailSize} width={w + 6} height={detailLine} fill={theme.background} />
            <text x={left + w / 2} y={breakLabelY(row)} textAnchor="middle" fontSize={detailSize} fill={theme.text} fontWeight={600}>
              {b.label}
            </text>
          </g>
        );
      })}
      <g>
        {timeline.marks.map((mark, i) => {
          const blockTop = top + (rows - 1 - placed[i]!.row) * blockH;
          const textX = placed[i]!.left + boxes[i]!.width / 2;
          return (
            <g key={mark.ids.join('-')} data-mark-label={mark.ids.join(' ')}>
              <rect x={placed[i]!.left - 3} y={blockTop} width={boxes[i]!.width + 6} height={blockH - 3} fill={theme.background} />
              <text x={textX} y={blockTop + nameSize} textAnchor="middle" fontSize={nameSize} fontWeight={700} fill={theme.text}>
                {mark.name}
              </text>
              <text x={textX} y={blockTop + nameLine + detailSize} textAnchor="middle" fontSize={detailSize} fill={theme.mutedText}>
                {mark.detail}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}

function SpanBar(props: {
  span: TimelineSpan;
  theme: TimelineTheme;
  prefix: string;
  x0: number;
  x1: number;
  labelX1: number | undefined;
  /** Stretches a label must not cross: axis breaks and the now line. */
  avoid: ReadonlyArray<readonly [number, number]>;
  y: number;
  h: number;
  size: number;
}) {
  const { span, theme, prefix, x0, y, h, size } = props;
  const arrow = span.openEnd ? h * 0.55 : 0;
  const x1 = Math.max(x0 + 2, props.x1 - arrow);
  const style = spanStyle(span.kind, theme, prefix);
  const room = widestGap(x0, props.labelX1 !== undefined ? Math.min(x1, props.labelX1) : x1, props.avoid);
  const label = fitLabel(span.labels, room[1] - room[0] - 10, size, 600);
  const onPattern = SPAN_PATTERN[span.kind] !== undefined;
  const labelW = label ? estimateTextWidth(label, size, 600) : 0;
  const cx = (room[0] + room[1]) / 2;
  return (
    <g data-span={span.kind}>
      <rect x={x0} y={y} width={x1 - x0} height={h} fill={style.fill} stroke={style.stroke} strokeWidth={theme.strokeWidth} strokeDasharray={style.dash} />
      {span.openEnd ? <path d={pathData(arrowShape(props.x1, y + h / 2, arrow))} fill={style.stroke} /> : null}
      {label ? (
        <>
          {onPattern ? <rect x={cx - labelW / 2 - 4} y={y + h / 2 - size * 0.7} width={labelW + 8} height={size * 1.4} rx={3} fill={theme.labelChip} /> : null}
          <text x={cx} y={y + h / 2 + size * 0.35} textAnchor="middle" fontSize={size} fontWeight={600} fill={onPattern ? theme.text : style.text}>
            {label}
          </text>
        </>
      ) : null}
    </g>
  );
}

/** The widest part of [from, to] that none of the `avoid` stretches touch. */
function widestGap(from: number, to: number, avoid: ReadonlyArray<readonly [number, number]>): [number, number] {
  let best: [number, number] = [from, from];
  let start = from;
  const cuts = avoid.filter(([a, b]) => b > from && a < to).sort((p, q) => p[0] - q[0]);
  for (const [a, b] of [...cuts, [to, to] as const]) {
    if (a - start > best[1] - best[0]) best = [start, Math.min(a, to)];
    start = Math.max(start, b);
  }
  return best;
}
