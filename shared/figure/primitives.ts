/**
 * What a draw plan is made of: rectangles (optionally filled with a hatch pattern), lines, text, glyphs and the
 * "open end" arrow, in CSS pixels, plus hit regions kept in data space. The canvas and the SVG painter draw these and
 * nothing else, which is how the screen, the PNG/SVG export and the golden tests agree.
 */
import type { HeldSpan } from '../lanes/lane-types.ts';
import type { GlyphKind } from './glyphs.ts';
import type { PatternId, PatternSpec } from './theme.ts';

/** What a primitive shows, for tests and tooling (painters ignore it). */
export type PrimitiveRole =
  | 'background'
  | 'lane-bg'
  | 'grid'
  | 'separator'
  | 'span'
  | 'marker'
  | 'token-bar'
  | 'token-outline'
  | 'token-future'
  | 'end-cap'
  | 'end-mark'
  | 'open-end'
  | 'stolen-window'
  | 'stolen-future'
  | 'refresh-due'
  | 'status-expiry'
  | 'mark'
  | 'label'
  | 'now'
  | 'selection'
  | 'chrome'
  | 'axis'
  | 'legend'
  | 'annotation'
  | 'search-band'
  | 'search-hit'
  | 'spotlight';

export interface PrimitiveMeta {
  role?: PrimitiveRole;
  token?: number;
  seq?: number;
}

export interface RectPrimitive extends PrimitiveMeta {
  type: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  fill?: string;
  pattern?: PatternId;
  stroke?: string;
  strokeWidth?: number;
  dash?: readonly number[];
  radius?: number;
}

export interface LinePrimitive extends PrimitiveMeta {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  stroke: string;
  strokeWidth: number;
  dash?: readonly number[];
}

export interface TextPrimitive extends PrimitiveMeta {
  type: 'text';
  /** Anchor point; y is the alphabetic baseline (painters never guess baselines). */
  x: number;
  y: number;
  text: string;
  size: number;
  weight: 400 | 600 | 700;
  fill: string;
  anchor: 'start' | 'middle' | 'end';
  /** A stroke of this colour under the text, so it stays legible over hatches and lines. */
  halo?: string;
}

/** Width of a text's halo: wide enough, at any size, to clear a hatch's lines around every stroke of the letters. */
export function haloWidth(sizePx: number): number {
  return Math.max(4, Math.round(sizePx * 0.4));
}

export interface GlyphPrimitive extends PrimitiveMeta {
  type: 'glyph';
  glyph: GlyphKind;
  /** Centre. */
  x: number;
  y: number;
  size: number;
  color: string;
  /** Outline colour for filled glyphs (●, ▼, ◆). */
  outline?: string;
}

/** "Never expires": a triangle whose tip is at (x, y), pointing right. */
export interface ArrowPrimitive extends PrimitiveMeta {
  type: 'arrow';
  x: number;
  y: number;
  size: number;
  fill: string;
  stroke?: string;
  strokeWidth?: number;
}

export type Primitive = RectPrimitive | LinePrimitive | TextPrimitive | GlyphPrimitive | ArrowPrimitive;

/** Hit regions: x in simulated ms (so they survive zoom and pan between frames), y in CSS px. */
export type HitRegion =
  | { kind: 'token'; token: number; startMs: number; endMs: number; y0: number; y1: number }
  | { kind: 'event'; seq: number; token: number | undefined; atMs: number; y0: number; y1: number; radiusPx: number }
  | { kind: 'span'; seq: number; startMs: number; endMs: number; y0: number; y1: number }
  /** A summary row: the tokens a pod's file held, looked up by time when hit (one region per row, not per token). */
  | { kind: 'held'; spans: readonly HeldSpan[]; stopMs: number; y0: number; y1: number };

export interface DrawPlan {
  width: number;
  height: number;
  background: string | undefined;
  fontFamily: string;
  /** Every pattern a primitive refers to. */
  patterns: PatternSpec[];
  primitives: Primitive[];
  hits: HitRegion[];
  /** The horizontal extent that maps the view: hit x → ms uses it. */
  plot: { x: number; width: number };
}

/** When a held span stops counting: replaced, past `stopMs` (now, or the pod's deletion), or no longer accepted. */
export function heldUntil(span: HeldSpan, stopMs: number): number {
  return Math.min(span.toMs ?? stopMs, stopMs, span.endMs ?? Number.POSITIVE_INFINITY);
}

/** First index in sorted `values` whose value is > `x` (so also: how many are <= `x`). */
export function upperBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last span in `spans` (in time order) that starts at or before `ms`, or -1. */
export function lastHeldStartingBy(spans: readonly HeldSpan[], ms: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.fromMs <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * True when two plans paint exactly the same pixels (hit regions aside), so a canvas showing one need not be
 * repainted for the other: a new batch that changes nothing in view (play goes on beyond a zoomed-in past) costs a
 * comparison, not a repaint. Stops at the first difference (while playing, usually the "now" line).
 */
export function samePicture(a: DrawPlan, b: DrawPlan): boolean {
  if (a === b) return true;
  if (a.width !== b.width || a.height !== b.height || a.background !== b.background || a.fontFamily !== b.fontFamily) return false;
  if (a.patterns.length !== b.patterns.length || a.patterns.some((p, i) => p !== b.patterns[i])) return false;
  if (a.primitives.length !== b.primitives.length) return false;
  for (let i = 0; i < a.primitives.length; i++) if (!samePrimitive(a.primitives[i]!, b.primitives[i]!)) return false;
  return true;
}

function samePrimitive(p: Primitive, q: Primitive): boolean {
  if (p === q) return true;
  if (p.type !== q.type) return false;
  const x = p as unknown as Record<string, unknown>;
  const y = q as unknown as Record<string, unknown>;
  for (const key in x) {
    const u = x[key];
    const v = y[key];
    if (u === v) continue;
    if (Array.isArray(u) && Array.isArray(v) && u.length === v.length && u.every((e, i) => e === v[i])) continue;
    return false;
  }
  for (const key in y) if (!(key in x)) return false;
  return true;
}

/** Draw order: lower layers first. Inside a layer primitives are grouped by style (fewer canvas state changes). */
export const Layer = {
  Background: 0,
  Grid: 1,
  Span: 2,
  Fill: 3,
  Outline: 4,
  Mark: 5,
  Now: 6,
  Label: 7,
  Selection: 8,
} as const;
export type Layer = (typeof Layer)[keyof typeof Layer];

export function styleKey(p: Primitive): string {
  switch (p.type) {
    case 'rect':
      return `rect|${p.pattern ?? ''}|${p.fill ?? ''}|${p.stroke ?? ''}|${p.strokeWidth ?? ''}|${p.dash?.join(',') ?? ''}|${p.radius ?? ''}`;
    case 'line':
      return `line|${p.stroke}|${p.strokeWidth}|${p.dash?.join(',') ?? ''}`;
    case 'text':
      return `text|${p.size}|${p.weight}|${p.fill}|${p.halo ?? ''}|${p.anchor}`;
    case 'glyph':
      return `glyph|${p.glyph}|${p.size}|${p.color}|${p.outline ?? ''}`;
    case 'arrow':
      return `arrow|${p.fill}|${p.stroke ?? ''}|${p.strokeWidth ?? ''}`;
  }
}

/** Collects primitives per layer and flattens them in draw order, grouped by style within a layer (stable). */
export class PlanBuilder {
  private readonly layers = new Map<number, Primitive[]>();

  add(layer: Layer, primitive: Primitive): void {
    let list = this.layers.get(layer);
    if (!list) this.layers.set(layer, (list = []));
    list.push(primitive);
  }

  flatten(): Primitive[] {
    const out: Primitive[] = [];
    const typeRank = (p: Primitive) => (p.type === 'rect' ? 0 : p.type === 'line' ? 1 : p.type === 'arrow' ? 2 : p.type === 'glyph' ? 3 : 4);
    for (const layer of [...this.layers.keys()].sort((a, b) => a - b)) {
      const list = this.layers.get(layer) ?? [];
      // One style key per primitive; groups numbered in order of first appearance.
      const order = new Map<string, number>();
      const indexed = list.map((p, i) => {
        const key = styleKey(p);
        let group = order.get(key);
        if (group === undefined) order.set(key, (group = order.size));
        return { p, i, rank: typeRank(p), group };
      });
      indexed.sort((a, b) => a.rank - b.rank || a.group - b.group || a.i - b.i);
      for (const x of indexed) out.push(x.p);
    }
    return out;
  }
}
