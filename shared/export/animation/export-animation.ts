/**
 * One animated export, start to finish: the frames (animation-frames.ts) rasterised by the injected rasteriser, handed
 * one by one to an encoder — GIF and APNG here, the same in the page and the CLI; a video encoder the page injects —
 * with progress reported, a pause between frames (the page yields to its event loop there) and a way to stop. The
 * file carries the scenario and the range like a still image does, so dropping it on the window reopens it.
 */
import type { ExportDeps, ExportedFile } from '../export-file.ts';
import { exportFileName } from '../export-file-name.ts';
import type { ExportSource } from '../export-source.ts';
import type { ExportMoment, ExportSettings } from '../export-types.ts';
import { exportCaption, type ExportText } from '../export-caption.ts';
import { exportView, exportLanes } from '../export-figure.ts';
import { PNG_MOMENT_KEYWORD } from '../embedded-moment.ts';
import { insertPngTextChunk } from '../png-text-chunk.ts';
import type { Rasterizer, RgbaImage } from '../resvg-rasterizer.ts';
import { formatDuration } from '../../time/duration.ts';
import { animationFrames, tallestFrame, type AnimationFrame } from './animation-frames.ts';
import type { Box } from './frame-diff.ts';
import { animationTimeline, checkAnimationBudget, checkFrameCount, type AnimationBudget, type AnimationFormat, type AnimationSettings } from './animation-settings.ts';
import { createGifWriter, gifPalette } from './gif-writer.ts';
import { createApngWriter } from './apng-writer.ts';

export const ANIMATION_MIME: Record<AnimationFormat, string> = { gif: 'image/gif', apng: 'image/apng', webm: 'video/webm', mp4: 'video/mp4' };
export const ANIMATION_EXTENSION: Record<AnimationFormat, string> = { gif: 'gif', apng: 'apng', webm: 'webm', mp4: 'mp4' };

/** What an encoder is told before the first frame. */
export interface AnimationEncoderInit {
  width: number;
  height: number;
  frames: number;
  fps: number;
  loop: boolean;
  /** The first and the last frame (a GIF picks its palette from them). */
  samples: readonly RgbaImage[];
  text: ExportText;
  /** The moment the file carries, as JSON. */
  momentJson: string;
}

export interface AnimationEncoder {
  addFrame(frame: RgbaImage, delayCs: number): void | Promise<void>;
  finish(): Uint8Array | Promise<Uint8Array>;
}

export type AnimationEncoderFactory = (init: AnimationEncoderInit) => AnimationEncoder | Promise<AnimationEncoder>;

export interface AnimationDeps extends Pick<ExportDeps, 'rasterizer'> {
  /** The page's WebM and MP4 encoders (WebCodecs); absent elsewhere. */
  videoEncoders?: Partial<Record<'webm' | 'mp4', AnimationEncoderFactory>>;
}

export interface AnimationControl {
  /** After each frame: how many are done, of how many. */
  onFrame?(done: number, total: number): void;
  /** Checked between frames; once aborted, the export stops with AnimationCanceled. */
  signal?: { readonly aborted: boolean };
  /** Awaited between frames, so the page can paint and take input while an animation is made. */
  pause?(): Promise<void>;
}

export class AnimationCanceled extends Error {
  constructor(readonly framesDone: number, readonly frames: number) {
    super(`the animation was canceled after ${framesDone} of ${frames} frames`);
    this.name = 'AnimationCanceled';
  }
}

/** An animation's frames are the figure at 1× on a solid page: GIF has no partial transparency, and video none. */
export function animationFrameSettings(settings: ExportSettings): ExportSettings {
  return { ...settings, format: 'png', scale: 1, background: 'solid' };
}

export function requireAnimation(settings: ExportSettings): AnimationSettings {
  if (settings.format !== 'animation' || !settings.animation) throw new Error('these export settings are not an animation');
  return settings.animation;
}

export interface AnimationPlan {
  budget: AnimationBudget;
  atMs: number[];
  delayCs: number[];
  planHeightPx: number;
  range: { startMs: number; endMs: number };
}

/**
 * The frames' instants and durations, their size (every frame as tall as the tallest: see animation-frames.ts) and
 * count, checked against the caps; throws the sentence that says which cap and what to change. The frame count is
 * checked before any frame is planned. `sampleFrames` looks for the tallest among that many frames only, for an
 * estimate (a rare taller frame can then make the file's page a little taller).
 */
export function planAnimation(source: ExportSource, settings: ExportSettings, sampleFrames?: number): AnimationPlan {
  const animation = requireAnimation(settings);
  const frames = checkFrameCount(animation);
  if (!frames.ok) throw new Error(frames.error);
  const range = animationRange(source, settings);
  const { atMs, delayCs } = animationTimeline(animation, { fromMs: range.startMs, toMs: range.endMs });
  const step = sampleFrames === undefined ? 1 : Math.max(1, Math.floor(atMs.length / sampleFrames));
  const planHeightPx = tallestFrame(source, animationFrameSettings(settings), [...atMs.filter((_, i) => i % step === 0), atMs[atMs.length - 1]!]);
  const checked = checkAnimationBudget(animation, { widthPx: settings.widthPx, heightPx: settings.heightPx ?? planHeightPx });
  if (!checked.ok) throw new Error(checked.error);
  return { budget: checked.value, atMs, delayCs, planHeightPx, range };
}

/** The range the playhead moves over: the export's window. */
export function animationRange(source: ExportSource, settings: ExportSettings): { startMs: number; endMs: number } {
  return exportView(exportLanes(source.lanes, settings), settings);
}

/** What the animation reopens: its scenario, the playhead at the start of its range, and the range as the view. */
export function animationMoment(source: ExportSource, range: { startMs: number; endMs: number }): ExportMoment {
  return { ...source.moment, playheadMs: range.startMs, view: { startMs: range.startMs, endMs: range.endMs } };
}

/** "side-by-side-0s-to-2h.gif". */
export function animationFileName(source: ExportSource, range: { startMs: number; endMs: number }, format: AnimationFormat): string {
  const span = (ms: number) => formatDuration(ms).replace(/ /g, '');
  return exportFileName(source, ANIMATION_EXTENSION[format]).replace(/-at-[^.]*\./, `-${span(range.startMs)}-to-${span(range.endMs)}.`);
}

/**
 * A frame's pixels: rasterised whole, or the frame before with the parts that changed rasterised and laid over it,
 * in `into` when it is given (a buffer no longer needed, so a long animation does not allocate a page a frame).
 */
export async function drawFrame(frame: AnimationFrame, before: RgbaImage | undefined, rasterizer: Rasterizer, into?: Uint8Array): Promise<RgbaImage> {
  const draw = frame.draw;
  if (draw.region === 'page') return rasterizer.toRgba(draw.svg, 1);
  if (!before) throw new Error('the first frame of an animation is drawn whole');
  if (draw.region === 'same') return before;
  const reused = into !== undefined && into !== before.data && into.length === before.data.length;
  if (reused) into.set(before.data);
  const image = { width: before.width, height: before.height, data: reused ? into : before.data.slice() };
  for (const { box, around, svg } of draw.patches) overlay(image, await rasterizer.toRgba(svg, 1), around, box);
  return image;
}

/** Lays the rectangle `box` of `patch` (the pixels of the larger rectangle `around`) over `under`, in place. */
export function overlay(under: RgbaImage, patch: RgbaImage, around: Box, box: Box): void {
  if (patch.width !== around.x1 - around.x0 + 1 || patch.height !== around.y1 - around.y0 + 1) throw new Error(`a ${patch.width} × ${patch.height} patch for a ${around.x1 - around.x0 + 1} × ${around.y1 - around.y0 + 1} region`);
  const rowBytes = (box.x1 - box.x0 + 1) * 4;
  for (let y = box.y0; y <= box.y1; y++) {
    const from = ((y - around.y0) * patch.width + (box.x0 - around.x0)) * 4;
    under.data.set(patch.data.subarray(from, from + rowBytes), (y * under.width + box.x0) * 4);
  }
}

function sharedEncoder(format: AnimationFormat, init: AnimationEncoderInit): AnimationEncoder | undefined {
  if (format === 'gif') {
    const gif = createGifWriter({ width: init.width, height: init.height, palette: gifPalette(init.samples), loop: init.loop });
    return { addFrame: (frame, delayCs) => gif.addFrame(frame, delayCs), finish: () => gif.finish({ caption: init.text.caption, momentJson: init.momentJson }) };
  }
  if (format === 'apng') {
    const apng = createApngWriter({ width: init.width, height: init.height, frames: init.frames, loop: init.loop });
    return {
      addFrame: (frame, delayCs) => apng.addFrame(frame, delayCs),
      finish: () => {
        const titled = insertPngTextChunk(insertPngTextChunk(apng.finish(), 'Title', init.text.caption), 'Description', init.text.altText);
        return insertPngTextChunk(titled, PNG_MOMENT_KEYWORD, init.momentJson);
      },
    };
  }
  return undefined;
}

export async function exportAnimation(source: ExportSource, settings: ExportSettings, deps: AnimationDeps, options: { text?: ExportText; control?: AnimationControl } = {}): Promise<ExportedFile> {
  const animation = requireAnimation(settings);
  const frameSettings = animationFrameSettings(settings);
  const { budget, atMs, delayCs, planHeightPx, range } = planAnimation(source, settings);
  const text = options.text ?? exportCaption(source, frameSettings);
  const moment = animationMoment(source, range);
  const control = options.control ?? {};
  const frames = animationFrames(source, frameSettings, atMs, planHeightPx);
  const raster = (svg: string) => deps.rasterizer.toRgba(svg, 1);
  let shown: RgbaImage | undefined;
  // The encoders keep the frame before the one they are given, no older: the pixels of the frame before that are free.
  let spare: Uint8Array | undefined;
  const nextImage = async (frame: AnimationFrame) => {
    const image = await drawFrame(frame, shown, deps.rasterizer, spare);
    spare = shown && shown.data !== image.data ? shown.data : undefined;
    return image;
  };

  const [sample] = animationFrames(source, frameSettings, [atMs[atMs.length - 1]!], planHeightPx);
  if (sample?.draw.region !== 'page') throw new Error('the first frame of an animation is drawn whole');
  const lastImage = await raster(sample.draw.svg);
  const first = frames.next();
  if (first.done) throw new Error('an animation has at least two frames');
  shown = await nextImage(first.value);
  const init: AnimationEncoderInit = {
    width: shown.width,
    height: shown.height,
    frames: budget.frames,
    fps: animation.fps,
    loop: animation.loop,
    samples: [shown, lastImage],
    text,
    momentJson: JSON.stringify(moment),
  };
  const video = animation.format === 'webm' || animation.format === 'mp4' ? deps.videoEncoders?.[animation.format] : undefined;
  const encoder = sharedEncoder(animation.format, init) ?? (video ? await video(init) : undefined);
  if (!encoder) throw new Error(`${animation.format.toUpperCase()} video is made only in the app, by the browser's own video encoder; choose GIF or APNG here`);

  const stopIfAsked = (done: number) => {
    if (control.signal?.aborted) throw new AnimationCanceled(done, budget.frames);
  };
  await encoder.addFrame(shown, delayCs[0]!);
  control.onFrame?.(1, budget.frames);
  for (let next = frames.next(); !next.done; next = frames.next()) {
    const index = next.value.index;
    stopIfAsked(index);
    await control.pause?.();
    stopIfAsked(index);
    shown = await nextImage(next.value);
    await encoder.addFrame(shown, delayCs[index]!);
    control.onFrame?.(index + 1, budget.frames);
  }
  const data = await encoder.finish();
  return { data, mimeType: ANIMATION_MIME[animation.format], fileName: animationFileName(source, range, animation.format), caption: text.caption, altText: text.altText };
}

/** Frames the size estimate plans to find the tallest: enough to meet the rows most ranges add, few enough to be quick. */
const ESTIMATE_PLANNED_FRAMES = 12;

export interface AnimationEstimate extends AnimationBudget {
  /** About how many bytes the GIF or APNG will take. */
  bytes: number;
}

/**
 * What a GIF or APNG will take before it is made: its bytes from three frames encoded for real — the first, and two
 * neighbours in the middle, whose difference stands for every later frame. (A video's size follows from its bit rate.)
 */
export async function estimateAnimation(source: ExportSource, settings: ExportSettings, deps: Pick<AnimationDeps, 'rasterizer'>): Promise<AnimationEstimate> {
  const animation = requireAnimation(settings);
  const { budget, atMs, delayCs, planHeightPx, range } = planAnimation(source, settings, ESTIMATE_PLANNED_FRAMES);
  const frameSettings = animationFrameSettings(settings);
  const middle = Math.floor(atMs.length / 2);
  const instants = [atMs[0]!, atMs[middle - 1]!, atMs[middle]!];
  const images: RgbaImage[] = [];
  for (const frame of animationFrames(source, frameSettings, instants, planHeightPx)) images.push(await drawFrame(frame, images[images.length - 1], deps.rasterizer));
  const encodedSize = (sequence: RgbaImage[]): number => {
    const init: AnimationEncoderInit = { width: images[0]!.width, height: images[0]!.height, frames: sequence.length, fps: animation.fps, loop: animation.loop, samples: [images[0]!, images[2]!], text: { caption: '', altText: '' }, momentJson: '' };
    const encoder = sharedEncoder(animation.format, init);
    if (!encoder) throw new Error(`a ${animation.format} video's size follows from its bit rate`);
    for (const image of sequence) void encoder.addFrame(image, delayCs[0]!);
    return (encoder.finish() as Uint8Array).length;
  };
  const first = encodedSize([images[0]!]);
  const change = encodedSize([images[1]!, images[2]!]) - encodedSize([images[1]!]);
  const momentBytes = JSON.stringify(animationMoment(source, range)).length;
  return { ...budget, bytes: first + Math.max(0, change) * (budget.frames - 1) + momentBytes };
}
