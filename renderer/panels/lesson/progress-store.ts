/**
 * Where a learner's place in a lesson is kept between sessions: the host's store (desktop: lesson-progress.json in
 * the user-data folder, written atomically by the main process; browser: local storage). Reading is asynchronous,
 * so the panel waits for it before showing a step; writing is sent after every change, one save at a time.
 */
import type { HostServices } from '../../host/host-services.ts';
import { resumeIndex, startingProgress, type Lesson, type LessonProgress } from './lesson-model.ts';

export type ProgressHost = Pick<HostServices, 'loadLessonProgress' | 'saveLessonProgress'>;

/** A fresh shuffle seed for a learner who has none yet. */
export function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

export interface ResumePoint {
  progress: LessonProgress;
  /** What the host holds now (for a first visit, the starting point, which is not worth writing on its own). */
  stored: LessonProgress;
}

/**
 * Where the lesson resumes: the saved progress on its step as the lesson stands today, or the first step. Progress
 * without a shuffle seed (a first visit, or saved before choices were shuffled) gets one here.
 */
export async function loadResumeProgress(host: ProgressHost, lesson: Lesson, makeSeed: () => number = randomSeed): Promise<ResumePoint> {
  let saved: LessonProgress | undefined;
  try {
    saved = await host.loadLessonProgress(lesson.id);
  } catch {
    // Hosts answer "no progress" rather than reject; a broken one still must not keep the lesson from opening.
    saved = undefined;
  }
  if (!saved) {
    const progress = startingProgress(lesson, makeSeed());
    return { progress, stored: progress };
  }
  const stored = { ...saved, stepId: lesson.steps[resumeIndex(lesson, saved)]!.id };
  return { progress: stored.seed === undefined ? { ...stored, seed: makeSeed() } : stored, stored };
}

export interface ProgressSaver {
  /** Queues the progress for saving, unless it equals what was saved (or loaded) last. */
  save(progress: LessonProgress): void;
}

/**
 * Saves one after another, so a slow write can never land after a newer one and leave the older place on disk, and
 * skips saves that would write what is already there (opening the lesson for the first time writes nothing). `onResult` hears
 * undefined after each successful save and the reason after each failed one.
 */
export function createProgressSaver(host: ProgressHost, lessonId: string, stored: LessonProgress, onResult: (error: string | undefined) => void): ProgressSaver {
  let last = JSON.stringify(stored);
  let queue: Promise<void> = Promise.resolve();
  return {
    save(progress) {
      const text = JSON.stringify(progress);
      if (text === last) return;
      last = text;
      const copy = structuredClone(progress);
      queue = queue.then(async () => {
        try {
          const result = await host.saveLessonProgress(lessonId, copy);
          onResult(result.ok ? undefined : result.error);
        } catch (error) {
          onResult(error instanceof Error ? error.message : String(error));
        }
      });
    },
  };
}
