/**
 * Both flows, stacked (legacy above projected), on one shared time axis. React owns the chrome (flow titles, lane
 * labels, axis, legend, tooltip); each flow's dense lanes are a <canvas> painted from the draw plan inside one
 * requestAnimationFrame loop that repaints only when the plan (snapshot version, view, size, theme, selection) or the
 * device pixel ratio changed. Zoom and pan change the one `view` prop, so both flows always show the same time.
 *
 * For end-to-end tests each flow's container carries `data-testid="timeline-flow-<flowId>"`, `data-token-bars`,
 * `data-rotations` and `data-first-token-x` / `-y` (CSS px relative to that flow's canvas).
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import { createLanesMemo, type FlowLanes, type TimelineLanes } from '../state/derive-lanes.ts';
import type { TimeView } from '../state/time-view.ts';
import { paintCanvas } from './canvas-painter.ts';
import { describeFlow } from './describe-flow.ts';
import { planFlow, type DrawPlan } from './draw-plan.ts';
import { hitTest, type HitResult } from './hit-test.ts';
import { layoutFlow, type FlowLayout } from './layout.ts';
import { themeNamed, type ThemeName } from './theme.ts';
import { TimeAxis } from './TimeAxis.tsx';
import { TimelineLegend } from './TimelineLegend.tsx';
import { firstTokenPoint } from './token-at-point.ts';
import { viewForDrag, viewForKey, viewForPinch, viewForWheel } from './view-input.ts';
import { formatSimTick } from './axis.ts';
import './timeline.css';

export interface TimelinePanelProps {
  snapshot: TimelineSnapshot;
  view: TimeView;
  onViewChange(view: TimeView): void;
  selectedToken: number | undefined;
  onSelectToken(index: number): void;
  /** Colour theme; by default the `data-theme` attribute of <html> ("dark", "projector"), else light. */
  theme?: ThemeName;
}

/** Follows `<html data-theme="…">` so the app's theme switch reaches the canvas too. */
function useDocumentTheme(): string | undefined {
  const read = () => (typeof document !== 'undefined' ? (document.documentElement.dataset.theme ?? undefined) : undefined);
  const [name, setName] = useState(read);
  useEffect(() => {
    if (typeof MutationObserver === 'undefined') return;
    const observer = new MutationObserver(() => setName(read()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return name;
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
  const documentTheme = useDocumentTheme();
  const hintId = `tl-hint-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const theme = themeNamed(props.theme ?? documentTheme);
  const lanesMemo = useRef(createLanesMemo()).current;
  const lanes = lanesMemo(snapshot);
  const durationMs = snapshot.scenario?.durationMs ?? 0;

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
  const layouts = useMemo(() => lanes.flows.map((flow) => layoutFlow(flow, theme)), [lanes, theme]);
  const plans = useMemo(
    () =>
      lanes.flows.map((flow, i) =>
        planFlow(lanes, flow.flowId, view, { width: timeWidth, height: layouts[i]!.height }, theme, { token: selectedToken }, { layout: layouts[i]!, origin: { x: inset, y: 0 }, bleed: inset }),
      ),
    [lanes, layouts, view.startMs, view.endMs, timeWidth, inset, theme, selectedToken],
  );

  // Latest values for event handlers that outlive a render (wheel, pointer capture).
  const live = useRef({ view, plans, plotWidth: timeWidth, inset, durationMs, lanes });
  live.current = { view, plans, plotWidth: timeWidth, inset, durationMs, lanes };
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
  const painted = useRef(new Map<number, { plan: DrawPlan; dpr: number }>());
  const paint = useCallback(() => {
    const dpr = typeof window !== 'undefined' && window.devicePixelRatio > 0 ? window.devicePixelRatio : 1;
    live.current.plans.forEach((plan, i) => {
      const canvas = canvases.current.get(i);
      if (!canvas) return;
      const last = painted.current.get(i);
      if (last && last.plan === plan && last.dpr === dpr) return;
      const width = Math.max(1, Math.round(plan.width * dpr));
      const height = Math.max(1, Math.round(plan.height * dpr));
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      paintCanvas(ctx, plan, { dpr });
      painted.current.set(i, { plan, dpr });
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

  // Wheel: non-passive so Ctrl + wheel zooms the timeline instead of the page.
  const rootRef = useRef<HTMLDivElement | null>(null);
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
  const localPoint = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  const onPointerDown = (flowIndex: number) => (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    const p = localPoint(e);
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
    const p = localPoint(e);
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
    const hit = plan ? hitTest(plan, live.current.view, localPoint(e)) : undefined;
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
          view={view}
          hintId={hintId}
          canvasRef={canvasRef(i)}
          plotRef={i === 0 ? measurePlot : undefined}
          cursor={dragging ? 'grabbing' : hoverToken ? 'pointer' : 'grab'}
          tooltip={tooltip?.flowIndex === i ? tooltip : undefined}
          onPointerDown={onPointerDown(i)}
          onPointerMove={onPointerMove(i)}
          onPointerUp={onPointerUp(i)}
          onPointerCancel={onPointerCancel}
          onPointerLeave={() => setTooltip(undefined)}
        />
      ))}
      <div className="tl-axis-row">
        <div className="tl-axis-spacer" />
        <div style={{ paddingLeft: inset }} data-testid="time-axis" data-view={`${Math.round(view.startMs)}-${Math.round(view.endMs)}`}>
          <TimeAxis view={view} width={timeWidth} nowMs={snapshot.nowMs} theme={theme} />
        </div>
      </div>
      <p className="tl-hint" id={hintId}>one shared time axis · zoom: Ctrl+wheel or W/S · pan: drag, A/D or ←/→ · fit: F</p>
      <TimelineLegend lanes={lanes} theme={theme} />
    </div>
  );
}

interface FlowViewProps {
  flow: FlowLanes;
  lanes: TimelineLanes;
  layout: FlowLayout;
  plan: DrawPlan;
  view: TimeView;
  hintId: string;
  canvasRef: (element: HTMLCanvasElement | null) => void;
  plotRef: ((element: HTMLDivElement | null) => void) | undefined;
  cursor: string;
  tooltip: Tooltip | undefined;
  onPointerDown: (e: PointerEvent<HTMLCanvasElement>) => void;
  onPointerMove: (e: PointerEvent<HTMLCanvasElement>) => void;
  onPointerUp: (e: PointerEvent<HTMLCanvasElement>) => void;
  onPointerCancel: () => void;
  onPointerLeave: () => void;
}

function FlowView({ flow, lanes, layout, plan, view, hintId, canvasRef, plotRef, cursor, tooltip, ...handlers }: FlowViewProps) {
  const first = firstTokenPoint(plan, view, lanes.nowMs);
  const titleId = `tl-flow-title-${flow.flowId}`;
  return (
    <section
      className="tl-flow"
      aria-labelledby={titleId}
      data-testid={`timeline-flow-${flow.flowId}`}
      data-token-bars={flow.tokenBarCount}
      data-rotations={flow.rotations}
      data-first-token-x={first?.x}
      data-first-token-y={first?.y}
    >
      <header className="tl-flow-header">
        <h2 id={titleId}>{flow.title}</h2>
        <p>{flow.subtitle}</p>
      </header>
      <div className="tl-flow-body">
        <div className="tl-lane-labels" style={{ height: layout.height }} aria-hidden="true">
          {layout.lanes.map((lane) => (
            <div key={lane.lane.id} className={`tl-lane-label tl-lane-${lane.lane.kind}`} style={{ top: lane.top, height: lane.height }}>
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
        <div className="tl-plot" ref={plotRef} data-plot="">
          <canvas
            ref={canvasRef}
            role="img"
            tabIndex={0}
            aria-label={describeFlow(flow, lanes.nowMs)}
            aria-describedby={hintId}
            style={{ width: '100%', height: layout.height, cursor, touchAction: 'none' }}
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
      </div>
    </section>
  );
}
