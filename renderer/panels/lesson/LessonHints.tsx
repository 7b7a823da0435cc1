/**
 * The hints the simulation's state calls for, with the button that acts on one: play a paused run, load the step's
 * scenario again. Not a live region: a token-age hint changes with every engine batch and would be read out constantly.
 */
import type { HintView } from './lesson-model.ts';

interface Props {
  hints: readonly HintView[];
  onPlay(): void;
  onLoad(): void;
}

export function LessonHints({ hints, onPlay, onLoad }: Props) {
  return (
    <div className="lesson-hints" data-testid="lesson-hints">
      {hints.map((hint, i) => (
        <p key={i} className={`lesson-hint ${hint.kind}`}>
          <span className="lesson-label">Hint</span> {hint.text}
          {hint.kind === 'paused' && (
            <>
              {' '}
              <button type="button" data-testid="lesson-play" onClick={onPlay}>
                ▶ Play
              </button>
            </>
          )}
          {(hint.kind === 'not-loaded' || hint.kind === 'ended') && (
            <>
              {' '}
              <button type="button" onClick={onLoad}>
                Load scenario
              </button>
            </>
          )}
        </p>
      ))}
    </div>
  );
}
