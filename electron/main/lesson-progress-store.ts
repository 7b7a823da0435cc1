/**
 * Lesson progress, one entry per lesson id, in its own file (lesson-progress.json in the user-data folder) so that
 * a learner's place never depends on the settings file and a broken one cannot take the other down with it.
 * Written atomically; a corrupt file is moved aside; a readable file keeps every lesson entry that is still valid.
 */
import * as nodeFs from 'node:fs';
import { isLessonId, MAX_SAVED_LESSONS, sanitizeLessonProgress, type LessonProgress } from '../../shared/ipc/lesson-progress.ts';
import { readJsonObjectFile, writeFileAtomicallySync, type AtomicFs } from './atomic-file.ts';
import type { LoadOutcome } from './settings-store.ts';
import { LESSON_PROGRESS_FILE_MAX_BYTES } from '../../shared/limits/input-budgets.ts';
import { isRecord } from '../../shared/validation/checked.ts';

export const LESSON_PROGRESS_FILE_NAME = 'lesson-progress.json';
const FORMAT_VERSION = 1;

export interface LessonProgressStoreOptions {
  fs?: AtomicFs;
  /** Wall clock for naming the set-aside copy of a corrupt file. */
  now?: () => number;
  log?: (message: string) => void;
}

export class LessonProgressStore {
  private lessons = new Map<string, LessonProgress>();
  private readonly fs: AtomicFs;
  private readonly now: () => number;
  private readonly log: (message: string) => void;

  constructor(
    readonly filePath: string,
    options: LessonProgressStoreOptions = {},
  ) {
    this.fs = options.fs ?? nodeFs;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((message) => console.warn(`[lesson-progress] ${message}`));
  }

  /** Reads the file once at startup. Never throws: a lesson must open even when its saved place is lost. */
  load(): LoadOutcome {
    const read = readJsonObjectFile(this.fs, this.filePath, this.now, this.log, LESSON_PROGRESS_FILE_MAX_BYTES);
    this.lessons = new Map();
    if (read.kind === 'loaded') {
      const raw = isRecord(read.value.lessons) ? read.value.lessons : {};
      for (const [lessonId, entry] of Object.entries(raw).slice(0, MAX_SAVED_LESSONS)) {
        const progress = isLessonId(lessonId) ? sanitizeLessonProgress(entry) : undefined;
        if (progress) this.lessons.set(lessonId, progress);
      }
      return { kind: 'loaded' };
    }
    if (read.kind === 'unreadable') this.log(`cannot read ${this.filePath}: ${read.reason}; lessons start from the top`);
    if (read.kind === 'corrupt') {
      this.log(`${this.filePath} is corrupt (${read.reason}); lessons start from the top${read.keptAs ? `, the old file is kept as ${read.keptAs}` : ''}`);
    }
    return read;
  }

  get(lessonId: string): LessonProgress | null {
    const progress = this.lessons.get(lessonId);
    return progress ? structuredClone(progress) : null;
  }

  /** Saves already validated progress; throws if the file cannot be written, and then keeps what is on disk. */
  set(lessonId: string, progress: LessonProgress): void {
    if (!this.lessons.has(lessonId) && this.lessons.size >= MAX_SAVED_LESSONS) {
      throw new Error(`cannot save progress for ${lessonId}: at most ${MAX_SAVED_LESSONS} lessons are remembered`);
    }
    const next = new Map(this.lessons).set(lessonId, structuredClone(progress));
    const text = JSON.stringify({ version: FORMAT_VERSION, lessons: Object.fromEntries(next) }, null, 2) + '\n';
    writeFileAtomicallySync(this.fs, this.filePath, Buffer.from(text, 'utf8'));
    this.lessons = next;
  }
}
