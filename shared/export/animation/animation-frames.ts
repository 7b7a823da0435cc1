/**
 * The frames of an animated export: the figure as a still export draws it (the same draw plan, theme, window, flows
 * and lanes), at each frame's instant, as if the scenario had been played to it. The logs are cut at that instant and
 * the lanes derived incrementally, frame after frame, so a pass over the frames costs one pass over the log.
 *
 * Lanes gain rows as tokens overlap and the legend gains entries as new kinds of mark appear, so the figure grows
 * while it plays. Every frame is drawn as tall as the tallest, found by a first pass that plans each frame: the page
 * keeps its size and the figure its scale, and the playhead is what moves.
 */
import { createLanesMemo } from '../../lanes/derive-lanes.ts';
import { formatDuration } from '../../time/duration.ts';
import type { ExportSource } from '../export-source.ts';
import type { ExportSettings } from '../export-types.ts';
import { exportFigure } from '../export-figure.ts';
import { paintSvg } from '../../figure/svg-painter.ts';
import type { DrawPlan } from '../../figure/primitives.ts';
import { createChangeTracker, primitivesTouching } from './changed-region.ts';
import type { Box } from './frame-diff.ts';

/** How many entries of a log sorted by time are at or before `atMs`, counting on from `from`. */
function countUpTo<T>(log: readonly T[], timeOf: (entry: T) => number, atMs: number, from: number): number {
  let n = from;
  while (n < log.length && timeOf(log[n]!) <= atMs) n++;
  return n;
}

/**
 * The source as it was at each instant (ascending, none after the source's playhead: the logs hold nothing later):
 * the logs cut there and the lanes derived from them.
 */
export function* sourcesAt(source: ExportSource, atMs: readonly number[]): Generator<ExportSource> {
  const scenario = source.scenario;
  if (!scenario) throw new Error('this figure has no scenario behind it, so it cannot be animated');
  const last = atMs[atMs.length - 1] ?? 0;
  if (last > source.lanes.nowMs) throw new Error(`the animation runs to ${formatDuration(last)}, past the playhead (${formatDuration(source.lanes.nowMs)}): nothing after the playhead has been simulated yet`);
  const lanesAt = createLanesMemo();
  const events = source.events;
  // Tokens join the log when they are issued.
  const tokens = [...source.tokens].sort((a, b) => a.issuedAtMs - b.issuedAtMs || a.index - b.index);
  let eventCount = 0;
  let tokenCount = 0;
  for (const [index, t] of atMs.entries()) {
    eventCount = countUpTo(events, (e) => e.atMs, t, eventCount);
    tokenCount = countUpTo(tokens, (k) => k.issuedAtMs, t, tokenCount);
    const cutEvents = events.slice(0, eventCount);
    const cutTokens = tokens.slice(0, tokenCount);
    yield { ...source, lanes: lanesAt({ version: index + 1, scenario, events: cutEvents, tokens: cutTokens, nowMs: t }), events: cutEvents, tokens: cutTokens };
  }
}

/** The height of the tallest frame's plan, in CSS px. */
export function tallestFrame(source: ExportSource, settings: ExportSettings, atMs: readonly number[]): number {
  let tallest = 0;
  for (const frame of sourcesAt(source, atMs)) tallest = Math.max(tallest, exportFigure(frame, settings).plan.height);
  return tallest;
}

export interface AnimationFrame {
  index: number;
  atMs: number;
  /**
   * What to rasterise: the whole page, or only the parts that changed since the frame before, or nothing when the
   * frame draws what the one before did. Each part is an SVG of the rectangle `around`, a little larger than `box`,
   * of which only `box` is laid over the frame before.
   */
  draw: { region: 'page'; svg: string } | { region: 'patches'; patches: FramePatch[] } | { region: 'same' };
}

export interface FramePatch {
  box: Box;
  around: Box;
  svg: string;
}

/**
 * Pixels rasterised beyond each side of a changed rectangle and then dropped: a shape cut by the edge of a small
 * canvas is antialiased there a little differently from the whole page.
 */
const PATCH_MARGIN_PX = 4;

/**
 * The page's SVG inside an SVG the size of `box`, shifted by whole pixels so that the rectangle's pixels are the
 * page's own (the page is drawn at 1×: one CSS px is one pixel). The page's own viewport is left unclipped
 * (overflow visible): the outer SVG clips already, and a clip on the nested one has resvg draw the patch through a
 * mask, which tripled its cost.
 */
export function croppedSvg(pageSvg: string, box: Box): string {
  const width = box.x1 - box.x0 + 1;
  const height = box.y1 - box.y0 + 1;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${box.x0} ${box.y0} ${width} ${height}">\n${pageSvg.replace(/^<svg /, '<svg overflow="visible" ')}\n</svg>\n`;
}

function patchOf(plan: DrawPlan, page: { width: number; height: number }, box: Box, paint: (plan: DrawPlan) => string): FramePatch {
  const around = {
    x0: Math.max(0, box.x0 - PATCH_MARGIN_PX),
    y0: Math.max(0, box.y0 - PATCH_MARGIN_PX),
    x1: Math.min(page.width - 1, box.x1 + PATCH_MARGIN_PX),
    y1: Math.min(page.height - 1, box.y1 + PATCH_MARGIN_PX),
  };
  return { box, around, svg: croppedSvg(paint({ ...plan, primitives: primitivesTouching(plan, page, around) }), around) };
}

/**
 * Each frame, in order, planned `planHeightPx` tall. A frame's SVG is the painter's alone, without the title, the
 * description and the moment a still SVG carries: they draw no pixel, and a hundred frames would parse the scenario
 * a hundred times.
 */
export function* animationFrames(source: ExportSource, settings: ExportSettings, atMs: readonly number[], planHeightPx: number): Generator<AnimationFrame> {
  let index = 0;
  let changedSince: ((plan: DrawPlan) => Box[]) | undefined;
  for (const frame of sourcesAt(source, atMs)) {
    const figure = exportFigure(frame, settings, planHeightPx);
    const page = figure.frame;
    changedSince ??= createChangeTracker(page);
    const boxes = changedSince(figure.plan);
    const whole = boxes.some((box) => box.x0 === 0 && box.y0 === 0 && box.x1 === page.width - 1 && box.y1 === page.height - 1);
    const paint = (plan: DrawPlan) => paintSvg(plan, { idPrefix: 'tokenscope', frame: page });
    let draw: AnimationFrame['draw'];
    if (boxes.length === 0) draw = { region: 'same' };
    else if (whole) draw = { region: 'page', svg: paint(figure.plan) };
    else draw = { region: 'patches', patches: boxes.map((box) => patchOf(figure.plan, page, box, paint)) };
    yield { index, atMs: atMs[index]!, draw };
    index += 1;
  }
}
