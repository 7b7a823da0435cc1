/**
 * What an animated export is asked for beyond a still figure's settings: the container (GIF, APNG, or a video the
 * page encodes), how long it plays, how many frames a second, and whether it loops. Validated here for every door
 * (the dialog, the settings file, the CLI), with each cap from shared/limits/input-budgets.ts said in words.
 */
import {
  ANIMATION_MAX_DURATION_MS,
  ANIMATION_MAX_FPS,
  ANIMATION_MAX_FRAME_PIXELS,
  ANIMATION_MAX_FRAMES,
  ANIMATION_MAX_TOTAL_PIXELS,
  ANIMATION_MIN_DURATION_MS,
  ANIMATION_MIN_FPS,
  formatLimit,
} from '../../limits/input-budgets.ts';
import type { Checked } from '../../validation/checked.ts';

/** GIF and APNG are made the same way everywhere; WebM and MP4 need the page's WebCodecs (the app only). */
export type AnimationFormat = 'gif' | 'apng' | 'webm' | 'mp4';
export const ANIMATION_FORMATS: readonly AnimationFormat[] = ['gif', 'apng', 'webm', 'mp4'];

export interface AnimationSettings {
  format: AnimationFormat;
  durationMs: number;
  fps: number;
  /** Plays again from the start when it ends (a video player is only told so: WebM and MP4 carry no loop flag). */
  loop: boolean;
}

export const DEFAULT_ANIMATION_SETTINGS: Readonly<AnimationSettings> = Object.freeze({ format: 'gif', durationMs: 10_000, fps: 15, loop: true });

/** Frames for a duration at a rate: at least two, so the playhead moves from one end of the range to the other. */
export function animationFrameCount(settings: Pick<AnimationSettings, 'durationMs' | 'fps'>): number {
  return Math.max(2, Math.round((settings.durationMs * settings.fps) / 1000));
}

/** Checks the numbers alone (the frame size is checked with the figure, by `checkAnimationBudget`). */
export function validateAnimationSettings(value: Readonly<Record<string, unknown>>): Checked<AnimationSettings> {
  const unknown = Object.keys(value).find((key) => !['format', 'durationMs', 'fps', 'loop'].includes(key));
  if (unknown !== undefined) return { ok: false, error: `unknown field "${unknown}"` };
  const { format, durationMs, fps, loop } = value;
  if (!ANIMATION_FORMATS.includes(format as AnimationFormat)) return { ok: false, error: `the animation format must be one of ${ANIMATION_FORMATS.join(', ')}` };
  if (typeof durationMs !== 'number' || !Number.isFinite(durationMs) || durationMs < ANIMATION_MIN_DURATION_MS || durationMs > ANIMATION_MAX_DURATION_MS) {
    return { ok: false, error: `the duration must be from ${ANIMATION_MIN_DURATION_MS / 1000} s to ${ANIMATION_MAX_DURATION_MS / 1000} s` };
  }
  if (typeof fps !== 'number' || !Number.isInteger(fps) || fps < ANIMATION_MIN_FPS || fps > ANIMATION_MAX_FPS) {
    return { ok: false, error: `the frame rate must be a whole number of frames a second from ${ANIMATION_MIN_FPS} to ${ANIMATION_MAX_FPS}` };
  }
  if (typeof loop !== 'boolean') return { ok: false, error: 'loop must be true or false' };
  return { ok: true, value: { format: format as AnimationFormat, durationMs: Math.round(durationMs), fps, loop } };
}

export interface AnimationBudget {
  frames: number;
  frameWidthPx: number;
  frameHeightPx: number;
  /** Frames × pixels a frame: what making the animation costs. */
  totalPixels: number;
}

/** The frame count against its cap, before anything is planned: the count, or a sentence saying what to change. */
export function checkFrameCount(settings: Pick<AnimationSettings, 'durationMs' | 'fps'>): Checked<number> {
  const frames = animationFrameCount(settings);
  if (frames > ANIMATION_MAX_FRAMES) {
    return { ok: false, error: `${formatLimit(frames)} frames are more than an animation may have (${formatLimit(ANIMATION_MAX_FRAMES)}); shorten it or lower the frame rate` };
  }
  return { ok: true, value: frames };
}

/** The animation's size against the caps: the figures, or a sentence saying which cap it passes and what to change. */
export function checkAnimationBudget(settings: Pick<AnimationSettings, 'durationMs' | 'fps'>, frame: { widthPx: number; heightPx: number }): Checked<AnimationBudget> {
  const frames = checkFrameCount(settings);
  if (!frames.ok) return frames;
  const framePixels = frame.widthPx * frame.heightPx;
  const budget = { frames: frames.value, frameWidthPx: frame.widthPx, frameHeightPx: frame.heightPx, totalPixels: frames.value * framePixels };
  if (framePixels > ANIMATION_MAX_FRAME_PIXELS) {
    return {
      ok: false,
      error: `a ${frame.widthPx} × ${frame.heightPx} frame has more pixels than an animation's frame may (${formatLimit(ANIMATION_MAX_FRAME_PIXELS)}, a 1920 × 1080 slide); make it narrower, or choose the 16:9 page`,
    };
  }
  if (budget.totalPixels > ANIMATION_MAX_TOTAL_PIXELS) {
    return {
      ok: false,
      error: `${formatLimit(budget.frames)} frames of ${frame.widthPx} × ${frame.heightPx} are ${formatLimit(budget.totalPixels / 1e6)} million pixels, more than an animation may have (${formatLimit(ANIMATION_MAX_TOTAL_PIXELS / 1e6)} million); shorten it, lower the frame rate or make it narrower`,
    };
  }
  return { ok: true, value: budget };
}

/**
 * When each frame shows the playhead, evenly from the range's start to its end (the last frame is the end itself), and
 * how long each is on screen in milliseconds. Durations are whole centiseconds summed without drift (GIF counts in
 * hundredths of a second), so the animation lasts its duration to the hundredth.
 */
export function animationTimeline(settings: Pick<AnimationSettings, 'durationMs' | 'fps'>, range: { fromMs: number; toMs: number }): { atMs: number[]; delayCs: number[] } {
  const frames = animationFrameCount(settings);
  const atMs: number[] = [];
  const delayCs: number[] = [];
  const totalCs = Math.round(settings.durationMs / 10);
  for (let i = 0; i < frames; i++) {
    atMs.push(Math.round(range.fromMs + ((range.toMs - range.fromMs) * i) / (frames - 1)));
    delayCs.push(Math.round(((i + 1) * totalCs) / frames) - Math.round((i * totalCs) / frames));
  }
  return { atMs, delayCs };
}
