/**
 * How thick the lanes are drawn (see density.ts): the roomiest density whose lanes fit the height the timelines have.
 * That height, and how much of the content is not lanes (flow titles, card padding, the axis) and so does not change
 * with density, are measured after each render and whenever the scrolling column resizes.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import { layoutFlow, type FlowLayout } from '../../shared/figure/layout.ts';
import type { TimelineTheme } from '../../shared/figure/theme.ts';
import type { TimelineLanes } from '../../shared/lanes/lane-types.ts';
import { useLatest } from '../state/use-latest.ts';
import { chooseDensity, densityTheme, type Density } from './density.ts';

interface Room {
  availablePx: number;
  chromePx: number;
  extrasPx: number;
}

export interface LaneDensityInput {
  lanes: TimelineLanes;
  /** The theme at the chosen font scale, before any squeezing. */
  scaledTheme: TimelineTheme;
  /** Rows a flow reserves for its notes' labels. */
  noteRows(flowId: string): number;
  rootRef: RefObject<HTMLDivElement | null>;
  axisRowRef: RefObject<HTMLDivElement | null>;
  /** The usage hint and the legend under the axis. */
  extrasRef: RefObject<HTMLDivElement | null>;
  scrollParentOf(): Element | undefined;
  plotWidth: number;
}

export interface LaneDensity {
  density: Density;
  theme: TimelineTheme;
  layouts: FlowLayout[];
  /** The usage hint and the legend go under the axis when they fit whole; otherwise the guide has them. */
  extrasFit: boolean;
}

export function useLaneDensity({ lanes, scaledTheme, noteRows, rootRef, axisRowRef, extrasRef, scrollParentOf, plotWidth }: LaneDensityInput): LaneDensity {
  const [room, setRoom] = useState<Room | undefined>(undefined);
  const density: Density = useMemo(() => {
    if (!room) return 'comfortable';
    const lanesPx = (d: Density) => {
      const t = densityTheme(scaledTheme, d);
      return lanes.flows.reduce((sum, flow) => sum + layoutFlow(flow, t, noteRows(flow.flowId)).height, 0);
    };
    return chooseDensity(room.availablePx, room.chromePx, lanesPx);
  }, [room, scaledTheme, lanes, noteRows]);
  const theme = useMemo(() => densityTheme(scaledTheme, density), [scaledTheme, density]);
  const extrasFit = !room || room.chromePx + room.extrasPx + lanes.flows.reduce((sum, flow) => sum + layoutFlow(flow, theme, noteRows(flow.flowId)).height, 0) <= room.availablePx;
  const layouts = useMemo(() => lanes.flows.map((flow) => layoutFlow(flow, theme, noteRows(flow.flowId))), [lanes, theme, noteRows]);
  const live = useLatest(layouts);

  const measureRoom = useCallback(() => {
    const root = rootRef.current;
    const axis = axisRowRef.current;
    if (!root || !axis || typeof getComputedStyle !== 'function') return;
    const column = scrollParentOf();
    const flows = [...root.children].filter((el): el is HTMLElement => el instanceof HTMLElement && el.classList.contains('tl-flow'));
    const current = live();
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
  }, [rootRef, axisRowRef, extrasRef, scrollParentOf, live]);
  // Measured before the first paint and when the plot's width changes; after that, whenever the column or the timelines
  // change size (below), which is when the lanes grow or shrink, not after every batch of play: measuring in a layout
  // effect forces the page's layout a second time in the frame, while an observer reads the layout the frame made.
  useLayoutEffect(measureRoom, [measureRoom, plotWidth]);
  const hasFlows = lanes.flows.length > 0;
  useEffect(() => {
    const column = scrollParentOf();
    if (!column || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => measureRoom());
    observer.observe(column);
    // The timelines' own box too: it grows or shrinks when anything in it does (lanes, a flow's title wrapping, the legend).
    const root = rootRef.current;
    if (root) observer.observe(root);
    return () => observer.disconnect();
    // Again once there are flows: the panel renders no root without them.
  }, [measureRoom, scrollParentOf, hasFlows, rootRef]);
  return { density, theme, layouts, extrasFit };
}
