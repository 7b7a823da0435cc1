/**
 * How the timelines answer the keyboard, the wheel and the pointer: keys zoom and pan (view-input.ts), Ctrl + wheel
 * (and a trackpad pinch) zooms around the pointer, a drag pans, two fingers pinch-zoom, a click with no drag selects
 * the token under it, and hovering shows a tooltip. Every change goes through `changeView`, which both flows share.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import type { DrawPlan } from '../../shared/figure/primitives.ts';
import type { TimeView } from '../../shared/figure/time-view.ts';
import type { SimEvent } from '../../shared/model/events.ts';
import type { TokenSummary } from '../../shared/rpc/engine-protocol.ts';
import type { FlowWindow } from './flow-window.ts';
import { hitTest } from './hit-test.ts';
import { hitTooltip } from './hit-tooltip.ts';
import { viewForDrag, viewForKey, viewForPinch, viewForWheel } from './view-input.ts';

/** What the handlers read when they run, which may be renders after they were made. */
export interface LiveTimeline {
  view: TimeView;
  plans: readonly DrawPlan[];
  windows: readonly (FlowWindow | undefined)[];
  /** The width the time range is drawn across, CSS px. */
  plotWidth: number;
  /** Where the time range starts inside a plot, CSS px. */
  inset: number;
  durationMs: number;
}

export interface Tooltip {
  flowIndex: number;
  x: number;
  y: number;
  text: string;
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

export interface FlowPointerHandlers {
  onPointerDown(e: PointerEvent<HTMLCanvasElement>): void;
  onPointerMove(e: PointerEvent<HTMLCanvasElement>): void;
  onPointerUp(e: PointerEvent<HTMLCanvasElement>): void;
  onPointerCancel(): void;
  onPointerLeave(): void;
}

export interface ViewGesturesInput {
  rootRef: RefObject<HTMLDivElement | null>;
  live: RefObject<LiveTimeline>;
  hasFlows: boolean;
  tokens: readonly TokenSummary[];
  events: readonly SimEvent[];
  onViewChange(view: TimeView): void;
  onSelectToken(index: number): void;
}

export interface ViewGestures {
  onKeyDown(e: KeyboardEvent<HTMLDivElement>): void;
  pointerHandlers(flowIndex: number): FlowPointerHandlers;
  tooltip: Tooltip | undefined;
  dragging: boolean;
  /** The pointer is over something that selects a token when clicked. */
  hoverToken: boolean;
}

export function useViewGestures({ rootRef, live, hasFlows, tokens, events, onViewChange, onSelectToken }: ViewGesturesInput): ViewGestures {
  const changeView = useCallback(
    (next: TimeView | undefined) => {
      if (!next) return false;
      const current = live.current.view;
      if (next.startMs === current.startMs && next.endMs === current.endMs) return true;
      live.current.view = next; // several wheel events may arrive before the next render
      onViewChange(next);
      return true;
    },
    [live, onViewChange],
  );

  // Wheel: non-passive so Ctrl + wheel zooms the timeline instead of the page.
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
  }, [rootRef, live, changeView, hasFlows]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget && (e.target as HTMLElement).closest('input, textarea, select, button')) return;
    if (changeView(viewForKey({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, shiftKey: e.shiftKey }, live.current.view, live.current.durationMs))) {
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
    const text = hitTooltip(hit, tokens, events);
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

  const pointerHandlers = (flowIndex: number): FlowPointerHandlers => ({
    onPointerDown: onPointerDown(flowIndex),
    onPointerMove: onPointerMove(flowIndex),
    onPointerUp: onPointerUp(flowIndex),
    onPointerCancel,
    onPointerLeave: () => setTooltip(undefined),
  });
  return { onKeyDown, pointerHandlers, tooltip, dragging, hoverToken };
}
