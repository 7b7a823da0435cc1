/**
 * Where each tall flow's canvas window is (see flow-window.ts): read from the layout after every render, on scroll and
 * on resize. Returns the windows (undefined for a flow painted whole) and the ref callback each flow's plot element
 * reports to.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { FlowLayout } from '../../shared/figure/layout.ts';
import { useLatest } from '../state/use-latest.ts';
import { flowWindow, sameWindow, WINDOW_MIN_HEIGHT, type FlowWindow } from './flow-window.ts';
import { useFrameScheduler } from './use-frame-scheduler.ts';

export interface FlowWindows {
  /** The same array from render to render while no window moves. */
  windows: readonly (FlowWindow | undefined)[];
  setPlotElement(index: number, element: HTMLDivElement | null): void;
}

export function useFlowWindows(layouts: readonly FlowLayout[], scrollParentOf: () => Element | undefined): FlowWindows {
  const [windowState, setWindowState] = useState<readonly (FlowWindow | undefined)[]>([]);
  const computed = layouts.map((layout, i) => (layout.height > WINDOW_MIN_HEIGHT ? (windowState[i] ?? { top: 0, height: Math.min(layout.height, WINDOW_MIN_HEIGHT) }) : undefined));
  const windowKey = computed.map((w) => (w ? `${w.top}+${w.height}` : '')).join('|');
  // The same array while no window moves, so what is planned from them is not planned again.
  const [kept, setKept] = useState({ key: windowKey, windows: computed });
  if (kept.key !== windowKey) setKept({ key: windowKey, windows: computed });
  const windows = kept.key === windowKey ? kept.windows : computed;
  const live = useLatest({ layouts, windows });
  const plotElements = useRef(new Map<number, HTMLDivElement>());

  const updateWindows = useCallback(() => {
    const { layouts: current, windows: shown } = live();
    if (!current.some((l) => l.height > WINDOW_MIN_HEIGHT)) return;
    const box = scrollParentOf()?.getBoundingClientRect();
    const viewportBottom = typeof window !== 'undefined' && window.innerHeight > 0 ? window.innerHeight : Number.POSITIVE_INFINITY;
    const clipTop = Math.max(0, box?.top ?? 0);
    const clipBottom = Math.min(viewportBottom, box?.bottom ?? viewportBottom);
    const next = current.map((layout, i) => {
      const plot = plotElements.current.get(i);
      if (layout.height <= WINDOW_MIN_HEIGHT || !plot) return undefined;
      const top = plot.getBoundingClientRect().top;
      return flowWindow(layout.height, clipTop - top, clipBottom - top, shown[i]);
    });
    if (next.some((w, i) => !sameWindow(w, shown[i]))) setWindowState(next);
  }, [live, scrollParentOf]);
  useLayoutEffect(updateWindows);

  const requestWindows = useFrameScheduler(updateWindows);
  useEffect(() => {
    if (typeof document === 'undefined') return;
    // Capture: scroll events do not bubble, and the scrolling element is an ancestor we do not own.
    document.addEventListener('scroll', requestWindows, { capture: true, passive: true });
    window.addEventListener('resize', requestWindows);
    return () => {
      document.removeEventListener('scroll', requestWindows, { capture: true });
      window.removeEventListener('resize', requestWindows);
    };
  }, [requestWindows]);

  const setPlotElement = useCallback((index: number, element: HTMLDivElement | null) => {
    if (element) plotElements.current.set(index, element);
    else plotElements.current.delete(index);
  }, []);
  return { windows, setPlotElement };
}
