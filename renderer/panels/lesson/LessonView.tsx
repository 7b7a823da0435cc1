/**
 * One step of the guided lesson on show: where the learner is, the step's text and scenario, its suggested command,
 * what it waits for, the hints, its quiz, and the way on. Progress is saved through the host as it changes.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { EngineCommand } from '../../../shared/rpc/engine-protocol.ts';
import { activeScenario, canAdvance, choiceOrder, evaluateStep, isCommandShown, isStepScenarioLoaded, loadCommands, resumeIndex, startingProgress, type Lesson, type LessonProgress, type LessonStep, type QuizState, type StepView } from './lesson-model.ts';
import { createProgressSaver, type ResumePoint } from './progress-store.ts';
import type { LessonPanelProps } from './LessonPanel.tsx';
import { LessonText } from './LessonText.tsx';
import { QuizView } from './QuizView.tsx';
import { LessonCommand } from './LessonCommand.tsx';
import { LessonOutcomes } from './LessonOutcomes.tsx';
import { LessonHints } from './LessonHints.tsx';
import { LessonNav } from './LessonNav.tsx';
import { useLessonQuiz } from './use-lesson-quiz.ts';
import { useLessonAutoload } from './use-lesson-autoload.ts';
import { useLessonRun } from './use-lesson-run.ts';

export function LessonView({ lesson, snapshot, client, host, onOpenScene, resume }: { lesson: Lesson; resume: ResumePoint } & LessonPanelProps) {
  const [progress, setProgress] = useState<LessonProgress>(resume.progress);
  const [saveError, setSaveError] = useState<string | undefined>();
  const index = resumeIndex(lesson, progress);
  const step = lesson.steps[index]!;
  const loaded = isStepScenarioLoaded(lesson, step, snapshot);
  const send = (commands: EngineCommand[]) => {
    for (const command of commands) client.send(command);
  };
  const saver = useMemo(() => createProgressSaver(host, lesson.id, resume.stored, setSaveError), [host, lesson.id, resume]);
  useEffect(() => saver.save(progress), [saver, progress]);
  // Declared before the quiz, so entering a step sends its commands before any the quiz's first look sends.
  useLessonAutoload({ lesson, step, snapshot, loaded, send, onOpenScene });
  const { quizState, applyQuiz, forgetQuizzes } = useLessonQuiz({ step, progress, setProgress, snapshot, loaded, send });
  const view = useMemo(() => evaluateStep(lesson, step, snapshot, quizState), [lesson, step, snapshot, quizState]);
  const seed = progress.seed ?? 0;
  const order = useMemo(() => (step.quiz ? choiceOrder(step.quiz.choices.length, seed, step.id) : []), [step, seed]);
  const commandShown = isCommandShown(step, quizState);
  const scenario = activeScenario(lesson, step);
  const { run, runCommand } = useLessonRun(client, step);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();

  // Outcomes are latched: once seen, reloading the scenario does not lock Next again.
  if (step.waitFor.length > 0 && view.outcomeMet && !progress.completed.includes(step.id)) setProgress((p) => (p.completed.includes(step.id) ? p : { ...p, completed: [...p.completed, step.id] }));

  const shownStep = useRef(step.id);
  useEffect(() => {
    // Moving between steps puts focus on the new title so keyboard and screen-reader users start reading there;
    // opening the panel leaves focus wherever the page put it.
    if (shownStep.current === step.id) return;
    shownStep.current = step.id;
    titleRef.current?.focus();
  }, [step.id]);

  const goTo = (target: number) => {
    const next = lesson.steps[Math.max(0, Math.min(lesson.steps.length - 1, target))]!;
    setProgress((p) => ({ ...p, stepId: next.id }));
  };

  const flowLabel = (flowId: string) => snapshot.scenario?.flows.find((f) => f.id === flowId)?.label ?? flowId;
  const advance = canAdvance(step, view, progress, quizState);
  const last = index === lesson.steps.length - 1;
  const blocker = advance ? undefined : blockedReason(step, view, quizState);

  // Space and Enter on this panel's buttons and choices must press them, not also play or pause the simulation.
  const keepKeysHere = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    if ((event.key === ' ' || event.key === 'Enter') && (target.tagName === 'BUTTON' || target.getAttribute('role') === 'radio')) event.stopPropagation();
  };

  return (
    <section className="lesson-panel" data-testid="lesson-panel" aria-labelledby={titleId} onKeyDown={keepKeysHere}>
      <header className="lesson-header">
        <p className="lesson-name">{lesson.title}</p>
        <p className="lesson-progress" data-testid="lesson-progress">
          Step {index + 1} of {lesson.steps.length}
        </p>
        <div className="lesson-progress-bar" aria-hidden="true">
          <div style={{ width: `${((index + 1) / lesson.steps.length) * 100}%` }} />
        </div>
      </header>

      <h2 id={titleId} ref={titleRef} tabIndex={-1} className="lesson-step-title" data-testid="lesson-step-title">
        {step.title}
      </h2>
      <LessonText source={step.body} className="lesson-body" />

      {scenario && (
        <p className="lesson-scenario">
          <span className="lesson-label">Scenario</span> {scenario.title}
          {loaded ? (
            <span className="lesson-scenario-state"> · loaded</span>
          ) : (
            <>
              {' '}
              <button type="button" data-testid="lesson-load" onClick={() => send(loadCommands(lesson, step))}>
                Load scenario
              </button>
            </>
          )}
        </p>
      )}

      {step.command && commandShown && <LessonCommand command={step.command} flowLabel={flowLabel(step.command.flow)} loaded={loaded} run={run} onRun={runCommand} />}

      {view.outcomes.length > 0 && <LessonOutcomes outcomes={view.outcomes} completed={progress.completed.includes(step.id)} />}

      <LessonHints hints={view.hints} onPlay={() => client.send({ type: 'play' })} onLoad={() => send(loadCommands(lesson, step))} />

      {step.quiz && quizState && (
        <QuizView
          key={step.id}
          quiz={step.quiz}
          order={order}
          state={quizState}
          loaded={loaded}
          playing={snapshot.playing}
          flowLabel={flowLabel}
          onSelect={(choice) => applyQuiz({ kind: 'select', choice })}
          onCheck={() => applyQuiz({ kind: 'check', snapshot, loaded })}
          onPlay={() => client.send({ type: 'play' })}
        />
      )}

      <LessonNav
        index={index}
        last={last}
        advance={advance}
        blocker={blocker}
        onGoTo={goTo}
        onRestart={() => {
          forgetQuizzes();
          setProgress(startingProgress(lesson, seed));
        }}
      />
      {saveError && (
        <p className="lesson-blocked" role="status" data-testid="lesson-save-error">
          Your place in the lesson could not be saved, so it will not be remembered: {saveError}
        </p>
      )}
    </section>
  );
}

function blockedReason(step: LessonStep, view: StepView, quiz: QuizState | undefined): string {
  const waiting = view.outcomes.find((o) => !o.met);
  if (waiting) return `Next unlocks when this has happened: ${waiting.description}`;
  if (step.quiz && quiz?.phase === 'playing') return 'Next unlocks when the simulation has shown the answer.';
  return 'Next unlocks once you have answered the question.';
}
