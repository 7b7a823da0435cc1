import { useCallback, useEffect, useRef, useState } from 'react';

/** The width of a plot element in whole CSS px, followed as it resizes; attach the returned ref callback to it. */
export function usePlotWidth(): [number, (element: HTMLDivElement | null) => void] {
  const [plotWidth, setPlotWidth] = useState(0);
  const observer = useRef<ResizeObserver | undefined>(undefined);
  const measurePlot = useCallback((element: HTMLDivElement | null) => {
    observer.current?.disconnect();
    if (!element) return;
    const update = () => setPlotWidth(Math.max(0, Math.floor(element.getBoundingClientRect().width)));
    update();
    if (typeof ResizeObserver !== 'undefined') {
      observer.current = new ResizeObserver(update);
      observer.current.observe(element);
    }
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);
  return [plotWidth, measurePlot];
}
