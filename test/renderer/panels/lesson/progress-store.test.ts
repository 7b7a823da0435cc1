/**
 * Where the lesson resumes, and how its progress reaches the host: on the saved step (or the first when that step is
 * gone), with saves in order, nothing written when nothing changed, and every failure reported.
 */
import { describe, expect, it, vi } from 'vitest';
import { createProgressSaver, loadResumeProgress, type ProgressHost } from '../../../../renderer/panels/lesson/progress-store.ts';
import type { LessonProgress } from '../../../../renderer/panels/lesson/lesson-model.ts';
import { loadLesson } from '../../../assets/lessons/lesson-walk.ts';
import { FakeHostServices } from '../../../fakes/host-services.ts';

const lesson = loadLesson('projected-tokens');
const PROGRESS: LessonProgress = { stepId: 'rotation', completed: ['legacy-forever'], quizzes: { 'quiz-why-safer': { choice: 1, correct: true } } };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('loadResumeProgress', () => {
  it('resumes at the saved step with everything saved', async () => {
    const saved = { ...PROGRESS, seed: 42 };
    expect(await loadResumeProgress(new FakeHostServices({ lessonId: lesson.id, progress: saved }), lesson, () => 7)).toEqual({ progress: saved, stored: saved });
  });

  it('gives progress saved without a shuffle seed a new one, which differs from what is stored so the next save writes it', async () => {
    expect(await loadResumeProgress(new FakeHostServices({ lessonId: lesson.id, progress: PROGRESS }), lesson, () => 7)).toEqual({
      progress: { ...PROGRESS, seed: 7 },
      stored: PROGRESS,
    });
  });

  it('starts at the first step when nothing is saved, or the saved step is no longer in the lesson', async () => {
    const first = lesson.steps[0]!.id;
    const fresh = { stepId: first, completed: [], quizzes: {}, seed: 7 };
    expect(await loadResumeProgress(new FakeHostServices(), lesson, () => 7)).toEqual({ progress: fresh, stored: fresh });
    const gone = new FakeHostServices({ lessonId: lesson.id, progress: { ...PROGRESS, stepId: 'a-removed-step', seed: 3 } });
    expect((await loadResumeProgress(gone, lesson)).progress).toEqual({ ...PROGRESS, stepId: first, seed: 3 });
  });

  it('starts at the first step when the host fails to answer', async () => {
    const broken: ProgressHost = { loadLessonProgress: () => Promise.reject(new Error('gone')), saveLessonProgress: async () => ({ ok: true }) };
    expect((await loadResumeProgress(broken, lesson)).progress.stepId).toBe(lesson.steps[0]!.id);
  });
});

describe('createProgressSaver', () => {
  it('saves a change, and skips a save that would write what is already there', async () => {
    const host = new FakeHostServices();
    const onResult = vi.fn();
    const saver = createProgressSaver(host, lesson.id, PROGRESS, onResult);
    saver.save(structuredClone(PROGRESS));
    await flush();
    expect(host.progressSaves).toBe(0);
    saver.save({ ...PROGRESS, stepId: 'wrap-up' });
    saver.save({ ...PROGRESS, stepId: 'wrap-up' });
    await flush();
    expect(host.progressSaves).toBe(1);
    expect(host.saved(lesson.id)?.stepId).toBe('wrap-up');
    expect(onResult.mock.calls).toEqual([[undefined]]);
  });

  it('saves one at a time, in order, so a slow first save cannot land after a later one', async () => {
    const order: string[] = [];
    let releaseFirst!: () => void;
    const host: ProgressHost = {
      loadLessonProgress: async () => undefined,
      saveLessonProgress: async (_id, progress) => {
        order.push(`start ${progress.stepId}`);
        if (progress.stepId === 'first') await new Promise<void>((resolve) => (releaseFirst = resolve));
        order.push(`end ${progress.stepId}`);
        return { ok: true };
      },
    };
    const saver = createProgressSaver(host, lesson.id, PROGRESS, () => {});
    saver.save({ ...PROGRESS, stepId: 'first' });
    saver.save({ ...PROGRESS, stepId: 'second' });
    await flush();
    expect(order).toEqual(['start first']);
    releaseFirst();
    await flush();
    expect(order).toEqual(['start first', 'end first', 'start second', 'end second']);
  });

  it('saves a copy, so later changes to the saved object do not leak in', async () => {
    const host = new FakeHostServices();
    const saver = createProgressSaver(host, lesson.id, PROGRESS, () => {});
    const changed = { ...structuredClone(PROGRESS), stepId: 'wrap-up' };
    saver.save(changed);
    changed.completed.push('sneaked-in');
    await flush();
    expect(host.saved(lesson.id)?.completed).toEqual(['legacy-forever']);
  });

  it('reports a failed or rejected save with its reason', async () => {
    const host = new FakeHostServices();
    host.failWrites = 'EACCES: permission denied';
    const onResult = vi.fn();
    const saver = createProgressSaver(host, lesson.id, PROGRESS, onResult);
    saver.save({ ...PROGRESS, stepId: 'wrap-up' });
    await flush();
    const throwing: ProgressHost = { loadLessonProgress: async () => undefined, saveLessonProgress: () => Promise.reject(new Error('bridge gone')) };
    createProgressSaver(throwing, lesson.id, PROGRESS, onResult).save({ ...PROGRESS, stepId: 'wrap-up' });
    await flush();
    expect(onResult.mock.calls).toEqual([['EACCES: permission denied'], ['bridge gone']]);
  });
});
