/**
 * How keys, wheels and drags change the shared view: pure functions, so the panel's handlers are one-liners and the
 * bindings are tested without a DOM. Ctrl/⌘ + wheel (and a trackpad pinch, which browsers report as Ctrl + wheel)
 * zooms around the pointer; a horizontal wheel or Shift + wheel pans; W/S or +/− zoom, A/D or ←/→ pan, F or 0 fits.
 */
import { boundsOf, fitAll, panBy, spanOf, xToMs, zoomAt, type TimeView } from '../../shared/figure/time-view.ts';

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
  /** Pointer x relative to the plot's left edge, CSS px. */
  offsetX: number;
}

function pixels(delta: number, mode: number, pageWidth: number): number {
  return mode === 1 ? delta * 16 : mode === 2 ? delta * pageWidth : delta;
}

/** The view after a wheel event, or undefined when the page should scroll instead (a plain vertical wheel). */
export function viewForWheel(input: WheelInput, view: TimeView, durationMs: number, plotWidth: number): TimeView | undefined {
  if (!(plotWidth > 0)) return undefined;
  const bounds = boundsOf(durationMs);
  const dy = pixels(input.deltaY, input.deltaMode, plotWidth);
  const dx = pixels(input.deltaX, input.deltaMode, plotWidth);
  if (input.ctrlKey || input.metaKey) {
    if (dy === 0) return undefined;
    const factor = Math.exp(-Math.max(-200, Math.min(200, dy)) * 0.004);
    return zoomAt(view, factor, xToMs(view, plotWidth, input.offsetX), bounds);
  }
  const horizontal = input.shiftKey ? dx || dy : Math.abs(dx) > Math.abs(dy) ? dx : 0;
  if (horizontal === 0) return undefined;
  return panBy(view, horizontal / plotWidth, bounds);
}

/** The view while dragging: the instant grabbed stays under the pointer. */
export function viewForDrag(startView: TimeView, dxPx: number, durationMs: number, plotWidth: number): TimeView {
  if (!(plotWidth > 0)) return startView;
  return panBy(startView, -dxPx / plotWidth, boundsOf(durationMs));
}

/** The view during a two-finger pinch: zoom by the change in finger distance around their midpoint. */
export function viewForPinch(startView: TimeView, startDistance: number, distance: number, midX: number, durationMs: number, plotWidth: number): TimeView {
  if (!(startDistance > 0) || !(distance > 0) || !(plotWidth > 0)) return startView;
  return zoomAt(startView, distance / startDistance, xToMs(startView, plotWidth, midX), boundsOf(durationMs));
}
