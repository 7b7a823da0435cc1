/**
 * Messages that once misled, each now saying what is actually wrong: a duration past Go's time.Duration is "too
 * long", not "not a duration"; a start before 1970 is "before 1970", not "not an ISO 8601 instant"; a note of 150
 * emoji is 150 characters, not 300; a huge value is quoted short. (Aliases and nesting: yaml-is-read-in-linear-time-
 * within-its-budgets.test.ts; the CLI's: cli-refuses-clearly-and-never-replaces-a-file-by-accident.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { MAX_ANNOTATION_CHARS, parseScenario } from '../../../shared/scenario/parse-scenario.ts';
import { parseGoDuration } from '../../../shared/time/duration.ts';
import { readDraft } from '../../../renderer/presentation/annotation-draft.ts';

const scenario = (extra: string, duration = '1h') => `name: x\nduration: ${duration}\nflows: [{id: f, kubernetesVersion: "1.30"}]\nsteps: []\n${extra}`;

function firstError(text: string): string {
  const result = parseScenario(text);
  return result.ok ? '' : result.errors[0]!.message;
}

describe('scenario messages', () => {
  it('a duration past about 292 years is too long (and kubectl\'s Go error stays Go\'s)', () => {
    expect(firstError(scenario('', '300y'))).toBe('duration: "300y" is too long: durations go up to about 292 years (2562047h, Go\'s time.Duration) (line 2, column 11)');
    expect(parseGoDuration('3000000h')).toEqual({ ok: false, error: 'time: invalid duration "3000000h"' });
  });

  it('a start before 1970 says so; a malformed one is still "not an ISO 8601 instant"', () => {
    expect(firstError(scenario('start: 1969-07-20T20:17:00Z\n'))).toBe(
      'start: "1969-07-20T20:17:00Z" is before 1970-01-01T00:00:00Z: token times (iat, exp) count seconds from then, so a simulated cluster starts in 1970 or later (line 5, column 8)',
    );
    expect(firstError(scenario('start: 1969-02-29\n'))).toMatch(/is not a date: February 1969 has 28 days/);
    expect(firstError(scenario('start: July 1969\n'))).toMatch(/is not an ISO 8601 instant/);
  });

  it('a note is measured in characters, not UTF-16 units', () => {
    const emoji = '😀'.repeat(150);
    expect(parseScenario(scenario(`annotations:\n  - {at: 0s, text: "${emoji}"}\n`)).ok).toBe(true);
    expect(firstError(scenario(`annotations:\n  - {at: 0s, text: "${'😀'.repeat(MAX_ANNOTATION_CHARS + 1)}"}\n`))).toMatch(/^annotations\[0\]\.text: is 201 characters; keep a note to 200/);
    expect(readDraft({ text: emoji, from: '0s', until: '', flow: '' }, 3_600_000, ['f'])).toMatchObject({ ok: true });
  });

  it('a huge value is quoted short, with its unit', () => {
    const message = firstError(scenario('', `1${'x'.repeat(100_000)}`));
    expect(message.length).toBeLessThan(300);
    expect(message).toMatch(/^duration: "1x{59}…" has an unknown unit "x{20}…"; use a number and a unit/);
  });
});
