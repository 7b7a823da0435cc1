/**
 * A tall flow (many pods) does not get a canvas as tall as itself: its canvas covers only the band of the flow that is
 * on screen (plus some overscan), and only the lanes in it are planned. Scrolling moves the band when the visible part
 * leaves it. Flows short enough to paint whole are painted whole.
 */

/** Flows taller than this (CSS px) are painted through a window onto their visible band; shorter ones whole. */
export const WINDOW_MIN_HEIGHT = 1024;
/** Extra px painted above and below the visible band, so scrolling a little never shows an unpainted edge. */
const WINDOW_OVERSCAN = 320;
/** Window edges snap to multiples of this, so small layout changes do not move them. */
const WINDOW_STEP = 64;

/** The band of a flow its canvas covers, in CSS px from the top of the flow's drawing area. */
export interface FlowWindow {
  top: number;
  height: number;
}

/**
 * The window for a flow `height` px tall whose visible part is [visTop, visBottom) (flow coordinates; may lie outside
 * the flow): the visible part plus overscan, snapped, clamped. `current` is kept while it still covers the visible part
 * with a margin, so scrolling repaints the canvas without re-planning until the band is nearly used up.
 */
export function flowWindow(height: number, visTop: number, visBottom: number, current?: FlowWindow): FlowWindow {
  const clampY = (y: number) => Math.max(0, Math.min(height, y));
  // What must be covered: the visible part and a little more. What a new window covers: that plus the overscan.
  const needLo = clampY(visTop - WINDOW_OVERSCAN / 4);
  const needHi = clampY(visBottom + WINDOW_OVERSCAN / 4);
  const lo = clampY(Math.floor((visTop - WINDOW_OVERSCAN) / WINDOW_STEP) * WINDOW_STEP);
  const hi = clampY(Math.ceil((visBottom + WINDOW_OVERSCAN) / WINDOW_STEP) * WINDOW_STEP);
  const wanted = hi > lo ? { top: lo, height: hi - lo } : { top: lo, height: 0 };
  if (current && current.top + current.height <= height && current.height <= wanted.height + 2 * WINDOW_OVERSCAN) {
    const covers = current.top <= needLo && current.top + current.height >= needHi;
    if (covers || (needHi <= needLo && current.height === 0)) return current;
  }
  return wanted;
}

export function sameWindow(a: FlowWindow | undefined, b: FlowWindow | undefined): boolean {
  return a === b || (!!a && !!b && a.top === b.top && a.height === b.height);
}

/** The nearest ancestor that scrolls vertically (the app's `.timelines` column), if any. */
export function scrollParent(element: Element | null): Element | undefined {
  if (typeof getComputedStyle !== 'function') return undefined;
  for (let el = element?.parentElement ?? null; el; el = el.parentElement) {
    const overflow = getComputedStyle(el).overflowY;
    if (overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay') return el;
  }
  return undefined;
}
