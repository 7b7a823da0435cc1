import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AtomicFs } from '../../../electron/main/atomic-file.ts';
import { LESSON_PROGRESS_FILE_NAME, LessonProgressStore } from '../../../electron/main/lesson-progress-store.ts';
import type { LessonProgress } from '../../../shared/ipc/lesson-progress.ts';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tokenscope-progress-'));
  file = path.join(dir, LESSON_PROGRESS_FILE_NAME);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const quiet = { log: () => {} };
const AT_ROTATION: LessonProgress = { stepId: 'rotation', completed: ['welcome'], quizzes: { 'quiz-why-safer': { choice: 1, correct: true } } };

/** The real fs, with one call made to fail as a crash or a full disk would. */
function failingFs(call: keyof AtomicFs, error: string): AtomicFs {
  return {
    ...fs,
    [call]: () => {
      throw Object.assign(new Error(error), { code: error.split(':')[0] });
    },
  };
}

describe('LessonProgressStore', () => {
  it('has no progress for any lesson before the first save', () => {
    const store = new LessonProgressStore(file, quiet);
    expect(store.load()).toEqual({ kind: 'missing' });
    expect(store.get('projected-tokens')).toBeNull();
  });

  it('keeps one entry per lesson and reads them back after a restart', () => {
    const first = new LessonProgressStore(file, quiet);
    first.load();
    first.set('projected-tokens', AT_ROTATION);
    first.set('legacy-cleanup', { stepId: 'intro', completed: [], quizzes: {} });

    const second = new LessonProgressStore(file, quiet);
    expect(second.load()).toEqual({ kind: 'loaded' });
    expect(second.get('projected-tokens')).toEqual(AT_ROTATION);
    expect(second.get('legacy-cleanup')).toEqual({ stepId: 'intro', completed: [], quizzes: {} });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1, lessons: { 'projected-tokens': AT_ROTATION } });
  });

  it('hands out copies, so a caller cannot change what is stored', () => {
    const store = new LessonProgressStore(file, quiet);
    store.set('projected-tokens', AT_ROTATION);
    store.get('projected-tokens')!.completed.push('tampered');
    expect(store.get('projected-tokens')).toEqual(AT_ROTATION);
  });

  it('keeps the previous file, and what it reports, when a write fails before the rename (a crash mid-write)', () => {
    const good = new LessonProgressStore(file, quiet);
    good.set('projected-tokens', AT_ROTATION);
    const before = readFileSync(file, 'utf8');

    for (const [call, error] of [
      ['fsyncSync', 'EIO: i/o error'],
      ['writeSync', 'ENOSPC: no space left on device'],
      ['renameSync', 'EPERM: operation not permitted'],
    ] as const) {
      const store = new LessonProgressStore(file, { ...quiet, fs: failingFs(call, error) });
      store.load();
      expect(() => store.set('projected-tokens', { stepId: 'wrap-up', completed: [], quizzes: {} })).toThrow(error.split(':')[0]);
      expect(readFileSync(file, 'utf8')).toBe(before);
      expect(readdirSync(dir)).toEqual([LESSON_PROGRESS_FILE_NAME]);
      expect(store.get('projected-tokens')).toEqual(AT_ROTATION);
    }
  });

  it('moves a corrupt file aside, byte for byte, and starts every lesson from the top', () => {
    const corrupt = '{"version":1,"lessons":{"projected-tokens":{"stepId":"rot';
    writeFileSync(file, corrupt);
    const logged: string[] = [];
    const store = new LessonProgressStore(file, { now: () => 42, log: (m) => logged.push(m) });
    expect(store.load()).toMatchObject({ kind: 'corrupt', keptAs: path.join(dir, 'lesson-progress.corrupt-42.json') });
    expect(store.get('projected-tokens')).toBeNull();
    expect(readFileSync(path.join(dir, 'lesson-progress.corrupt-42.json'), 'utf8')).toBe(corrupt);
    expect(logged.join('\n')).toContain('corrupt');
  });

  it('keeps every lesson entry that is still valid and drops the others', () => {
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        lessons: {
          'projected-tokens': { ...AT_ROTATION, quizzes: { ...AT_ROTATION.quizzes, broken: { choice: 'b' } } },
          '../escape': AT_ROTATION,
          'no-step': { completed: [] },
          'a-string': 'rotation',
        },
      }),
    );
    const store = new LessonProgressStore(file, quiet);
    expect(store.load()).toEqual({ kind: 'loaded' });
    expect(store.get('projected-tokens')).toEqual(AT_ROTATION);
    for (const id of ['../escape', 'no-step', 'a-string']) expect(store.get(id)).toBeNull();
  });

  it('reads a file without a lessons object as no progress', () => {
    writeFileSync(file, JSON.stringify({ version: 1, lessons: [1, 2] }));
    const store = new LessonProgressStore(file, quiet);
    expect(store.load()).toEqual({ kind: 'loaded' });
    expect(store.get('projected-tokens')).toBeNull();
  });

  it('remembers at most 100 lessons, refusing a new one beyond that but still updating the ones it has', () => {
    const store = new LessonProgressStore(file, quiet);
    for (let i = 0; i < 100; i++) store.set(`lesson-${i}`, AT_ROTATION);
    expect(() => store.set('one-too-many', AT_ROTATION)).toThrow(/at most 100 lessons/);
    expect(() => store.set('lesson-7', { stepId: 'wrap-up', completed: [], quizzes: {} })).not.toThrow();
    expect(store.get('lesson-7')?.stepId).toBe('wrap-up');
  });
});
