/** A timeline pattern (hatch or dots) as an SVG <pattern>, from the same geometry the canvas and the export draw. */
import { num } from '../../../shared/figure/glyphs.ts';
import { patternGeometry } from '../../../shared/figure/patterns.ts';
import type { PatternSpec } from '../../../shared/figure/theme.ts';

export function PatternDef(props: { spec: PatternSpec; id: string }) {
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
