/**
 * The animation's size before it is made: frames and pixels at once, bytes a moment later (three frames are drawn
 * and encoded for real, see estimateAnimation), or, for a video, from its bit rate. Worked out a beat after the
 * settings stop changing, in the page, never blocking typing; an answer for settings that have since changed is
 * dropped.
 */
import { useEffect, useState } from 'react';
import type { ExportDeps } from '../../../shared/export/export-file.ts';
import type { ExportSource } from '../../../shared/export/export-source.ts';
import type { ExportSettings } from '../../../shared/export/export-types.ts';
import type { CheckedForm } from '../export-form.ts';
import { reason } from '../use-export-status.ts';
import { videoBitrate } from './video-bitrate.ts';

export type AnimationEstimateState =
  | { state: 'none' }
  | { state: 'working' }
  | { state: 'ready'; frames: number; widthPx: number; heightPx: number; bytes: number }
  | { state: 'refused'; error: string };

/** How long the settings must rest before the estimate is worked out. */
const SETTLE_MS = 400;

export function useAnimationEstimate(source: ExportSource, checked: CheckedForm, loadDeps: () => Promise<ExportDeps>): AnimationEstimateState {
  // The answer is kept with the settings it is for, so settings that changed since read as "working", not as an old size.
  const [answer, setAnswer] = useState<{ settings: ExportSettings; estimate: AnimationEstimateState }>();
  const settings = checked.ok && checked.settings.format === 'animation' ? checked.settings : undefined;
  useEffect(() => {
    if (!settings?.animation) return;
    const animation = settings.animation;
    let current = true;
    const settle = (estimate: AnimationEstimateState) => {
      if (current) setAnswer({ settings, estimate });
    };
    const timer = setTimeout(() => {
      void (async () => {
        try {
          const exporter = await import('../../../shared/export/animation/export-animation.ts');
          if (animation.format === 'webm' || animation.format === 'mp4') {
            const { budget } = exporter.planAnimation(source, settings, 12);
            const bytes = Math.round((videoBitrate(budget.frameWidthPx, budget.frameHeightPx, animation.fps) * animation.durationMs) / 8000);
            settle({ state: 'ready', frames: budget.frames, widthPx: budget.frameWidthPx, heightPx: budget.frameHeightPx, bytes });
            return;
          }
          const deps = await loadDeps();
          const found = await exporter.estimateAnimation(source, settings, deps);
          settle({ state: 'ready', frames: found.frames, widthPx: found.frameWidthPx, heightPx: found.frameHeightPx, bytes: found.bytes });
        } catch (error) {
          settle({ state: 'refused', error: reason(error) });
        }
      })();
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [source, settings, loadDeps]);
  if (!settings?.animation) return { state: 'none' };
  return answer?.settings === settings ? answer.estimate : { state: 'working' };
}
