/**
 * The lesson model against the real engine: step outcomes judged from simulated events (whatever was typed), hints
 * that read the simulation's state, the commands that bring the engine to a step, the quiz state machine with its
 * predict-then-play phases, and the handling of saved progress.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../../shared/model/events.ts';
import {
  advanceQuiz,
  canAdvance,
  choiceOrder,
  conditionMet,
  entryCommands,
  evaluateStep,
  fieldAt,
  initialQuizState,
  matchingEvents,
  normalizeKubectl,
  passes,
  resumeIndex,
  scenarioSourceName,
  startingProgress,
  tokenAge,
  type EventCondition,
  type Lesson,
  type LessonStep,
  type QuizState,
} from '../../../../renderer/panels/lesson/lesson-model.ts';
import { loadLesson } from '../../../assets/lessons/lesson-walk.ts';
import { FakeEngine } from './lesson-engine-fixture.ts';

const MIN = 60_000;
let lesson: Lesson;

beforeAll(() => {
  lesson = loadLesson('projected-tokens');
});

function step(id: string): LessonStep {
  const found = lesson.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

/** An engine with the step's scenario loaded the way the panel loads it, then moved to `atMs`. */
function engineAt(id: string, atMs: number): FakeEngine {
  const engine = new FakeEngine();
  for (const command of entryCommands(lesson, step(id), engine.snapshot())) engine.send(command);
  engine.send({ type: 'seek', simMs: atMs });
  return engine;
}

function kubectlRan(command: string, exitCode = 0, extra: Partial<SimEvent> = {}): SimEvent {
  return { type: 'kubectl.ran', seq: 0, atMs: 0, flow: 'projected', message: '', cause: '', refs: {}, command, stdout: '', stderr: '', exitCode, ...extra } as SimEvent;
}

describe('conditions on simulated events', () => {
  it('reads kubectl lines as kubectl sees them, with or without the program name and extra spaces', () => {
    expect(normalizeKubectl('  kubectl   create  token my-app ')).toBe('create token my-app');
    expect(normalizeKubectl('create token my-app')).toBe('create token my-app');
    expect(normalizeKubectl('kubectlx get sa')).toBe('kubectlx get sa');
    expect(fieldAt(kubectlRan('kubectl  create token  web-app'), 'command')).toBe('create token web-app');
    expect(fieldAt(kubectlRan('x', 0, { refs: { serviceAccount: 'a' } }), 'refs.serviceAccount')).toBe('a');
    expect(fieldAt(kubectlRan('x'), 'refs.nothing.deeper')).toBeUndefined();
  });

  it('applies every test of a field', () => {
    expect(passes('create token my-app', { startsWith: 'create token', contains: 'my-app' })).toBe(true);
    expect(passes('create token my-app', { startsWith: 'create token', notContains: 'my-app' })).toBe(false);
    expect(passes(undefined, { notContains: 'secrets:' })).toBe(true);
    expect(passes(3600, { atLeast: 600, atMost: 3600 })).toBe(true);
    expect(passes(300, { atLeast: 600 })).toBe(false);
    expect(passes('3600', { atLeast: 600 })).toBe(false);
    expect(passes(401, { oneOf: [401, 403] })).toBe(true);
    expect(passes(0, { equals: 0 })).toBe(true);
    expect(passes(false, { equals: 0 })).toBe(false);
  });

  it('counts matches, from a given time, on a given flow', () => {
    const condition: EventCondition = { description: '', event: 'kubectl.ran', flow: 'projected', where: [{ path: 'exitCode', test: { equals: 0 } }], count: 2, afterMs: 10 };
    const events = [kubectlRan('a', 0, { atMs: 5 }), kubectlRan('b', 0, { atMs: 10 }), kubectlRan('c', 1, { atMs: 20 }), kubectlRan('d', 0, { atMs: 30, flow: 'legacy' })];
    expect(conditionMet(condition, events)).toBe(false);
    expect(conditionMet(condition, [...events, kubectlRan('e', 0, { atMs: 40 })])).toBe(true);
    expect(matchingEvents(condition, [...events, kubectlRan('e', 0, { atMs: 40 })], 10).map((e) => e.type === 'kubectl.ran' && e.command)).toEqual(['e']);
  });
});

describe('a step judged from the simulation', () => {
  it('completes create-token on the token the API server issued, however the line was typed', async () => {
    const engine = engineAt('create-token', 2 * MIN);
    expect(evaluateStep(lesson, step('create-token'), engine.snapshot()).outcomeMet).toBe(false);
    engine.send({ type: 'kubectl', flow: 'projected', line: 'kubectl   create token   my-app', requestId: 1 });
    await engine.settled();
    const view = evaluateStep(lesson, step('create-token'), engine.snapshot());
    expect(view.outcomes).toEqual([{ description: 'The projected cluster issues a token for my-app to kubectl.', met: true }]);
    expect(view.hints).toEqual([]);
  });

  it('does not complete create-token on a command that failed on the legacy flow, and says why', async () => {
    const engine = engineAt('create-token', 2 * MIN);
    engine.send({ type: 'kubectl', flow: 'legacy', line: 'create token my-app', requestId: 1 });
    await engine.settled();
    const view = evaluateStep(lesson, step('create-token'), engine.snapshot());
    expect(view.outcomeMet).toBe(false);
    expect(view.hints.map((h) => h.kind)).toEqual(['run-command', 'lesson']);
    expect(view.hints[1]!.text).toMatch(/no create token subcommand \(it arrived in 1\.24\)/);
  });

  it('tells the learner the scenario is not loaded when another one is', () => {
    const engine = new FakeEngine();
    engine.send({ type: 'load', scenarioText: lesson.scenarios.rotation!.text, sourceName: 'builtin:side-by-side' });
    const view = evaluateStep(lesson, step('rotation'), engine.snapshot());
    expect(view.loaded).toBe(false);
    expect(view.outcomeMet).toBe(false);
    expect(view.hints).toEqual([{ kind: 'not-loaded', text: 'This step runs in the scenario “Lesson: the kubelet rotates a token”, which is not loaded right now.' }]);
  });

  it('says the simulation is paused, and how old the token is against its refresh age', () => {
    const engine = engineAt('rotation', 31 * MIN);
    const view = evaluateStep(lesson, step('rotation'), engine.snapshot());
    expect(view.hints.map((h) => h.text)).toEqual([
      'The simulation is paused at 31 m. Press Play (or Space outside this panel) to let it run.',
      'The kubelet has not refreshed yet: the token is 30 m 59 s old, and the refresh comes once it is about 48 m 6 s old (in about 17 m 7 s).',
    ]);
    engine.send({ type: 'play' });
    expect(evaluateStep(lesson, step('rotation'), engine.snapshot()).hints.map((h) => h.kind)).toEqual(['lesson']);
  });

  it('drops the token-age hint once the token is due, and says so when the run ends without the outcome', () => {
    // Token #1 is past its refresh age at 48 m 30 s; the kubelet's next sync writes token #2 a little later.
    const engine = engineAt('rotation', 48 * MIN + 30_000);
    const snapshot = engine.snapshot();
    const age = tokenAge(snapshot, snapshot.events, 'projected', 'app');
    expect(age).toEqual({ token: 0, ageMs: 48 * MIN + 29_000, refreshAfterMs: 2_886_000 });
    expect(evaluateStep(lesson, step('rotation'), snapshot).hints.map((h) => h.kind)).toEqual(['paused']);
    const ended = engineAt('pod-bound', 60 * MIN);
    expect(evaluateStep(lesson, step('pod-bound'), ended.snapshot()).hints[0]).toEqual({
      kind: 'ended',
      text: 'The run reached its end (1 h) before this happened. Load the scenario again to start over.',
    });
  });

  it('fills a hint with the field of the event it saw', async () => {
    const engine = engineAt('inspect-sa-legacy', 2 * MIN);
    engine.send({ type: 'kubectl', flow: 'legacy', line: 'get sa nobody -o yaml', requestId: 1 });
    await engine.settled();
    const hints = evaluateStep(lesson, step('inspect-sa-legacy'), engine.snapshot()).hints;
    expect(hints.at(-1)?.text).toBe('kubectl answered with an error: Error from server (NotFound): serviceaccounts "nobody" not found');
  });
});

describe('bringing the engine to a step', () => {
  it('loads the step\'s scenario under the lesson\'s name, at the step\'s speed, and runs it to the step\'s start', () => {
    const commands = entryCommands(lesson, step('pod-bound'), new FakeEngine().snapshot());
    expect(commands).toEqual([
      { type: 'load', scenarioText: lesson.scenarios['pod-delete']!.text, sourceName: 'lesson:projected-tokens/pod-delete' },
      { type: 'set-speed', speed: 60 },
      { type: 'seek', simMs: 12 * MIN },
    ]);
  });

  it('keeps a loaded scenario where it is, adjusting only the speed, or moving forward to the step\'s start', () => {
    const engine = engineAt('create-token', 5 * MIN);
    expect(scenarioSourceName(lesson, 'two-clusters')).toBe(engine.snapshot().scenario?.sourceName);
    expect(entryCommands(lesson, step('create-token-more'), engine.snapshot())).toEqual([]);
    engine.send({ type: 'set-speed', speed: 86_400 });
    expect(entryCommands(lesson, step('create-token-more'), engine.snapshot())).toEqual([{ type: 'set-speed', speed: 600 }]);
    const early = engineAt('legacy-cleanup', 0);
    expect(entryCommands(lesson, { ...step('cleanup-deleted'), startAtMs: 3 * MIN }, early.snapshot())).toEqual([{ type: 'seek', simMs: 3 * MIN }]);
    expect(entryCommands(lesson, step('welcome'), early.snapshot())).toEqual([]);
  });
});

describe('the quiz state machine', () => {
  it('plain quiz: nothing happens on Check before a choice; afterwards it reveals the choice, and the choice is locked', () => {
    const quiz = step('quiz-why-safer').quiz!;
    const snapshot = new FakeEngine().snapshot();
    let state = initialQuizState(quiz);
    expect(state.phase).toBe('choosing');
    expect(advanceQuiz(quiz, state, { kind: 'check', snapshot, loaded: true }).state).toBe(state);
    state = advanceQuiz(quiz, state, { kind: 'select', choice: 0 }).state;
    const checked = advanceQuiz(quiz, state, { kind: 'check', snapshot, loaded: true });
    expect(checked).toEqual({ state: { ...state, phase: 'revealed', checked: 0 }, commands: [] });
    expect(advanceQuiz(quiz, checked.state, { kind: 'select', choice: 1 }).state).toBe(checked.state);
    expect(advanceQuiz(quiz, state, { kind: 'select', choice: 7 }).state).toBe(state);
  });

  it('predict quiz: pauses at its point, waits for the answer, plays from the point, and stops on the evidence', () => {
    const quiz = step('predict-stolen-copy').quiz!;
    const engine = engineAt('predict-stolen-copy', 50 * MIN);
    engine.send({ type: 'play' });
    let state: QuizState = initialQuizState(quiz);
    expect(state.phase).toBe('positioning');
    const observe = () => {
      const result = advanceQuiz(quiz, state, { kind: 'observe', snapshot: engine.snapshot(), loaded: true });
      for (const command of result.commands) engine.send(command);
      state = result.state;
      return result.commands;
    };
    expect(observe()).toEqual([{ type: 'pause' }, { type: 'seek', simMs: 65 * MIN }]);
    expect(observe()).toEqual([]);
    expect(state.phase).toBe('predicting');
    expect(engine.snapshot()).toMatchObject({ nowMs: 65 * MIN, playing: false });

    state = advanceQuiz(quiz, state, { kind: 'select', choice: 1 }).state;
    const checked = advanceQuiz(quiz, state, { kind: 'check', snapshot: engine.snapshot(), loaded: true });
    expect(checked.commands).toEqual([{ type: 'seek', simMs: 65 * MIN }, { type: 'play' }]);
    expect(checked.state).toMatchObject({ phase: 'playing', checked: 1 });
    state = checked.state;
    for (const command of checked.commands) engine.send(command);

    engine.play(4 * MIN);
    expect(observe()).toEqual([]);
    expect(state).toMatchObject({ phase: 'playing', sawPlaying: true });
    engine.play(2 * MIN);
    expect(observe()).toEqual([{ type: 'pause' }]);
    expect(state.phase).toBe('revealed');
    expect(state.evidence).toEqual({
      atMs: 70 * MIN,
      flow: 'projected',
      message: 'attacker → the API server: 401 Unauthorized with token #1: service account token has expired',
      refuted: false,
    });
    expect(engine.snapshot().playing).toBe(false);
  });

  it('predict quiz: ignores snapshots from before the answer was locked in, and a Check while not loaded', () => {
    const quiz = step('predict-stolen-copy').quiz!;
    const engine = engineAt('predict-stolen-copy', 2 * 60 * MIN);
    const before = engine.snapshot();
    let state: QuizState = { ...initialQuizState(quiz), phase: 'predicting', selected: 1 };
    expect(advanceQuiz(quiz, state, { kind: 'check', snapshot: before, loaded: false }).state).toBe(state);
    state = advanceQuiz(quiz, state, { kind: 'check', snapshot: before, loaded: true }).state;
    // The old snapshot already holds the 1 h 10 m denial, but it predates the check.
    expect(advanceQuiz(quiz, state, { kind: 'observe', snapshot: before, loaded: true }).state).toBe(state);
  });

  it('predict quiz: shows a refuting event when the simulation contradicts the answer, and reports a run that ends empty', () => {
    const quiz = { ...step('predict-stolen-copy').quiz! };
    quiz.predict = { ...quiz.predict!, evidence: { description: '', event: 'pod.deleted', where: [], count: 1 }, refutedBy: { description: '', event: 'request.denied', where: [], count: 1 } };
    const engine = engineAt('predict-stolen-copy', 65 * MIN);
    let state: QuizState = { ...initialQuizState(quiz), phase: 'predicting', selected: 1 };
    state = advanceQuiz(quiz, state, { kind: 'check', snapshot: engine.snapshot(), loaded: true }).state;
    engine.send({ type: 'play' });
    engine.play(10 * MIN);
    const refuted = advanceQuiz(quiz, state, { kind: 'observe', snapshot: engine.snapshot(), loaded: true }).state;
    expect(refuted.evidence).toMatchObject({ refuted: true, atMs: 70 * MIN });

    quiz.predict = { ...quiz.predict, refutedBy: undefined };
    state = advanceQuiz(quiz, state, { kind: 'observe', snapshot: engine.snapshot(), loaded: true }).state;
    expect(state.phase).toBe('playing');
    engine.play(3 * 60 * MIN);
    state = advanceQuiz(quiz, state, { kind: 'observe', snapshot: engine.snapshot(), loaded: true }).state;
    expect(state).toMatchObject({ phase: 'revealed', noEvidence: true });
  });

  it('starts revealed from a saved answer', () => {
    const quiz = step('quiz-why-safer').quiz!;
    expect(initialQuizState(quiz, { choice: 2, correct: false })).toMatchObject({ phase: 'revealed', selected: 2, checked: 2 });
    expect(initialQuizState(quiz, { choice: 9, correct: false }).phase).toBe('choosing');
  });
});

describe('progress', () => {
  it('lets a reading step advance at once, and a waiting step once its outcome was seen, even after a reload', () => {
    const snapshot = new FakeEngine().snapshot();
    const progress = startingProgress(lesson, 1);
    expect(progress).toEqual({ stepId: 'welcome', completed: [], quizzes: {}, seed: 1 });
    expect(canAdvance(step('welcome'), evaluateStep(lesson, step('welcome'), snapshot), progress, undefined)).toBe(true);
    const rotation = evaluateStep(lesson, step('rotation'), snapshot);
    expect(canAdvance(step('rotation'), rotation, progress, undefined)).toBe(false);
    expect(canAdvance(step('rotation'), rotation, { ...progress, completed: ['rotation'] }, undefined)).toBe(true);
    const quiz = step('quiz-why-safer').quiz!;
    const view = evaluateStep(lesson, step('quiz-why-safer'), snapshot);
    expect(canAdvance(step('quiz-why-safer'), view, progress, initialQuizState(quiz))).toBe(false);
    expect(canAdvance(step('quiz-why-safer'), view, progress, initialQuizState(quiz, { choice: 0, correct: false }))).toBe(true);
  });

  it('resumes at the saved step, or the first when the saved one no longer exists', () => {
    expect(resumeIndex(lesson, { stepId: 'rotation', completed: [], quizzes: {} })).toBe(lesson.steps.findIndex((s) => s.id === 'rotation'));
    expect(resumeIndex(lesson, { stepId: 'removed-step', completed: [], quizzes: {} })).toBe(0);
    expect(resumeIndex(lesson, undefined)).toBe(0);
  });
});

describe('the order a learner sees quiz choices in', () => {
  it('is a permutation of the choices, fixed by the seed and the step, and different across seeds and steps', () => {
    const order = choiceOrder(4, 99, 'quiz-when-custom');
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
    expect(choiceOrder(4, 99, 'quiz-when-custom')).toEqual(order);
    const orders = new Set<string>();
    for (let seed = 0; seed < 50; seed++) orders.add(choiceOrder(4, seed, 'quiz-when-custom').join());
    for (const step of ['a', 'b', 'c', 'd', 'e', 'f']) orders.add(choiceOrder(4, 99, step).join());
    // 24 orders are possible; a shuffle that ignored its seed or its step would give one.
    expect(orders.size).toBeGreaterThan(12);
  });

  it('puts each choice first about as often as the others over many learners', () => {
    const first = [0, 0, 0, 0];
    for (let seed = 0; seed < 4000; seed++) first[choiceOrder(4, seed * 2654435761, 'predict-stale')[0]!]! += 1;
    for (const count of first) expect(count).toBeGreaterThan(800);
  });
});
