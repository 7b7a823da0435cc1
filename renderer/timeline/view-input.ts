/**
 * How keys and a sideways wheel change the shared view: pure functions, so the panel's handlers are one-liners and the
 * bindings are tested without a DOM. W/S or +/− zoom, A/D or ←/→ pan, F or 0 fits; a horizontal wheel or Shift + wheel
 * pans. Zooming with the wheel or a pinch, and dragging, are d3-zoom's (use-timeline-zoom.ts).
 */
import { boundsOf, fitAll, panBy, spanOf, zoomAt, type TimeView } from '../../shared/figure/time-view.ts';

export const KEY_ZOOM_FACTOR = 1.5;
export const KEY_PAN_FRACTION = 0.2;

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
}

/** The view after a key press, or undefined when the key is not a timeline key. */
export function viewForKey(input: KeyInput, view: TimeView, durationMs: number): TimeView | undefined {
  if (input.ctrlKey || input.metaKey || input.altKey) return undefined;
  // Shift + S adds a scene (an app-wide key), so it must not zoom out first.
  if (input.shiftKey && input.key.toLowerCase() === 's') return undefined;
  const bounds = boundsOf(durationMs);
  const centre = view.startMs + spanOf(view) / 2;
  switch (input.key) {
    case 'w':
    case 'W':
    case '+':
    case '=':
      return zoomAt(view, KEY_ZOOM_FACTOR, centre, bounds);
    case 's':
    case 'S':
    case '-':
    case '_':
    case '−':
      return zoomAt(view, 1 / KEY_ZOOM_FACTOR, centre, bounds);
    case 'a':
    case 'A':
    case 'ArrowLeft':
      return panBy(view, -KEY_PAN_FRACTION, bounds);
    case 'd':
    case 'D':
    case 'ArrowRight':
      return panBy(view, KEY_PAN_FRACTION, bounds);
    case 'f':
    case 'F':
    case '0':
      return fitAll(durationMs);
    default:
      return undefined;
  }
}

export interface WheelInput {
  deltaX: number;
  deltaY: number;
  /** 0 pixels, 1 lines, 2 pages (WheelEvent.deltaMode). */
  deltaMode: number;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** A wheel delta in CSS px (WheelEvent.deltaMode: 0 pixels, 1 lines, 2 pages). */
export function wheelPixels(delta: number, mode: number, pageWidth: number): number {
  return mode === 1 ? delta * 16 : mode === 2 ? delta * pageWidth : delta;
}

/** The view after a sideways wheel (or Shift + wheel), or undefined when the wheel is not ours to pan with. */
export function viewForWheel(input: WheelInput, view: TimeView, durationMs: number, plotWidth: number): TimeView | undefined {
  if (!(plotWidth > 0) || input.ctrlKey || input.metaKey) return undefined;
  const dy = wheelPixels(input.deltaY, input.deltaMode, plotWidth);
  const dx = wheelPixels(input.deltaX, input.deltaMode, plotWidth);
  const horizontal = input.shiftKey ? dx || dy : Math.abs(dx) > Math.abs(dy) ? dx : 0;
  if (horizontal === 0) return undefined;
  return panBy(view, horizontal / plotWidth, boundsOf(durationMs));
}
