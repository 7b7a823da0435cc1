// @vitest-environment jsdom
/**
 * The lesson panel in jsdom, driven by a synchronous host around the real engine: step navigation and focus,
 * resuming at the saved step, "Run it for me" completing a step by its outcome, hints with their own controls, the
 * quiz radio group from the keyboard, a predict-then-play quiz from pause to evidence, and keys that stay inside
 * the panel instead of reaching the app's shortcuts.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement, useEffect, type ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as panelModule from '../../../../renderer/panels/lesson/LessonPanel.tsx';
import type { LessonPanelProps } from '../../../../renderer/panels/lesson/LessonPanel.tsx';
import { useTimelineStore } from '../../../../renderer/state/use-timeline-store.ts';
import type { LessonProgress } from '../../../../renderer/panels/lesson/lesson-model.ts';
import { loadLesson } from '../../../assets/lessons/lesson-walk.ts';
import { FakeEngine, FakeProgressStore } from './lesson-engine-fixture.ts';

const { LessonPanel } = panelModule as { LessonPanel: (props: LessonPanelProps) => ReactElement };

const LESSON_ID = 'projected-tokens';
const lesson = loadLesson(LESSON_ID);
const MIN = 60_000;

afterEach(cleanup);

function Host({ engine, store, appLoadsToo }: { engine: FakeEngine; store: FakeProgressStore; appLoadsToo?: boolean }) {
  const snapshot = useTimelineStore(engine.store);
  // The app shell loads its default scenario from an effect that runs after its children's, as App.tsx does.
  useEffect(() => {
    if (appLoadsToo) engine.send({ type: 'load', scenarioText: lesson.scenarios.rotation!.text, sourceName: 'builtin:side-by-side' });
  }, []);
  return createElement(LessonPanel, { snapshot, client: engine, store });
}

function startAt(stepId?: string, extra: Partial<LessonProgress> = {}, appLoadsToo = false) {
  const store = new FakeProgressStore(stepId ? { lessonId: LESSON_ID, progress: { stepId, completed: [], quizzes: {}, ...extra } } : undefined);
  const engine = new FakeEngine();
  const view = render(createElement(Host, { engine, store, appLoadsToo }));
  return { engine, store, view };
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
  it('opens on the first step, moves on with Next, focuses the new title, loads its scenario and saves the place', () => {
    const { engine, store } = startAt();
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
    expect(store.load(LESSON_ID)?.stepId).toBe('legacy-forever');

    fireEvent.click(screen.getByTestId('lesson-back'));
    expect(title()).toBe('What this lesson covers');
    expect(store.load(LESSON_ID)?.stepId).toBe('welcome');
  });

  it('resumes at the saved step after a reload, bringing the engine to that step\'s scenario', () => {
    const { engine } = startAt('create-token');
    expect(title()).toBe('Ask for a token yourself');
    expect(screen.getByTestId('lesson-progress').textContent).toBe(`Step ${stepNumber('create-token')} of ${lesson.steps.length}`);
    expect(engine.snapshot().scenario?.sourceName).toBe('lesson:projected-tokens/two-clusters');
    expect(screen.getByTestId('lesson-panel').textContent).toContain('Scenario Lesson: the same app on 1.20 and on 1.30 · loaded');
  });

  it('keeps Next locked until the step\'s outcome, which "Run it for me" brings about through the engine', () => {
    const { engine, store } = startAt('create-token');
    const next = screen.getByTestId('lesson-next');
    expect(next).toHaveProperty('disabled', true);
    expect(screen.getByText(/Next unlocks when this has happened: The projected cluster issues a token for my-app/)).toBeTruthy();

    act(() => fireEvent.click(screen.getByTestId('lesson-run')));
    const [sent] = engine.commandsOf('kubectl');
    expect(sent).toMatchObject({ type: 'kubectl', flow: 'projected', line: 'create token my-app' });
    expect(sent!.requestId).toBeGreaterThanOrEqual(1_000_000_000);
    expect(next).toHaveProperty('disabled', false);
    expect(screen.getByTestId('lesson-run-output').textContent).toMatch(/^\{\{jwt:\d+\}\}\n$/);
    expect(within(screen.getByRole('list', { name: 'What this step waits for' })).getByText(/Done:/)).toBeTruthy();
    expect(store.load(LESSON_ID)?.completed).toEqual(['create-token']);
  });

  it('offers a Play button in the "paused" hint, and a Load button when another scenario is loaded', () => {
    const { engine } = startAt('rotation');
    const hints = screen.getByTestId('lesson-hints');
    expect(hints.textContent).toContain('The simulation is paused at 0 s.');
    fireEvent.click(screen.getByTestId('lesson-play'));
    expect(engine.sent.at(-1)).toEqual({ type: 'play' });

    act(() => engine.send({ type: 'load', scenarioText: lesson.scenarios.audience!.text, sourceName: 'file:mine.yaml' }));
    expect(hints.textContent).toContain('which is not loaded right now');
    act(() => fireEvent.click(screen.getByTestId('lesson-load')));
    expect(engine.snapshot().scenario?.sourceName).toBe('lesson:projected-tokens/rotation');
  });

  it('wins the start-up race against the app\'s own default scenario, loading its scenario again once', () => {
    const { engine } = startAt('rotation', {}, true);
    expect(engine.snapshot().scenario?.sourceName).toBe('lesson:projected-tokens/rotation');
    expect(engine.commandsOf('load').map((c) => c.sourceName)).toEqual([
      'lesson:projected-tokens/rotation',
      'builtin:side-by-side',
      'lesson:projected-tokens/rotation',
    ]);
  });

  it('offers Start over on the last step, which returns to the first', () => {
    startAt('wrap-up');
    expect(screen.queryByTestId('lesson-next')).toBeNull();
    fireEvent.click(screen.getByTestId('lesson-restart'));
    expect(title()).toBe('What this lesson covers');
  });
});

describe('LessonPanel: quizzes from the keyboard', () => {
  it('is one Tab stop for the choices, moves with the arrow keys, Home and End, and selects with Space', () => {
    startAt('quiz-why-safer');
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

    screen.getByTestId('quiz-check').focus();
    fireEvent.click(screen.getByTestId('quiz-check'));
    const result = screen.getByTestId('quiz-result');
    expect(result.textContent).toMatch(/^✓ Right\./);
    // The Check button is gone; focus moved to the result rather than falling back to the page.
    expect(screen.queryByTestId('quiz-check')).toBeNull();
    expect(document.activeElement).toBe(result);
    expect(result.textContent).toContain('Both kinds are JWTs signed by the cluster');
    expect(screen.getByTestId('lesson-next')).toHaveProperty('disabled', false);
    fireEvent.keyDown(choice(2), { key: 'ArrowDown' });
    expect(choice(2).getAttribute('aria-checked')).toBe('true');
  });

  it('names the right choice when the answer is wrong, and remembers the answer', () => {
    const { store } = startAt('quiz-why-safer');
    fireEvent.click(screen.getByTestId('quiz-choice-3'));
    fireEvent.click(screen.getByTestId('quiz-check'));
    expect(screen.getByTestId('quiz-result').textContent).toMatch(/^✗ Not quite: the answer is choice 2\./);
    expect(screen.getByTestId('quiz-choice-2').textContent).toContain('✓ the answer');
    expect(screen.getByTestId('quiz-choice-3').textContent).toContain('✗ your answer');
    expect(store.load(LESSON_ID)?.quizzes['quiz-why-safer']).toEqual({ choice: 2, correct: false });
  });

  it('keeps Space, Enter and Home inside the panel instead of letting them play, pause or rewind the app', () => {
    startAt('quiz-why-safer');
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
  it('pauses at the question\'s moment, plays once the answer is locked in, and shows the proving event', () => {
    const { engine, store } = startAt('predict-stolen-copy');
    expect(engine.snapshot()).toMatchObject({ nowMs: 65 * MIN, playing: false });
    expect(screen.getByTestId('lesson-panel').textContent).toContain('Paused at 1 h 5 m.');
    expect(screen.getByTestId('quiz-check').textContent).toBe('Lock in and play');

    screen.getByTestId('quiz-choice-1').focus();
    fireEvent.keyDown(screen.getByTestId('quiz-choice-1'), { key: 'ArrowDown' });
    act(() => fireEvent.click(screen.getByTestId('quiz-check')));
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
      'Evidence from the simulation: at 1 h 10 m on Kubernetes 1.30 (projected), attacker → the API server: 401 Unauthorized with token #1: service account token has expired',
    );
    expect(engine.playing).toBe(false);
    expect(screen.getByTestId('lesson-next')).toHaveProperty('disabled', false);
    expect(store.load(LESSON_ID)?.quizzes['predict-stolen-copy']).toMatchObject({ choice: 1, correct: true, evidence: { atMs: 70 * MIN, refuted: false } });
  });

  it('offers Play when the learner pauses a predict run before the answer shows', () => {
    const { engine } = startAt('predict-stolen-copy');
    fireEvent.click(screen.getByTestId('quiz-choice-2'));
    act(() => fireEvent.click(screen.getByTestId('quiz-check')));
    act(() => engine.send({ type: 'pause' }));
    expect(screen.getByTestId('lesson-panel').textContent).toContain('It is paused.');
    act(() => fireEvent.click(screen.getByRole('button', { name: '▶ Play' })));
    expect(engine.playing).toBe(true);
  });

  it('shows a saved prediction as answered, with its evidence, without moving the simulation', () => {
    const evidence = { atMs: 70 * MIN, flow: 'projected', message: 'the denial', refuted: false };
    const { engine } = startAt('predict-stolen-copy', { quizzes: { 'predict-stolen-copy': { choice: 0, correct: false, evidence } } });
    expect(screen.getByTestId('quiz-result').textContent).toContain('✗ Not quite: the answer is choice 2.');
    expect(screen.getByTestId('quiz-result').textContent).toContain('at 1 h 10 m on Kubernetes 1.30 (projected), the denial');
    expect(engine.snapshot().nowMs).toBe(0);
  });
});
