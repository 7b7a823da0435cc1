/**
 * Instructor annotations on the draw plan: a pinned moment is a dash-dot line through the flow with its note in a
 * boxed label; a range is a bracket over its span with a line at each end. Notes are never told by colour (they use
 * the theme's ink, a line style no token state uses, and words), and labels are stacked into rows so none overprints
 * another. Pure, like the rest of the plan.
 */
import type { ScenarioAnnotation } from '../scenario/scenario-types.ts';
import type { TimeView } from './time-view.ts';
import { timeScale } from './time-scale.ts';
import type { Primitive } from './primitives.ts';
import { estimateTextWidth, shortenToWidth } from './text-metrics.ts';
import { noteRowHeight } from './layout.ts';
import type { TimelineTheme } from './theme.ts';

/** Dash-dot: the dashed outline already means "ahead of now", so a note's line must not look like it. */
const NOTE_DASH = [10, 4, 2, 4] as const;
const MAX_ROWS = 4;
/** On screen the rows are reserved before the view is known, so a flow gets at most this many. */
const MAX_SCREEN_ROWS = 2;

/** Label rows the screen reserves for a flow with `count` notes. */
export function screenNoteRows(count: number): number {
  return Math.min(MAX_SCREEN_ROWS, count);
}

export interface PlacedAnnotation {
  annotation: ScenarioAnnotation;
  /** Plot-relative x of the moment (or the range's start) and of the range's end. */
  x0: number;
  x1: number;
  row: number;
  /** The label as drawn (shortened with an ellipsis when it would not fit in the plot). */
  text: string;
  labelX: number;
  labelW: number;
}

export interface AnnotationRows {
  placed: PlacedAnnotation[];
  rows: number;
  rowHeight: number;
}

/** The notes drawn in `flowId`: those pinned to it and those pinned to no flow. */
export function annotationsForFlow(annotations: readonly ScenarioAnnotation[], flowId: string): ScenarioAnnotation[] {
  return annotations.filter((a) => a.flow === undefined || a.flow === flowId);
}

function labelSize(theme: TimelineTheme): number {
  return theme.font.annotation;
}

/**
 * Where each visible note's label goes: one row per overlap, left-aligned at its moment unless that would run past
 * the plot's right edge. Notes wholly outside the view are left out; at most `maxRows` rows are used and notes that
 * find no room are dropped rather than drawn over each other.
 */
export function placeAnnotations(annotations: readonly ScenarioAnnotation[], view: TimeView, plotW: number, theme: TimelineTheme, maxRows = MAX_ROWS): AnnotationRows {
  const size = labelSize(theme);
  const padX = Math.round(size * 0.45);
  const rowHeight = noteRowHeight(theme);
  const taken: [number, number][][] = [];
  const placed: PlacedAnnotation[] = [];
  const x = timeScale(view, plotW);
  for (const annotation of [...annotations].sort((a, b) => a.atMs - b.atMs)) {
    const endMs = annotation.untilMs ?? annotation.atMs;
    if (endMs < view.startMs || annotation.atMs > view.endMs) continue;
    const x0 = x(annotation.atMs);
    const x1 = x(endMs);
    const text = shortenToWidth(annotation.text, plotW - 2 * padX, size, 700);
    const labelW = estimateTextWidth(text, size, 700) + 2 * padX;
    const anchorX = Math.max(0, Math.min(x0, plotW));
    const labelX = Math.max(0, anchorX + labelW > plotW ? anchorX - labelW : anchorX);
    let row = 0;
    while (row < maxRows && (taken[row] ?? []).some(([a, b]) => labelX < b + 8 && labelX + labelW > a - 8)) row++;
    if (row === maxRows) continue;
    (taken[row] ??= []).push([labelX, labelX + labelW]);
    placed.push({ annotation, x0, x1, row, text, labelX, labelW });
  }
  return { placed, rows: taken.length, rowHeight };
}

export interface AnnotationFrame {
  /** Left edge of the plot and its width, in the plan's px. */
  plotX: number;
  plotW: number;
  /** Top of the first label row, and the bottom the notes' lines reach down to. */
  labelTop: number;
  linesBottom: number;
}

/**
 * Lines, brackets and boxed labels for notes already placed. The lines go `under` the lanes' bars and labels (they
 * show in the gaps, never crossing a word); the brackets and boxes go `over` everything.
 */
export function planAnnotations(under: Primitive[], over: Primitive[], rows: AnnotationRows, frame: AnnotationFrame, theme: TimelineTheme): void {
  const size = labelSize(theme);
  const ink = theme.text;
  const lineW = theme.name === 'projector' ? 2.5 : 1.75;
  const X = (x: number) => frame.plotX + Math.max(-2, Math.min(x, frame.plotW + 2));
  for (const p of rows.placed) {
    const boxTop = frame.labelTop + p.row * rows.rowHeight;
    const boxH = Math.round(size * 1.5);
    const lineTop = boxTop + boxH;
    const isRange = p.annotation.untilMs !== undefined && p.x1 > p.x0;
    for (const x of isRange ? [p.x0, p.x1] : [p.x0]) {
      if (x < -1 || x > frame.plotW + 1) continue;
      under.push({ type: 'line', x1: X(x), y1: lineTop, x2: X(x), y2: frame.linesBottom, stroke: ink, strokeWidth: lineW, dash: NOTE_DASH, role: 'annotation' });
    }
    if (isRange) {
      const y = lineTop + 3;
      over.push({ type: 'line', x1: X(p.x0), y1: y, x2: X(p.x1), y2: y, stroke: ink, strokeWidth: lineW + 1, role: 'annotation' });
    }
    over.push({ type: 'rect', x: frame.plotX + p.labelX, y: boxTop, w: p.labelW, h: boxH, fill: theme.surface, stroke: ink, strokeWidth: lineW, radius: 4, role: 'annotation' });
    over.push({ type: 'text', x: frame.plotX + p.labelX + p.labelW / 2, y: boxTop + boxH / 2 + size * 0.36, text: p.text, size, weight: 700, fill: ink, anchor: 'middle', role: 'annotation' });
  }
}
