/**
 * Lesson progress crosses from the page to the main process and back from files a user may have edited: what a page
 * sends is checked strictly and refused with a reason; what was saved is read leniently, keeping what is still sound.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeLessonProgress, validateLessonProgress, type LessonProgress } from '../../../shared/ipc/lesson-progress.ts';

const GOOD: LessonProgress = {
  stepId: 'rotation',
  completed: ['welcome', 'legacy-forever'],
  quizzes: { 'predict-stolen-copy': { choice: 1, correct: true, evidence: { atMs: 4_200_000, flow: 'projected', message: '401 Unauthorized', refuted: false } } },
  seed: 3_000_000_000,
};

describe('validateLessonProgress (what a page sends)', () => {
  it('accepts well-formed progress and returns a copy', () => {
    const checked = validateLessonProgress(GOOD);
    expect(checked).toEqual({ ok: true, value: GOOD });
    if (checked.ok) expect(checked.value.completed).not.toBe(GOOD.completed);
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', 'rotation', /^progress: expected an object/],
    ['an unknown field', { ...GOOD, admin: true }, /unknown field "admin"/],
    ['a step id with a path in it', { ...GOOD, stepId: '../../etc' }, /progress\.stepId/],
    ['completed as a string', { ...GOOD, completed: 'welcome' }, /progress\.completed: expected a list/],
    ['a number among the completed steps', { ...GOOD, completed: ['welcome', 7] }, /progress\.completed\[1\]/],
    ['too many completed steps', { ...GOOD, completed: Array.from({ length: 501 }, (_, i) => `s${i}`) }, /at most 500 steps/],
    ['quizzes as a list', { ...GOOD, quizzes: [] }, /progress\.quizzes: expected an object/],
    ['a quiz keyed by a strange id', { ...GOOD, quizzes: { 'No Way': { choice: 0, correct: true } } }, /"No Way" is not a step id/],
    ['a fractional choice', { ...GOOD, quizzes: { q: { choice: 1.5, correct: true } } }, /progress\.quizzes\.q: expected/],
    ['a negative choice', { ...GOOD, quizzes: { q: { choice: -1, correct: true } } }, /progress\.quizzes\.q/],
    ['malformed evidence', { ...GOOD, quizzes: { q: { choice: 0, correct: true, evidence: { atMs: 'soon' } } } }, /progress\.quizzes\.q/],
    ['a shuffle seed that is not a 32-bit unsigned integer', { ...GOOD, seed: 2 ** 32 }, /progress\.seed: expected an integer/],
    ['a shuffle seed given as text', { ...GOOD, seed: '7' }, /progress\.seed/],
    ['an extra field in an answer', { ...GOOD, quizzes: { q: { choice: 0, correct: true, hacked: 1 } } }, /progress\.quizzes\.q/],
    [
      'answers whose evidence adds up to megabytes',
      {
        ...GOOD,
        quizzes: Object.fromEntries(
          Array.from({ length: 100 }, (_, i) => [`q${i}`, { choice: 0, correct: true, evidence: { atMs: 0, flow: 'f', message: 'x'.repeat(19_000), refuted: false } }]),
        ),
      },
      /^progress: larger than 256 kB/,
    ],
  ])('refuses %s, saying where', (_name, value, error) => {
    const checked = validateLessonProgress(value);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toMatch(error);
  });
});

describe('sanitizeLessonProgress (what was saved)', () => {
  it('keeps what is well formed and drops the rest', () => {
    expect(sanitizeLessonProgress(null)).toBeUndefined();
    expect(sanitizeLessonProgress({ completed: [] })).toBeUndefined();
    expect(
      sanitizeLessonProgress({
        stepId: 'rotation',
        completed: ['a', 3, 'b'],
        quizzes: { good: { choice: 1, correct: true, evidence: { atMs: 5, flow: 'f', message: 'm', refuted: false } }, bad: { choice: 'x' }, none: null },
      }),
    ).toEqual({ stepId: 'rotation', completed: ['a', 'b'], quizzes: { good: { choice: 1, correct: true, evidence: { atMs: 5, flow: 'f', message: 'm', refuted: false } } } });
  });

  it('keeps a valid shuffle seed and drops a broken one, keeping the rest', () => {
    expect(sanitizeLessonProgress({ stepId: 's', completed: [], quizzes: {}, seed: 12 })).toEqual({ stepId: 's', completed: [], quizzes: {}, seed: 12 });
    expect(sanitizeLessonProgress({ stepId: 's', completed: [], quizzes: {}, seed: -1 })).toEqual({ stepId: 's', completed: [], quizzes: {} });
  });

  it('keeps an answer whose evidence is broken, without the evidence', () => {
    expect(sanitizeLessonProgress({ stepId: 's', completed: [], quizzes: { q: { choice: 0, correct: false, evidence: { atMs: -1 } } } })).toEqual({
      stepId: 's',
      completed: [],
      quizzes: { q: { choice: 0, correct: false } },
    });
  });

  it('never lets a "__proto__" entry reach the prototype', () => {
    const read = sanitizeLessonProgress(JSON.parse('{"stepId":"s","completed":[],"quizzes":{"__proto__":{"choice":0,"correct":true}}}'));
    expect(read?.quizzes).toEqual({});
    expect(Object.getPrototypeOf(read!.quizzes)).toBe(Object.prototype);
  });
});
