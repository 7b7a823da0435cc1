/**
 * Lesson refusals that used to mislead: a step naming an inline scenario that has its own errors was told the
 * scenario does not exist; a scenario named by its file name or in other capitals got no hint; an empty list was
 * "got a list"; a speed the app cannot play, or a count no run can reach, was accepted; a folded scenario block
 * gave YAML nonsense.
 */
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../../renderer/panels/lesson/parse-lesson.ts';

const DEMO = '  demo: |\n    name: demo\n    duration: 2h\n    flows: [{id: projected, kubernetesVersion: "1.30"}]\n    steps: []\n';
const FILE = 'name: from-file\nduration: 1h\nflows: [{id: legacy, kubernetesVersion: "1.20"}]\nsteps: []\n';
const lesson = (steps: string, scenarios = DEMO, top = '') => `id: l\ntitle: T\n${top}scenarios:\n${scenarios}steps:\n${steps}`;
const step = (extra = '', scenario = 'demo') => `  - id: s1\n    title: T\n    body: B\n    scenario: ${scenario}\n${extra}`;

function messages(text: string): string[] {
  const result = parseLesson(text, { scenarioFiles: { 'from-file': FILE } });
  return result.ok ? [] : result.errors.map((error) => error.message);
}

describe('scenarios a step names', () => {
  it('an inline scenario with errors is reported once, at its error, not as missing', () => {
    const found = messages(lesson(step(), DEMO.replace('duration: 2h', 'duration: 2x')));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^scenarios\.demo: duration: "2x" has an unknown unit "x"/);
  });

  it('a file name with .yaml, or other capitals, says which scenario is meant', () => {
    expect(messages(lesson(step('', 'from-file.yaml')))).toEqual([
      'steps[0].scenario: no scenario named "from-file.yaml" (did you mean from-file? name a file in assets/scenarios without .yaml): it is neither in this lesson\'s scenarios: nor a file in assets/scenarios; known: demo, from-file (line 13, column 15)',
    ]);
    expect(messages(lesson(step('', 'Demo')))[0]).toMatch(/^steps\[0\]\.scenario: no scenario named "Demo" \(did you mean demo\?\)/);
  });

  it('a folded block (>) is named as the cause when the scenario does not read', () => {
    expect(messages(lesson(step(), DEMO.replace('demo: |', 'demo: >')))).toEqual([
      "scenarios.demo: is a folded block (>), which joins the scenario's lines into one, so it does not read as YAML; write demo: | (a literal block) instead (line 4, column 9)",
    ]);
  });
});

describe('what needs a scenario', () => {
  it('startAt and hints on a step with no scenario are refused, not accepted and never used', () => {
    const bare = (extra: string) => `id: l\ntitle: T\nsteps:\n  - {id: a, title: t, body: b, ${extra}}\n`;
    expect(messages(bare('startAt: 5m'))).toEqual(['steps[0]: startAt needs a scenario: give this step (or an earlier one) a scenario: (line 4, column 41)']);
    expect(messages(bare('hints: [{when: {tokenAge: {flow: zz, pod: app}}, text: x}]'))).toEqual(['steps[0]: hints needs a scenario: give this step (or an earlier one) a scenario: (line 4, column 39)']);
  });

  it('a suggested command line that would not parse is refused here, not when the learner clicks it', () => {
    expect(messages(lesson(step('    command: {flow: projected, line: "get sa \'x"}\n')))).toEqual([
      "steps[0].command.line: the command line does not parse: the ' quote at column 8 of the command is never closed (line 14, column 38)",
    ]);
  });
});

describe('values', () => {
  it('a list where one value is expected points to oneOf', () => {
    expect(messages(lesson(step('    waitFor: {description: d, event: token.issued, where: {refs.pod: [a, b]}}\n')))[0]).toMatch(
      /^steps\[0\]\.waitFor\.where\.refs\.pod: must be a value to equal, or tests such as .*, got a list; to accept any of several values write \{oneOf: \[a, b\]\}/,
    );
  });


  it('an empty list or mapping is called empty', () => {
    expect(messages('id: l\ntitle: T\nsteps: []\n')).toEqual(['steps: must be a non-empty list of steps, got an empty list (line 3, column 8)']);
    expect(messages(lesson(step('    waitFor: {description: d, event: token.issued, where: {exitCode: {oneOf: []}}}\n')))[0]).toMatch(
      /^steps\[0\]\.waitFor\.where\.exitCode\.oneOf: must be a non-empty list of plain values, got an empty list/,
    );
  });

  it('choices of the wrong type are "must be a list", not "is required"', () => {
    expect(messages(lesson(step('    quiz: {question: q, choices: a, answer: 1, explanation: e}\n')))).toEqual([
      'steps[0].quiz.choices: must be a list of two or more answers, got the string "a" (line 14, column 34)',
    ]);
  });

  it('a number or true/false where text belongs says to put it in quotes', () => {
    expect(messages(lesson(step('    quiz: {question: q, choices: [true, false], answer: 1, explanation: e}\n')))).toEqual([
      'steps[0].quiz.choices[0]: must be a non-empty string, got the boolean true; put it in quotes (line 14, column 35)',
    ]);
    expect(messages(lesson(step()).replace('title: T', 'title: 2025'))).toEqual(['title: must be a string, got the number 2025; put it in quotes (line 2, column 8)']);
  });

  it('a number written in quotes says to remove them', () => {
    expect(messages(lesson(step('    quiz: {question: q, choices: [a, b], answer: "2", explanation: e}\n')))).toEqual([
      'steps[0].quiz.answer: must be the number of one of the choices (1 to 2), got the string "2"; remove the quotes (line 14, column 50)',
    ]);
    expect(messages(lesson(step('    waitFor: {description: d, event: token.issued, count: "2"}\n')))[0]).toMatch(/count: must be a whole number of at least 1, got the string "2"; remove the quotes/);
    expect(messages(lesson(step('    scene: "1"\n')))[0]).toMatch(/scene: must be a scene's number, counting from 1, got the string "1"; remove the quotes/);
    expect(messages(lesson(step(), DEMO, 'speed: "600"\n'))[0]).toMatch(/got the string "600"; remove the quotes/);
  });

  it('a speed slower than the app can play is refused, with the same range as a scene\'s', () => {
    expect(messages(lesson(step(), DEMO, 'speed: 0.01\n'))).toEqual(['speed: must be a speed in simulated seconds per second, from 0.1 to 10,000,000, got the number 0.01 (line 3, column 8)']);
    expect(messages(lesson(step('    speed: 0.1\n')))).toEqual([]);
  });

  it('a count no run can reach is refused with the run\'s limit', () => {
    expect(messages(lesson(step('    waitFor: {description: d, event: token.issued, count: 1e20}\n')))).toEqual([
      'steps[0].waitFor.count: 1e20 is more events than a run keeps (500,000), so the step could never complete (line 14, column 59)',
    ]);
    expect(messages(lesson(step('    waitFor: {description: d, event: token.issued, count: 600000}\n')))[0]).toMatch(/count: 600000 is more events than a run keeps/);
  });
});
