/**
 * The pasted token's timeline as SVG at a given width: marks above the bar (name over offset from iat, placed in rows
 * so none overlap), the bar's spans, axis breaks and their labels, and the now line with its badge. Labels are drawn
 * last, each on a patch of background.
 */
import { num } from '../../../shared/figure/glyphs.ts';
import { estimateTextWidth } from '../../../shared/figure/text-metrics.ts';
import type { TimelineTheme } from '../../../shared/figure/theme.ts';
import { markLabelWidth, placeLabels, type PasteTimeline } from './paste-timeline.ts';
import { PatternDef } from './PatternDef.tsx';
import { PasteSpanBar } from './PasteSpanBar.tsx';
import { SPAN_PATTERN } from './span-style.ts';

const MAX_LABEL_ROWS = 3;
const LABEL_GAP_PX = 10;

export function PasteTimelineSvg(props: { timeline: PasteTimeline; theme: TimelineTheme; width: number; prefix: string }) {
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
        <PasteSpanBar key={`${span.kind}-${i}`} span={span} theme={theme} prefix={prefix} x0={xOf(span.fromX)} x1={xOf(span.toX)} labelX1={span.labelToX !== undefined ? xOf(span.labelToX) : undefined} avoid={avoid} y={barY} h={barH} size={theme.font.barLabel} />
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
