/**
 * The main area's split between the timelines and the bottom panel, and whether the side and bottom panels are open.
 * The height is the one the user chose for this window size (remembered in the user settings), or the default that
 * gives the timelines the story's room first (panel-layout.ts). Opening a panel that needs more room than it has makes
 * it taller for now without remembering it; only the splitter's own changes are remembered.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UserSettings } from '../../shared/ipc/ipc-contract.ts';
import { clampBottomPx, defaultBottomPx, maxBottomPx, MIN_BOTTOM_PX, rememberBottomPx, windowSizeKey } from './panel-layout.ts';
import { useLatest } from '../state/use-latest.ts';

export interface PanelLayout {
  /** Ref for the element split (the main grid): its height is measured. */
  mainRef: (element: HTMLElement | null) => void;
  bottomPx: number;
  minBottomPx: number;
  maxBottomPx: number;
  /** A splitter change; `final` ones are remembered for this window size. */
  setBottomPx(px: number, final: boolean): void;
  /** Makes the bottom panel at least `px` high for now (a panel just opened needs that much). */
  ensureBottomPx(px: number): void;
  bottomOpen: boolean;
  setBottomOpen(open: boolean): void;
  sideOpen: boolean;
  setSideOpen(open: boolean): void;
}

/** Space in the main grid that is neither timelines nor bottom panel: its padding and the splitter (app.css). */
const MAIN_CHROME_PX = 8 + 8 + 12;

function currentWindowKey(): string {
  return typeof window === 'undefined' ? '0x0' : windowSizeKey(window.innerWidth, window.innerHeight);
}

export function usePanelLayout(settings: UserSettings, update: (patch: Partial<UserSettings>) => void): PanelLayout {
  const [mainPx, setMainPx] = useState(0);
  const [windowKey, setWindowKey] = useState(currentWindowKey);
  // A height for now: while the splitter is dragged, or after a panel asked for more room. Bound to the window size.
  const [transient, setTransient] = useState<{ key: string; px: number } | undefined>(undefined);
  const [bottomOpen, setBottomOpen] = useState(true);
  const [sideOpen, setSideOpen] = useState(true);

  const observer = useRef<ResizeObserver | undefined>(undefined);
  const mainRef = useCallback((element: HTMLElement | null) => {
    observer.current?.disconnect();
    if (!element) return;
    const measure = () => {
      setMainPx(Math.max(0, element.clientHeight - MAIN_CHROME_PX));
      setWindowKey(currentWindowKey());
    };
    measure();
    if (typeof ResizeObserver !== 'undefined') {
      observer.current = new ResizeObserver(measure);
      observer.current.observe(element);
    }
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);

  const remembered = settings.bottomPanelPx[windowKey];
  const chosen = transient?.key === windowKey ? transient.px : (remembered ?? defaultBottomPx(mainPx));
  const bottomPx = clampBottomPx(chosen, mainPx);

  const heights = useLatest(settings.bottomPanelPx);
  const setBottomPx = useCallback(
    (px: number, final: boolean) => {
      setTransient(final ? undefined : { key: windowKey, px });
      if (final) update({ bottomPanelPx: rememberBottomPx(heights(), windowKey, px) });
    },
    [update, windowKey, heights],
  );
  const ensureBottomPx = useCallback(
    (px: number) => {
      setBottomOpen(true);
      if (bottomPx < px) setTransient({ key: windowKey, px: clampBottomPx(px, mainPx) });
    },
    [bottomPx, mainPx, windowKey],
  );

  return {
    mainRef,
    bottomPx,
    minBottomPx: MIN_BOTTOM_PX,
    maxBottomPx: maxBottomPx(mainPx),
    setBottomPx,
    ensureBottomPx,
    bottomOpen,
    setBottomOpen,
    sideOpen,
    setSideOpen,
  };
}
