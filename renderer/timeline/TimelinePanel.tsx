/**
 * Both flows, stacked (legacy above projected), on one shared time axis. React owns the chrome (flow titles, lane
 * labels, axis, legend, tooltip); each flow's dense lanes are a <canvas> painted from the draw plan inside one
 * requestAnimationFrame loop that repaints only when the plan (snapshot version, view, size, theme, selection, window)
 * or the device pixel ratio changed. Zoom and pan change the one `view` prop, so both flows always show the same time.
 *
 * The parts: the lane density that fits the room (use-lane-density.ts), the canvas window of a tall flow
 * (use-flow-windows.ts), the paint loop (use-canvas-paint.ts), the keyboard, wheel and pointer (use-view-gestures.ts,
 * with d3-zoom's gestures in use-timeline-zoom.ts), and each flow's view (FlowView.tsx).
 */
import { useCallback, useId, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import { useLatest } from '../state/use-latest.ts';
import { createLanesMemo } from '../../shared/lanes/derive-lanes.ts';
import type { LaneKind } from '../../shared/lanes/lane-types.ts';
import { hideLanes } from '../../shared/lanes/hide-lanes.ts';
import type { TimeView } from '../../shared/figure/time-view.ts';
import { planFlow } from '../../shared/figure/draw-plan.ts';
import { themeNamed, type ThemeName, type TimelineTheme } from '../../shared/figure/theme.ts';
import { scaleTheme } from '../../shared/figure/scale-theme.ts';
import { annotationsForFlow, screenNoteRows } from '../../shared/figure/plan-annotations.ts';
import { resolveSpotlight } from '../../shared/figure/spotlight.ts';
import type { SceneSpotlight } from '../../shared/model/scene.ts';
import { useThemeName } from '../theme/theme-context.ts';
import { TimeAxis } from './TimeAxis.tsx';
import { TimelineLegend } from './TimelineLegend.tsx';
import { FlowView } from './FlowView.tsx';
import { useScrollParent } from './use-scroll-parent.ts';
import { usePlotWidth } from './use-plot-width.ts';
import { useLaneDensity } from './use-lane-density.ts';
import { useFlowWindows } from './use-flow-windows.ts';
import { useCanvasPaint } from './use-canvas-paint.ts';
import { useViewGestures } from './use-view-gestures.ts';
import './timeline.css';

export interface TimelinePanelProps {
  snapshot: TimelineSnapshot;
  view: TimeView;
  onViewChange(view: TimeView): void;
  selectedToken: number | undefined;
  onSelectToken(index: number): void;
  /** Colour theme; by default the app's (ThemeContext), else light. */
  theme?: ThemeName;
  /** Type and layout size in percent (100–250; presentation mode's large type), for the canvas and the DOM alike. */
  fontScalePercent?: number;
  /**
   * The lane in the spotlight, counted across flows from the top (wrapping both ways), or undefined for none: every
   * other lane is dimmed by a DOM overlay placed from the flows' layouts.
   */
  spotlight?: number | SceneSpotlight | undefined;
  /** Kinds of lane left out (presentation mode hides the detail lanes); pass a stable array. */
  hiddenLanes?: readonly LaneKind[] | undefined;
  /** Extra controls for a flow's header (the release picker), by flow id. */
  flowHeaderExtra?: ((flowId: string) => ReactNode) | undefined;
  /** The events the event table's search found (positions in `snapshot.events`), marked on the lanes; a new object when they change. */
  searchHits?: { seqs: readonly number[] } | undefined;
}

/** The theme's colours and type sizes as CSS custom properties for the DOM chrome. */
function chromeStyle(theme: TimelineTheme): CSSProperties {
  return {
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
    '--tl-spotlight-dim': theme.spotlight.dim,
    '--tl-spotlight-frame': theme.spotlight.frame,
    '--tl-spotlight-halo': theme.spotlight.halo,
    '--tl-spotlight-tag-text': theme.spotlight.tagText,
    fontFamily: theme.fontFamily,
  } as CSSProperties;
}

export function TimelinePanel(props: TimelinePanelProps) {
  const { snapshot, view, onViewChange, selectedToken, onSelectToken } = props;
  const appTheme = useThemeName();
  const hintId = `tl-hint-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const themeName = props.theme ?? appTheme;
  const fontScalePercent = props.fontScalePercent ?? 100;
  const scaledTheme = useMemo(() => scaleTheme(themeNamed(themeName), fontScalePercent), [themeName, fontScalePercent]);
  const [lanesMemo] = useState(createLanesMemo);
  const allLanes = lanesMemo(snapshot);
  const lanes = useMemo(() => hideLanes(allLanes, props.hiddenLanes), [allLanes, props.hiddenLanes]);
  const durationMs = snapshot.scenario?.durationMs ?? 0;
  const annotations = snapshot.scenario?.annotations;
  const hasFlows = lanes.flows.length > 0;
  const { searchHits } = props;
  const hitTimes = useMemo(() => {
    const byFlow = new Map<string, number[]>();
    for (const seq of searchHits?.seqs ?? []) {
      const event = snapshot.events[seq];
      if (!event) continue;
      const times = byFlow.get(event.flow);
      if (times) times.push(event.atMs);
      else byFlow.set(event.flow, [event.atMs]);
    }
    return byFlow;
    // The store appends to `events` in place, so its identity says little; `searchHits` is new whenever the hits change.
  }, [searchHits, snapshot.events]);

  const rootRef = useRef<HTMLDivElement | null>(null);
  const axisRowRef = useRef<HTMLDivElement | null>(null);
  const extrasRef = useRef<HTMLDivElement | null>(null);
  const scrollParentOf = useScrollParent(rootRef);
  const [plotWidth, measurePlot] = usePlotWidth();
  const noteRows = useCallback((flowId: string) => screenNoteRows(annotations ? annotationsForFlow(annotations, flowId).length : 0), [annotations]);
  const { density, theme, layouts, extrasFit } = useLaneDensity({ lanes, scaledTheme, noteRows, rootRef, axisRowRef, extrasRef, scrollParentOf, plotWidth });

  // The time range maps to the plot minus a small inset each side, so marks at 0 and at the end are drawn whole.
  const inset = Math.ceil(theme.glyphSize / 2) + 4;
  const timeWidth = Math.max(0, plotWidth - 2 * inset);
  const spot = resolveSpotlight(layouts, lanes.flows.map((f) => f.flowId), props.spotlight);

  // Tall flows are painted through a window onto their visible band (flow-window.ts).
  const { windows, setPlotElement } = useFlowWindows(layouts, scrollParentOf);
  // Planned again when the window of time changes, not when the same window comes in a new object.
  const { startMs: viewStartMs, endMs: viewEndMs } = view;
  const plans = useMemo(
    () =>
      lanes.flows.map((flow, i) => {
        const w = windows[i];
        return planFlow(lanes, flow.flowId, { startMs: viewStartMs, endMs: viewEndMs }, { width: timeWidth, height: layouts[i]!.height }, theme, { token: selectedToken }, {
          layout: layouts[i]!,
          origin: { x: inset, y: 0 },
          bleed: inset,
          ...(w ? { clip: { top: w.top, bottom: w.top + w.height } } : {}),
          ...(annotations && annotations.length > 0 ? { annotations: annotationsForFlow(annotations, flow.flowId) } : {}),
          ...(hitTimes.has(flow.flowId) ? { searchHits: hitTimes.get(flow.flowId)! } : {}),
        });
      }),
    [lanes, layouts, viewStartMs, viewEndMs, timeWidth, inset, theme, selectedToken, windows, annotations, hitTimes],
  );
  const onCanvas = useCanvasPaint(plans, windows);

  // Latest values for event handlers that outlive a render (wheel, pointer capture, d3-zoom).
  const live = useLatest({ view, plans, windows, plotWidth: timeWidth, inset, durationMs });
  const { onKeyDown, pointerHandlers, tooltip, dragging, hoverToken, zoomPlot } = useViewGestures({ rootRef, live, hasFlows, tokens: snapshot.tokens, events: snapshot.events, onViewChange, onSelectToken });
  const onPlot = useCallback(
    (index: number, element: HTMLDivElement | null) => {
      setPlotElement(index, element);
      zoomPlot(index, element);
      if (index === 0) measurePlot(element);
    },
    [setPlotElement, zoomPlot, measurePlot],
  );

  const rootStyle = chromeStyle(theme);
  if (!snapshot.scenario || !hasFlows) {
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
      data-spotlight-label={spot?.label}
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
          index={i}
          onCanvas={onCanvas}
          onPlot={onPlot}
          cursor={dragging ? 'grabbing' : hoverToken ? 'pointer' : 'grab'}
          tooltip={tooltip?.flowIndex === i ? tooltip : undefined}
          handlers={pointerHandlers(i)}
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
