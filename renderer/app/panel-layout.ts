/**
 * How tall the bottom panel (events, console, editor) is: the height the user chose with the splitter for this window
 * size, or else what is left once the timelines have the room the side-by-side story needs. Pure numbers, so the
 * rules are tested without a browser.
 */
import { MAX_PANEL_PX, MAX_REMEMBERED_PANEL_SIZES } from '../../shared/ipc/ipc-contract.ts';

/**
 * The bottom panel is never smaller than its tab strip and the first row of the open panel (the event search, the
 * console's prompt): enough to see what is there and drag it taller.
 */
export const MIN_BOTTOM_PX = 110;
/** A default bottom panel keeps its tab strip and a couple of rows whenever the story leaves it the room. */
export const ROOMY_BOTTOM_PX = 150;
/** The timelines keep at least this much (an axis and a lane) however far the splitter is dragged. */
export const MIN_TIMELINES_PX = 120;
/**
 * What the timelines get before the bottom panel has any: the default story (both flows' pod and attacker lanes, the
 * axis) at compact density, at 100 % type.
 */
export const STORY_PX = 505;
/**
 * The same story at tight density (both flows' titles, the four lanes, the axis): on a short window (1280×720) the
 * default panel shrinks towards its minimum before the story is cut.
 */
export const TIGHT_STORY_PX = 480;
/** A default bottom panel never takes more than this share of the main area (on 1080p: nine rows of events). */
export const MAX_DEFAULT_SHARE = 0.4;

/** The key a height is remembered under: the window's size in CSS px. */
export function windowSizeKey(widthPx: number, heightPx: number): string {
  return `${Math.round(widthPx)}x${Math.round(heightPx)}`;
}

/** The largest bottom panel that still leaves the timelines their minimum, in a main area `mainPx` high. */
export function maxBottomPx(mainPx: number): number {
  return Math.max(MIN_BOTTOM_PX, Math.floor(mainPx - MIN_TIMELINES_PX));
}

export function clampBottomPx(px: number, mainPx: number): number {
  return Math.round(Math.min(maxBottomPx(mainPx), Math.max(MIN_BOTTOM_PX, px)));
}

/**
 * The height a window gets before the user has dragged the splitter in it: the story first (at compact density, or
 * tight on a short window), the panel the rest.
 */
export function defaultBottomPx(mainPx: number): number {
  const roomy = Math.min(mainPx - STORY_PX, mainPx * MAX_DEFAULT_SHARE);
  return clampBottomPx(roomy >= ROOMY_BOTTOM_PX ? roomy : Math.min(ROOMY_BOTTOM_PX, mainPx - TIGHT_STORY_PX), mainPx);
}

/** The remembered heights with `px` for `key`, newest last, the oldest window sizes forgotten past the budget. */
export function rememberBottomPx(heights: Readonly<Record<string, number>>, key: string, px: number): Record<string, number> {
  const entries = Object.entries(heights).filter(([k]) => k !== key);
  entries.push([key, Math.round(Math.min(MAX_PANEL_PX, Math.max(0, px)))]);
  return Object.fromEntries(entries.slice(-MAX_REMEMBERED_PANEL_SIZES));
}
