/**
 * Where one frame's figure differs from the one before, read off their draw plans before anything is rasterised: the
 * bounds of every primitive one plan has and the other lacks (of a bar that only grew, the part it grew by), joined
 * into a few rectangles. A moving playhead changes a strip of the figure (the lanes up to it, the "ahead of now" marks
 * after it), so each frame after the first is rasterised only there, a rectangle at a time, and laid over the frame
 * before; rasterising costs most for the text it shapes, and few labels touch those rectangles. The bounds err wide (text by the width table that errs wide, every stroke and
 * halo, two pixels of antialiasing), and the result is held to a full render in the tests.
 */
import type { DrawPlan, Primitive, RectPrimitive } from '../../figure/primitives.ts';
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

/** A rect's JSON without its horizontal extent: two rects with the same key differ only in where they start and end. */
function rectKey(p: RectPrimitive): string {
  return JSON.stringify({ ...p, x: 0, w: 0 });
}

/**
 * Where a rect changed when it grew or shrank at one end only (a token's bar up to the playhead, its future after it):
 * the strip between the two ends, with the stroke and the rounded corner, is all that differs. A dashed outline
 * changes all along, its dashes running on from the other end, and so does a pattern fill (resvg fits the pattern's
 * tile to the shape it fills, so its sampling shifts by a level here and there), so neither has such a strip.
 */
function endMoved(before: RectPrimitive, after: RectPrimitive): Bounds | undefined {
  if (before.dash || before.pattern || before.w < 0 || after.w < 0) return undefined;
  const edge = (before.stroke ? (before.strokeWidth ?? 1) : 0) + (before.radius ?? 0);
  const { top, bottom } = primitiveBounds(before);
  if (before.x === after.x) return { left: before.x + Math.min(before.w, after.w) - edge, top, right: before.x + Math.max(before.w, after.w) + edge, bottom };
  if (before.x + before.w === after.x + after.w) return { left: Math.min(before.x, after.x) - edge, top, right: Math.max(before.x, after.x) + edge, bottom };
  return undefined;
}

/** Each primitive drawn a different number of times in the two plans, as often as the difference. */
function* unmatched(from: Seen, against: Seen): Generator<Primitive> {
  for (const [key, entry] of from.counts) for (let n = entry.count - (against.counts.get(key)?.count ?? 0); n > 0; n--) yield entry.primitive;
}

/** The plan-unit bounds of everything that differs between two plans: the strips of rects whose end moved, and the whole of every other primitive either plan alone draws. */
function changedBounds(before: Seen, now: Seen): Bounds[] {
  const gone = new Map<string, RectPrimitive[]>();
  const out: Bounds[] = [];
  for (const p of unmatched(before, now)) {
    if (p.type !== 'rect') out.push(primitiveBounds(p));
    else gone.set(rectKey(p), [...(gone.get(rectKey(p)) ?? []), p]);
  }
  for (const p of unmatched(now, before)) {
    const candidates = p.type === 'rect' ? (gone.get(rectKey(p)) ?? []) : [];
    const match = p.type === 'rect' ? candidates.findIndex((old) => endMoved(old, p)) : -1;
    if (p.type === 'rect' && match >= 0) out.push(endMoved(candidates.splice(match, 1)[0]!, p)!);
    else out.push(primitiveBounds(p));
  }
  for (const left of gone.values()) for (const p of left) out.push(primitiveBounds(p));
  return out;
}

/**
 * Pixels a rasterisation costs beyond its area (setting up the page, a pass over the primitives that touch it): two
 * regions are rasterised as one when the rectangle around both is no more than this larger than the two apart.
 */
const MERGE_SLACK_PX = 40_000;

const area = (b: Box) => (b.x1 - b.x0 + 1) * (b.y1 - b.y0 + 1);
const union = (a: Box, b: Box): Box => ({ x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) });

/** Few rectangles covering the boxes: any two joined while joining them costs no more than a second rasterisation. */
export function mergeBoxes(boxes: readonly Box[]): Box[] {
  const out = [...boxes];
  for (let joined = true; joined; ) {
    joined = false;
    for (let i = 0; i < out.length && !joined; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const both = union(out[i]!, out[j]!);
        if (area(both) <= area(out[i]!) + area(out[j]!) + MERGE_SLACK_PX) {
          out[i] = both;
          out.splice(j, 1);
          joined = true;
          break;
        }
      }
    }
  }
  return out;
}

/**
 * Follows the frames' plans one after another, answering for each the regions of the page (`frame`, CSS px at 1×)
 * whose pixels may differ from the frame before: boxes with inclusive corners, clamped to the page, possibly
 * overlapping; the whole page for the first frame or when the plans differ in size; none when the two draw the same
 * primitives.
 */
export function createChangeTracker(frame: { width: number; height: number }): (plan: DrawPlan) => Box[] {
  const page: Box = { x0: 0, y0: 0, x1: frame.width - 1, y1: frame.height - 1 };
  let previous: Seen | undefined;
  return (plan) => {
    const before = previous;
    const now = seen(plan);
    previous = now;
    if (!before || before.plan.width !== plan.width || before.plan.height !== plan.height || before.plan.background !== plan.background) return [page];
    const toPage = pageTransform(plan, frame);
    const boxes = changedBounds(before, now).flatMap((changed) => {
      const [left, top] = toPage(changed.left, changed.top);
      const [right, bottom] = toPage(changed.right, changed.bottom);
      const box = {
        x0: Math.max(0, Math.floor(left) - MARGIN_PX),
        y0: Math.max(0, Math.floor(top) - MARGIN_PX),
        x1: Math.min(frame.width - 1, Math.ceil(right) + MARGIN_PX),
        y1: Math.min(frame.height - 1, Math.ceil(bottom) + MARGIN_PX),
      };
      return box.x0 > box.x1 || box.y0 > box.y1 ? [] : [box];
    });
    return mergeBoxes(boxes);
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
