/**
 * Hatch tiles as geometry, so the canvas painter (a CanvasPattern from a small tile) and the SVG painter (a
 * <pattern> in <defs>) draw exactly the same stripes. Tiles are in CSS px, user space, and repeat seamlessly.
 */
import type { PatternSpec } from './theme.ts';

export interface PatternGeometry {
  size: number;
  lines: [number, number, number, number][];
  dots: [number, number, number][];
}

export function patternGeometry(spec: PatternSpec): PatternGeometry {
  const s = spec.size;
  const h = s / 2;
  switch (spec.kind) {
    case 'vertical':
      return { size: s, lines: [[h, 0, h, s]], dots: [] };
    case 'diagonal':
      return { size: s, lines: [[0, s, s, 0], [-h, h, h, -h], [h, s + h, s + h, h]], dots: [] };
    case 'cross':
      return {
        size: s,
        lines: [[0, s, s, 0], [-h, h, h, -h], [h, s + h, s + h, h], [0, 0, s, s], [-h, h, h, s + h], [h, -h, s + h, h]],
        dots: [],
      };
    case 'dots':
      return { size: s, lines: [], dots: [[h, h, Math.max(0.8, spec.lineWidth * 0.75)]] };
  }
}
