/** How far the animation being made has got, frame by frame, with the button that stops it. */
import type { AnimationRun } from './use-animation-run.ts';

export function AnimationProgress({ run }: { run: AnimationRun }) {
  const { progress } = run;
  if (!progress) return null;
  const known = progress.total > 0;
  return (
    <span className="export-animation-progress" data-testid="export-animation-progress">
      <progress aria-label="Frames made" value={known ? progress.done : undefined} max={known ? progress.total : undefined} data-testid="export-animation-bar" />
      <span>{known ? `Frame ${progress.done} of ${progress.total}` : 'Planning the frames…'}</span>
      <button type="button" onClick={run.cancel} data-testid="export-animation-cancel">
        Cancel
      </button>
    </span>
  );
}
