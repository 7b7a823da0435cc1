/**
 * What an animation may be asked for: validated field by field wherever settings come from, each cap refused with
 * what was found and what to change; frames evenly spread over the range, their durations summing to the whole; an
 * export that can be stopped between frames, and that never animates past what has been simulated.
 */
import { describe, expect, it } from 'vitest';
import { animationTimeline, checkAnimationBudget, validateAnimationSettings } from '../../../../shared/export/animation/animation-settings.ts';
import { AnimationCanceled, exportAnimation } from '../../../../shared/export/animation/export-animation.ts';
import { validateExportSettings } from '../../../../shared/export/export-types.ts';
import { nodeExportDeps } from '../../../../electron/cli/node-export-deps.ts';
import { scenarioSource, settings } from '../export-fixtures.ts';

const H = 3_600_000;

describe('animation settings', () => {
  it('are checked field by field, and required with the animation format only', () => {
    expect(validateAnimationSettings({ format: 'gif', durationMs: 10_000, fps: 15, loop: true })).toEqual({ ok: true, value: { format: 'gif', durationMs: 10_000, fps: 15, loop: true } });
    expect(validateAnimationSettings({ format: 'avi', durationMs: 10_000, fps: 15, loop: true })).toEqual({ ok: false, error: 'the animation format must be one of gif, apng, webm, mp4' });
    expect(validateAnimationSettings({ format: 'gif', durationMs: 500, fps: 15, loop: true })).toEqual({ ok: false, error: 'the duration must be from 1 s to 60 s' });
    expect(validateAnimationSettings({ format: 'gif', durationMs: 10_000, fps: 12.5, loop: true })).toEqual({ ok: false, error: 'the frame rate must be a whole number of frames a second from 1 to 30' });
    expect(validateAnimationSettings({ format: 'gif', durationMs: 10_000, fps: 15, loop: 'yes' })).toEqual({ ok: false, error: 'loop must be true or false' });
    expect(validateAnimationSettings({ format: 'gif', durationMs: 10_000, fps: 15, loop: true, dither: true })).toEqual({ ok: false, error: 'unknown field "dither"' });
    expect(validateExportSettings(settings({ format: 'animation' }))).toEqual({ ok: false, error: "export.animation: expected the animation's format, duration, frame rate and loop, got nothing (the field is missing)" });
    expect(validateExportSettings({ ...settings({ format: 'animation' }), animation: { format: 'gif', durationMs: 10_000, fps: 99, loop: true } })).toEqual({
      ok: false,
      error: 'export.animation: the frame rate must be a whole number of frames a second from 1 to 30',
    });
    // Kept with a still format, so the dialog remembers the animation's settings.
    const kept = validateExportSettings({ ...settings(), animation: { format: 'apng', durationMs: 5_000, fps: 10, loop: false } });
    expect(kept.ok && kept.value.animation).toEqual({ format: 'apng', durationMs: 5_000, fps: 10, loop: false });
  });

  it('are held to the frame, frame-size and total-pixel caps, each with what to change', () => {
    expect(checkAnimationBudget({ durationMs: 10_000, fps: 15 }, { widthPx: 1280, heightPx: 720 })).toEqual({ ok: true, value: { frames: 150, frameWidthPx: 1280, frameHeightPx: 720, totalPixels: 138_240_000 } });
    expect(checkAnimationBudget({ durationMs: 60_000, fps: 30 }, { widthPx: 640, heightPx: 360 })).toEqual({ ok: false, error: '1,800 frames are more than an animation may have (900); shorten it or lower the frame rate' });
    expect(checkAnimationBudget({ durationMs: 1_000, fps: 2 }, { widthPx: 1920, heightPx: 1200 })).toEqual({
      ok: false,
      error: "a 1920 × 1200 frame has more pixels than an animation's frame may (2,073,600, a 1920 × 1080 slide); make it narrower, or choose the 16:9 page",
    });
    expect(checkAnimationBudget({ durationMs: 40_000, fps: 15 }, { widthPx: 1280, heightPx: 720 })).toEqual({
      ok: false,
      error: '600 frames of 1280 × 720 are 553 million pixels, more than an animation may have (420 million); shorten it, lower the frame rate or make it narrower',
    });
  });

  it('spread the frames evenly from the start of the range to its end, and last the duration to the hundredth', () => {
    const { atMs, delayCs } = animationTimeline({ durationMs: 2_000, fps: 3 }, { fromMs: H, toMs: 2 * H });
    expect(atMs).toEqual([H, 1.2 * H, 1.4 * H, 1.6 * H, 1.8 * H, 2 * H]);
    expect(delayCs).toEqual([33, 34, 33, 33, 34, 33]);
  });
});

describe('exporting an animation', () => {
  const source = scenarioSource('side-by-side', H);
  const animated = (toMs: number) => settings({ format: 'animation', widthPx: 640, heightPx: 360, fromMs: 0, toMs, animation: { format: 'gif', durationMs: 2_000, fps: 5, loop: true } });

  it('stops between frames when asked, saying how far it got', async () => {
    const deps = await nodeExportDeps();
    const signal = { aborted: false };
    const progress: number[] = [];
    const made = exportAnimation(source, animated(H), deps, {
      control: {
        signal,
        onFrame: (done, total) => {
          progress.push(done, total);
          if (done === 3) signal.aborted = true;
        },
      },
    });
    await expect(made).rejects.toEqual(new AnimationCanceled(3, 10));
    expect(progress).toEqual([1, 10, 2, 10, 3, 10]);
  });

  it('refuses to animate past the playhead: nothing after it has been simulated', async () => {
    const deps = await nodeExportDeps();
    await expect(exportAnimation(source, animated(2 * H), deps)).rejects.toThrow('the animation runs to 2 h, past the playhead (1 h): nothing after the playhead has been simulated yet');
  });
});
