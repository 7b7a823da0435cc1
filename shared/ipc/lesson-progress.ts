/**
 * A learner's place in a guided lesson, as it is saved between sessions (desktop: lesson-progress.json in the
 * user-data folder; browser: local storage) and as it crosses from the renderer to the main process. Pure data and
 * two readers: a strict one for what a page sends (it says what is wrong), and a lenient one for what was saved
 * earlier (it keeps what is still well formed, so a hand-edited or older file loses only its broken parts).
 */
import { isRecord, type Checked } from '../validation/checked.ts';

export interface QuizEvidence {
  atMs: number;
  flow: string;
  message: string;
  /** The simulation showed the refuting event first: the lesson's answer is contradicted. */
  refuted: boolean;
}

export interface QuizRecord {
  choice: number;
  correct: boolean;
  evidence?: QuizEvidence;
}

export interface LessonProgress {
  /** The step the learner is on. */
  stepId: string;
  /** Steps whose outcome has been seen at least once (it stays met even after the scenario is reloaded). */
  completed: string[];
  /** Checked quiz answers, by step id. */
  quizzes: Record<string, QuizRecord>;
  /**
   * This learner's shuffle of the quiz choices (an unsigned 32-bit integer), kept so the order stays put across steps
   * and reloads. Absent in progress saved before choices were shuffled; the lesson then picks one.
   */
  seed?: number;
}

/** Lesson and step ids, as the lesson parser accepts them. */
export const LESSON_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Far above any real lesson (ours has 26 steps), low enough that a hostile page cannot grow the file without bound. */
export const MAX_LESSON_STEPS = 500;
export const MAX_EVIDENCE_MESSAGE_CHARS = 20_000;
/** Lessons kept in one progress file. */
export const MAX_SAVED_LESSONS = 100;
/**
 * One lesson's progress as JSON. Ours is a few kB; the cap keeps a compromised page from growing the progress file
 * towards a gigabyte through many long evidence messages (100 lessons × this stays under 26 MB).
 */
export const MAX_PROGRESS_JSON_CHARS = 256 * 1024;

export function isProgressSeed(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffff_ffff;
}

export function isLessonId(value: unknown): value is string {
  return typeof value === 'string' && LESSON_ID_PATTERN.test(value);
}

function readEvidence(value: unknown): QuizEvidence | undefined {
  if (!isRecord(value)) return undefined;
  const { atMs, flow, message, refuted } = value;
  if (typeof atMs !== 'number' || !Number.isFinite(atMs) || atMs < 0) return undefined;
  if (typeof flow !== 'string' || flow.length === 0 || flow.length > 100) return undefined;
  if (typeof message !== 'string' || message.length > MAX_EVIDENCE_MESSAGE_CHARS || typeof refuted !== 'boolean') return undefined;
  return { atMs, flow, message, refuted };
}

function readQuizRecord(value: unknown): QuizRecord | undefined {
  if (!isRecord(value)) return undefined;
  const { choice, correct } = value;
  if (typeof choice !== 'number' || !Number.isInteger(choice) || choice < 0 || choice > 1000 || typeof correct !== 'boolean') return undefined;
  const record: QuizRecord = { choice, correct };
  const evidence = readEvidence(value.evidence);
  if (evidence) record.evidence = evidence;
  return record;
}

/**
 * Strict: checks progress a page sent and names the first thing wrong. Unknown fields are refused, and so is
 * evidence that is present but malformed (the lenient reader below would drop it silently).
 */
export function validateLessonProgress(value: unknown, path = 'progress'): Checked<LessonProgress> {
  if (!isRecord(value)) return { ok: false, error: `${path}: expected an object` };
  for (const key of Object.keys(value)) {
    if (key !== 'stepId' && key !== 'completed' && key !== 'quizzes' && key !== 'seed') return { ok: false, error: `${path}: unknown field ${JSON.stringify(key)}` };
  }
  if (!isLessonId(value.stepId)) return { ok: false, error: `${path}.stepId: expected a step id (lowercase letters, digits, dashes; at most 64)` };
  const completed = value.completed;
  if (!Array.isArray(completed)) return { ok: false, error: `${path}.completed: expected a list of step ids` };
  if (completed.length > MAX_LESSON_STEPS) return { ok: false, error: `${path}.completed: at most ${MAX_LESSON_STEPS} steps` };
  if (!completed.every(isLessonId)) return { ok: false, error: `${path}.completed[${completed.findIndex((id) => !isLessonId(id))}]: expected a step id` };
  if (!isRecord(value.quizzes)) return { ok: false, error: `${path}.quizzes: expected an object of answers by step id` };
  const entries = Object.entries(value.quizzes);
  if (entries.length > MAX_LESSON_STEPS) return { ok: false, error: `${path}.quizzes: at most ${MAX_LESSON_STEPS} answers` };
  const quizzes: Record<string, QuizRecord> = {};
  for (const [stepId, raw] of entries) {
    // Ids only (no "__proto__" can pass), so assigning by key below cannot reach the prototype.
    if (!LESSON_ID_PATTERN.test(stepId)) return { ok: false, error: `${path}.quizzes: ${JSON.stringify(stepId.slice(0, 80))} is not a step id` };
    const record = readQuizRecord(raw);
    const evidenceDropped = isRecord(raw) && raw.evidence !== undefined && record?.evidence === undefined;
    const extra = isRecord(raw) && Object.keys(raw).some((k) => k !== 'choice' && k !== 'correct' && k !== 'evidence');
    if (!record || evidenceDropped || extra) {
      return { ok: false, error: `${path}.quizzes.${stepId}: expected { choice: integer ≥ 0, correct: boolean, evidence?: { atMs, flow, message, refuted } }` };
    }
    quizzes[stepId] = record;
  }
  if (value.seed !== undefined && !isProgressSeed(value.seed)) return { ok: false, error: `${path}.seed: expected an integer from 0 to 4294967295` };
  const progress: LessonProgress = { stepId: value.stepId, completed: [...completed], quizzes, ...(value.seed !== undefined ? { seed: value.seed } : {}) };
  if (JSON.stringify(progress).length > MAX_PROGRESS_JSON_CHARS) return { ok: false, error: `${path}: larger than ${MAX_PROGRESS_JSON_CHARS / 1024} kB` };
  return { ok: true, value: progress };
}

/** Lenient: reads saved progress defensively; anything malformed is dropped, never trusted. */
export function sanitizeLessonProgress(value: unknown): LessonProgress | undefined {
  if (!isRecord(value) || typeof value.stepId !== 'string' || value.stepId.length === 0 || value.stepId.length > 200) return undefined;
  const completed = Array.isArray(value.completed)
    ? value.completed.filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 200).slice(0, MAX_LESSON_STEPS)
    : [];
  const quizzes: Record<string, QuizRecord> = {};
  if (isRecord(value.quizzes)) {
    for (const [id, raw] of Object.entries(value.quizzes).slice(0, MAX_LESSON_STEPS)) {
      const record = readQuizRecord(raw);
      if (record && id !== '__proto__') quizzes[id] = record;
    }
  }
  return { stepId: value.stepId, completed, quizzes, ...(isProgressSeed(value.seed) ? { seed: value.seed } : {}) };
}
