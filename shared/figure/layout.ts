/**
 * Vertical layout of one flow's lanes: where each lane, bar row and glyph strip sits, in CSS px from the top of the
 * flow's drawing area. The draw plan paints inside these boxes and the React panel puts the lane labels beside them,
 * so labels and bars cannot drift apart.
 */
import type { FlowLanes, Lane, LaneStrip } from '../lanes/lane-types.ts';
import type { TimelineTheme } from './theme.ts';

export interface StripLayout {
  strip: LaneStrip;
  top: number;
  height: number;
  /** y of the glyph centres. */
  centerY: number;
  /** False when the lane's own label names the strip (a lane that is only a strip, like kubectl's commands). */
  showLabel: boolean;
}

export interface LaneLayout {
  lane: Lane;
  index: number;
  top: number;
  height: number;
  /** y of the first bar row's top edge. */
  barsTop: number;
  /** Height of this lane's bars (compact lanes are thinner). */
  barHeight: number;
  /** The label's line box (centred on the first bar row, or on the only strip) and the sublabel's, under it. */
  nameTop: number;
  nameHeight: number;
  subTop: number;
  subHeight: number;
  /** The sublabel is shown only where it does not push the strips down (space is the scarce thing on a projector). */
  showSublabel: boolean;
  /** y of a row's top edge. */
  rowY(row: number): number;
  strips: StripLayout[];
}

export interface FlowLayout {
  /** Rows reserved above the lanes for instructor notes' labels (0 when the flow has none). */
  noteRows: number;
  lanes: LaneLayout[];
  /** Band at the bottom for outage labels ("kubelet down"), 0 when the flow has none. */
  spanBandTop: number;
  spanBandHeight: number;
  height: number;
}

/** A summary lane's rows fill at most about this many CSS px (each row 3 to 8 px, a 1 px gap included). */
export const SUMMARY_ROWS_HEIGHT = 300;

/** Row pitch of a summary lane with `rows` rows: thinner the more pods there are. */
export function summaryStride(rows: number): number {
  return Math.max(3, Math.min(8, Math.floor(SUMMARY_ROWS_HEIGHT / Math.max(1, rows))));
}

/** Height of one row of note labels (plan-annotations.ts draws a label box in each). */
export function noteRowHeight(theme: TimelineTheme): number {
  return Math.round(theme.font.annotation * 1.9);
}

/**
 * `noteRows` rows of note labels go above the first lane, so a note's label never covers the lanes' own labels
 * ("80 % → kubelet refreshes" sits at the top of a lane, often at the very moment an instructor annotates).
 */
export function layoutFlow(flow: FlowLanes, theme: TimelineTheme, noteRows = 0): FlowLayout {
  const lanes: LaneLayout[] = [];
  let y = noteRows > 0 ? noteRows * noteRowHeight(theme) + 4 : 0;
  const nameHeight = Math.round(theme.font.laneLabel * 1.2);
  const subHeight = Math.round(theme.font.laneSublabel * 1.3);
  flow.lanes.forEach((lane, index) => {
    const top = y;
    if (lane.summary) {
      // Many pods, a thin row each, under a band for the caption that says what the rows show.
      const stride = summaryStride(lane.rows);
      const barsTop = top + theme.laneTopPad;
      const barsBottom = barsTop + lane.rows * stride;
      const nameTop = barsTop;
      const subTop = nameTop + nameHeight;
      const height = Math.ceil(Math.max(barsBottom, subTop + subHeight) + theme.laneBottomPad - top);
      lanes.push({ lane, index, top, height, barsTop, barHeight: stride - 1, nameTop, nameHeight, subTop, subHeight, showSublabel: true, rowY: (row) => barsTop + row * stride, strips: [] });
      y += height;
      return;
    }
    const stripOnly = lane.rows === 0 && lane.strips.length === 1;
    // Compact lanes (background detail) have thin, unlabelled bars and no annotation band.
    const barHeight = lane.compact ? Math.max(8, Math.round(theme.barHeight * 0.42)) : theme.barHeight;
    const rowGap = lane.compact ? Math.max(2, Math.round(theme.rowGap * 0.5)) : theme.rowGap;
    const barsTop = top + (lane.compact || stripOnly ? theme.laneBottomPad : theme.laneTopPad);
    const stride = barHeight + rowGap;
    const barsBottom = lane.rows > 0 ? barsTop + lane.rows * barHeight + (lane.rows - 1) * rowGap : barsTop;
    const showSublabel = !stripOnly && (lane.strips.length === 0 || lane.rows >= 2);
    let nameTop = lane.compact ? top + theme.laneBottomPad - 2 : barsTop + (barHeight - nameHeight) / 2;
    if (stripOnly) nameTop = barsTop + (theme.stripHeight - nameHeight) / 2;
    const subTop = nameTop + nameHeight;
    let stripTop = Math.max(barsBottom + (lane.rows > 0 ? 4 : 0), showSublabel && lane.strips.length > 0 ? subTop + subHeight + 2 : 0);
    const strips: StripLayout[] = lane.strips.map((strip) => {
      const s = { strip, top: stripTop, height: theme.stripHeight, centerY: stripTop + theme.stripHeight / 2, showLabel: !stripOnly };
      stripTop += theme.stripHeight;
      return s;
    });
    const labelBottom = showSublabel ? subTop + subHeight : subTop;
    const height = Math.ceil(Math.max(stripTop, barsBottom, labelBottom) + theme.laneBottomPad - top);
    lanes.push({ lane, index, top, height, barsTop, barHeight, nameTop, nameHeight, subTop, subHeight, showSublabel, rowY: (row) => barsTop + row * stride, strips });
    y += height;
  });
  const hasBand = flow.spans.length > 0 || flow.markers.length > 0;
  const spanBandHeight = hasBand ? Math.round(theme.font.annotation * 1.9) : 0;
  return { noteRows, lanes, spanBandTop: y, spanBandHeight, height: Math.max(y + spanBandHeight, theme.minLaneHeight) };
}
