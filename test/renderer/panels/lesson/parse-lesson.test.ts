/**
 * Lesson files: what a valid one becomes, and the error (field path, line, column) each kind of mistake gets,
 * including mistakes inside an embedded scenario, which point into the lesson file. Fuzzed: no input throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../../renderer/panels/lesson/lesson-model.ts';
import type { InputError } from '../../../../shared/scenario/scenario-types.ts';

const SCENARIO = `  demo: |
    name: demo
    title: Demo
    duration: 2h
    flows:
      - id: projected
        kubernetesVersion: "1.30"
    steps:
      - at: 0s
        kubectl: create serviceaccount my-app
`;

const FILE_SCENARIO = `name: from-file
title: From a file
duration: 1h
flows:
  - id: legacy
    kubernetesVersion: "1.20"
steps: []
`;

function lesson(steps: string, scenarios = SCENARIO): string {
  return `id: demo-lesson
title: Demo lesson
scenarios:
${scenarios}steps:
${steps}`;
}

function parse(text: string) {
  return parseLesson(text, { scenarioFiles: { 'from-file': FILE_SCENARIO } });
}

function errorsOf(text: string): InputError[] {
  const result = parse(text);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

/** The 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index === -1) throw new Error(`no line with ${needle}`);
  return index + 1;
}

describe('parseLesson: a valid lesson', () => {
  const text = lesson(`  - id: intro
    title: Intro
    body: Read this.
  - id: act
    title: Act
    scenario: demo
    startAt: 5m
    speed: 60
    body: Do this.
    command: {flow: projected, line: kubectl create token my-app}
    waitFor:
      description: a token for my-app
      event: token.issued
      flow: projected
      after: 5m
      count: 1
      where: {requester: kubectl, refs.serviceAccount: my-app, expirationSec: {atLeast: 600, atMost: 3600}}
    hints:
      - when: {before: 10m, notSeen: {event: kubectl.ran}}
        text: Clock {now}.
  - id: ask
    title: Ask
    body: Predict.
    quiz:
      question: What?
      choices: [one, two]
      answer: 2
      explanation: Because.
      predict:
        pauseAt: 1h
        evidence: {event: token.expired}
        refutedBy: {event: request.denied, where: {status: {oneOf: [401, 403]}}}
  - id: file
    title: File
    scenario: from-file
    body: A file scenario.
`);

  it('reads steps, scenarios, commands, conditions, hints and quizzes', () => {
    const result = parse(text);
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    const [intro, act, ask, file] = result.value.steps;
    expect(intro).toMatchObject({ id: 'intro', startAtMs: 0, speed: 600, waitFor: [], hints: [] });
    expect(intro!.activeScenario).toBeUndefined();
    expect(act).toMatchObject({ scenario: 'demo', activeScenario: 'demo', startAtMs: 300_000, speed: 60, command: { flow: 'projected', line: 'create token my-app' } });
    expect(act!.waitFor).toEqual([
      {
        description: 'a token for my-app',
        event: 'token.issued',
        flow: 'projected',
        afterMs: 300_000,
        count: 1,
        where: [
          { path: 'requester', test: { equals: 'kubectl' } },
          { path: 'refs.serviceAccount', test: { equals: 'my-app' } },
          { path: 'expirationSec', test: { atLeast: 600, atMost: 3600 } },
        ],
      },
    ]);
    expect(act!.hints[0]!.when.beforeMs).toBe(600_000);
    expect(act!.hints[0]!.when.notSeen?.event).toBe('kubectl.ran');
    // The step after keeps the scenario and the pace of the one before it.
    expect(ask).toMatchObject({ activeScenario: 'demo', speed: 60 });
    expect(ask!.scenario).toBeUndefined();
    expect(ask!.quiz).toMatchObject({ question: 'What?', choices: ['one', 'two'], answerIndex: 1, predict: { pauseAtMs: 3_600_000 } });
    expect(ask!.quiz!.predict!.refutedBy!.where).toEqual([{ path: 'status', test: { oneOf: [401, 403] } }]);
    // A new scenario resets the pace to the lesson's.
    expect(file).toMatchObject({ scenario: 'from-file', speed: 600 });
    expect(result.value.scenarios['from-file']).toMatchObject({ origin: 'file', title: 'From a file', durationMs: 3_600_000, flows: ['legacy'] });
    expect(result.value.scenarios.demo).toMatchObject({ origin: 'inline', title: 'Demo', durationMs: 7_200_000, flows: ['projected'] });
  });
});

describe('parseLesson: mistakes and where they are reported', () => {
  it('reports YAML syntax errors with their line and column', () => {
    const errors = errorsOf('id: x\ntitle: [unclosed\n');
    expect(errors[0]!.message).toMatch(/^YAML syntax: /);
    expect(errors[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('refuses an empty file and a file that is not a mapping', () => {
    expect(errorsOf('')[0]!.message).toMatch(/the lesson is empty/);
    expect(errorsOf('- a\n- b\n')[0]!.message).toMatch(/must be a mapping/);
  });

  it('names an unknown step key, suggests the near miss, and points at it', () => {
    const text = lesson(`  - id: a
    title: A
    body: B
    waitfor: {event: token.issued}
`);
    const [error] = errorsOf(text);
    expect(error).toMatchObject({ path: 'steps[0]', line: lineOf(text, 'waitfor'), column: 5 });
    expect(error!.message).toContain('unknown key "waitfor" (did you mean waitFor?)');
  });

  it('refuses a step id used twice, pointing at the second', () => {
    const text = lesson(`  - id: same
    title: A
    body: B
  - id: same
    title: C
    body: D
`);
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'steps[1].id', line: lineOf(text, '- id: same') + 3 });
    expect(errors[0]!.message).toContain('"same" is already the id of step 1');
  });

  it('refuses a scenario that is neither inline nor a file, listing the known ones', () => {
    const text = lesson(`  - id: a
    title: A
    body: B
    scenario: nowhere
`);
    const [error] = errorsOf(text);
    expect(error).toMatchObject({ path: 'steps[0].scenario', line: lineOf(text, 'nowhere'), column: 15 });
    expect(error!.message).toContain('known: demo, from-file');
  });

  it('reports a mistake inside an embedded scenario at its place in the lesson file', () => {
    const bad = SCENARIO.replace('"1.30"', '"1.99"');
    const text = lesson(`  - id: a
    title: A
    body: B
`, bad);
    const [error] = errorsOf(text);
    expect(error!.path).toBe('scenarios.demo');
    expect(error!.message).toContain('"1.99" is not a simulated Kubernetes version');
    expect(error!.line).toBe(lineOf(text, '"1.99"'));
    expect(error!.column).toBe(text.split('\n')[lineOf(text, '"1.99"') - 1]!.indexOf('"1.99"') + 1);
  });

  it('refuses an unknown event type with a suggestion', () => {
    const text = lesson(`  - id: a
    title: A
    body: B
    scenario: demo
    waitFor: {description: d, event: token.issue}
`);
    const [error] = errorsOf(text);
    expect(error).toMatchObject({ path: 'steps[0].waitFor.event', line: lineOf(text, 'token.issue') });
    expect(error!.message).toContain('"token.issue" is not an event type (did you mean token.issued?)');
  });

  it('refuses a flow the step\'s scenario does not have, naming the flows it has', () => {
    const text = lesson(`  - id: a
    title: A
    body: B
    scenario: demo
    command: {flow: legacy, line: get sa}
`);
    const [error] = errorsOf(text);
    expect(error).toMatchObject({ path: 'steps[0].command.flow', line: lineOf(text, 'flow: legacy') });
    expect(error!.message).toContain('its flows are projected');
  });

  it('refuses a command or waitFor on a step that has no scenario yet', () => {
    const text = lesson(`  - id: a
    title: A
    body: B
    waitFor: {description: d, event: token.issued}
`);
    expect(errorsOf(text)[0]!.message).toContain('waitFor needs a scenario');
  });

  it('refuses an answer outside the choices, and a quiz with a single choice', () => {
    const text = lesson(`  - id: a
    title: A
    body: B
    quiz: {question: Q, choices: [x, y], answer: 3, explanation: E}
  - id: b
    title: A
    body: B
    quiz: {question: Q, choices: [x], answer: 1, explanation: E}
`);
    const messages = errorsOf(text).map((e) => `${e.path}: ${e.line}`);
    expect(messages).toEqual([`steps[0].quiz.answer: ${lineOf(text, 'answer: 3')}`, `steps[1].quiz.choices: ${lineOf(text, 'choices: [x]')}`]);
  });

  it('refuses prose that an unquoted " #" cut short, pointing at the #, and leaves quoted text and real comments alone', () => {
    const text = lesson(`  - id: a
    title: Token #2 # a comment on the title cuts it too
    body: B # and so does one here
    quiz:
      question: What happens to token #1?
      choices:
        - "token #1 works"
        - it stops #early
      answer: 1 # the first choice
      explanation: "E #1"
  # a comment on its own line
  - id: b
    title: T
    body: |
      token #3 in a block is text
`);
    const errors = errorsOf(text);
    expect(errors.map((e) => e.message.replace(/ \(line.*$/, ''))).toEqual([
      '"Token #2 # a comment on the title cuts it too" is cut short at "#": after a space, # starts a YAML comment. Put the text in double quotes',
      '"B # and so does one here" is cut short at "#": after a space, # starts a YAML comment. Put the text in double quotes',
      '"What happens to token #1?" is cut short at "#": after a space, # starts a YAML comment. Put the text in double quotes',
      '"it stops #early" is cut short at "#": after a space, # starts a YAML comment. Put the text in double quotes',
    ]);
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [lineOf(text, 'title: Token'), '    title: Token '.length + 1],
      [lineOf(text, 'body: B #'), '    body: B '.length + 1],
      [lineOf(text, 'question: What'), '      question: What happens to token '.length + 1],
      [lineOf(text, 'stops #early'), '        - it stops '.length + 1],
    ]);
  });

  it('refuses a pause point at or after the end of the scenario, and times in a bad format', () => {
    const text = lesson(`  - id: a
    title: A
    body: B
    scenario: demo
    startAt: soon
    quiz:
      question: Q
      choices: [x, y]
      answer: 1
      explanation: E
      predict: {pauseAt: 2h, evidence: {event: token.expired}}
`);
    const errors = errorsOf(text);
    expect(errors.map((e) => e.path)).toEqual(['steps[0].startAt', 'steps[0].quiz.predict.pauseAt']);
    expect(errors[0]!.message).toContain('"soon" is not a duration');
    expect(errors[1]!.message).toContain('must come before the end of the scenario (demo runs for 2h)');
  });

  it('refuses unknown field tests and speeds out of range', () => {
    const text = lesson(`  - id: a
    title: A
    body: B
    scenario: demo
    speed: 0
    waitFor: {description: d, event: kubectl.ran, where: {command: {beginsWith: create}}}
`);
    const errors = errorsOf(text);
    expect(errors.map((e) => e.path)).toEqual(['steps[0].speed', 'steps[0].waitFor.where.command']);
    expect(errors[1]!.message).toContain('unknown key "beginsWith"');
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const result = parse(text);
        if (!result.ok) for (const e of result.errors) expect(typeof e.message).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a valid lesson cut short or with a character replaced', () => {
    const text = lesson(`  - id: a
    title: A
    scenario: demo
    body: B
    waitFor: {description: d, event: token.issued, where: {refs.pod: {startsWith: app}}}
    hints:
      - when: {tokenAge: {flow: projected, pod: app}}
        text: "{age}"
`);
    expect(parse(text).ok).toBe(true);
    fc.assert(
      fc.property(fc.nat(text.length), fc.string({ minLength: 1, maxLength: 2 }), (at, replacement) => {
        parse(text.slice(0, at));
        parse(text.slice(0, at) + replacement + text.slice(at + 1));
      }),
      { numRuns: 150 },
    );
  });
});
