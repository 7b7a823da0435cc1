/**
 * The projected-tokens lesson, checked against the engine: it parses, every scenario it uses runs cleanly, every
 * step's outcome is reachable by playing the step (plus its suggested command) and is not already met when the step
 * begins, the outcomes that need the learner's command cannot happen without it, and every predict-then-play
 * quiz's answer is what the simulation then shows, at the times the lesson's text states.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Simulation } from '../../../shared/engine/simulation.ts';
import { formatDuration } from '../../../shared/time/duration.ts';
import type { Lesson } from '../../../renderer/panels/lesson/lesson-model.ts';
import { loadScenario } from '../../support/run-scenario.ts';
import { parseDocument, visit } from 'yaml';
import { lessonText, loadLesson, walkLesson, type StepOutcome } from './lesson-walk.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

let lesson: Lesson;
let walk: StepOutcome[];

beforeAll(() => {
  lesson = loadLesson('projected-tokens');
  walk = walkLesson(lesson);
});

function outcome(id: string): StepOutcome {
  const found = walk.find((o) => o.step.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

function runScenario(key: string): Simulation {
  const sim = new Simulation(loadScenario(lesson.scenarios[key]!.text));
  sim.runUntil(sim.durationMs);
  return sim;
}

describe('the projected-tokens lesson file', () => {
  it('parses, with unique step ids and a title and body on every step', () => {
    expect(lesson.id).toBe('projected-tokens');
    const ids = lesson.steps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const step of lesson.steps) {
      expect(step.title.length).toBeGreaterThan(0);
      expect(step.body.length).toBeGreaterThan(0);
    }
  });

  it('uses its inline scenarios and the kubelet-outage file from assets/scenarios', () => {
    const used = new Set(lesson.steps.flatMap((s) => (s.scenario ? [s.scenario] : [])));
    expect([...used].sort()).toEqual(Object.keys(lesson.scenarios).sort());
    expect(lesson.scenarios['kubelet-outage']?.origin).toBe('file');
    expect(Object.values(lesson.scenarios).filter((s) => s.origin === 'inline').map((s) => s.key).sort()).toEqual(
      ['audience', 'custom-projection', 'extension', 'legacy-cleanup', 'pod-delete', 'rotation', 'two-clusters'],
    );
  });

  it.each(['two-clusters', 'custom-projection', 'rotation', 'kubelet-outage', 'audience', 'extension', 'pod-delete', 'legacy-cleanup'])(
    'runs scenario %s through the engine to its end without a failed step or a rejected manifest',
    (key) => {
      const sim = runScenario(key);
      expect(sim.nowMs).toBe(sim.durationMs);
      expect(sim.events.filter((e) => e.type === 'step.failed' || e.type === 'manifest.rejected').map((e) => e.message)).toEqual([]);
      expect(sim.events.filter((e) => e.type === 'kubectl.ran' && e.exitCode !== 0).map((e) => e.message)).toEqual([]);
    },
  );

  it('asks the seed lesson\'s kubectl commands, each on the flow it belongs to', () => {
    const commands = lesson.steps.flatMap((s) => (s.command ? [`${s.command.flow}: ${s.command.line}`] : []));
    expect(commands).toEqual(
      expect.arrayContaining([
        'legacy: get sa my-app -o yaml',
        'projected: get sa my-app -o yaml',
        'projected: create token my-app',
        'projected: create token monitoring-agent',
        'projected: create token web-app',
        'projected: create token my-app --duration 5m',
        'projected: delete pod app',
      ]),
    );
  });

  it('has at least eight quizzes, every answer among its choices, and at least two predict-then-play ones', () => {
    const quizzes = lesson.steps.flatMap((s) => (s.quiz ? [s.quiz] : []));
    expect(quizzes.length).toBeGreaterThanOrEqual(8);
    for (const quiz of quizzes) {
      expect(quiz.choices.length).toBeGreaterThanOrEqual(2);
      expect(quiz.answerIndex).toBeLessThan(quiz.choices.length);
      expect(new Set(quiz.choices).size).toBe(quiz.choices.length);
    }
    expect(quizzes.filter((q) => q.predict).length).toBeGreaterThanOrEqual(2);
  });
});

describe('the quizzes cannot be passed without reading them', () => {
  const quizSteps = () => lesson.steps.filter((s) => s.quiz);

  it('keeps the right answer in different places: no position holds more than a third of the answers, each is used', () => {
    const positions = quizSteps().map((s) => s.quiz!.answerIndex);
    const counts = new Map<number, number>();
    for (const p of positions) counts.set(p, (counts.get(p) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(Math.ceil(positions.length / 3));
    expect([...counts.keys()].sort()).toEqual([0, 1, 2, 3]);
  });

  it('never prints a quiz\'s answer in its own step\'s text, outcomes or hints', () => {
    for (const step of quizSteps()) {
      const answer = step.quiz!.choices[step.quiz!.answerIndex]!;
      const shown = [step.body, ...step.waitFor.map((w) => w.description), ...step.hints.map((h) => h.text)].join('\n');
      expect(shown, step.id).not.toContain(answer);
    }
  });

  it('has no text that YAML cut short: no plain string in the file is followed by a comment on its line', () => {
    const source = lessonText('projected-tokens');
    const cut: string[] = [];
    visit(parseDocument(source), {
      Scalar(_key, node) {
        if (node.type !== 'PLAIN' || typeof node.value !== 'string' || !node.range) return;
        const tail = source.slice(node.range[1], node.range[2]);
        if (/^[ \t]+#/.test(tail)) cut.push(`${node.value}${tail}`);
      },
    });
    expect(cut).toEqual([]);
  });
});

describe('played through the engine', () => {
  it('reaches every step\'s waitFor', () => {
    const unmet = walk.filter((o) => o.unmet.length > 0).map((o) => `${o.step.id}: ${o.unmet.join('; ')}`);
    expect(unmet).toEqual([]);
    expect(walk.filter((o) => o.step.waitFor.length > 0 && o.metAtMs === undefined)).toEqual([]);
  });

  it('has no step whose outcome already holds when the step begins', () => {
    expect(walk.filter((o) => o.metAtStart.length > 0).map((o) => `${o.step.id}: ${o.metAtStart.join('; ')}`)).toEqual([]);
  });

  it('leaves the kubectl steps unfinished when the learner runs nothing: they complete on the command\'s outcome', () => {
    const withoutCommands = walkLesson(lesson, { skipCommands: true });
    expect(withoutCommands.filter((o) => o.unmet.length > 0).map((o) => o.step.id)).toEqual([
      'inspect-sa-legacy',
      'inspect-sa-projected',
      'create-token',
      'create-token-more',
      'duration-floor',
      'quiz-web-app',
      'pod-bound',
    ]);
  });

  it('runs every suggested command without a client-side error, and the duration floor fails with the server\'s message', () => {
    const ran = walk.filter((o) => o.command);
    expect(ran.length).toBe(lesson.steps.filter((s) => s.command).length);
    for (const o of ran) {
      if (o.command?.type !== 'kubectl.ran') throw new Error(`${o.step.id}: no kubectl.ran`);
      if (o.step.id === 'duration-floor') {
        expect(o.command.exitCode).toBe(1);
        expect(o.command.stderr).toBe(
          'error: failed to create token: TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes\n',
        );
      } else {
        expect({ step: o.step.id, exitCode: o.command.exitCode, stderr: o.command.stderr }).toEqual({ step: o.step.id, exitCode: 0, stderr: '' });
      }
    }
  });
});

describe('predict-then-play quizzes agree with the simulation', () => {
  const predictSteps = () => walk.filter((o) => o.step.quiz?.predict);

  it('shows each quiz\'s evidence after the pause point, and never the refuting event before it', () => {
    expect(predictSteps().length).toBeGreaterThanOrEqual(2);
    for (const o of predictSteps()) {
      const pauseAtMs = o.step.quiz!.predict!.pauseAtMs;
      expect(o.predict?.evidence, `${o.step.id}: no evidence`).toBeDefined();
      expect(o.predict!.evidence!.atMs).toBeGreaterThan(pauseAtMs);
      if (o.predict!.refutation) expect(o.predict!.refutation.seq, `${o.step.id}: refuted first`).toBeGreaterThan(o.predict!.evidence!.seq);
    }
  });

  it.each([
    ['predict-stolen-copy', HOUR + 10 * MIN, HOUR + 10 * MIN],
    // Token #1 (issued at 1 s, 3,607 s) is due once older than 2,877–2,886 s; the file follows within one 60–90 s sync.
    ['predict-rotation', 1000 + 2877_000, 1000 + 2886_000 + 90_000],
    ['predict-kubelet-down', HOUR + 6 * MIN, HOUR + 6 * MIN],
    ['predict-audience', 3 * MIN, 3 * MIN],
    ['predict-stale', HOUR + MIN, HOUR + MIN],
    // deletionTimestamp 20 m 30 s, plus the 60 s leeway.
    ['predict-stuck-pod', 21 * MIN + 30_000, 21 * MIN + 31_000],
    // Tracking began on the upgrade day; the cleaner trusts it from the next day and waits one 365-day period.
    ['predict-cleanup', 366 * DAY, 368 * DAY],
  ])('%s: the proving event comes between %d and %d ms, as the lesson says', (id, fromMs, toMs) => {
    const evidence = outcome(id).predict?.evidence;
    expect(evidence?.atMs).toBeGreaterThanOrEqual(fromMs);
    expect(evidence?.atMs).toBeLessThanOrEqual(toMs);
  });

  it('predict-stolen-copy: the legacy copy, taken at the same moment, is still accepted at 1 h 10 m', () => {
    const sim = runScenario('two-clusters');
    const attempts = sim.events.filter((e) => e.atMs === HOUR + 10 * MIN && (e.type === 'request.allowed' || e.type === 'request.denied') && e.actor === 'attacker');
    expect(attempts.map((e) => `${e.flow} ${e.type}`).sort()).toEqual(['legacy request.allowed', 'projected request.denied']);
  });

  it('predict-cleanup: the weekly-abused busy-app token is never marked invalid', () => {
    const sim = runScenario('legacy-cleanup');
    const marked = sim.events.filter((e) => e.type === 'secret.labelled' && e.label === 'kubernetes.io/legacy-token-invalid-since').map((e) => e.refs.secret ?? '');
    expect(marked.some((name) => name.startsWith('my-app-token-'))).toBe(true);
    expect(marked.some((name) => name.startsWith('busy-app-token-'))).toBe(false);
    const lastUse = sim.events.filter((e) => e.type === 'request.allowed' && e.actor === 'attacker').at(-1);
    expect(lastUse!.atMs).toBeGreaterThan(2 * 365 * DAY);
  });
});

describe('the times and numbers the lesson text states', () => {
  it('two-clusters and kubelet-outage: the pod\'s first projected token expires at 1 h 0 m 8 s', () => {
    for (const key of ['two-clusters', 'kubelet-outage']) {
      const token = runScenario(key).tokens.find((t) => t.flow === 'projected' && t.number === 1)!;
      expect(formatDuration(token.issuedAtMs)).toBe('1 s');
      expect(token.jwtExpiresAtMs).toBe(HOUR + 8_000);
    }
  });

  it('extension: the injected token asks for 3,607 s, is signed for a year, and warns after 1 h 0 m 8 s', () => {
    const sim = runScenario('extension');
    const issued = sim.events.find((e) => e.type === 'token.issued' && e.refs.pod === 'app');
    expect(issued?.type === 'token.issued' && [issued.expirationSec, issued.jwtLifetimeSec, issued.extended]).toEqual([3607, 365 * 86_400, true]);
    const token = sim.tokens[issued!.type === 'token.issued' ? issued!.token : -1]!;
    expect(token.warnAfterMs).toBe(HOUR + 8_000);
  });

  it('custom-projection: the hand-written 3,600 s token is not extended, the injected 3,607 s one is', () => {
    const issued = runScenario('custom-projection').events.flatMap((e) => (e.type === 'token.issued' && e.atMs === 1000 ? [[e.refs.pod, e.expirationSec, e.extended]] : []));
    expect(issued).toEqual([
      ['projected-pod', 3600, false],
      ['default-pod', 3607, true],
    ]);
  });

  it('audience: each swapped call is refused with the exact audience message', () => {
    const denied = runScenario('audience').events.flatMap((e) => (e.type === 'request.denied' && e.atMs <= 4 * MIN ? [e.error] : []));
    expect(denied).toEqual([
      'token audiences ["vault"] is invalid for the target audiences ["https://kubernetes.default.svc"]',
      'token audiences ["https://kubernetes.default.svc"] is invalid for the target audiences ["vault"]',
    ]);
  });
});
