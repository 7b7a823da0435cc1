/**
 * The events grid's scrolling, virtualised: the row height (from the font size, so rows grow with the type) and the
 * scroll area's height, measured; which rows are in view; and following the newest row until the user scrolls up.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { bottomScrollTop, isAtBottom, scrollTopToReveal, visibleWindow } from '../event-table-model.ts';

/** Row height in em of the table's font, so rows grow with the type size (presentation mode, user zoom). */
const ROW_HEIGHT_EM = 1.9;
const FALLBACK_FONT_PX = 16;
/** Rows assumed visible before the first measurement (and where layout is unavailable, as in tests). */
const FALLBACK_VISIBLE_ROWS = 12;
const OVERSCAN = 6;

export function useEventGridScroll(rowCount: number) {
  const scroller = useRef<HTMLDivElement>(null);
  const [metrics, setMetrics] = useState({ rowHeight: Math.round(FALLBACK_FONT_PX * ROW_HEIGHT_EM), clientHeight: 0 });
  const [scrollTop, setScrollTop] = useState(0);
  const [follow, setFollow] = useState(true);

  const { rowHeight } = metrics;
  // The sticky header row takes one row height of the scroll area.
  const viewportHeight = metrics.clientHeight > rowHeight ? metrics.clientHeight - rowHeight : FALLBACK_VISIBLE_ROWS * rowHeight;
  // While following, the view sits at the bottom, wherever the last scroll left it.
  const shownTop = follow ? bottomScrollTop(viewportHeight, rowCount * rowHeight) : scrollTop;
  const view = visibleWindow({ scrollTop: shownTop, viewportHeight, rowHeight, rowCount, overscan: OVERSCAN });
  const pageSize = Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);

  // Measure the row height (from the font size) and the scroll area's height, and again when either changes.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      const fontPx = parseFloat(getComputedStyle(el).fontSize) || FALLBACK_FONT_PX;
      const next = { rowHeight: Math.round(fontPx * ROW_HEIGHT_EM), clientHeight: el.clientHeight };
      setMetrics((m) => (m.rowHeight === next.rowHeight && m.clientHeight === next.clientHeight ? m : next));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const scrollTo = useCallback((top: number) => {
    const el = scroller.current;
    if (el) el.scrollTop = top;
    setScrollTop(top);
  }, []);

  // The scroll area shows where the table is (following the newest row while the user has not scrolled up).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && el.scrollTop !== shownTop) el.scrollTop = shownTop;
  }, [shownTop]);

  /** Brings row `index` into view; `now` also moves the scroll area at once (from a handler, not while rendering). */
  const revealRow = (index: number, now: boolean) => {
    const top = scrollTopToReveal(index, shownTop, viewportHeight, rowHeight);
    if (top === shownTop) return;
    setFollow(isAtBottom(top, viewportHeight, view.totalHeight));
    if (now) scrollTo(top);
    else setScrollTop(top);
  };

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    setScrollTop(el.scrollTop);
    setFollow(isAtBottom(el.scrollTop, viewportHeight, view.totalHeight));
  };

  const followNewest = () => {
    setFollow(true);
    scrollTo(bottomScrollTop(viewportHeight, view.totalHeight));
  };

  return { scroller, rowHeight, shownTop, view, pageSize, follow, revealRow, onScroll, followNewest };
}
