/**
 * Both flows, stacked (legacy above projected), on one shared time axis. React owns the chrome (flow titles, lane
 * labels, axis, legend, tooltip); each flow's dense lanes are a <canvas> painted from the draw plan inside one
 * requestAnimationFrame loop that repaints only when the plan (snapshot version, view, size, theme, selection, window)
 * or the device pixel ratio changed. Zoom and pan change the one `view` prop, so both flows always show the same time.
 *
 * A tall flow (many pods) does not get a canvas as tall as itself: its canvas covers only the band of the flow that is
 * on screen (plus some overscan), positioned over that band, and only the lanes in it are planned. Scrolling moves the
 * band when the visible part leaves it. Flows short enough to paint whole are painted whole, exactly as before.
 *
 * For end-to-end tests each flow's container carries `data-testid="timeline-flow-<flowId>"`, `data-token-bars`,
 * `data-rotations` and `data-first-token-x` / `-y` (CSS px relative to that flow's canvas).
 */
import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import { createLanesMemo } from '../../shared/lanes/derive-lanes.ts';
import type { FlowLanes, LaneKind, TimelineLanes } from '../../shared/lanes/lane-types.ts';
import { hideLanes } from '../../shared/lanes/hide-lanes.ts';
import { useDocumentThemeName } from './use-document-theme.ts';
import type { TimeView } from '../../shared/figure/time-view.ts';
import { paintCanvas } from './canvas-painter.ts';
import { describeFlow } from '../../shared/figure/describe-flow.ts';
import { planFlow, type DrawPlan } from '../../shared/figure/draw-plan.ts';
import { samePicture } from '../../shared/figure/primitives.ts';
import { hitTest, type HitResult } from './hit-test.ts';
import { layoutFlow, type FlowLayout } from '../../shared/figure/layout.ts';
import { themeNamed, type ThemeName } from '../../shared/figure/theme.ts';
import { scaleTheme } from '../../shared/figure/scale-theme.ts';
import { chooseDensity, densityTheme, type Density } from './density.ts';
import { annotationsForFlow, screenNoteRows } from '../../shared/figure/plan-annotations.ts';
import { SpotlightOverlay, spotlightTarget, type SpotlightTarget } from '../presentation/SpotlightOverlay.tsx';
import { TimeAxis } from './TimeAxis.tsx';
import { TimelineLegend } from './TimelineLegend.tsx';
import { firstTokenPoint } from './token-at-point.ts';
import { viewForDrag, viewForKey, viewForPinch, viewForWheel } from './view-input.ts';
import { formatSimTick } from '../../shared/figure/axis.ts';
import './timeline.css';

export interface TimelinePanelProps {
  snapshot: TimelineSnapshot;
  view: TimeView;
  onViewChange(view: TimeView): void;
  selectedToken: number | undefined;
  onSelectToken(index: number): void;
  /** Colour theme; by default the `data-theme` attribute of <html> ("dark", "projector"), else light. */
  theme?: ThemeName;
  /** Type and layout size in percent (100–250; presentation mode's large type), for the canvas and the DOM alike. */
  fontScalePercent?: number;
  /**
   * The lane in the spotlight, counted across flows from the top (wrapping both ways), or undefined for none: every
   * other lane is dimmed by a DOM overlay placed from the flows' layouts.
   */
  spotlight?: number | undefined;
  /** Kinds of lane left out (presentation mode hides the detail lanes); pass a stable array. */
  hiddenLanes?: readonly LaneKind[] | undefined;
  /** Extra controls for a flow's header (the release picker), by flow id. */
  flowHeaderExtra?: ((flowId: string) => ReactNode) | undefined;
}

/** One rAF scheduler: `request()` asks for a frame; several requests before it runs give one paint. */
function useFrameScheduler(paint: () => void): () => void {
  const paintRef = useRef(paint);
  paintRef.current = paint;
  const pending = useRef<number | undefined>(undefined);
  useEffect(
    () => () => {
      if (pending.current !== undefined) (typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame : clearTimeout)(pending.current);
      pending.current = undefined;
    },
    [],
  );
  return useCallback(() => {
    if (pending.current !== undefined) return;
    const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (cb: FrameRequestCallback) => setTimeout(() => cb(0), 16) as unknown as number;
    pending.current = frame(() => {
      pending.current = undefined;
      paintRef.current();
    });
  }, []);
}

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

function sameWindow(a: FlowWindow | undefined, b: FlowWindow | undefined): boolean {
  return a === b || (!!a && !!b && a.top === b.top && a.height === b.height);
}

/** The nearest ancestor that scrolls vertically (the app's `.timelines` column), if any. */
function scrollParent(element: Element | null): Element | undefined {
  if (typeof getComputedStyle !== 'function') return undefined;
  for (let el = element?.parentElement ?? null; el; el = el.parentElement) {
    const overflow = getComputedStyle(el).overflowY;
    if (overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay') return el;
  }
  return undefined;
}

interface Gesture {
  flowIndex: number;
  pointers: Map<number, { x: number; y: number }>;
  startView: TimeView;
  startX: number;
  startY: number;
  dragged: boolean;
  pinch: { distance: number; midX: number; view: TimeView } | undefined;
}

interface Tooltip {
  flowIndex: number;
  x: number;
  y: number;
  text: string;
}

export function TimelinePanel(props: TimelinePanelProps) {
  const { snapshot, view, onViewChange, selectedToken, onSelectToken } = props;
  const documentTheme = useDocumentThemeName();
  const hintId = `tl-hint-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const themeName = props.theme ?? documentTheme;
  const fontScalePercent = props.fontScalePercent ?? 100;
  const scaledTheme = useMemo(() => scaleTheme(themeNamed(themeName), fontScalePercent), [themeName, fontScalePercent]);
  const lanesMemo = useRef(createLanesMemo()).current;
  const allLanes = lanesMemo(snapshot);
  const lanes = useMemo(() => hideLanes(allLanes, props.hiddenLanes), [allLanes, props.hiddenLanes]);
  const durationMs = snapshot.scenario?.durationMs ?? 0;
  const annotations = snapshot.scenario?.annotations;

  // The height the timelines have (their scrolling column) and what of it is not lanes: measured after each render.
  const [room, setRoom] = useState<{ availablePx: number; chromePx: number; extrasPx: number } | undefined>(undefined);
  const noteRows = useCallback((flowId: string) => screenNoteRows(annotations ? annotationsForFlow(annotations, flowId).length : 0), [annotations]);
  const density: Density = useMemo(() => {
    if (!room) return 'comfortable';
    const lanesPx = (d: Density) => {
      const t = densityTheme(scaledTheme, d);
      return lanes.flows.reduce((sum, flow) => sum + layoutFlow(flow, t, noteRows(flow.flowId)).height, 0);
    };
    return chooseDensity(room.availablePx, room.chromePx, lanesPx);
  }, [room, scaledTheme, lanes, noteRows]);
  const theme = useMemo(() => densityTheme(scaledTheme, density), [scaledTheme, density]);
  // The usage hint and the legend go under the axis when they fit whole; otherwise the guide has them (no half legend).
  const extrasFit = !room || room.chromePx + room.extrasPx + lanes.flows.reduce((sum, flow) => sum + layoutFlow(flow, theme, noteRows(flow.flowId)).height, 0) <= room.availablePx;

  const [plotWidth, setPlotWidth] = useState(0);
  const plotObserver = useRef<ResizeObserver | undefined>(undefined);
  const measurePlot = useCallback((element: HTMLDivElement | null) => {
    plotObserver.current?.disconnect();
    if (!element) return;
    const update = () => setPlotWidth(Math.max(0, Math.floor(element.getBoundingClientRect().width)));
    update();
    if (typeof ResizeObserver !== 'undefined') {
      plotObserver.current = new ResizeObserver(update);
      plotObserver.current.observe(element);
    }
  }, []);
  useEffect(() => () => plotObserver.current?.disconnect(), []);

  // The time range maps to the plot minus a small inset each side, so marks at 0 and at the end are drawn whole.
  const inset = Math.ceil(theme.glyphSize / 2) + 4;
  const timeWidth = Math.max(0, plotWidth - 2 * inset);
  const layouts = useMemo(() => lanes.flows.map((flow) => layoutFlow(flow, theme, noteRows(flow.flowId))), [lanes, theme, noteRows]);
  const spot = spotlightTarget(layouts, props.spotlight);

  // Tall flows are painted through a window onto their visible band (see the top of this file).
  const [windowState, setWindowState] = useState<readonly (FlowWindow | undefined)[]>([]);
  const windows = lanes.flows.map((_, i) => (layouts[i]!.height > WINDOW_MIN_HEIGHT ? (windowState[i] ?? { top: 0, height: Math.min(layouts[i]!.height, WINDOW_MIN_HEIGHT) }) : undefined));
  const windowKey = windows.map((w) => (w ? `${w.top}+${w.height}` : '')).join('|');
  const plans = useMemo(
    () =>
      lanes.flows.map((flow, i) => {
        const w = windows[i];
        return planFlow(lanes, flow.flowId, view, { width: timeWidth, height: layouts[i]!.height }, theme, { token: selectedToken }, {
          layout: layouts[i]!,
          origin: { x: inset, y: 0 },
          bleed: inset,
          ...(w ? { clip: { top: w.top, bottom: w.top + w.height } } : {}),
          ...(annotations && annotations.length > 0 ? { annotations: annotationsForFlow(annotations, flow.flowId) } : {}),
        });
      }),
    // windowKey stands for `windows` (a new array every render).
    [lanes, layouts, view.startMs, view.endMs, timeWidth, inset, theme, selectedToken, windowKey, annotations],
  );

  // Latest values for event handlers that outlive a render (wheel, pointer capture).
  const live = useRef({ view, plans, windows, layouts, plotWidth: timeWidth, inset, durationMs, lanes });
  live.current = { view, plans, windows, layouts, plotWidth: timeWidth, inset, durationMs, lanes };

  // Where each tall flow's visible band is: read from the layout after every render, on scroll and on resize.
  const plotElements = useRef(new Map<number, HTMLDivElement>());
  const rootRef = useRef<HTMLDivElement | null>(null);
  const scroller = useRef<{ root: Element | null; element: Element | undefined }>({ root: null, element: undefined });
  const updateWindows = useCallback(() => {
    const { layouts: current, windows: shown } = live.current;
    if (!current.some((l) => l.height > WINDOW_MIN_HEIGHT)) return;
    // Found once per mounted root (a style lookup per ancestor), not on every batch.
    if (scroller.current.root !== rootRef.current) scroller.current = { root: rootRef.current, element: scrollParent(rootRef.current) };
    const box = scroller.current.element?.getBoundingClientRect();
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
  }, []);
  useLayoutEffect(updateWindows);

  // Density: the height of the scrolling column, and how much of the content is not lanes (flow titles, card padding,
  // the axis), which no density changes.
  const axisRowRef = useRef<HTMLDivElement | null>(null);
  const extrasRef = useRef<HTMLDivElement | null>(null);
  const measureRoom = useCallback(() => {
    const root = rootRef.current;
    const axis = axisRowRef.current;
    if (!root || !axis || typeof getComputedStyle !== 'function') return;
    if (scroller.current.root !== root) scroller.current = { root, element: scrollParent(root) };
    const column = scroller.current.element;
    const flows = [...root.children].filter((el): el is HTMLElement => el instanceof HTMLElement && el.classList.contains('tl-flow'));
    const current = live.current.layouts;
    if (!column || flows.length === 0 || flows.length !== current.length) return;
    const gapPx = parseFloat(getComputedStyle(root).rowGap) || 0;
    const abovePx = Math.max(0, flows[0]!.getBoundingClientRect().top - column.getBoundingClientRect().top - column.clientTop + column.scrollTop);
    const contentPx = abovePx + flows.reduce((sum, el) => sum + el.offsetHeight + gapPx, 0) + axis.offsetHeight;
    const chromePx = Math.ceil(contentPx - current.reduce((sum, layout) => sum + layout.height, 0));
    const availablePx = column.clientHeight;
    // Hidden, the extras keep the height they had when last shown.
    const extras = extrasRef.current;
    const shown = extras && !extras.classList.contains('tl-extras-hidden');
    setRoom((old) => {
      const extrasPx = shown ? Math.ceil(extras.offsetHeight + gapPx) : (old?.extrasPx ?? 0);
      return old && old.availablePx === availablePx && old.chromePx === chromePx && old.extrasPx === extrasPx ? old : { availablePx, chromePx, extrasPx };
    });
  }, []);
  useLayoutEffect(measureRoom, [measureRoom, layouts, plotWidth]);
  useEffect(() => {
    const column = scroller.current.element ?? scrollParent(rootRef.current);
    if (!column || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => measureRoom());
    observer.observe(column);
    return () => observer.disconnect();
    // Again once there are flows: the panel renders no root without them.
  }, [measureRoom, lanes.flows.length > 0]);
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
  const changeView = useCallback(
    (next: TimeView | undefined) => {
      if (!next) return false;
      const current = live.current.view;
      if (next.startMs === current.startMs && next.endMs === current.endMs) return true;
      live.current.view = next; // several wheel events may arrive before the next render
      onViewChange(next);
      return true;
    },
    [onViewChange],
  );

  // The paint loop.
  const canvases = useRef(new Map<number, HTMLCanvasElement>());
  const painted = useRef(new Map<number, { plan: DrawPlan; dpr: number; band: FlowWindow | undefined }>());
  const paint = useCallback(() => {
    const dpr = typeof window !== 'undefined' && window.devicePixelRatio > 0 ? window.devicePixelRatio : 1;
    live.current.plans.forEach((plan, i) => {
      const canvas = canvases.current.get(i);
      if (!canvas) return;
      const last = painted.current.get(i);
      const band = live.current.windows[i];
      if (last && last.dpr === dpr && sameWindow(last.band, band)) {
        if (last.plan === plan) return;
        // Nothing in view changed (say, play goes on past a zoomed-in view): keep the pixels.
        if (samePicture(last.plan, plan)) {
          painted.current.set(i, { plan, dpr, band });
          return;
        }
      }
      const width = Math.max(1, Math.round(plan.width * dpr));
      const height = band ? Math.round(band.height * dpr) : Math.max(1, Math.round(plan.height * dpr));
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
      painted.current.set(i, { plan, dpr, band });
      if (height === 0) return;
      const ctx = canvas.getContext('2d');
      if (!ctx) {
        painted.current.delete(i);
        return;
      }
      paintCanvas(ctx, plan, band ? { dpr, window: band } : { dpr });
    });
  }, []);
  const requestPaint = useFrameScheduler(paint);
  useEffect(() => requestPaint(), [plans, requestPaint]);
  useEffect(() => {
    const onResize = () => requestPaint();
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [requestPaint]);
  // One stable ref callback per flow, so React does not detach and re-attach (and we do not repaint) every render.
  const canvasRefs = useRef(new Map<number, (element: HTMLCanvasElement | null) => void>());
  const canvasRef = (index: number) => {
    let ref = canvasRefs.current.get(index);
    if (!ref) {
      ref = (element: HTMLCanvasElement | null) => {
        if (element) canvases.current.set(index, element);
        else canvases.current.delete(index);
        painted.current.delete(index);
        requestPaint();
      };
      canvasRefs.current.set(index, ref);
    }
    return ref;
  };

  const plotRefs = useRef(new Map<number, (element: HTMLDivElement | null) => void>());
  const plotRef = (index: number) => {
    let ref = plotRefs.current.get(index);
    if (!ref) {
      ref = (element: HTMLDivElement | null) => {
        if (element) plotElements.current.set(index, element);
        else plotElements.current.delete(index);
        if (index === 0) measurePlot(element);
      };
      plotRefs.current.set(index, ref);
    }
    return ref;
  };

  // Wheel: non-passive so Ctrl + wheel zooms the timeline instead of the page.
  const hasFlows = lanes.flows.length > 0;
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const onWheel = (e: WheelEvent) => {
      const plot = (e.target as Element | null)?.closest?.('[data-plot]');
      if (!plot) return;
      const rect = plot.getBoundingClientRect();
      const { view: v, durationMs: d, plotWidth: w, inset: left } = live.current;
      const next = viewForWheel(
        { deltaX: e.deltaX, deltaY: e.deltaY, deltaMode: e.deltaMode, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, offsetX: e.clientX - rect.left - left },
        v,
        d,
        w,
      );
      if (changeView(next)) e.preventDefault();
    };
    root.addEventListener('wheel', onWheel, { passive: false });
    return () => root.removeEventListener('wheel', onWheel);
  }, [changeView, hasFlows]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget && (e.target as HTMLElement).closest('input, textarea, select, button')) return;
    if (changeView(viewForKey({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey }, live.current.view, live.current.durationMs))) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  // Pointer: drag pans, a click (no drag) selects the token under it, two fingers pinch-zoom.
  const gesture = useRef<Gesture | undefined>(undefined);
  const [tooltip, setTooltip] = useState<Tooltip | undefined>(undefined);
  const [dragging, setDragging] = useState(false);
  const [hoverToken, setHoverToken] = useState(false);
  // Pointer positions in flow coordinates (a windowed canvas starts at its window's top).
  const localPoint = (e: PointerEvent<HTMLCanvasElement>, flowIndex: number) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top + (live.current.windows[flowIndex]?.top ?? 0) };
  };
  const onPointerDown = (flowIndex: number) => (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    const p = localPoint(e, flowIndex);
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const g = gesture.current;
    if (g && g.flowIndex === flowIndex) {
      g.pointers.set(e.pointerId, p);
      if (g.pointers.size === 2) {
        const [a, b] = [...g.pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
        g.pinch = { distance: Math.hypot(a.x - b.x, a.y - b.y), midX: (a.x + b.x) / 2 - live.current.inset, view: live.current.view };
        g.dragged = true;
      }
      return;
    }
    gesture.current = { flowIndex, pointers: new Map([[e.pointerId, p]]), startView: live.current.view, startX: p.x, startY: p.y, dragged: false, pinch: undefined };
  };
  const describeHit = (hit: HitResult | undefined): string | undefined => {
    if (!hit) return undefined;
    if (hit.kind === 'token') {
      const t = snapshot.tokens.find((x) => x.index === hit.token);
      if (!t) return undefined;
      const exp = t.jwtExpiresAtMs !== undefined ? `exp at ${formatSimTick(t.jwtExpiresAtMs, 1000)}` : 'no exp: never expires';
      return `token #${t.number} · ${t.kind === 'legacy' ? 'Secret-based' : 'projected'} · issued at ${formatSimTick(t.issuedAtMs, 1000)} · ${exp} · click to inspect`;
    }
    const event = snapshot.events[hit.seq]?.seq === hit.seq ? snapshot.events[hit.seq] : snapshot.events.find((x) => x.seq === hit.seq);
    return event ? `${formatSimTick(event.atMs, 1000)} · ${event.message}` : undefined;
  };
  const onPointerMove = (flowIndex: number) => (e: PointerEvent<HTMLCanvasElement>) => {
    const p = localPoint(e, flowIndex);
    const g = gesture.current;
    const { durationMs: d, plotWidth: w } = live.current;
    if (g && g.flowIndex === flowIndex && g.pointers.has(e.pointerId)) {
      g.pointers.set(e.pointerId, p);
      if (g.pinch && g.pointers.size >= 2) {
        const [a, b] = [...g.pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
        changeView(viewForPinch(g.pinch.view, g.pinch.distance, Math.hypot(a.x - b.x, a.y - b.y), g.pinch.midX, d, w));
        return;
      }
      if (!g.dragged && Math.hypot(p.x - g.startX, p.y - g.startY) > 4) {
        g.dragged = true;
        setDragging(true);
        setTooltip(undefined);
      }
      if (g.dragged) changeView(viewForDrag(g.startView, p.x - g.startX, d, w));
      return;
    }
    const plan = live.current.plans[flowIndex];
    const hit = plan ? hitTest(plan, live.current.view, p) : undefined;
    setHoverToken(hit?.kind === 'token' || (hit?.kind === 'event' && hit.token !== undefined));
    const text = describeHit(hit);
    setTooltip((old) => (text === undefined ? undefined : old && old.text === text && old.flowIndex === flowIndex && Math.abs(old.x - p.x) < 40 ? old : { flowIndex, x: p.x, y: p.y, text }));
  };
  const onPointerUp = (flowIndex: number) => (e: PointerEvent<HTMLCanvasElement>) => {
    const g = gesture.current;
    if (!g || g.flowIndex !== flowIndex) return;
    g.pointers.delete(e.pointerId);
    if (g.pointers.size > 0) return;
    gesture.current = undefined;
    setDragging(false);
    if (g.dragged) return;
    const plan = live.current.plans[flowIndex];
    const hit = plan ? hitTest(plan, live.current.view, localPoint(e, flowIndex)) : undefined;
    const token = hit?.kind === 'token' ? hit.token : hit?.kind === 'event' ? hit.token : undefined;
    if (token !== undefined) onSelectToken(token);
  };
  const onPointerCancel = () => {
    gesture.current = undefined;
    setDragging(false);
  };

  const rootStyle = {
    '--tl-bg': theme.background,
    '--tl-surface': theme.surface,
    '--tl-text': theme.text,
    '--tl-muted': theme.mutedText,
    '--tl-border': theme.separator,
    '--tl-flow-title': `${theme.font.flowTitle}px`,
    '--tl-flow-subtitle': `${theme.font.flowSubtitle}px`,
    '--tl-lane-label': `${theme.font.laneLabel}px`,
    '--tl-lane-sublabel': `${theme.font.laneSublabel}px`,
    '--tl-strip-label': `${theme.font.stripLabel}px`,
    '--tl-legend': `${theme.font.legend}px`,
    '--tl-label-column': `${theme.labelColumnWidth}px`,
    '--tl-card-border': theme.name === 'projector' ? '2px' : '1px',
    fontFamily: theme.fontFamily,
  } as CSSProperties;

  if (!snapshot.scenario || lanes.flows.length === 0) {
    return (
      <div className="tl-panel tl-empty" style={rootStyle} data-theme={theme.name}>
        <p>Load a scenario to see its timelines.</p>
      </div>
    );
  }

  return (
    <div
      className={`tl-panel${dragging ? ' tl-dragging' : ''}`}
      ref={rootRef}
      style={rootStyle}
      data-theme={theme.name}
      data-font-scale={fontScalePercent}
      data-density={density}
      data-spotlight-lane={spot ? `${lanes.flows[spot.flowIndex]?.flowId}:${spot.laneId}` : undefined}
      role="group"
      aria-label="Token timelines"
      onKeyDown={onKeyDown}
    >
      {lanes.flows.map((flow, i) => (
        <FlowView
          key={flow.flowId}
          flow={flow}
          lanes={lanes}
          layout={layouts[i]!}
          plan={plans[i]!}
          band={windows[i]}
          spotlight={spot === undefined ? undefined : spot.flowIndex === i ? spot : 'dimmed'}
          annotationCount={annotations ? annotationsForFlow(annotations, flow.flowId).length : 0}
          view={view}
          hintId={hintId}
          canvasRef={canvasRef(i)}
          plotRef={plotRef(i)}
          cursor={dragging ? 'grabbing' : hoverToken ? 'pointer' : 'grab'}
          tooltip={tooltip?.flowIndex === i ? tooltip : undefined}
          onPointerDown={onPointerDown(i)}
          onPointerMove={onPointerMove(i)}
          onPointerUp={onPointerUp(i)}
          onPointerCancel={onPointerCancel}
          onPointerLeave={() => setTooltip(undefined)}
          headerExtra={props.flowHeaderExtra?.(flow.flowId)}
        />
      ))}
      <div className="tl-axis-row" ref={axisRowRef}>
        <div className="tl-axis-spacer" />
        <div style={{ paddingLeft: inset }} data-testid="time-axis" data-view={`${Math.round(view.startMs)}-${Math.round(view.endMs)}`}>
          <TimeAxis view={view} width={timeWidth} nowMs={snapshot.nowMs} theme={theme} />
        </div>
      </div>
      <div className={extrasFit ? 'tl-extras' : 'tl-extras tl-extras-hidden'} ref={extrasRef} data-testid="timeline-extras">
        <p className="tl-hint" id={hintId}>one shared time axis · zoom: Ctrl+wheel or W/S · pan: drag, A/D or ←/→ · fit: F</p>
        <TimelineLegend lanes={lanes} theme={theme} />
      </div>
    </div>
  );
}

interface FlowViewProps {
  flow: FlowLanes;
  lanes: TimelineLanes;
  layout: FlowLayout;
  plan: DrawPlan;
  /** The band the canvas covers, for a windowed (tall) flow; undefined when the canvas covers the whole flow. */
  band: FlowWindow | undefined;
  /** This flow holds the spotlit lane, or is dimmed whole because another flow does; undefined without a spotlight. */
  spotlight: SpotlightTarget | 'dimmed' | undefined;
  annotationCount: number;
  view: TimeView;
  hintId: string;
  canvasRef: (element: HTMLCanvasElement | null) => void;
  plotRef: (element: HTMLDivElement | null) => void;
  cursor: string;
  tooltip: Tooltip | undefined;
  onPointerDown: (e: PointerEvent<HTMLCanvasElement>) => void;
  onPointerMove: (e: PointerEvent<HTMLCanvasElement>) => void;
  onPointerUp: (e: PointerEvent<HTMLCanvasElement>) => void;
  onPointerCancel: () => void;
  onPointerLeave: () => void;
  headerExtra: ReactNode;
}

function FlowView({ flow, lanes, layout, plan, band, spotlight, annotationCount, view, hintId, canvasRef, plotRef, cursor, tooltip, headerExtra, ...handlers }: FlowViewProps) {
  const first = firstTokenPoint(plan, view, lanes.nowMs);
  const label = useMemo(() => describeFlow(flow, lanes.nowMs), [flow, lanes.nowMs]);
  const titleId = `tl-flow-title-${flow.flowId}`;
  return (
    <section
      className={spotlight === undefined ? 'tl-flow' : spotlight === 'dimmed' ? 'tl-flow tl-spotlight-off' : 'tl-flow tl-spotlight-on'}
      style={{ position: 'relative' }}
      aria-labelledby={titleId}
      data-testid={`timeline-flow-${flow.flowId}`}
      data-token-bars={flow.tokenBarCount}
      data-rotations={flow.rotations}
      data-first-token-x={first?.x}
      data-first-token-y={first === undefined ? undefined : first.y - (band?.top ?? 0)}
      data-annotations={annotationCount}
    >
      <header className="tl-flow-header">
        <h2 id={titleId}>{flow.title}</h2>
        {headerExtra}
        <p title={flow.subtitle}>{flow.subtitle}</p>
      </header>
      <div className="tl-flow-body" style={{ position: 'relative' }}>
        <LaneLabels layout={layout} />
        <div className="tl-plot" ref={plotRef} data-plot="" style={band ? { height: layout.height } : undefined}>
          <canvas
            ref={canvasRef}
            role="img"
            tabIndex={0}
            aria-label={label}
            aria-describedby={hintId}
            style={band ? { position: 'absolute', left: 0, top: band.top, width: '100%', height: band.height, cursor, touchAction: 'none' } : { width: '100%', height: layout.height, cursor, touchAction: 'none' }}
            onPointerDown={handlers.onPointerDown}
            onPointerMove={handlers.onPointerMove}
            onPointerUp={handlers.onPointerUp}
            onPointerCancel={handlers.onPointerCancel}
            onPointerLeave={handlers.onPointerLeave}
          />
          {tooltip && (
            <div className="tl-tooltip" role="tooltip" style={{ left: Math.min(tooltip.x + 14, Math.max(0, plan.width - 360)), top: tooltip.y + 18 }}>
              {tooltip.text}
            </div>
          )}
        </div>
        {spotlight !== undefined && spotlight !== 'dimmed' && <SpotlightOverlay target={spotlight} flowHeight={layout.height} />}
      </div>
      {spotlight === 'dimmed' && <div className="tl-spotlight-dim tl-spotlight-dim-flow" aria-hidden="true" />}
    </section>
  );
}

/** The lane names beside a flow's canvas. Re-rendered only when a label or its place changes, not on every batch. */
const LaneLabels = memo(
  function LaneLabels({ layout }: { layout: FlowLayout }) {
    return (
      <div className="tl-lane-labels" style={{ height: layout.height }} aria-hidden="true">
        {layout.lanes.map((lane) => (
          <div key={lane.lane.id} className={`tl-lane-label tl-lane-${lane.lane.kind}`} data-lane-id={lane.lane.id} style={{ top: lane.top, height: lane.height }}>
            <div className="tl-lane-name" style={{ top: lane.nameTop - lane.top, height: lane.nameHeight, lineHeight: `${lane.nameHeight}px` }} title={`${lane.lane.label}: ${lane.lane.sublabel}`}>
              {lane.lane.label}
            </div>
            {lane.showSublabel && (
              <div className="tl-lane-sub" style={{ top: lane.subTop - lane.top, height: lane.subHeight, lineHeight: `${lane.subHeight}px` }} title={lane.lane.sublabel}>
                {lane.lane.sublabel}
              </div>
            )}
            {lane.strips.filter((strip) => strip.showLabel).map((strip) => (
              <div key={strip.strip.id} className="tl-strip-label" style={{ top: strip.top - lane.top, height: strip.height, lineHeight: `${strip.height}px` }}>
                {strip.strip.label}
              </div>
            ))}
          </div>
        ))}
      </div>
    );
  },
  (a, b) => sameLabels(a.layout, b.layout),
);

function sameLabels(a: FlowLayout, b: FlowLayout): boolean {
  if (a === b) return true;
  if (a.height !== b.height || a.lanes.length !== b.lanes.length) return false;
  return a.lanes.every((x, i) => {
    const y = b.lanes[i]!;
    return (
      x.lane.id === y.lane.id &&
      x.lane.kind === y.lane.kind &&
      x.lane.label === y.lane.label &&
      x.lane.sublabel === y.lane.sublabel &&
      x.top === y.top &&
      x.height === y.height &&
      x.nameTop === y.nameTop &&
      x.nameHeight === y.nameHeight &&
      x.showSublabel === y.showSublabel &&
      x.subTop === y.subTop &&
      x.subHeight === y.subHeight &&
      x.strips.length === y.strips.length &&
      x.strips.every((s, j) => {
        const t = y.strips[j]!;
        return s.strip.id === t.strip.id && s.strip.label === t.strip.label && s.top === t.top && s.height === t.height && s.showLabel === t.showLabel;
      })
    );
  });
}
