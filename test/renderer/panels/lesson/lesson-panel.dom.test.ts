// @vitest-environment jsdom
/**
 * The lesson panel in jsdom, driven by the real engine session on a fake clock and an in-memory HostServices for
 * progress: step navigation and focus, waiting for the saved place before showing a step, resuming at it, saving
 * every change (and saying so when a save fails), "Run it for me" completing a step by its outcome, hints with their
 * own controls, the quiz radio group from the keyboard, a predict-then-play quiz from pause to evidence, and keys
 * that stay inside the panel instead of reaching the app's shortcuts.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement, useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as panelModule from '../../../../renderer/panels/lesson/LessonPanel.tsx';
import { useTimelineStore } from '../../../../renderer/state/use-timeline-store.ts';
import { choiceOrder, type LessonProgress } from '../../../../renderer/panels/lesson/lesson-model.ts';
import { loadLesson } from '../../../assets/lessons/lesson-walk.ts';
import { FakeHostServices } from '../../../fakes/host-services.ts';
import { FakeEngine } from './lesson-engine-fixture.ts';

const { LessonPanel } = panelModule;

const LESSON_ID = 'projected-tokens';
const lesson = loadLesson(LESSON_ID);
const MIN = 60_000;
/** The learner's shuffle seed in these tests. */
const SEED = 20_240_901;

afterEach(cleanup);

function Host({ engine, host, appLoadsToo }: { engine: FakeEngine; host: FakeHostServices; appLoadsToo?: boolean }) {
  const snapshot = useTimelineStore(engine.store);
  // The app shell loads its default scenario from an effect that runs after its children's, as App.tsx does.
  useEffect(() => {
    if (appLoadsToo) engine.send({ type: 'load', scenarioText: lesson.scenarios.rotation!.text, sourceName: 'builtin:side-by-side' });
  }, [appLoadsToo, engine]);
  return createElement(LessonPanel, { snapshot, client: engine, host });
}

/** Lets the host's promises (loads and saves) settle, inside act so React applies what they set. */
async function settle(): Promise<void> {
  await act(async () => {});
}

/** Renders the panel on a host holding `stepId` as the saved place, and waits until the panel has read it. */
async function startAt(stepId?: string, extra: Partial<LessonProgress> = {}, appLoadsToo = false) {
  const host = new FakeHostServices(stepId ? { lessonId: LESSON_ID, progress: { stepId, completed: [], quizzes: {}, seed: SEED, ...extra } } : undefined);
  const engine = new FakeEngine();
  const view = render(createElement(Host, { engine, host, appLoadsToo }));
  await settle();
  return { engine, host, view };
}

/** The 1-based position at which the learner sees a choice (a 0-based index in the lesson file). */
function shownAt(stepId: string, choiceIndex: number, seed = SEED): number {
  const quiz = lesson.steps.find((s) => s.id === stepId)!.quiz!;
  return choiceOrder(quiz.choices.length, seed, stepId).indexOf(choiceIndex) + 1;
}

function answerOf(stepId: string): number {
  return lesson.steps.find((s) => s.id === stepId)!.quiz!.answerIndex;
}

function title(): string {
  return screen.getByTestId('lesson-step-title').textContent ?? '';
}

function stepNumber(id: string): number {
  return lesson.steps.findIndex((s) => s.id === id) + 1;
}

/** Elements reachable with Tab inside the panel, in document order, by their text or test id. */
function tabStops(): string[] {
  const panel = screen.getByTestId('lesson-panel');
  return [...panel.querySelectorAll<HTMLElement>('button, [tabindex]')]
    .filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled)
    .map((el) => el.dataset.testid ?? el.textContent?.trim() ?? '');
}

describe('LessonPanel: navigation and progress', () => {
  it('opens on the first step, moves on with Next, focuses the new title, loads its scenario and saves the place', async () => {
    const { engine, host } = await startAt();
    expect(title()).toBe('What this lesson covers');
    expect(screen.getByTestId('lesson-progress').textContent).toBe(`Step 1 of ${lesson.steps.length}`);
    expect(screen.getByTestId('lesson-back')).toHaveProperty('disabled', true);
    expect(engine.sent).toEqual([]);

    fireEvent.click(screen.getByTestId('lesson-next'));
    expect(title()).toBe('The old way: a token with no end date');
    expect(document.activeElement).toBe(screen.getByTestId('lesson-step-title'));
    expect(screen.getByTestId('lesson-progress').textContent).toBe(`Step 2 of ${lesson.steps.length}`);
    expect(engine.sent.map((c) => c.type)).toEqual(['load', 'set-speed', 'seek']);
    expect(engine.snapshot().scenario?.sourceName).toBe('lesson:projected-tokens/two-clusters');
    await settle();
    expect(host.saved(LESSON_ID)?.stepId).toBe('legacy-forever');

    fireEvent.click(screen.getByTestId('lesson-back'));
    expect(title()).toBe('What this lesson covers');
    await settle();
    expect(host.saved(LESSON_ID)?.stepId).toBe('welcome');
  });

  it('resumes at the saved step after a reload, bringing the engine to that step\'s scenario', async () => {
    const { engine } = await startAt('create-token');
    expect(title()).toBe('Ask for a token yourself');
    expect(screen.getByTestId('lesson-progress').textContent).toBe(`Step ${stepNumber('create-token')} of ${lesson.steps.length}`);
    expect(engine.snapshot().scenario?.sourceName).toBe('lesson:projected-tokens/two-clusters');
    expect(screen.getByTestId('lesson-panel').textContent).toContain('Scenario Lesson: the same app on 1.20 and on 1.36 · loaded');
  });

  it('keeps Next locked until the step\'s outcome, which "Run it for me" brings about through the engine', async () => {
    const { engine, host } = await startAt('create-token');
    const next = screen.getByTestId('lesson-next');
    expect(next).toHaveProperty('disabled', true);
    expect(screen.getByText(/Next unlocks when this has happened: The projected cluster issues a token for my-app/)).toBeTruthy();

    act(() => {
      fireEvent.click(screen.getByTestId('lesson-run'));
    });
    await act(() => engine.settled());
    const [sent] = engine.commandsOf('kubectl');
    expect(sent).toMatchObject({ type: 'kubectl', flow: 'projected', line: 'create token my-app' });
    expect(sent!.requestId).toBeGreaterThanOrEqual(1_000_000_000);
    expect(next).toHaveProperty('disabled', false);
    expect(screen.getByTestId('lesson-run-output').textContent).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(within(screen.getByRole('list', { name: 'What this step waits for' })).getByText(/Done:/)).toBeTruthy();
    await settle();
    expect(host.saved(LESSON_ID)?.completed).toEqual(['create-token']);
  });

  it('offers a Play button in the "paused" hint, and a Load button when another scenario is loaded', async () => {
    const { engine } = await startAt('rotation');
    const hints = screen.getByTestId('lesson-hints');
    expect(hints.textContent).toContain('The simulation is paused at 0 s.');
    fireEvent.click(screen.getByTestId('lesson-play'));
    expect(engine.sent.at(-1)).toEqual({ type: 'play' });

    act(() => engine.send({ type: 'load', scenarioText: lesson.scenarios.audience!.text, sourceName: 'file:mine.yaml' }));
    expect(hints.textContent).toContain('which is not loaded right now');
    act(() => {
      fireEvent.click(screen.getByTestId('lesson-load'));
    });
    expect(engine.snapshot().scenario?.sourceName).toBe('lesson:projected-tokens/rotation');
  });

  it('loads its step\'s scenario over the app\'s own default one, which starts while the saved place is on its way', async () => {
    const { engine } = await startAt('rotation', {}, true);
    expect(engine.snapshot().scenario?.sourceName).toBe('lesson:projected-tokens/rotation');
    expect(engine.commandsOf('load').map((c) => c.sourceName)).toEqual(['builtin:side-by-side', 'lesson:projected-tokens/rotation']);
  });

  it('shows only that it is loading until the saved place arrives, then opens on that step without passing the first', async () => {
    const host = new FakeHostServices({ lessonId: LESSON_ID, progress: { stepId: 'rotation', completed: [], quizzes: {}, seed: SEED } });
    const release = host.holdLoads();
    const engine = new FakeEngine();
    render(createElement(Host, { engine, host }));
    await settle();
    expect(screen.getByTestId('lesson-panel').getAttribute('aria-busy')).toBe('true');
    expect(screen.getByTestId('lesson-loading').textContent).toBe('Finding your place in the lesson…');
    expect(screen.queryByTestId('lesson-step-title')).toBeNull();
    expect(engine.sent).toEqual([]);

    release();
    await settle();
    expect(screen.getByTestId('lesson-step-title').textContent).toBe(lesson.steps[stepNumber('rotation') - 1]!.title);
    expect(engine.commandsOf('load').map((c) => c.sourceName)).toEqual(['lesson:projected-tokens/rotation']);
    // Opening the lesson where it was left writes nothing.
    expect(host.progressSaves).toBe(0);
  });

  it('starts at the first step when the saved step is no longer in the lesson', async () => {
    await startAt('a-step-that-was-removed');
    expect(title()).toBe('What this lesson covers');
  });

  it('says so, without stopping the lesson, when its place cannot be saved', async () => {
    const { host } = await startAt();
    host.failWrites = 'EACCES: permission denied';
    fireEvent.click(screen.getByTestId('lesson-next'));
    await settle();
    expect(screen.getByTestId('lesson-save-error').textContent).toContain('EACCES: permission denied');
    expect(title()).toBe('The old way: a token with no end date');

    host.failWrites = undefined;
    fireEvent.click(screen.getByTestId('lesson-back'));
    await settle();
    expect(screen.queryByTestId('lesson-save-error')).toBeNull();
    expect(host.saved(LESSON_ID)?.stepId).toBe('welcome');
  });

  it('offers Start over on the last step, which returns to the first', async () => {
    await startAt('wrap-up');
    expect(screen.queryByTestId('lesson-next')).toBeNull();
    fireEvent.click(screen.getByTestId('lesson-restart'));
    expect(title()).toBe('What this lesson covers');
  });
});

describe('LessonPanel: quizzes from the keyboard', () => {
  it('is one Tab stop for the choices, moves with the arrow keys, Home and End, and selects with Space', async () => {
    await startAt('quiz-why-safer');
    const choice = (n: number) => screen.getByTestId(`quiz-choice-${n}`);
    expect(screen.getByRole('radiogroup', { name: /what makes projected tokens safer/ })).toBeTruthy();
    expect(tabStops()).toEqual(['quiz-choice-1', 'lesson-back']);
    expect(screen.getByTestId('quiz-check')).toHaveProperty('disabled', true);

    choice(1).focus();
    fireEvent.keyDown(choice(1), { key: 'ArrowDown' });
    expect(choice(2).getAttribute('aria-checked')).toBe('true');
    expect(document.activeElement).toBe(choice(2));
    fireEvent.keyDown(choice(2), { key: 'End' });
    expect(document.activeElement).toBe(choice(3));
    fireEvent.keyDown(choice(3), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(choice(1));
    fireEvent.keyDown(choice(1), { key: 'ArrowUp' });
    fireEvent.keyDown(choice(3), { key: 'Home' });
    fireEvent.keyDown(choice(1), { key: 'ArrowRight' });
    fireEvent.keyDown(choice(2), { key: ' ' });
    expect(['1', '2', '3'].map((n) => choice(Number(n)).getAttribute('aria-checked'))).toEqual(['false', 'true', 'false']);
    expect(tabStops()).toEqual(['quiz-choice-2', 'quiz-check', 'lesson-back']);
    const answer = shownAt('quiz-why-safer', answerOf('quiz-why-safer'));
    fireEvent.keyDown(choice(2), { key: 'Home' });
    for (let n = 1; n < answer; n++) fireEvent.keyDown(choice(n), { key: 'ArrowDown' });
    expect(choice(answer).getAttribute('aria-checked')).toBe('true');

    screen.getByTestId('quiz-check').focus();
    fireEvent.click(screen.getByTestId('quiz-check'));
    const result = screen.getByTestId('quiz-result');
    expect(result.textContent).toMatch(/^✓ Right\./);
    // The Check button is gone; focus moved to the result rather than falling back to the page.
    expect(screen.queryByTestId('quiz-check')).toBeNull();
    expect(document.activeElement).toBe(result);
    expect(result.textContent).toContain('Both kinds are JWTs signed by the cluster');
    expect(screen.getByTestId('lesson-next')).toHaveProperty('disabled', false);
    fireEvent.keyDown(choice(answer), { key: 'ArrowDown' });
    expect(choice(answer).getAttribute('aria-checked')).toBe('true');
  });

  it('names the right choice when the answer is wrong, and remembers the answer', async () => {
    const { host } = await startAt('quiz-why-safer');
    const answer = shownAt('quiz-why-safer', answerOf('quiz-why-safer'));
    const wrong = shownAt('quiz-why-safer', 2);
    fireEvent.click(screen.getByTestId(`quiz-choice-${wrong}`));
    fireEvent.click(screen.getByTestId('quiz-check'));
    expect(screen.getByTestId('quiz-result').textContent).toMatch(new RegExp(`^✗ Not quite: the answer is choice ${answer}\\.`));
    expect(screen.getByTestId(`quiz-choice-${answer}`).textContent).toContain('✓ the answer');
    expect(screen.getByTestId(`quiz-choice-${wrong}`).textContent).toContain('✗ your answer');
    await settle();
    // Saved by its place in the lesson file, so the answer means the same choice whatever order it was shown in.
    expect(host.saved(LESSON_ID)?.quizzes['quiz-why-safer']).toEqual({ choice: 2, correct: false });
  });

  it('keeps Space, Enter and Home inside the panel instead of letting them play, pause or rewind the app', async () => {
    await startAt('quiz-why-safer');
    const reached: string[] = [];
    const onWindowKey = (e: KeyboardEvent) => reached.push(e.key);
    window.addEventListener('keydown', onWindowKey);
    try {
      fireEvent.keyDown(screen.getByTestId('quiz-choice-1'), { key: ' ' });
      fireEvent.keyDown(screen.getByTestId('quiz-choice-1'), { key: 'Home' });
      fireEvent.keyDown(screen.getByTestId('lesson-back'), { key: ' ' });
      fireEvent.keyDown(screen.getByTestId('lesson-back'), { key: 'Enter' });
      fireEvent.keyDown(screen.getByTestId('lesson-step-title'), { key: ' ' });
    } finally {
      window.removeEventListener('keydown', onWindowKey);
    }
    // Only the title, which is not a control, lets Space through to the app's play/pause.
    expect(reached).toEqual([' ']);
  });
});

describe('LessonPanel: predict, then play', () => {
  it('pauses at the question\'s moment, plays once the answer is locked in, and shows the proving event', async () => {
    const { engine, host } = await startAt('predict-stolen-copy');
    expect(engine.snapshot()).toMatchObject({ nowMs: 65 * MIN, playing: false });
    expect(screen.getByTestId('lesson-panel').textContent).toContain('Paused at 1 h 5 m.');
    expect(screen.getByTestId('quiz-check').textContent).toBe('Lock in and play');

    fireEvent.click(screen.getByTestId(`quiz-choice-${shownAt('predict-stolen-copy', answerOf('predict-stolen-copy'))}`));
    act(() => {
      fireEvent.click(screen.getByTestId('quiz-check'));
    });
    expect(engine.sent.slice(-2)).toEqual([{ type: 'seek', simMs: 65 * MIN }, { type: 'play' }]);
    expect(screen.getByTestId('quiz-choice-1').getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByTestId('lesson-next')).toHaveProperty('disabled', true);
    expect(screen.getByText(/Next unlocks when the simulation has shown the answer/)).toBeTruthy();

    act(() => engine.play(3 * MIN));
    expect(screen.getByTestId('quiz-result').textContent).toBe('');
    act(() => engine.play(3 * MIN));
    const result = screen.getByTestId('quiz-result').textContent ?? '';
    expect(result).toMatch(/^✓ Right\./);
    expect(result).toContain(
      'Evidence from the simulation: at 1 h 10 m on Kubernetes 1.36 (projected), attacker → the API server: 401 Unauthorized with token #1: service account token has expired',
    );
    expect(engine.playing).toBe(false);
    expect(screen.getByTestId('lesson-next')).toHaveProperty('disabled', false);
    await settle();
    expect(host.saved(LESSON_ID)?.quizzes['predict-stolen-copy']).toMatchObject({ choice: answerOf('predict-stolen-copy'), correct: true, evidence: { atMs: 70 * MIN, refuted: false } });
  });

  it('offers Play when the learner pauses a predict run before the answer shows', async () => {
    const { engine } = await startAt('predict-stolen-copy');
    fireEvent.click(screen.getByTestId('quiz-choice-2'));
    act(() => {
      fireEvent.click(screen.getByTestId('quiz-check'));
    });
    act(() => engine.send({ type: 'pause' }));
    expect(screen.getByTestId('lesson-panel').textContent).toContain('It is paused.');
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: '▶ Play' }));
    });
    expect(engine.playing).toBe(true);
  });

  it('shows a saved prediction as answered, with its evidence, without moving the simulation', async () => {
    const evidence = { atMs: 70 * MIN, flow: 'projected', message: 'the denial', refuted: false };
    const { engine } = await startAt('predict-stolen-copy', { quizzes: { 'predict-stolen-copy': { choice: 0, correct: false, evidence } } });
    expect(screen.getByTestId('quiz-result').textContent).toContain(`✗ Not quite: the answer is choice ${shownAt('predict-stolen-copy', answerOf('predict-stolen-copy'))}.`);
    expect(screen.getByTestId('quiz-result').textContent).toContain('at 1 h 10 m on Kubernetes 1.36 (projected), the denial');
    expect(engine.snapshot().nowMs).toBe(0);
  });
});

describe('LessonPanel: quizzes that cannot be gamed', () => {
  const quizSteps = lesson.steps.filter((s) => s.quiz);
  const shownChoices = () => screen.getAllByRole('radio').map((r) => r.querySelector('.quiz-choice-text')?.textContent ?? '');

  it('shows each learner the choices in their own order, the same one again after a reload', async () => {
    const orders: string[][] = [];
    for (const seed of [SEED, SEED, SEED + 1]) {
      const { view } = await startAt('quiz-when-custom', { seed });
      orders.push(shownChoices());
      view.unmount();
    }
    const inFile = lesson.steps.find((s) => s.id === 'quiz-when-custom')!.quiz!.choices;
    expect([...orders[0]!].sort()).toEqual([...inFile].sort());
    expect(orders[1]).toEqual(orders[0]);
    expect(orders[2]).not.toEqual(orders[0]);
    // Over the lesson, the order differs from the file's, and the right answer does not sit in one place.
    const answerPlaces = new Set(quizSteps.map((s) => shownAt(s.id, s.quiz!.answerIndex)));
    expect(answerPlaces.size).toBeGreaterThan(2);
    expect(quizSteps.some((s) => choiceOrder(s.quiz!.choices.length, SEED, s.id).some((index, place) => index !== place))).toBe(true);
  });

  it('gives a learner without a seed one and saves it with the first change, keeping it on later saves', async () => {
    const { host } = await startAt('quiz-why-safer', { seed: undefined });
    fireEvent.click(screen.getByTestId('quiz-choice-1'));
    fireEvent.click(screen.getByTestId('quiz-check'));
    await settle();
    const seed = host.saved(LESSON_ID)?.seed;
    expect(seed).toEqual(expect.any(Number));
    fireEvent.click(screen.getByTestId('lesson-next'));
    await settle();
    expect(host.saved(LESSON_ID)).toMatchObject({ stepId: 'inspect-sa-legacy', seed });
  });

  it.each(quizSteps.map((s) => [s.id]))('%s: nothing outside the choices gives the answer away before it is checked', async (stepId) => {
    await startAt(stepId);
    const quiz = lesson.steps.find((s) => s.id === stepId)!.quiz!;
    const panel = screen.getByTestId('lesson-panel').cloneNode(true) as HTMLElement;
    panel.querySelector('[role="radiogroup"]')!.remove();
    expect(panel.textContent).not.toContain(quiz.choices[quiz.answerIndex]!.replace(/^kubectl /, ''));
  });

  it('shows the step\'s suggested command only once its question is answered, when the command is the answer', async () => {
    await startAt('quiz-web-app');
    expect(screen.queryByTestId('lesson-run')).toBeNull();
    expect(screen.getByTestId('lesson-panel').querySelector('.lesson-command')).toBeNull();
    expect(screen.getByTestId('lesson-hints').textContent).not.toContain('web-app');
    fireEvent.click(screen.getByTestId(`quiz-choice-${shownAt('quiz-web-app', answerOf('quiz-web-app'))}`));
    fireEvent.click(screen.getByTestId('quiz-check'));
    expect(screen.getByTestId('lesson-run')).toBeTruthy();
    expect(screen.getByTestId('lesson-panel').textContent).toContain('$ kubectl create token web-app');
  });
});
