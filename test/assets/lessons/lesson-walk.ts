/**
 * Walks a lesson through the engine the way the panel drives it: each step's scenario is loaded (or kept, when the
 * previous step left it loaded) and moved to the step's start, a predict quiz seeks to its pause point and plays
 * until its evidence, the suggested command runs on the simulation's context, then the simulation plays on until
 * the step's waitFor holds. Nothing in the UI is involved, so a failure here is a content or engine problem.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Simulation } from '../../../shared/engine/simulation.ts';
import { runKubectlLine } from '../../../shared/engine/scenario-steps.ts';
import type { SimEvent } from '../../../shared/model/events.ts';
import { conditionMet, eventMatches, parseLesson, type EventCondition, type Lesson, type LessonStep } from '../../../renderer/panels/lesson/lesson-model.ts';
import { loadScenario } from '../../support/run-scenario.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export function scenarioFiles(): Record<string, string> {
  const dir = join(REPO_ROOT, 'assets/scenarios');
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => [f.replace(/\.yaml$/, ''), readFileSync(join(dir, f), 'utf8')]),
  );
}

export function lessonText(id: string): string {
  return readFileSync(join(REPO_ROOT, 'assets/lessons', `${id}.yaml`), 'utf8');
}

export function loadLesson(id: string): Lesson {
  const parsed = parseLesson(lessonText(id), { scenarioFiles: scenarioFiles() });
  if (!parsed.ok) throw new Error(`lesson ${id} does not parse:\n${parsed.errors.map((e) => e.message).join('\n')}`);
  return parsed.value;
}

export interface PredictOutcome {
  evidence?: SimEvent;
  refutation?: SimEvent;
}

export interface StepOutcome {
  step: LessonStep;
  /** The waitFor conditions that never held, by description. */
  unmet: string[];
  /** When the last waitFor condition first held (simulated ms). */
  metAtMs?: number;
  /** The waitFor conditions that already held when the step began, by description. */
  metAtStart: string[];
  command?: SimEvent;
  predict?: PredictOutcome;
}

/** Plays forward, one event instant at a time, until `done` holds or the scenario ends. */
function playUntil(sim: Simulation, done: () => boolean): boolean {
  while (!done()) {
    if (sim.nowMs >= sim.durationMs) return false;
    sim.stepToNextEvent();
  }
  return true;
}

function firstAfter(condition: EventCondition | undefined, events: readonly SimEvent[], afterMs: number): SimEvent | undefined {
  return condition === undefined ? undefined : events.find((e) => e.atMs > afterMs && eventMatches(condition, e));
}

export interface WalkOptions {
  /** Leave out the suggested commands, to see which outcomes only a learner's command can bring about. */
  skipCommands?: boolean;
}

export function walkLesson(lesson: Lesson, options: WalkOptions = {}): StepOutcome[] {
  let loadedKey: string | undefined;
  let sim: Simulation | undefined;
  const outcomes: StepOutcome[] = [];
  for (const step of lesson.steps) {
    const outcome: StepOutcome = { step, unmet: [], metAtStart: [] };
    outcomes.push(outcome);
    if (step.activeScenario === undefined) continue;
    if (loadedKey !== step.activeScenario || sim === undefined) {
      sim = new Simulation(loadScenario(lesson.scenarios[step.activeScenario]!.text));
      loadedKey = step.activeScenario;
      sim.runUntil(step.startAtMs);
    } else if (sim.nowMs < step.startAtMs) {
      sim.runUntil(step.startAtMs);
    }
    const live = sim;
    outcome.metAtStart = step.waitFor.filter((c) => conditionMet(c, live.events)).map((c) => c.description);

    const predict = step.quiz?.predict;
    if (predict) {
      live.seek(predict.pauseAtMs);
      const found = (): boolean => firstAfter(predict.evidence, live.events, predict.pauseAtMs) !== undefined;
      playUntil(live, found);
      const evidence = firstAfter(predict.evidence, live.events, predict.pauseAtMs);
      const refutation = firstAfter(predict.refutedBy, live.events, predict.pauseAtMs);
      outcome.predict = { ...(evidence ? { evidence } : {}), ...(refutation ? { refutation } : {}) };
    }

    if (step.command && !options.skipCommands) {
      const before = live.events.length;
      runKubectlLine(live.context, live.cluster(step.command.flow)!, step.command.line);
      outcome.command = live.events.slice(before).find((e) => e.type === 'kubectl.ran');
    }

    if (step.waitFor.length > 0) {
      const allMet = () => step.waitFor.every((c) => conditionMet(c, live.events));
      if (playUntil(live, allMet)) outcome.metAtMs = live.nowMs;
      outcome.unmet = step.waitFor.filter((c) => !conditionMet(c, live.events)).map((c) => c.description);
    }
  }
  return outcomes;
}
