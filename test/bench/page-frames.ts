/** Frame times in a page, from requestAnimationFrame: what the frame-time percentiles of the browser benches read. */
import type { Page } from 'playwright-core';

export async function startRecordingFrames(page: Page): Promise<void> {
  // A string, not a function: the TypeScript loader would inject helpers the page does not have.
  await page.evaluate(`(() => {
    window.frames_ = [];
    let last = performance.now();
    const loop = (t) => { window.frames_.push(t - last); last = t; requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  })()`);
}

/** The frame times recorded so far, sorted, without the first few (the recorder's own start). */
export async function recordedFrameTimes(page: Page): Promise<number[]> {
  return (await page.evaluate<number[]>('window.frames_')).slice(5).sort((a, b) => a - b);
}
