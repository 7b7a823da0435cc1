/**
 * Where lesson progress is kept: a Storage-backed store that survives corrupt entries and failing storage, and the
 * in-memory fallback.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryProgressStore, createStorageProgressStore } from '../../../../renderer/panels/lesson/progress-store.ts';
import type { LessonProgress } from '../../../../renderer/panels/lesson/lesson-model.ts';

const PROGRESS: LessonProgress = { stepId: 'rotation', completed: ['legacy-forever'], quizzes: { 'quiz-why-safer': { choice: 1, correct: true } } };

function mapStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('createStorageProgressStore', () => {
  it('saves under a per-lesson key and loads the same progress back', () => {
    const storage = mapStorage();
    const store = createStorageProgressStore(storage);
    store.save('projected-tokens', PROGRESS);
    expect([...storage.items.keys()]).toEqual(['tokenscope.lesson.projected-tokens']);
    expect(store.load('projected-tokens')).toEqual(PROGRESS);
    expect(store.load('another-lesson')).toBeUndefined();
  });

  it('reads a corrupt or malformed entry as no progress', () => {
    const store = createStorageProgressStore(mapStorage({ 'tokenscope.lesson.a': '{not json', 'tokenscope.lesson.b': '{"completed":[]}' }));
    expect(store.load('a')).toBeUndefined();
    expect(store.load('b')).toBeUndefined();
  });

  it('does not throw when the storage refuses to read or write', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const store = createStorageProgressStore(broken);
    expect(() => store.save('a', PROGRESS)).not.toThrow();
    expect(store.load('a')).toBeUndefined();
  });
});

describe('createMemoryProgressStore', () => {
  it('keeps a copy, so later changes to the saved object do not leak in', () => {
    const store = createMemoryProgressStore();
    const progress = structuredClone(PROGRESS);
    store.save('a', progress);
    progress.completed.push('changed');
    expect(store.load('a')).toEqual(PROGRESS);
  });
});
