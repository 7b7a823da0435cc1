/**
 * One span of the pasted token's bar (valid, refresh window, stale, not yet valid), with an arrow where nothing ends
 * it, and its label placed in the widest stretch that no axis break or now line crosses.
 */
import { arrowShape, pathData } from '../../../shared/figure/glyphs.ts';
import { estimateTextWidth, fitLabel } from '../../../shared/figure/text-metrics.ts';
import type { TimelineTheme } from '../../../shared/figure/theme.ts';
import type { TimelineSpan } from './paste-timeline.ts';
import { SPAN_PATTERN, spanStyle } from './span-style.ts';

export function PasteSpanBar(props: {
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
