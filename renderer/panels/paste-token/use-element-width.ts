import { useCallback, useRef, useState } from 'react';

/**
 * The content width of an element, kept up to date with a ResizeObserver, so an SVG can be drawn at its real pixel
 * width (text stays at its CSS size instead of scaling with a viewBox). Where there is no ResizeObserver (jsdom), the
 * fallback width stays.
 */
export function useElementWidth(fallbackPx: number): [(element: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(fallbackPx);
  const observer = useRef<ResizeObserver | undefined>(undefined);
  const ref = useCallback((element: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = undefined;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measured = element.getBoundingClientRect().width;
    if (measured > 0) setWidth(Math.round(measured));
    observer.current = new ResizeObserver((entries) => {
      const next = entries[0]?.contentRect.width ?? 0;
      if (next > 0) setWidth(Math.round(next));
    });
    observer.current.observe(element);
  }, []);
  return [ref, width];
}
