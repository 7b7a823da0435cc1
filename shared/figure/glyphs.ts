/**
 * The shapes the timelines mark events with, as plain path commands: both painters draw these, not font glyphs, so a
 * ✓ looks the same on canvas, in an exported SVG and on a machine without the symbol fonts.
 */

export type GlyphKind = 'check' | 'cross' | 'dash' | 'down' | 'diamond' | 'dot';

export type PathCommand = readonly ['M', number, number] | readonly ['L', number, number] | readonly ['Z'];

export interface GlyphShape {
  /** Filled outline (▼ ◆), or undefined. */
  fill?: PathCommand[];
  /** Stroked lines (✓ ✗ —), or undefined. */
  stroke?: PathCommand[];
  /** A filled circle (●). */
  circle?: { cx: number; cy: number; r: number };
  /** Stroke width for `stroke` relative to the glyph size. */
  strokeWidth: number;
}

/** The shape of `kind`, centred on (cx, cy), `size` px tall. */
export function glyphShape(kind: GlyphKind, cx: number, cy: number, size: number): GlyphShape {
  const s = size;
  const w = Math.max(2, s * 0.17);
  switch (kind) {
    case 'check':
      return { stroke: [['M', cx - 0.4 * s, cy + 0.02 * s], ['L', cx - 0.1 * s, cy + 0.32 * s], ['L', cx + 0.42 * s, cy - 0.36 * s]], strokeWidth: w };
    case 'cross':
      return {
        stroke: [['M', cx - 0.32 * s, cy - 0.32 * s], ['L', cx + 0.32 * s, cy + 0.32 * s], ['M', cx + 0.32 * s, cy - 0.32 * s], ['L', cx - 0.32 * s, cy + 0.32 * s]],
        strokeWidth: w,
      };
    case 'dash':
      return { stroke: [['M', cx - 0.36 * s, cy], ['L', cx + 0.36 * s, cy]], strokeWidth: w };
    case 'down':
      return { fill: [['M', cx - 0.45 * s, cy - 0.4 * s], ['L', cx + 0.45 * s, cy - 0.4 * s], ['L', cx, cy + 0.42 * s], ['Z']], strokeWidth: 0 };
    case 'diamond':
      return { fill: [['M', cx, cy - 0.5 * s], ['L', cx + 0.42 * s, cy], ['L', cx, cy + 0.5 * s], ['L', cx - 0.42 * s, cy], ['Z']], strokeWidth: 0 };
    case 'dot':
      return { circle: { cx, cy, r: 0.36 * s }, strokeWidth: Math.max(1, s * 0.1) };
  }
}

/** The "open end" arrow: a triangle whose tip is at (x, y), pointing right, `size` px long. */
export function arrowShape(x: number, y: number, size: number): PathCommand[] {
  return [['M', x - size, y - size * 0.62], ['L', x, y], ['L', x - size, y + size * 0.62], ['Z']];
}

/** SVG `d` for path commands, with coordinates rounded to 0.01 px. */
export function pathData(commands: readonly PathCommand[]): string {
  return commands.map((c) => (c[0] === 'Z' ? 'Z' : `${c[0]}${num(c[1])} ${num(c[2])}`)).join('');
}

export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}
