/**
 * The exported figure: the screen's draw plan (planTimeline) for the flows, lanes and time window the export asks for,
 * in the export's own theme and width, with the export font. Pure, so the dialog can show the size before anything is
 * rendered and the CLI gets the very same plan.
 */
import type { TimelineLanes } from '../lanes/lane-types.ts';
import { hideLanes } from '../lanes/hide-lanes.ts';
import type { TimeView } from '../figure/time-view.ts';
import { planTimeline } from '../figure/plan-timeline.ts';
import type { DrawPlan } from '../figure/draw-plan.ts';
import { themeNamed, type TimelineTheme } from '../figure/theme.ts';
import type { ExportSettings } from './export-types.ts';
import type { ScenarioAnnotation } from '../scenario/scenario-types.ts';
import type { ExportSource } from './export-source.ts';

/**
 * Every export sets its text in this family only, embedded in SVGs and the only font the PNG rasteriser has, so a
 * figure looks the same whichever machine made it (the screen uses the system's UI font instead).
 */
export const EXPORT_FONT_FAMILY = 'DejaVu Sans';

export interface ExportFigure {
  plan: DrawPlan;
  /** The page in CSS px: the plan's size, or a fixed size (settings.heightPx) the plan is fitted into. */
  frame: { width: number; height: number };
  /** The lanes as drawn: only the chosen flows, without the hidden lanes. */
  lanes: TimelineLanes;
  view: TimeView;
  theme: TimelineTheme;
  annotations: readonly ScenarioAnnotation[];
}

/** The export's theme: the named timeline theme, set in the export font. */
export function exportTheme(settings: Pick<ExportSettings, 'theme'>): TimelineTheme {
  return { ...themeNamed(settings.theme), fontFamily: EXPORT_FONT_FAMILY };
}

/** The time window: settings.fromMs..toMs inside the scenario, the whole scenario by default. */
export function exportView(lanes: TimelineLanes, settings: Pick<ExportSettings, 'fromMs' | 'toMs'>): TimeView {
  const durationMs = Math.max(lanes.durationMs, 1_000);
  const startMs = Math.min(Math.max(settings.fromMs ?? 0, 0), durationMs);
  const endMs = Math.min(Math.max(settings.toMs ?? durationMs, 0), durationMs);
  if (!(endMs > startMs)) throw new Error(`the export window ${startMs} ms to ${endMs} ms is empty: it must lie within the scenario (0 to ${durationMs} ms) and end after it starts`);
  return { startMs, endMs };
}

/** The lanes with only the chosen flows (in their usual order) and without the hidden kinds of lane. */
export function exportLanes(lanes: TimelineLanes, settings: Pick<ExportSettings, 'flows' | 'hiddenLanes'>): TimelineLanes {
  const known = lanes.flows.map((f) => f.flowId);
  const unknown = (settings.flows ?? []).filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new Error(`no flow ${unknown.map((id) => JSON.stringify(id)).join(', ')} in this scenario; its flows are ${known.join(', ')}`);
  const chosen = settings.flows === undefined ? lanes : { ...lanes, flows: lanes.flows.filter((f) => settings.flows!.includes(f.flowId)) };
  return hideLanes(chosen, settings.hiddenLanes);
}

/**
 * `planHeightPx` makes the plan at least that tall (its content at the top): an animation's frames all take the
 * height of the tallest, so the figure neither moves nor changes scale as lanes grow.
 */
export function exportFigure(source: ExportSource, settings: ExportSettings, planHeightPx = 0): ExportFigure {
  const lanes = exportLanes(source.lanes, settings);
  const view = exportView(lanes, settings);
  const theme = exportTheme(settings);
  const flowIds = new Set(lanes.flows.map((f) => f.flowId));
  const annotations = settings.annotations ? source.annotations.filter((a) => a.flow === undefined || flowIds.has(a.flow)) : [];
  const plan = planTimeline(lanes, view, { width: settings.widthPx, height: Math.max(settings.heightPx ?? 0, planHeightPx) }, theme, {}, {
    legend: settings.legend,
    annotations,
    ...(source.spotlight ? { spotlight: source.spotlight } : {}),
  });
  const frame = { width: settings.widthPx, height: settings.heightPx ?? plan.height };
  return { plan, frame, lanes, view, theme, annotations };
}

/** Width × height of the exported file in device pixels (CSS px × scale for a PNG; SVG and PDF pages in CSS px). */
export function exportSize(source: ExportSource, settings: ExportSettings): { widthPx: number; heightPx: number } {
  const { frame } = exportFigure(source, settings);
  const scale = settings.format === 'png' ? settings.scale : 1;
  return { widthPx: Math.round(frame.width * scale), heightPx: Math.round(frame.height * scale) };
}
