/**
 * The one time axis under both flows, in React (the shared time scale places the ticks, React owns the nodes): ticks at durations people
 * count in, labelled as simulated time ("0 h", "1 h 30 m", "2 d"), and the "now" badge over the cursor.
 */
import type { TimeView } from '../../shared/figure/time-view.ts';
import { timeScale } from '../../shared/figure/time-scale.ts';
import { formatSimTick, simTimeTicks } from '../../shared/figure/axis.ts';
import type { TimelineTheme } from '../../shared/figure/theme.ts';

interface Props {
  view: TimeView;
  width: number;
  nowMs: number;
  theme: TimelineTheme;
}

export function TimeAxis({ view, width, nowMs, theme }: Props) {
  const fontSize = theme.font.axis;
  const badgeH = Math.round(fontSize * 1.45);
  const axisY = badgeH + 4;
  const height = axisY + 8 + Math.round(fontSize * 1.5);
  if (!(width > 0)) return <div className="tl-axis" style={{ height }} />;
  const x = timeScale(view, width);
  const ticks = simTimeTicks(view, width, theme.tickSpacing);
  const nowX = x(nowMs);
  const showNow = nowX >= -0.5 && nowX <= width + 0.5;
  const badgeW = Math.round(fontSize * 2.8);
  const strokeWidth = theme.name === 'projector' ? 2.5 : 1.5;
  const step = ticks.length > 1 ? ticks[1]!.ms - ticks[0]!.ms : 60_000;
  return (
    <svg className="tl-axis" width={width} height={height} role="img" aria-label={`Simulated time from ${formatSimTick(view.startMs, step)} to ${formatSimTick(view.endMs, step)}`} style={{ overflow: 'visible', display: 'block' }}>
      <line x1={0} x2={width} y1={axisY} y2={axisY} stroke={theme.text} strokeWidth={strokeWidth} />
      {ticks.map((t) => {
        const tx = x(t.ms);
        return (
          <g key={t.ms} transform={`translate(${tx},0)`}>
            <line y1={axisY} y2={axisY + 7} stroke={theme.text} strokeWidth={strokeWidth} />
            <text y={axisY + 8 + fontSize} textAnchor="middle" fontSize={fontSize} fill={theme.text}>
              {t.label}
            </text>
          </g>
        );
      })}
      {showNow && (
        <g transform={`translate(${Math.min(Math.max(nowX, badgeW / 2 - 6), width + 6 - badgeW / 2)},0)`} data-testid="timeline-now">
          <rect x={-badgeW / 2} y={0} width={badgeW} height={badgeH} rx={4} fill={theme.now.badge} />
          <text y={badgeH * 0.72} textAnchor="middle" fontSize={fontSize} fontWeight={700} fill={theme.now.badgeText}>
            now
          </text>
        </g>
      )}
    </svg>
  );
}
