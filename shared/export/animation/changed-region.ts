/**
 * Where one frame's figure differs from the one before, read off their draw plans before anything is rasterised: the
 * union of the bounds of every primitive one plan has and the other lacks. A moving playhead changes a strip of the
 * figure (the lanes up to it, the "ahead of now" marks after it), so each frame after the first is rasterised only
 * there and laid over the frame before. The bounds err wide (text by the width table that errs wide, every stroke and
 * halo, two pixels of antialiasing), and the result is held to a full render in the tests.
 */
import type { DrawPlan, Primitive } from '../../figure/primitives.ts';
import { haloWidth } from '../../figure/primitives.ts';
import { arrowShape } from '../../figure/glyphs.ts';
import { estimateTextWidth } from '../../figure/text-metrics.ts';
import type { Box } from './frame-diff.ts';

/** Pixels added around every bound, for antialiasing and rounding. */
const MARGIN_PX = 2;

interface Bounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function primitiveBounds(p: Primitive): Bounds {
  switch (p.type) {
    case 'rect': {
      const stroke = p.stroke ? (p.strokeWidth ?? 1) : 0;
      return { left: Math.min(p.x, p.x + p.w) - stroke, top: Math.min(p.y, p.y + p.h) - stroke, right: Math.max(p.x, p.x + p.w) + stroke, bottom: Math.max(p.y, p.y + p.h) + stroke };
    }
    case 'line':
      return { left: Math.min(p.x1, p.x2) - p.strokeWidth, top: Math.min(p.y1, p.y2) - p.strokeWidth, right: Math.max(p.x1, p.x2) + p.strokeWidth, bottom: Math.max(p.y1, p.y2) + p.strokeWidth };
    case 'text': {
      const width = estimateTextWidth(p.text, p.size, p.weight) * 1.25;
      const pad = (p.halo ? haloWidth(p.size) : 0) + p.size * 0.25;
      const left = p.anchor === 'start' ? p.x : p.anchor === 'middle' ? p.x - width / 2 : p.x - width;
      return { left: left - pad, top: p.y - p.size * 1.2 - pad, right: left + width + pad, bottom: p.y + p.size * 0.45 + pad };
    }
    case 'glyph':
      return { left: p.x - p.size, top: p.y - p.size, right: p.x + p.size, bottom: p.y + p.size };
    case 'arrow': {
      const stroke = p.stroke ? (p.strokeWidth ?? 1) : 0;
      const points = arrowShape(p.x, p.y, p.size).filter((c) => c[0] !== 'Z') as [string, number, number][];
      const xs = points.map((c) => c[1]);
      const ys = points.map((c) => c[2]);
      return { left: Math.min(...xs) - stroke, top: Math.min(...ys) - stroke, right: Math.max(...xs) + stroke, bottom: Math.max(...ys) + stroke };
    }
  }
}

/** Where the SVG painter puts the plan on a page of the frame's size (its `fit` and view box). */
export function pageTransform(plan: Pick<DrawPlan, 'width' | 'height'>, frame: { width: number; height: number }): (x: number, y: number) => [number, number] {
  const fit = Math.min(frame.width / plan.width, frame.height / plan.height, 1);
  const vx = -(frame.width / fit - plan.width) / 2;
  const vy = -(frame.height / fit - plan.height) / 2;
  return (x, y) => [(x - vx) * fit, (y - vy) * fit];
}

interface Seen {
  plan: DrawPlan;
  /** Each primitive's JSON, with how many times the plan draws it. */
  counts: Map<string, { count: number; primitive: Primitive }>;
}

function seen(plan: DrawPlan): Seen {
  const counts = new Map<string, { count: number; primitive: Primitive }>();
  for (const primitive of plan.primitives) {
    const key = JSON.stringify(primitive);
    const entry = counts.get(key);
    if (entry) entry.count += 1;
    else counts.set(key, { count: 1, primitive });
  }
  return { plan, counts };
}

/**
 * Follows the frames' plans one after another, answering for each the pixels of the page (`frame`, CSS px at 1×)
 * that may differ from the frame before: a box with inclusive corners, clamped to the page; the whole page for the
 * first frame or when the plans differ in size; undefined when the two draw the same primitives.
 */
export function createChangeTracker(frame: { width: number; height: number }): (plan: DrawPlan) => Box | undefined {
  const page: Box = { x0: 0, y0: 0, x1: frame.width - 1, y1: frame.height - 1 };
  let previous: Seen | undefined;
  return (plan) => {
    const before = previous;
    const now = seen(plan);
    previous = now;
    if (!before || before.plan.width !== plan.width || before.plan.height !== plan.height || before.plan.background !== plan.background) return page;
    let changed: Bounds | undefined;
    const widen = (p: Primitive, times: number) => {
      if (times <= 0) return;
      const b = primitiveBounds(p);
      changed = changed ? { left: Math.min(changed.left, b.left), top: Math.min(changed.top, b.top), right: Math.max(changed.right, b.right), bottom: Math.max(changed.bottom, b.bottom) } : b;
    };
    for (const [key, entry] of now.counts) widen(entry.primitive, entry.count - (before.counts.get(key)?.count ?? 0));
    for (const [key, entry] of before.counts) widen(entry.primitive, entry.count - (now.counts.get(key)?.count ?? 0));
    if (!changed) return undefined;
    const toPage = pageTransform(plan, frame);
    const [left, top] = toPage(changed.left, changed.top);
    const [right, bottom] = toPage(changed.right, changed.bottom);
    const box = {
      x0: Math.max(0, Math.floor(left) - MARGIN_PX),
      y0: Math.max(0, Math.floor(top) - MARGIN_PX),
      x1: Math.min(frame.width - 1, Math.ceil(right) + MARGIN_PX),
      y1: Math.min(frame.height - 1, Math.ceil(bottom) + MARGIN_PX),
    };
    return box.x0 > box.x1 || box.y0 > box.y1 ? undefined : box;
  };
}

/**
 * The plan's primitives that may draw a pixel of `box` (page pixels), in their order: the others cannot change what a
 * rasteriser draws there, and leaving them out spares it their text shaping and paths.
 */
export function primitivesTouching(plan: DrawPlan, frame: { width: number; height: number }, box: Box): Primitive[] {
  const toPage = pageTransform(plan, frame);
  return plan.primitives.filter((p) => {
    const b = primitiveBounds(p);
    const [left, top] = toPage(b.left, b.top);
    const [right, bottom] = toPage(b.right, b.bottom);
    return right + MARGIN_PX >= box.x0 && left - MARGIN_PX <= box.x1 + 1 && bottom + MARGIN_PX >= box.y0 && top - MARGIN_PX <= box.y1 + 1;
  });
}
