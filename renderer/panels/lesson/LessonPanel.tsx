/**
 * The guided lesson beside the timelines: one step at a time, with its text, the scenario it runs in, a suggested
 * kubectl line ("Run it for me"), the outcome it waits for, hints drawn from the simulation's state, and its quiz.
 * It watches the simulation only through the timeline snapshot and drives it only through the EngineClient, and it
 * remembers where the learner is through the host (see progress-store.ts): until the saved place has arrived it shows
 * only that it is loading, so the learner never sees the first step flash by before their own.
 */
import { useEffect, useEffectEvent, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { EngineCommand } from '../../../shared/rpc/engine-protocol.ts';
import type { EngineClient } from '../../bridge/engine-client.ts';
import type { TimelineSnapshot } from '../../state/timeline-store.ts';
import { loadBundledLesson } from './bundled-lessons.ts';
import {
  activeScenario,
  advanceQuiz,
  canAdvance,
  choiceOrder,
  entryCommands,
  evaluateStep,
  initialQuizState,
  isCommandShown,
  isQuizCorrect,
  isStepScenarioLoaded,
  loadCommands,
  resumeIndex,
  scenarioSourceName,
  startingProgress,
  type Lesson,
  type LessonProgress,
  type LessonStep,
  type StepView,
  type QuizInput,
  type QuizState,
} from './lesson-model.ts';
import type { Quiz } from './lesson-types.ts';
import { createProgressSaver, loadResumeProgress, type ProgressHost, type ResumePoint } from './progress-store.ts';
import { LessonText } from './LessonText.tsx';
import { QuizView } from './QuizView.tsx';
import './lesson.css';

export interface LessonPanelProps {
  snapshot: TimelineSnapshot;
  client: EngineClient;
  /** Where progress is loaded from and saved to: the app's HostServices. */
  host: ProgressHost;
  /** Opens the scenario loaded as `sourceName` at a scene of its run-sheet (the window and spotlight are the app's). */
  onOpenScene?(sourceName: string, index: number): void;
}

export function LessonPanel({ snapshot, client, host, onOpenScene }: LessonPanelProps) {
  const parsed = useMemo(() => loadBundledLesson(), []);
  if (!parsed.ok) {
    return (
      <section className="lesson-panel" data-testid="lesson-panel" aria-label="Lesson">
        <h2 data-testid="lesson-step-title">The lesson could not be loaded</h2>
        <ul className="lesson-errors">
          {parsed.errors.map((e, i) => (
            <li key={i}>{e.message}</li>
          ))}
        </ul>
      </section>
    );
  }
  return <LessonLoader lesson={parsed.value} snapshot={snapshot} client={client} host={host} onOpenScene={onOpenScene} />;
}

function LessonLoader({ lesson, snapshot, client, host, onOpenScene }: { lesson: Lesson } & LessonPanelProps) {
  const [loaded, setLoaded] = useState<{ host: ProgressHost; resume: ResumePoint } | undefined>();
  useEffect(() => {
    let current = true;
    void loadResumeProgress(host, lesson).then((resume) => {
      if (current) setLoaded({ host, resume });
    });
    return () => {
      current = false;
    };
  }, [host, lesson]);
  if (!loaded || loaded.host !== host) {
    return (
      <section className="lesson-panel" data-testid="lesson-panel" aria-label="Lesson" aria-busy="true">
        <p className="lesson-name">{lesson.title}</p>
        <p data-testid="lesson-loading">Finding your place in the lesson…</p>
      </section>
    );
  }
  return <LessonView lesson={lesson} snapshot={snapshot} client={client} host={host} onOpenScene={onOpenScene} resume={loaded.resume} />;
}

interface RunOutput {
  stepId: string;
  stdout?: string;
  stderr?: string;
  exitCode?: number;
}

function LessonView({ lesson, snapshot, client, host, onOpenScene, resume }: { lesson: Lesson; resume: ResumePoint } & LessonPanelProps) {
  const [progress, setProgress] = useState<LessonProgress>(resume.progress);
  const [saveError, setSaveError] = useState<string | undefined>();
  const index = resumeIndex(lesson, progress);
  const step = lesson.steps[index]!;
  const [quizStates, setQuizStates] = useState<Record<string, QuizState>>({});
  // A step's quiz starts from its saved answer, if any, as it was when the step was entered; the saved answer only
  // changes once the state is stored.
  const startQuiz = (): { stepId: string; state: QuizState | undefined } => ({ stepId: step.id, state: step.quiz ? initialQuizState(step.quiz, progress.quizzes[step.id]) : undefined });
  const [startingQuiz, setStartingQuiz] = useState(startQuiz);
  if (startingQuiz.stepId !== step.id) setStartingQuiz(startQuiz());
  const quizState = quizStates[step.id] ?? startingQuiz.state;
  const view = useMemo(() => evaluateStep(lesson, step, snapshot, quizState), [lesson, step, snapshot, quizState]);
  const seed = progress.seed ?? 0;
  const order = useMemo(() => (step.quiz ? choiceOrder(step.quiz.choices.length, seed, step.id) : []), [step, seed]);
  const commandShown = isCommandShown(step, quizState);
  const loaded = isStepScenarioLoaded(lesson, step, snapshot);
  const scenario = activeScenario(lesson, step);
  const [run, setRun] = useState<RunOutput | undefined>();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const blockedId = useId();

  const send = (commands: EngineCommand[]) => {
    for (const command of commands) client.send(command);
  };

  const saver = useMemo(() => createProgressSaver(host, lesson.id, resume.stored, setSaveError), [host, lesson.id, resume]);
  useEffect(() => saver.save(progress), [saver, progress]);

  // Entering a step brings the engine to it. Until the step's scenario has been seen loaded, a different one
  // arriving (the app's own start-up load racing ours) is answered by loading ours again, once per intruder.
  const autoload = useRef<{ stepId: string; seenOurs: boolean; answered: Set<string> }>({ stepId: '', seenOurs: false, answered: new Set() });
  // Only a change of step is an entry (it reads the snapshot as it is then); snapshot changes are handled below.
  const enterStep = useEffectEvent(() => {
    send(entryCommands(lesson, step, snapshot));
    if (step.sceneIndex !== undefined && step.activeScenario !== undefined) onOpenScene?.(scenarioSourceName(lesson, step.activeScenario), step.sceneIndex);
    const present = snapshot.scenario?.sourceName;
    autoload.current = { stepId: step.id, seenOurs: isStepScenarioLoaded(lesson, step, snapshot), answered: new Set(present === undefined ? [] : [present]) };
  });
  useEffect(() => enterStep(), [step.id]);
  const loadedSource = snapshot.scenario?.sourceName;
  const answerIntruder = useEffectEvent((source: string | undefined) => {
    const state = autoload.current;
    if (state.stepId !== step.id || state.seenOurs || step.activeScenario === undefined || source === undefined) return;
    if (loaded) {
      state.seenOurs = true;
      return;
    }
    if (source === scenarioSourceName(lesson, step.activeScenario) || state.answered.has(source)) return;
    state.answered.add(source);
    send(loadCommands(lesson, step));
  });
  useEffect(() => answerIntruder(loadedSource), [loadedSource, step.id]);

  // Outcomes are latched: once seen, reloading the scenario does not lock Next again.
  if (step.waitFor.length > 0 && view.outcomeMet && !progress.completed.includes(step.id)) setProgress((p) => (p.completed.includes(step.id) ? p : { ...p, completed: [...p.completed, step.id] }));

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

  const runCommand = () => {
    if (!step.command) return;
    const started: RunOutput = { stepId: step.id };
    setRun(started);
    client.request({ type: 'kubectl', flow: step.command.flow, line: step.command.line }).then(
      // Only the run still shown takes its output: a later run replaced it.
      (reply) => setRun((current) => (current === started ? { ...current, stdout: reply.stdout, stderr: reply.stderr, exitCode: reply.exitCode } : current)),
      // A refused run is reported by the app's error line, as every failed command is.
      () => undefined,
    );
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

      {step.command && commandShown && (
        <div className="lesson-command">
          <p>
            <span className="lesson-label">Try</span> <code className="lesson-command-line">$ kubectl {step.command.line}</code>{' '}
            <span className="lesson-flow">on {flowLabel(step.command.flow)}</span>
          </p>
          <button type="button" data-testid="lesson-run" onClick={runCommand} disabled={!loaded}>
            Run it for me
          </button>
          {run && run.stepId === step.id && (
            <pre className="lesson-output" data-testid="lesson-run-output" aria-live="polite">
              {run.exitCode === undefined ? 'Running…' : (run.stdout ?? '') + (run.stderr ?? '')}
            </pre>
          )}
        </div>
      )}

      {view.outcomes.length > 0 && (
        <ul className="lesson-outcomes" aria-label="What this step waits for" aria-live="polite">
          {view.outcomes.map((o, i) => {
            const met = o.met || progress.completed.includes(step.id);
            return (
              <li key={i} className={met ? 'met' : 'waiting'}>
                <span aria-hidden="true">{met ? '✓' : '○'}</span> <span className="visually-hidden">{met ? 'Done:' : 'Waiting for:'}</span> {o.description}
              </li>
            );
          })}
        </ul>
      )}

      {/* Not a live region: a token-age hint changes with every engine batch and would be read out constantly. */}
      <div className="lesson-hints" data-testid="lesson-hints">
        {view.hints.map((hint, i) => (
          <p key={i} className={`lesson-hint ${hint.kind}`}>
            <span className="lesson-label">Hint</span> {hint.text}
            {hint.kind === 'paused' && (
              <>
                {' '}
                <button type="button" data-testid="lesson-play" onClick={() => client.send({ type: 'play' })}>
                  ▶ Play
                </button>
              </>
            )}
            {(hint.kind === 'not-loaded' || hint.kind === 'ended') && (
              <>
                {' '}
                <button type="button" onClick={() => send(loadCommands(lesson, step))}>
                  Load scenario
                </button>
              </>
            )}
          </p>
        ))}
      </div>

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

      <nav className="lesson-nav" aria-label="Lesson steps">
        <button type="button" data-testid="lesson-back" onClick={() => goTo(index - 1)} disabled={index === 0}>
          ← Back
        </button>
        {last ? (
          <button
            type="button"
            data-testid="lesson-restart"
            onClick={() => {
              setQuizStates({});
              setProgress(startingProgress(lesson, seed));
            }}
          >
            Start over
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            data-testid="lesson-next"
            onClick={() => goTo(index + 1)}
            disabled={!advance}
            aria-describedby={blocker ? blockedId : undefined}
          >
            Next →
          </button>
        )}
      </nav>
      {blocker && (
        <p id={blockedId} className="lesson-blocked">
          {blocker}
        </p>
      )}
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
