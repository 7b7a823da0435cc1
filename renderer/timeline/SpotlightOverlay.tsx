/**
 * The spotlight: everything but one lane is dimmed, and that lane is framed, so the lane under discussion stands out
 * by its frame and its label as well as by brightness. Placed from the flow's layout (shared/figure/layout.ts),
 * the same numbers the canvas and the lane labels use, so it lines up with the lane at any type size.
 */
import { useEffect, useRef } from 'react';
import type { FlowLayout } from '../../shared/figure/layout.ts';
import type { SceneSpotlight } from '../../shared/model/scene.ts';

export interface SpotlightTarget {
  flowIndex: number;
  laneId: string;
  /** The lane's name as its label shows it. */
  label: string;
  /** CSS px from the top of the flow's drawing area. */
  top: number;
  height: number;
}

/** The lane at `index`, counted across flows from the top and wrapping both ways; undefined without lanes. */
export function spotlightTarget(layouts: readonly FlowLayout[], index: number | undefined): SpotlightTarget | undefined {
  const total = layouts.reduce((n, layout) => n + layout.lanes.length, 0);
  if (index === undefined || total === 0) return undefined;
  let rest = ((index % total) + total) % total;
  for (const [flowIndex, layout] of layouts.entries()) {
    if (rest < layout.lanes.length) {
      const lane = layout.lanes[rest]!;
      return { flowIndex, laneId: lane.lane.id, label: lane.lane.label, top: lane.top, height: lane.height };
    }
    rest -= layout.lanes.length;
  }
  return undefined;
}

/**
 * The index (as spotlightTarget counts) of the lane a scene names by its label ("pod app") or id, in its flow or the
 * first flow that has it; undefined when no lane is called that (the spotlight then stays off).
 */
export function spotlightIndexOf(layouts: readonly FlowLayout[], flowIds: readonly string[], spotlight: SceneSpotlight): number | undefined {
  const wanted = spotlight.lane.toLowerCase();
  let index = 0;
  for (const [flowIndex, layout] of layouts.entries()) {
    const inFlow = spotlight.flow === undefined || flowIds[flowIndex] === spotlight.flow;
    for (const lane of layout.lanes) {
      if (inFlow && (lane.lane.label.toLowerCase() === wanted || lane.lane.id === spotlight.lane)) return index;
      index++;
    }
  }
  return undefined;
}

/** The frame's border (5 px, app.css) and a pixel of air lie outside the lane's box. */
const FRAME_OUTSET_PX = 6;

export function SpotlightOverlay({ target, flowHeight }: { target: SpotlightTarget; flowHeight: number }) {
  const bottom = target.top + target.height;
  const frame = useRef<HTMLDivElement>(null);
  // Large type can make the flows taller than the screen: the lane in the spotlight is scrolled into view.
  useEffect(() => {
    frame.current?.scrollIntoView?.({ block: 'nearest' });
  }, [target.flowIndex, target.laneId]);
  return (
    <div className="tl-spotlight" data-testid="spotlight" data-lane={target.laneId} aria-hidden="true">
      {target.top > 0 && <div className="tl-spotlight-dim" style={{ position: 'absolute', left: 0, right: 0, top: 0, height: target.top }} />}
      {bottom < flowHeight && <div className="tl-spotlight-dim" style={{ position: 'absolute', left: 0, right: 0, top: bottom, bottom: 0 }} />}
      {/* The frame sits just outside the lane, so its border never cuts the captions at the lane's top edge. */}
      <div
        ref={frame}
        className="tl-spotlight-frame"
        data-testid="spotlight-frame"
        style={{ position: 'absolute', left: -FRAME_OUTSET_PX, right: -FRAME_OUTSET_PX, top: target.top - FRAME_OUTSET_PX, height: target.height + 2 * FRAME_OUTSET_PX }}
      >
        <span className="tl-spotlight-tag">spotlight: {target.label}</span>
      </div>
    </div>
  );
}
