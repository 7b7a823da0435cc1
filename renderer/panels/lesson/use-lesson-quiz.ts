/**
 * The quiz of the step on show: its state (starting from the saved answer, if any, as it was when the step was
 * entered), the learner's moves, and the moves the simulation makes (a predict quiz is positioned at its pause and
 * sees its evidence as the engine shows it); an answer, once revealed, goes into the lesson's progress.
 */
import { useEffect, useEffectEvent, useState, type Dispatch, type SetStateAction } from 'react';
import type { EngineCommand } from '../../../shared/rpc/engine-protocol.ts';
import type { TimelineSnapshot } from '../../state/timeline-store.ts';
import { advanceQuiz, initialQuizState, isQuizCorrect, type LessonProgress, type LessonStep, type QuizInput, type QuizState } from './lesson-model.ts';
import type { Quiz } from './lesson-types.ts';

interface LessonQuizInput {
  step: LessonStep;
  progress: LessonProgress;
  setProgress: Dispatch<SetStateAction<LessonProgress>>;
  snapshot: TimelineSnapshot;
  /** The step's scenario is loaded. */
  loaded: boolean;
  send(commands: EngineCommand[]): void;
}

export function useLessonQuiz({ step, progress, setProgress, snapshot, loaded, send }: LessonQuizInput) {
  const [quizStates, setQuizStates] = useState<Record<string, QuizState>>({});
  // A step's quiz starts from its saved answer, if any, as it was when the step was entered; the saved answer only
  // changes once the state is stored.
  const startQuiz = (): { stepId: string; state: QuizState | undefined } => ({ stepId: step.id, state: step.quiz ? initialQuizState(step.quiz, progress.quizzes[step.id]) : undefined });
  const [startingQuiz, setStartingQuiz] = useState(startQuiz);
  if (startingQuiz.stepId !== step.id) setStartingQuiz(startQuiz());
  const quizState = quizStates[step.id] ?? startingQuiz.state;

  /** Keeps the quiz's next state, and its answer once revealed. */
  const storeQuiz = (quiz: Quiz, from: QuizState, next: QuizState) => {
    setQuizStates((all) => ({ ...all, [step.id]: next }));
    if (next.phase === 'revealed' && from.phase !== 'revealed' && next.checked !== undefined) {
      const record = { choice: next.checked, correct: isQuizCorrect(quiz, next), ...(next.evidence ? { evidence: next.evidence } : {}) };
      setProgress((p) => ({ ...p, quizzes: { ...p.quizzes, [step.id]: record } }));
    }
  };
  const applyQuiz = (input: QuizInput) => {
    if (!step.quiz || !quizState) return;
    const result = advanceQuiz(step.quiz, quizState, input);
    send(result.commands);
    if (result.state !== quizState) storeQuiz(step.quiz, quizState, result.state);
  };
  // What the engine shows moves a predict quiz on (positioned at its pause, the evidence seen): the state follows the
  // snapshot as it renders, and the commands that go with the move are sent once it is on screen.
  const [outbox, setOutbox] = useState<{ commands: EngineCommand[] } | undefined>(undefined);
  if (step.quiz && quizState) {
    const observed = advanceQuiz(step.quiz, quizState, { kind: 'observe', snapshot, loaded });
    if (observed.state !== quizState) {
      storeQuiz(step.quiz, quizState, observed.state);
      if (observed.commands.length > 0) setOutbox({ commands: observed.commands });
    }
  }
  const sendOutbox = useEffectEvent((commands: EngineCommand[]) => send(commands));
  useEffect(() => {
    if (outbox) sendOutbox(outbox.commands);
  }, [outbox]);

  /** Starting the lesson over forgets every answer given. */
  const forgetQuizzes = () => setQuizStates({});
  return { quizState, applyQuiz, forgetQuizzes };
}
