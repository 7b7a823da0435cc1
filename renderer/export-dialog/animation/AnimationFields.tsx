/**
 * The animation's settings, shown when "Animation" is the format: the container (GIF, APNG, and the videos this
 * browser can encode), its length and frame rate, whether it loops, and what it will come to (frames, pixels, bytes)
 * before anything is made. The time window above is the range the playhead moves over.
 */
import { ANIMATION_MAX_DURATION_MS, ANIMATION_MAX_FPS, ANIMATION_MIN_DURATION_MS, formatBytes, formatLimit } from '../../../shared/limits/input-budgets.ts';
import { DEFAULT_ANIMATION_SETTINGS, type AnimationFormat, type AnimationSettings } from '../../../shared/export/animation/animation-settings.ts';
import { withDurationText, type ExportForm, type FormErrors } from '../export-form.ts';
import { Check, describedBy, FieldError, Group, Radio, type FormUpdate } from '../form-controls.tsx';
import type { AnimationEstimateState } from './use-animation-estimate.ts';
import type { VideoCodecs } from './use-video-codecs.ts';
import './animation-fields.css';

const FPS_CHOICES = [5, 10, 12, 15, 20, 24, ANIMATION_MAX_FPS];

const CONTAINER_LABELS: Record<AnimationFormat, string> = { gif: 'GIF', apng: 'Animated PNG', webm: 'WebM video', mp4: 'MP4 video' };

interface Props {
  ids: string;
  form: ExportForm;
  errors: FormErrors;
  onForm: FormUpdate<ExportForm>;
  estimate: AnimationEstimateState;
  codecs: VideoCodecs;
}

function estimateLine(estimate: AnimationEstimateState): string {
  switch (estimate.state) {
    case 'none':
      return 'Size unknown until the settings are fixed';
    case 'working':
      return 'Working out the size…';
    case 'refused':
      return estimate.error.charAt(0).toUpperCase() + estimate.error.slice(1);
    case 'ready':
      return `${formatLimit(estimate.frames)} frames of ${estimate.widthPx} × ${estimate.heightPx} px, about ${formatBytes(estimate.bytes)}`;
  }
}

export function AnimationFields({ ids, form, errors, onForm, estimate, codecs }: Props) {
  const animation = form.style.animation ?? DEFAULT_ANIMATION_SETTINGS;
  const set = (patch: Partial<AnimationSettings>) => onForm((f) => ({ ...f, style: { ...f.style, animation: { ...animation, ...patch } } }));
  const videoNote = (format: 'webm' | 'mp4') => (codecs[format] === undefined ? ' (checking…)' : codecs[format] === null ? ' (not in this browser)' : ` (${codecs[format]})`);
  return (
    <div className="export-animation" data-testid="export-animation">
      <Group legend="Animation" describedBy={`${ids}-animation-hint`}>
        {(['gif', 'apng', 'webm', 'mp4'] as const).map((format) => {
          const video = format === 'webm' || format === 'mp4';
          return (
            <Radio key={format} name={`${ids}-container`} value={format} checked={animation.format} onChange={(value) => set({ format: value })} disabled={video && !codecs[format]} testId={`export-animation-${format}`}>
              {CONTAINER_LABELS[format]}
              {video ? videoNote(format) : ''}
            </Radio>
          );
        })}
        <span id={`${ids}-animation-hint`} className="export-hint">
          The playhead moves across the time window, up to where it is now (later time is not simulated yet); the figure is drawn at 1× on a solid page.
        </span>
      </Group>
      <div className="export-line">
        <label className="export-line-label" htmlFor={`${ids}-duration`}>
          Length
        </label>
        <div className="export-options">
          <input
            id={`${ids}-duration`}
            className="export-number"
            value={form.durationText}
            onChange={(e) => onForm((f) => withDurationText(f, e.target.value))}
            aria-invalid={errors.duration ? true : undefined}
            aria-describedby={describedBy(`${ids}-duration-hint`, !!errors.duration && `${ids}-duration-error`)}
            data-testid="export-duration"
          />
          <span id={`${ids}-duration-hint`} className="export-hint">
            {ANIMATION_MIN_DURATION_MS / 1000} s to {ANIMATION_MAX_DURATION_MS / 1000} s, such as 10s.
          </span>
          <label className="export-choice" htmlFor={`${ids}-fps`}>
            Frames a second
          </label>
          <select id={`${ids}-fps`} value={animation.fps} onChange={(e) => set({ fps: Number(e.target.value) })} data-testid="export-fps">
            {FPS_CHOICES.map((fps) => (
              <option key={fps} value={fps}>
                {fps}
              </option>
            ))}
          </select>
          <Check checked={animation.loop} onChange={(loop) => set({ loop })} testId="export-loop">
            Loop
          </Check>
          <FieldError id={`${ids}-duration-error`} error={errors.duration} />
        </div>
      </div>
      <p className="export-size" data-testid="export-animation-size" aria-live="polite">
        {estimateLine(estimate)}
      </p>
      <FieldError id={`${ids}-animation-range-error`} error={errors.animationRange} />
    </div>
  );
}
