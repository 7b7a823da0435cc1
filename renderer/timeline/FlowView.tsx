/**
 * One flow on screen: its title and subtitle, the lane names beside the plot, the canvas its lanes are painted on
 * (covering only a band of a tall flow), the tooltip, and the spotlight's dimming. For end-to-end tests the section
 * carries `data-testid="timeline-flow-<flowId>"`, `data-token-bars`, `data-rotations`, `data-first-token-x` / `-y`
 * (CSS px relative to the flow's canvas) and `data-search-marks` (the tabs drawn for events the search found).
 */
import { useCallback, useMemo, type ReactNode } from 'react';
import { describeFlow } from '../../shared/figure/describe-flow.ts';
import type { DrawPlan } from '../../shared/figure/primitives.ts';
import type { FlowLayout } from '../../shared/figure/layout.ts';
import type { TimeView } from '../../shared/figure/time-view.ts';
import type { FlowLanes, TimelineLanes } from '../../shared/lanes/lane-types.ts';
import type { SpotlightTarget } from '../../shared/figure/spotlight.ts';
import { SpotlightOverlay } from './SpotlightOverlay.tsx';
import type { FlowWindow } from './flow-window.ts';
import { LaneLabels } from './LaneLabels.tsx';
import { firstTokenPoint } from './token-at-point.ts';
import type { FlowPointerHandlers, Tooltip } from './use-view-gestures.ts';

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
  /** Which flow this is, from the top: what its canvas and plot elements are reported under. */
  index: number;
  onCanvas(index: number, element: HTMLCanvasElement | null): void;
  onPlot(index: number, element: HTMLDivElement | null): void;
  cursor: string;
  tooltip: Tooltip | undefined;
  handlers: FlowPointerHandlers;
  headerExtra: ReactNode;
}

export function FlowView({ flow, lanes, layout, plan, band, spotlight, annotationCount, view, hintId, index, onCanvas, onPlot, cursor, tooltip, headerExtra, handlers }: FlowViewProps) {
  // Stable per flow, so React does not detach and re-attach the elements (and the canvas is not repainted) every render.
  const canvasRef = useCallback((element: HTMLCanvasElement | null) => onCanvas(index, element), [onCanvas, index]);
  const plotRef = useCallback((element: HTMLDivElement | null) => onPlot(index, element), [onPlot, index]);
  const first = firstTokenPoint(plan, view, lanes.nowMs);
  const label = useMemo(() => describeFlow(flow, lanes.nowMs), [flow, lanes.nowMs]);
  const searchMarks = useMemo(() => plan.primitives.filter((p) => p.role === 'search-hit').length, [plan]);
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
      data-search-marks={searchMarks}
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
