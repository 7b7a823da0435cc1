/** Back, and Next (or Start over on the last step), with why Next is still locked when it is. */
import { useId } from 'react';

interface Props {
  index: number;
  last: boolean;
  /** Next is open. */
  advance: boolean;
  /** Why Next is locked, when it is. */
  blocker: string | undefined;
  onGoTo(index: number): void;
  onRestart(): void;
}

export function LessonNav({ index, last, advance, blocker, onGoTo, onRestart }: Props) {
  const blockedId = useId();
  return (
    <>
      <nav className="lesson-nav" aria-label="Lesson steps">
        <button type="button" data-testid="lesson-back" onClick={() => onGoTo(index - 1)} disabled={index === 0}>
          ← Back
        </button>
        {last ? (
          <button type="button" data-testid="lesson-restart" onClick={onRestart}>
            Start over
          </button>
        ) : (
          <button type="button" className="primary" data-testid="lesson-next" onClick={() => onGoTo(index + 1)} disabled={!advance} aria-describedby={blocker ? blockedId : undefined}>
            Next →
          </button>
        )}
      </nav>
      {blocker && (
        <p id={blockedId} className="lesson-blocked">
          {blocker}
        </p>
      )}
    </>
  );
}
