/**
 * Paints a draw plan as one self-contained SVG document (Observable Plot's rule: presentation attributes, patterns
 * in <defs>, text as text), for export, the CLI and golden tests. It never reads the live DOM and has no
 * dependencies, so the same string comes out in a browser, in Electron's main process and in Node.
 */
import { arrowShape, glyphShape, num, pathData } from './glyphs.ts';
import { patternGeometry } from './patterns.ts';
import { haloWidth, type DrawPlan, type Primitive } from './primitives.ts';
import type { PatternSpec } from './theme.ts';

export interface SvgOptions {
  /** Prefix for pattern ids, so several SVGs can live in one page (default "ts"). */
  idPrefix?: string;
  /** <title> (the accessible name) and <desc>. */
  title?: string;
  description?: string;
  /**
   * The page, when it is not the plan's own size (a 16:9 slide): the plan is centred on it and scaled down if it is
   * larger, and the background fills the whole page.
   */
  frame?: { width: number; height: number };
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function attrs(pairs: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [k, v] of Object.entries(pairs)) {
    if (v === undefined) continue;
    out += ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(v)}"`;
  }
  return out;
}

function patternDef(spec: PatternSpec, prefix: string): string {
  const g = patternGeometry(spec);
  const s = num(g.size);
  let body = `<rect width="${s}" height="${s}" fill="${escapeXml(spec.background)}"/>`;
  if (g.lines.length > 0) {
    const d = g.lines.map(([x1, y1, x2, y2]) => `M${num(x1)} ${num(y1)}L${num(x2)} ${num(y2)}`).join('');
    body += `<path d="${d}" stroke="${escapeXml(spec.stroke)}" stroke-width="${num(spec.lineWidth)}" stroke-linecap="square"/>`;
  }
  for (const [cx, cy, r] of g.dots) body += `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" fill="${escapeXml(spec.stroke)}"/>`;
  return `<pattern id="${prefix}-${spec.id}" patternUnits="userSpaceOnUse" width="${s}" height="${s}">${body}</pattern>`;
}

function element(p: Primitive, prefix: string): string {
  switch (p.type) {
    case 'rect': {
      const fill = p.pattern ? `url(#${prefix}-${p.pattern})` : (p.fill ?? 'none');
      return `<rect${attrs({
        x: p.x,
        y: p.y,
        width: Math.max(0, p.w),
        height: Math.max(0, p.h),
        rx: p.radius,
        fill,
        stroke: p.stroke,
        'stroke-width': p.stroke ? (p.strokeWidth ?? 1) : undefined,
        'stroke-dasharray': p.stroke && p.dash ? p.dash.map(num).join(' ') : undefined,
      })}/>`;
    }
    case 'line':
      return `<line${attrs({ x1: p.x1, y1: p.y1, x2: p.x2, y2: p.y2, stroke: p.stroke, 'stroke-width': p.strokeWidth, 'stroke-dasharray': p.dash ? p.dash.map(num).join(' ') : undefined })}/>`;
    case 'text':
      return `<text${attrs({
        x: p.x,
        y: p.y,
        'font-size': p.size,
        'font-weight': p.weight === 400 ? undefined : p.weight,
        fill: p.fill,
        'text-anchor': p.anchor === 'start' ? undefined : p.anchor,
        stroke: p.halo,
        'stroke-width': p.halo ? haloWidth(p.size) : undefined,
        'stroke-linejoin': p.halo ? 'round' : undefined,
        'paint-order': p.halo ? 'stroke' : undefined,
      })}>${escapeXml(p.text)}</text>`;
    case 'glyph': {
      const shape = glyphShape(p.glyph, p.x, p.y, p.size);
      if (shape.circle) {
        return `<circle${attrs({ cx: shape.circle.cx, cy: shape.circle.cy, r: shape.circle.r, fill: p.color, stroke: p.outline, 'stroke-width': p.outline ? shape.strokeWidth : undefined })}/>`;
      }
      if (shape.fill) {
        return `<path${attrs({ d: pathData(shape.fill), fill: p.color, stroke: p.outline, 'stroke-width': p.outline ? 1.5 : undefined, 'stroke-linejoin': p.outline ? 'round' : undefined })}/>`;
      }
      return `<path${attrs({ d: pathData(shape.stroke ?? []), fill: 'none', stroke: p.color, 'stroke-width': shape.strokeWidth, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })}/>`;
    }
    case 'arrow':
      return `<path${attrs({ d: pathData(arrowShape(p.x, p.y, p.size)), fill: p.fill, stroke: p.stroke, 'stroke-width': p.stroke ? (p.strokeWidth ?? 1) : undefined, 'stroke-linejoin': p.stroke ? 'round' : undefined })}/>`;
  }
}

/** The plan as an SVG document string (no XML prolog; add one when writing a .svg file if you like). */
export function paintSvg(plan: DrawPlan, options: SvgOptions = {}): string {
  const prefix = options.idPrefix ?? 'ts';
  const frame = options.frame ?? { width: plan.width, height: plan.height };
  // The view box in plan units that shows the whole plan, centred, on a page of the frame's shape.
  const fit = Math.min(frame.width / plan.width, frame.height / plan.height, 1);
  const vw = frame.width / fit;
  const vh = frame.height / fit;
  const vx = -(vw - plan.width) / 2;
  const vy = -(vh - plan.height) / 2;
  const lines: string[] = [];
  lines.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(frame.width)}" height="${num(frame.height)}" viewBox="${num(vx)} ${num(vy)} ${num(vw)} ${num(vh)}" font-family="${escapeXml(plan.fontFamily)}"${options.title ? ' role="img"' : ''}>`,
  );
  if (options.title) lines.push(`<title>${escapeXml(options.title)}</title>`);
  if (options.description) lines.push(`<desc>${escapeXml(options.description)}</desc>`);
  if (plan.patterns.length > 0) lines.push(`<defs>${plan.patterns.map((p) => patternDef(p, prefix)).join('')}</defs>`);
  if (plan.background) lines.push(`<rect${vx !== 0 || vy !== 0 ? ` x="${num(vx)}" y="${num(vy)}"` : ''} width="${num(vw)}" height="${num(vh)}" fill="${escapeXml(plan.background)}"/>`);
  for (const p of plan.primitives) lines.push(element(p, prefix));
  lines.push('</svg>');
  return lines.join('\n');
}

/** A data: URL for an <img> (used by the legend swatches; CSP allows data: images). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
