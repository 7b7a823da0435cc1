/**
 * How the timelines answer the keyboard, the wheel and the pointer: keys zoom and pan and a sideways wheel pans
 * (view-input.ts); Ctrl + wheel, a trackpad pinch, a drag and two fingers are d3-zoom's (use-timeline-zoom.ts); a
 * click with no drag selects the token under it, and hovering shows a tooltip. Every change goes through
 * `changeView`, which both flows share.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import type { DrawPlan } from '../../shared/figure/primitives.ts';
import type { TimeView } from '../../shared/figure/time-view.ts';
import type { SimEvent } from '../../shared/model/events.ts';
import type { TokenSummary } from '../../shared/rpc/engine-protocol.ts';
import type { FlowWindow } from './flow-window.ts';
import { hitTest } from './hit-test.ts';
import { hitTooltip } from './hit-tooltip.ts';
import { viewForKey, viewForWheel } from './view-input.ts';
import { useTimelineZoom } from './use-timeline-zoom.ts';

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

/** A press on a flow's canvas: a click selects, unless d3-zoom turned it into a drag. */
interface Press {
  flowIndex: number;
  pointers: Set<number>;
  dragged: boolean;
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
  live: () => LiveTimeline;
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
  /** The ref callback for each flow's plot element, by flow index: d3-zoom listens there. */
  zoomPlot(index: number, element: HTMLDivElement | null): void;
}

export function useViewGestures({ rootRef, live, hasFlows, tokens, events, onViewChange, onSelectToken }: ViewGesturesInput): ViewGestures {
  // Several wheel events may arrive before the next render: each builds on the view the last one asked for.
  const pendingView = useRef<TimeView | undefined>(undefined);
  useLayoutEffect(() => {
    pendingView.current = undefined;
  });
  const currentView = useCallback(() => pendingView.current ?? live().view, [live]);
  const changeView = useCallback(
    (next: TimeView | undefined) => {
      if (!next) return false;
      const current = currentView();
      if (next.startMs === current.startMs && next.endMs === current.endMs) return true;
      pendingView.current = next;
      onViewChange(next);
      return true;
    },
    [currentView, onViewChange],
  );

  // A sideways wheel pans. Non-passive, so a Ctrl + wheel that d3-zoom left alone (already at its limit) does not
  // zoom the page instead.
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const onWheel = (e: WheelEvent) => {
      if (!(e.target as Element | null)?.closest?.('[data-plot]')) return;
      const { durationMs, plotWidth } = live();
      const next = viewForWheel({ deltaX: e.deltaX, deltaY: e.deltaY, deltaMode: e.deltaMode, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey }, currentView(), durationMs, plotWidth);
      if (changeView(next) || e.ctrlKey || e.metaKey) e.preventDefault();
    };
    root.addEventListener('wheel', onWheel, { passive: false });
    return () => root.removeEventListener('wheel', onWheel);
  }, [rootRef, live, currentView, changeView, hasFlows]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget && (e.target as HTMLElement).closest('input, textarea, select, button')) return;
    if (changeView(viewForKey({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, shiftKey: e.shiftKey }, currentView(), live().durationMs))) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const press = useRef<Press | undefined>(undefined);
  const [tooltip, setTooltip] = useState<Tooltip | undefined>(undefined);
  const [dragging, setDragging] = useState(false);
  const [hoverToken, setHoverToken] = useState(false);
  const zoomPlot = useTimelineZoom({
    view: () => live().view,
    changeView,
    geometry: () => ({ inset: live().inset, width: live().plotWidth, durationMs: live().durationMs }),
    onDrag: () => {
      if (press.current) press.current.dragged = true;
      setDragging(true);
      setTooltip(undefined);
    },
  });

  // Pointer positions in flow coordinates (a windowed canvas starts at its window's top).
  const localPoint = (e: PointerEvent<HTMLCanvasElement>, flowIndex: number) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top + (live().windows[flowIndex]?.top ?? 0) };
  };
  const onPointerDown = (flowIndex: number) => (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const p = press.current;
    if (p && p.flowIndex === flowIndex) {
      p.pointers.add(e.pointerId);
      // A second finger: a pinch, never a tap.
      p.dragged = true;
      return;
    }
    press.current = { flowIndex, pointers: new Set([e.pointerId]), dragged: false };
  };
  const onPointerMove = (flowIndex: number) => (e: PointerEvent<HTMLCanvasElement>) => {
    if (press.current) return;
    const p = localPoint(e, flowIndex);
    const plan = live().plans[flowIndex];
    const hit = plan ? hitTest(plan, currentView(), p) : undefined;
    setHoverToken(hit?.kind === 'token' || (hit?.kind === 'event' && hit.token !== undefined));
    const text = hitTooltip(hit, tokens, events);
    setTooltip((old) => (text === undefined ? undefined : old && old.text === text && old.flowIndex === flowIndex && Math.abs(old.x - p.x) < 40 ? old : { flowIndex, x: p.x, y: p.y, text }));
  };
  const onPointerUp = (flowIndex: number) => (e: PointerEvent<HTMLCanvasElement>) => {
    const p = press.current;
    if (!p || p.flowIndex !== flowIndex) return;
    p.pointers.delete(e.pointerId);
    if (p.pointers.size > 0) return;
    press.current = undefined;
    setDragging(false);
    if (p.dragged) return;
    const plan = live().plans[flowIndex];
    const hit = plan ? hitTest(plan, currentView(), localPoint(e, flowIndex)) : undefined;
    const token = hit?.kind === 'token' ? hit.token : hit?.kind === 'event' ? hit.token : undefined;
    if (token !== undefined) onSelectToken(token);
  };
  const onPointerCancel = () => {
    press.current = undefined;
    setDragging(false);
  };

  const pointerHandlers = (flowIndex: number): FlowPointerHandlers => ({
    onPointerDown: onPointerDown(flowIndex),
    onPointerMove: onPointerMove(flowIndex),
    onPointerUp: onPointerUp(flowIndex),
    onPointerCancel,
    onPointerLeave: () => setTooltip(undefined),
  });
  return { onKeyDown, pointerHandlers, tooltip, dragging, hoverToken, zoomPlot };
}
