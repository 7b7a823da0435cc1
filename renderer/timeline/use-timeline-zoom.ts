/**
 * d3-zoom on each flow's plot: Ctrl/⌘ + wheel and a trackpad pinch (which browsers send as Ctrl + wheel) zoom around
 * the pointer, a mouse or finger drag pans once it has gone past a click's few pixels (so a click or a tap still
 * selects), and two fingers pinch-zoom. d3 keeps the gesture; the view it produces goes through `changeView`, so both
 * flows follow, and every plot's zoom state is set back to the view whenever the view changes (a key, a seek, the
 * other flow). The mapping between views and transforms is zoom-transform.ts.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { select, zoom, type D3ZoomEvent } from 'd3';
import type { TimeView } from '../../shared/figure/time-view.ts';
import { useLatest } from '../state/use-latest.ts';
import { transformForView, viewForTransform, wheelZoomExponent, zoomLimits, type PlotGeometry } from './zoom-transform.ts';

/** A press that moves this far (CSS px) is a drag, not a click. */
const CLICK_DISTANCE_PX = 4;

export interface TimelineZoomInput {
  /** The view on screen, as last committed. */
  view(): TimeView;
  changeView(view: TimeView): void;
  geometry(): PlotGeometry;
  /** A press became a drag: it pans from now on, and will not select anything. */
  onDrag(): void;
}

type ZoomEvent = D3ZoomEvent<HTMLDivElement, unknown>;

/** Where a mouse press or the first finger of a touch is, in client px. */
function pressPoint(source: Event | null): { x: number; y: number } | undefined {
  if (source instanceof MouseEvent) return { x: source.clientX, y: source.clientY };
  if (typeof TouchEvent !== 'undefined' && source instanceof TouchEvent) {
    const touch = source.touches[0] ?? source.changedTouches[0];
    return touch ? { x: touch.clientX, y: touch.clientY } : undefined;
  }
  return undefined;
}

/** One d3-zoom behaviour for every plot, reading the hook's latest input when a gesture runs. */
function createZoom(latest: () => TimelineZoomInput) {
  let press: { x: number; y: number; dragging: boolean } | undefined;
  return zoom<HTMLDivElement, unknown>()
    .filter((event: Event) => {
      if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
      if (event.type === 'mousedown') return (event as MouseEvent).button === 0;
      return event.type.startsWith('touch');
    })
    .clickDistance(CLICK_DISTANCE_PX)
    .wheelDelta((event: WheelEvent) => wheelZoomExponent(event.deltaY, event.deltaMode, latest().geometry().width))
    .on('start', (event: ZoomEvent) => {
      const source = event.sourceEvent as Event | null;
      const point = source && source.type !== 'wheel' ? pressPoint(source) : undefined;
      press = point ? { ...point, dragging: false } : undefined;
    })
    .on('zoom', (event: ZoomEvent) => {
      const source = event.sourceEvent as Event | null;
      // No source: a transform set from the view, which is already the one shown.
      if (!source) return;
      if (press && !press.dragging) {
        const point = pressPoint(source);
        const twoFingers = typeof TouchEvent !== 'undefined' && source instanceof TouchEvent && source.touches.length > 1;
        if (!twoFingers && (!point || Math.hypot(point.x - press.x, point.y - press.y) <= CLICK_DISTANCE_PX)) return;
        press.dragging = true;
        latest().onDrag();
      }
      latest().changeView(viewForTransform(event.transform, latest().geometry()));
    })
    .on('end', () => {
      press = undefined;
    });
}

/** Returns the ref callback each flow's plot element is given, by flow index. */
export function useTimelineZoom(input: TimelineZoomInput): (index: number, element: HTMLDivElement | null) => void {
  const latest = useLatest(input);
  const elements = useRef(new Map<number, HTMLDivElement>());
  const [behavior] = useState(() => createZoom(latest));

  // Set without a zoom event, so nothing is asked for: the plot's zoom state only catches up with the view.
  const sync = useCallback(
    (element: HTMLDivElement) => {
      select(element).property('__zoom', transformForView(latest().view(), latest().geometry()));
    },
    [latest],
  );
  useLayoutEffect(() => {
    const limits = zoomLimits(latest().geometry());
    behavior.scaleExtent(limits.scaleExtent).extent(limits.extent).translateExtent(limits.translateExtent);
    for (const element of elements.current.values()) sync(element);
  });

  return useCallback(
    (index: number, element: HTMLDivElement | null) => {
      const previous = elements.current.get(index);
      if (previous && previous !== element) select(previous).on('.zoom', null);
      if (!element) {
        elements.current.delete(index);
        return;
      }
      elements.current.set(index, element);
      select(element).call(behavior).on('dblclick.zoom', null);
      sync(element);
    },
    [behavior, sync],
  );
}
