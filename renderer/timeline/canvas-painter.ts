/**
 * Paints a draw plan on a 2D canvas context. devicePixelRatio-aware (the backing store is `dpr` × the CSS size and
 * everything is drawn in CSS px under one transform), and batched Perfetto-style: consecutive primitives of the same
 * style (the plan already groups them) become one path and one fill or stroke, so a thousand ✓ cost one state change.
 * Hatch patterns are tiles drawn at device resolution, cached per context.
 */
import { arrowShape, glyphShape, type PathCommand } from '../../shared/figure/glyphs.ts';
import { patternGeometry } from '../../shared/figure/patterns.ts';
import { haloWidth, styleKey, type DrawPlan, type Primitive, type RectPrimitive, type TextPrimitive } from '../../shared/figure/primitives.ts';
import type { PatternSpec } from '../../shared/figure/theme.ts';

/** The part of CanvasRenderingContext2D the painter uses (so tests can pass a recorder). */
export type Canvas2D = Pick<
  CanvasRenderingContext2D,
  | 'setTransform'
  | 'clearRect'
  | 'fillRect'
  | 'beginPath'
  | 'rect'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'arc'
  | 'fill'
  | 'stroke'
  | 'setLineDash'
  | 'fillText'
  | 'strokeText'
  | 'createPattern'
  | 'save'
  | 'restore'
> & {
  fillStyle: CanvasRenderingContext2D['fillStyle'];
  strokeStyle: CanvasRenderingContext2D['strokeStyle'];
  lineWidth: number;
  lineCap: CanvasLineCap;
  lineJoin: CanvasLineJoin;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  roundRect?: CanvasRenderingContext2D['roundRect'];
};

export type TileCanvas = { getContext(kind: '2d'): unknown; width: number; height: number };

export interface CanvasPaintOptions {
  /** window.devicePixelRatio (the canvas backing store must be width × dpr by height × dpr). */
  dpr: number;
  /** Makes a small canvas for a pattern tile; defaults to OffscreenCanvas or document.createElement('canvas'). */
  createTile?: (width: number, height: number) => TileCanvas | undefined;
  /**
   * Paint only this band of the plan (CSS px from its top) on a canvas that is `height` × dpr tall: the plan's y =
   * `top` lands on the canvas's first row. Tall flows use it to rasterise just what is on screen.
   */
  window?: { top: number; height: number };
}

const patternCache = new WeakMap<object, Map<string, CanvasPattern | null>>();

function defaultTile(width: number, height: number): TileCanvas | undefined {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  if (typeof document !== 'undefined') {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    return canvas;
  }
  return undefined;
}

function patternFor(ctx: Canvas2D, spec: PatternSpec, options: CanvasPaintOptions): CanvasPattern | null {
  let cache = patternCache.get(ctx);
  if (!cache) patternCache.set(ctx, (cache = new Map<string, CanvasPattern | null>()));
  const key = `${options.dpr}|${spec.id}|${spec.size}|${spec.background}|${spec.stroke}|${spec.lineWidth}|${spec.kind}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const geometry = patternGeometry(spec);
  const px = Math.max(1, Math.round(geometry.size * options.dpr));
  const scale = px / geometry.size;
  const tile = (options.createTile ?? defaultTile)(px, px);
  const tctx = tile?.getContext('2d') as CanvasRenderingContext2D | null | undefined;
  let pattern: CanvasPattern | null = null;
  if (tile && tctx) {
    tctx.setTransform(scale, 0, 0, scale, 0, 0);
    tctx.fillStyle = spec.background;
    tctx.fillRect(0, 0, geometry.size, geometry.size);
    tctx.strokeStyle = spec.stroke;
    tctx.lineWidth = spec.lineWidth;
    tctx.lineCap = 'square';
    tctx.beginPath();
    for (const [x1, y1, x2, y2] of geometry.lines) {
      tctx.moveTo(x1, y1);
      tctx.lineTo(x2, y2);
    }
    tctx.stroke();
    tctx.fillStyle = spec.stroke;
    for (const [cx, cy, r] of geometry.dots) {
      tctx.beginPath();
      tctx.arc(cx, cy, r, 0, Math.PI * 2);
      tctx.fill();
    }
    pattern = ctx.createPattern(tile as unknown as CanvasImageSource, 'repeat');
    // The tile has device pixels; the context draws in CSS px (× dpr), so shrink the pattern back by 1 / scale.
    if (pattern && typeof pattern.setTransform === 'function' && typeof DOMMatrix !== 'undefined') pattern.setTransform(new DOMMatrix().scale(1 / scale));
  }
  cache.set(key, pattern);
  return pattern;
}

function tracePath(ctx: Canvas2D, commands: readonly PathCommand[]): void {
  for (const c of commands) {
    if (c[0] === 'M') ctx.moveTo(c[1], c[2]);
    else if (c[0] === 'L') ctx.lineTo(c[1], c[2]);
    else ctx.closePath();
  }
}

function traceRect(ctx: Canvas2D, r: RectPrimitive): void {
  if (r.radius && typeof ctx.roundRect === 'function') ctx.roundRect(r.x, r.y, r.w, r.h, r.radius);
  else ctx.rect(r.x, r.y, r.w, r.h);
}

function paintRects(ctx: Canvas2D, group: readonly RectPrimitive[], plan: DrawPlan, options: CanvasPaintOptions): void {
  const first = group[0]!;
  const fill = first.pattern
    ? (() => {
        const spec = plan.patterns.find((p) => p.id === first.pattern);
        return spec ? (patternFor(ctx, spec, options) ?? spec.background) : undefined;
      })()
    : first.fill;
  if (fill) {
    ctx.fillStyle = fill;
    ctx.beginPath();
    for (const r of group) traceRect(ctx, r);
    ctx.fill();
  }
  if (first.stroke) {
    ctx.strokeStyle = first.stroke;
    ctx.lineWidth = first.strokeWidth ?? 1;
    ctx.lineJoin = 'miter';
    ctx.setLineDash(first.dash ? [...first.dash] : []);
    ctx.beginPath();
    for (const r of group) traceRect(ctx, r);
    ctx.stroke();
    ctx.setLineDash([]);
  }
}

function paintTexts(ctx: Canvas2D, group: readonly TextPrimitive[], fontFamily: string): void {
  const first = group[0]!;
  ctx.font = `${first.weight} ${first.size}px ${fontFamily}`;
  ctx.textAlign = first.anchor === 'middle' ? 'center' : first.anchor === 'end' ? 'right' : 'left';
  ctx.textBaseline = 'alphabetic';
  if (first.halo) {
    ctx.strokeStyle = first.halo;
    ctx.lineWidth = haloWidth(first.size);
    ctx.lineJoin = 'round';
    for (const t of group) ctx.strokeText(t.text, t.x, t.y);
  }
  ctx.fillStyle = first.fill;
  for (const t of group) ctx.fillText(t.text, t.x, t.y);
}

function paintGroup(ctx: Canvas2D, group: readonly Primitive[], plan: DrawPlan, options: CanvasPaintOptions): void {
  const first = group[0]!;
  switch (first.type) {
    case 'rect':
      paintRects(ctx, group as RectPrimitive[], plan, options);
      return;
    case 'line':
      ctx.strokeStyle = first.stroke;
      ctx.lineWidth = first.strokeWidth;
      ctx.lineCap = 'butt';
      ctx.setLineDash(first.dash ? [...first.dash] : []);
      ctx.beginPath();
      for (const p of group) {
        if (p.type !== 'line') continue;
        ctx.moveTo(p.x1, p.y1);
        ctx.lineTo(p.x2, p.y2);
      }
      ctx.stroke();
      ctx.setLineDash([]);
      return;
    case 'text':
      paintTexts(ctx, group as TextPrimitive[], plan.fontFamily);
      return;
    case 'glyph': {
      const shapes = group.map((p) => (p.type === 'glyph' ? glyphShape(p.glyph, p.x, p.y, p.size) : undefined));
      const sample = shapes[0]!;
      if (sample.circle) {
        ctx.beginPath();
        for (const s of shapes) if (s?.circle) {
          ctx.moveTo(s.circle.cx + s.circle.r, s.circle.cy);
          ctx.arc(s.circle.cx, s.circle.cy, s.circle.r, 0, Math.PI * 2);
        }
        ctx.fillStyle = first.color;
        ctx.fill();
        if (first.outline) {
          ctx.strokeStyle = first.outline;
          ctx.lineWidth = sample.strokeWidth;
          ctx.stroke();
        }
      } else if (sample.fill) {
        ctx.beginPath();
        for (const s of shapes) if (s?.fill) tracePath(ctx, s.fill);
        ctx.fillStyle = first.color;
        ctx.fill();
        if (first.outline) {
          ctx.strokeStyle = first.outline;
          ctx.lineWidth = 1.5;
          ctx.lineJoin = 'round';
          ctx.stroke();
        }
      } else {
        ctx.beginPath();
        for (const s of shapes) if (s?.stroke) tracePath(ctx, s.stroke);
        ctx.strokeStyle = first.color;
        ctx.lineWidth = sample.strokeWidth;
        ctx.lineCap = 'round';
        ctx.lineJoin = 'round';
        ctx.stroke();
      }
      return;
    }
    case 'arrow':
      ctx.beginPath();
      for (const p of group) if (p.type === 'arrow') tracePath(ctx, arrowShape(p.x, p.y, p.size));
      ctx.fillStyle = first.fill;
      ctx.fill();
      if (first.stroke) {
        ctx.strokeStyle = first.stroke;
        ctx.lineWidth = first.strokeWidth ?? 1;
        ctx.lineJoin = 'round';
        ctx.stroke();
      }
      return;
  }
}

/** Clears the canvas and paints `plan` on it. */
export function paintCanvas(ctx: Canvas2D, plan: DrawPlan, options: CanvasPaintOptions): void {
  const dpr = options.dpr > 0 ? options.dpr : 1;
  const top = options.window?.top ?? 0;
  const height = options.window?.height ?? plan.height;
  ctx.setTransform(dpr, 0, 0, dpr, 0, -top * dpr);
  ctx.clearRect(0, top, plan.width, height);
  if (plan.background) {
    ctx.fillStyle = plan.background;
    ctx.fillRect(0, top, plan.width, height);
  }
  const prims = plan.primitives;
  const groupOptions = { ...options, dpr };
  let i = 0;
  let key = prims.length > 0 ? styleKey(prims[0]!) : '';
  while (i < prims.length) {
    let j = i + 1;
    let next = '';
    // Text and rects with rounded corners batch too; every style change starts a new group.
    while (j < prims.length && (next = styleKey(prims[j]!)) === key) j++;
    paintGroup(ctx, prims.slice(i, j), plan, groupOptions);
    key = next;
    i = j;
  }
}
