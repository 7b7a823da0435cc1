/**
 * One quiz: the question, its choices as an ARIA radio group (one Tab stop; arrow keys, Home and End move and
 * select; Space and Enter select), a Check button, and the result with the explanation. A predict-then-play quiz
 * also says where the simulation is paused, and shows the simulated event that proved the answer.
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { formatDuration } from '../../../shared/time/duration.ts';
import type { Quiz } from './lesson-types.ts';
import { isQuizCorrect, type QuizState } from './lesson-model.ts';
import { LessonText } from './LessonText.tsx';

export interface QuizViewProps {
  quiz: Quiz;
  /** The order the choices are shown in: display position → choice index (see choiceOrder). */
  order: readonly number[];
  state: QuizState;
  /** The step's scenario is loaded, so a predict quiz can play. */
  loaded: boolean;
  /** The engine is playing (a predict quiz's run can be paused by hand). */
  playing: boolean;
  flowLabel(flowId: string): string;
  onSelect(choice: number): void;
  onCheck(): void;
  onPlay(): void;
}

export function QuizView({ quiz, order, state, loaded, playing, flowLabel, onSelect, onCheck, onPlay }: QuizViewProps) {
  const questionId = useId();
  const radios = useRef<(HTMLDivElement | null)[]>([]);
  const locked = state.phase === 'playing' || state.phase === 'revealed';
  const predict = quiz.predict;
  const focusPosition = state.selected === undefined ? 0 : Math.max(0, order.indexOf(state.selected));
  const canCheck = !locked && state.selected !== undefined && (!predict || loaded);
  const result = useRef<HTMLDivElement>(null);
  const shownPhase = useRef(state.phase);
  useEffect(() => {
    // The Check button goes away once the answer is revealed: focus follows to the result instead of the page top.
    // A quiz that opens already answered (a saved answer) leaves focus alone.
    if (state.phase === 'revealed' && shownPhase.current !== 'revealed') result.current?.focus();
    shownPhase.current = state.phase;
  }, [state.phase]);

  const choose = (position: number) => {
    if (locked) return;
    onSelect(order[position]!);
    radios.current[position]?.focus();
  };

  // Arrow keys, Home and End move through the choices as they are shown.
  const onKey = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const last = order.length - 1;
    const target =
      event.key === 'ArrowDown' || event.key === 'ArrowRight'
        ? (index === last ? 0 : index + 1)
        : event.key === 'ArrowUp' || event.key === 'ArrowLeft'
          ? (index === 0 ? last : index - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : event.key === ' ' || event.key === 'Enter'
                ? index
                : undefined;
    if (target === undefined) return;
    event.preventDefault();
    // Space and Home are also app-wide shortcuts (play/pause, back to the start); here they belong to the group.
    event.stopPropagation();
    if (locked) radios.current[target]?.focus();
    else choose(target);
  };

  return (
    <section className="quiz" aria-label={predict ? 'Predict, then play' : 'Question'}>
      {predict && <PredictStatus phase={state.phase} pauseAtMs={predict.pauseAtMs} loaded={loaded} playing={playing} onPlay={onPlay} />}
      <p id={questionId} className="quiz-question">
        {quiz.question}
      </p>
      <div role="radiogroup" aria-labelledby={questionId} className="quiz-choices">
        {order.map((choiceIndex, position) => {
          const choice = quiz.choices[choiceIndex]!;
          const selected = state.selected === choiceIndex;
          const verdict = state.phase === 'revealed' ? (choiceIndex === quiz.answerIndex ? 'right' : state.checked === choiceIndex ? 'wrong' : undefined) : undefined;
          return (
            <div
              key={choiceIndex}
              ref={(el) => {
                radios.current[position] = el;
              }}
              role="radio"
              aria-checked={selected}
              aria-disabled={locked || undefined}
              tabIndex={position === focusPosition ? 0 : -1}
              className={`quiz-choice${selected ? ' selected' : ''}${verdict ? ` ${verdict}` : ''}`}
              data-testid={`quiz-choice-${position + 1}`}
              onClick={() => choose(position)}
              onKeyDown={(e) => onKey(e, position)}
            >
              <span className="quiz-mark" aria-hidden="true">
                {selected ? '●' : '○'}
              </span>
              <span className="quiz-choice-text">{choice}</span>
              {verdict && <span className="quiz-verdict">{verdict === 'right' ? '✓ the answer' : '✗ your answer'}</span>}
            </div>
          );
        })}
      </div>
      {state.phase !== 'revealed' && (
        <button type="button" className="primary" data-testid="quiz-check" onClick={onCheck} disabled={!canCheck}>
          {predict ? 'Lock in and play' : 'Check'}
        </button>
      )}
      <div ref={result} tabIndex={-1} data-testid="quiz-result" className="quiz-result" role="status" aria-live="polite">
        {state.phase === 'revealed' && <QuizResult quiz={quiz} answerPosition={order.indexOf(quiz.answerIndex)} state={state} flowLabel={flowLabel} />}
      </div>
    </section>
  );
}

function PredictStatus(props: { phase: QuizState['phase']; pauseAtMs: number; loaded: boolean; playing: boolean; onPlay(): void }) {
  const at = formatDuration(props.pauseAtMs);
  if (!props.loaded && props.phase !== 'revealed') return <p className="quiz-status">This question needs the step's scenario: load it first.</p>;
  switch (props.phase) {
    case 'positioning':
      return <p className="quiz-status">Moving the simulation to {at} and pausing there…</p>;
    case 'predicting':
      return <p className="quiz-status">Paused at {at}. Choose what you expect, then lock it in: the simulation plays on from here.</p>;
    case 'playing':
      return (
        <p className="quiz-status">
          Playing on from {at} until the answer shows…
          {!props.playing && (
            <>
              {' '}It is paused.{' '}
              <button type="button" onClick={props.onPlay}>
                ▶ Play
              </button>
            </>
          )}
        </p>
      );
    case 'choosing':
    case 'revealed':
      return null;
  }
}

function QuizResult({ quiz, answerPosition, state, flowLabel }: { quiz: Quiz; answerPosition: number; state: QuizState; flowLabel(flowId: string): string }) {
  const correct = isQuizCorrect(quiz, state);
  const evidence = state.evidence;
  return (
    <>
      <p className={`quiz-verdict-line ${correct ? 'right' : 'wrong'}`}>
        {correct ? '✓ Right.' : `✗ Not quite: the answer is choice ${answerPosition + 1}.`}
      </p>
      <LessonText source={quiz.explanation} className="quiz-explanation" />
      {evidence && (
        <p className="quiz-evidence">
          <strong>{evidence.refuted ? 'The simulation disagrees with this answer:' : 'Evidence from the simulation:'}</strong> at{' '}
          {formatDuration(evidence.atMs)} on {flowLabel(evidence.flow)}, {evidence.message}
        </p>
      )}
      {state.noEvidence && <p className="quiz-evidence">The run ended before the proving event appeared.</p>}
    </>
  );
}
