/**
 * Where a learner's place in a lesson is kept between sessions. One interface, so the panel does not care where.
 *
 * Both hosts use the browser's localStorage: the desktop bridge's settings (shared/ipc/ipc-contract.ts) are a
 * closed, validated set of fields (theme, speed, last scenario) read asynchronously, with no room for lesson
 * progress, and the desktop window's `app://` origin is a standard, secure scheme, so localStorage persists there
 * as it does in the browser build.
 */
import { sanitizeProgress, type LessonProgress } from './lesson-model.ts';

export interface ProgressStore {
  load(lessonId: string): LessonProgress | undefined;
  save(lessonId: string, progress: LessonProgress): void;
}

const KEY_PREFIX = 'tokenscope.lesson.';

/** Progress in a Storage (localStorage). Unreadable or corrupt entries read as "no progress"; failed writes are dropped. */
export function createStorageProgressStore(storage: Pick<Storage, 'getItem' | 'setItem'>): ProgressStore {
  return {
    load(lessonId) {
      try {
        const text = storage.getItem(KEY_PREFIX + lessonId);
        return text === null ? undefined : sanitizeProgress(JSON.parse(text));
      } catch {
        // Private browsing, a disabled storage or a hand-edited entry: start the lesson from the top.
        return undefined;
      }
    },
    save(lessonId, progress) {
      try {
        storage.setItem(KEY_PREFIX + lessonId, JSON.stringify(progress));
      } catch {
        // A full or disabled storage must not break the lesson; the learner only loses the ability to resume.
      }
    },
  };
}

/** Progress for this session only, when no storage is available. */
export function createMemoryProgressStore(): ProgressStore {
  const saved = new Map<string, string>();
  return {
    load: (lessonId) => {
      const text = saved.get(lessonId);
      return text === undefined ? undefined : sanitizeProgress(JSON.parse(text));
    },
    save: (lessonId, progress) => {
      saved.set(lessonId, JSON.stringify(progress));
    },
  };
}

/** The store the panel uses when none is given: localStorage when the page can reach it. */
export function defaultProgressStore(): ProgressStore {
  try {
    if (typeof window !== 'undefined' && window.localStorage) return createStorageProgressStore(window.localStorage);
  } catch {
    // Reading window.localStorage itself throws when storage is blocked.
  }
  return createMemoryProgressStore();
}
