/**
 * The lesson, minus React: which scenario a step runs in and how to get the engine there, whether a step's outcome
 * has happened (judged from simulated events, never from what was typed), the hints the simulation's state calls
 * for, the quiz state machine (including predict-then-play: pause, predict, play until the proving event), and the
 * learner's progress. Every function here is pure; the panel sends the commands they return.
 */
import type { LessonProgress, QuizEvidence, QuizRecord } from '../../../shared/ipc/lesson-progress.ts';
import type { SimEvent } from '../../../shared/model/events.ts';
import type { EngineCommand } from '../../../shared/rpc/engine-protocol.ts';
import { nextInt, seedPrng } from '../../../shared/sim/prng.ts';
import { formatDuration } from '../../../shared/time/duration.ts';
import type { TimelineSnapshot } from '../../state/timeline-store.ts';
import type { EventCondition, FieldTest, HintWhen, Lesson, LessonScenario, LessonStep, Quiz } from './lesson-types.ts';

export { parseLesson } from './parse-lesson.ts';
export type { ParseLessonOptions } from './parse-lesson.ts';
export type * from './lesson-types.ts';
// The saved shape lives in shared/ so the desktop's main process can validate what the panel sends it.
export type { LessonProgress, QuizEvidence, QuizRecord };

/** The subset of the timeline snapshot the lesson reads. */
export type LessonSnapshot = Pick<TimelineSnapshot, 'version' | 'scenario' | 'events' | 'tokens' | 'nowMs' | 'playing' | 'speed'>;

// ---- scenarios -----------------------------------------------------------------------------------------------------

/** The source name a lesson loads a scenario under, so the lesson can tell its own scenario from one the user picked. */
export function scenarioSourceName(lesson: Lesson, key: string): string {
  return `lesson:${lesson.id}/${key}`;
}

export function activeScenario(lesson: Lesson, step: LessonStep): LessonScenario | undefined {
  return step.activeScenario === undefined ? undefined : lesson.scenarios[step.activeScenario];
}

/** True when the step needs no scenario, or its scenario is the one the engine has loaded. */
export function isStepScenarioLoaded(lesson: Lesson, step: LessonStep, snapshot: LessonSnapshot): boolean {
  return step.activeScenario === undefined || snapshot.scenario?.sourceName === scenarioSourceName(lesson, step.activeScenario);
}

export function loadCommands(lesson: Lesson, step: LessonStep): EngineCommand[] {
  const scenario = activeScenario(lesson, step);
  if (!scenario) return [];
  return [
    { type: 'load', scenarioText: scenario.text, sourceName: scenarioSourceName(lesson, scenario.key) },
    { type: 'set-speed', speed: step.speed },
    // Seeking to the start runs the scenario's 0 s steps, so the ServiceAccounts exist before anyone types.
    { type: 'seek', simMs: step.startAtMs },
  ];
}

/** What entering a step asks of the engine: its scenario loaded, at its speed, moved forward to where it starts. */
export function entryCommands(lesson: Lesson, step: LessonStep, snapshot: LessonSnapshot): EngineCommand[] {
  if (step.activeScenario === undefined) return [];
  if (!isStepScenarioLoaded(lesson, step, snapshot)) return loadCommands(lesson, step);
  const commands: EngineCommand[] = [];
  if (snapshot.speed !== step.speed) commands.push({ type: 'set-speed', speed: step.speed });
  if (snapshot.nowMs < step.startAtMs) commands.push({ type: 'seek', simMs: step.startAtMs });
  return commands;
}

// ---- conditions ----------------------------------------------------------------------------------------------------

/** A kubectl line as kubectl sees it: without the program name, one space between words. */
export function normalizeKubectl(line: string): string {
  return line.trim().replace(/^kubectl(\s+|$)/, '').replace(/\s+/g, ' ');
}

export function fieldAt(event: SimEvent, path: string): unknown {
  let value: unknown = event;
  for (const segment of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  // Console lines arrive as typed ("kubectl  create token …"); conditions are written without the program name.
  if (event.type === 'kubectl.ran' && path === 'command' && typeof value === 'string') return normalizeKubectl(value);
  return value;
}

export function passes(value: unknown, test: FieldTest): boolean {
  if (test.equals !== undefined && value !== test.equals) return false;
  if (test.oneOf !== undefined && !test.oneOf.some((v) => v === value)) return false;
  if (test.startsWith !== undefined && !(typeof value === 'string' && value.startsWith(test.startsWith))) return false;
  if (test.contains !== undefined && !(typeof value === 'string' && value.includes(test.contains))) return false;
  // A missing field contains nothing, so it passes notContains.
  if (test.notContains !== undefined && typeof value === 'string' && value.includes(test.notContains)) return false;
  if (test.atLeast !== undefined && !(typeof value === 'number' && value >= test.atLeast)) return false;
  if (test.atMost !== undefined && !(typeof value === 'number' && value <= test.atMost)) return false;
  return true;
}

export function eventMatches(condition: EventCondition, event: SimEvent): boolean {
  if (event.type !== condition.event) return false;
  if (condition.flow !== undefined && event.flow !== condition.flow) return false;
  if (condition.afterMs !== undefined && event.atMs < condition.afterMs) return false;
  return condition.where.every((match) => passes(fieldAt(event, match.path), match.test));
}

/** The events that satisfy a condition, oldest first; only those strictly after `afterMs` when it is given. */
export function matchingEvents(condition: EventCondition, events: readonly SimEvent[], afterMs?: number): SimEvent[] {
  return events.filter((e) => (afterMs === undefined || e.atMs > afterMs) && eventMatches(condition, e));
}

export function conditionMet(condition: EventCondition, events: readonly SimEvent[]): boolean {
  let found = 0;
  for (const event of events) {
    if (eventMatches(condition, event) && ++found >= condition.count) return true;
  }
  return false;
}

// ---- step state and hints ------------------------------------------------------------------------------------------

export type HintKind = 'not-loaded' | 'ended' | 'run-command' | 'paused' | 'lesson';

export interface HintView {
  kind: HintKind;
  text: string;
}

export interface StepView {
  /** The step's scenario is loaded (always true for steps without one). */
  loaded: boolean;
  outcomes: { description: string; met: boolean }[];
  /** Every waitFor condition holds now (vacuously true for steps without any). */
  outcomeMet: boolean;
  hints: HintView[];
}

/**
 * Whether the step's suggested command is on show. On a step that asks a question, the command can be the answer
 * ("which command gives a token without leaving anything behind?"), so it appears only once the answer is revealed.
 */
export function isCommandShown(step: LessonStep, quiz: QuizState | undefined): boolean {
  return step.command !== undefined && (step.quiz === undefined || quiz?.phase === 'revealed');
}

export function evaluateStep(lesson: Lesson, step: LessonStep, snapshot: LessonSnapshot, quiz?: QuizState): StepView {
  const loaded = isStepScenarioLoaded(lesson, step, snapshot);
  const events = loaded && step.activeScenario !== undefined ? snapshot.events : [];
  const outcomes = step.waitFor.map((condition) => ({ description: condition.description, met: conditionMet(condition, events) }));
  const outcomeMet = outcomes.every((o) => o.met);
  const scenario = activeScenario(lesson, step);
  const hints: HintView[] = [];
  if (scenario && !loaded) {
    hints.push({ kind: 'not-loaded', text: `This step runs in the scenario “${scenario.title}”, which is not loaded right now.` });
    return { loaded, outcomes, outcomeMet, hints };
  }
  const waiting = step.waitFor.length > 0 && !outcomeMet;
  if (scenario && waiting) {
    const commandRan = step.command !== undefined && events.some((e) => e.type === 'kubectl.ran' && e.flow === step.command!.flow && normalizeKubectl(e.command) === step.command!.line);
    if (snapshot.nowMs >= scenario.durationMs) {
      hints.push({ kind: 'ended', text: `The run reached its end (${formatDuration(scenario.durationMs)}) before this happened. Load the scenario again to start over.` });
    } else if (step.command && !commandRan && isCommandShown(step, quiz)) {
      hints.push({ kind: 'run-command', text: `Run kubectl ${step.command.line} on the ${step.command.flow} flow: type it in the console, or press Run it for me.` });
    } else if (!snapshot.playing) {
      hints.push({ kind: 'paused', text: `The simulation is paused at ${formatDuration(snapshot.nowMs)}. Press Play (or Space outside this panel) to let it run.` });
    }
  }
  if (step.waitFor.length === 0 || waiting) {
    for (const hint of step.hints) {
      const text = hintText(hint.when, hint.text, snapshot, events);
      if (text !== undefined) hints.push({ kind: 'lesson', text });
    }
  }
  return { loaded, outcomes, outcomeMet, hints };
}

/** The hint's text with its placeholders filled in, or undefined when its condition does not hold now. */
function hintText(when: HintWhen, template: string, snapshot: LessonSnapshot, events: readonly SimEvent[]): string | undefined {
  if (when.beforeMs !== undefined && !(snapshot.nowMs < when.beforeMs)) return undefined;
  if (when.afterMs !== undefined && !(snapshot.nowMs >= when.afterMs)) return undefined;
  if (when.notSeen && conditionMet(when.notSeen, events)) return undefined;
  const values: Record<string, string> = { now: formatDuration(snapshot.nowMs) };
  if (when.seen) {
    const seen = matchingEvents(when.seen, events);
    if (seen.length < when.seen.count) return undefined;
    const latest = seen[seen.length - 1]!;
    for (const name of placeholders(template)) {
      if (!name.startsWith('event.')) continue;
      const value = fieldAt(latest, name.slice('event.'.length));
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') values[name] = String(value).trim();
    }
  }
  if (when.tokenAge) {
    const age = tokenAge(snapshot, events, when.tokenAge.flow, when.tokenAge.pod);
    if (age === undefined || age.ageMs >= age.refreshAfterMs) return undefined;
    values.age = formatDuration(age.ageMs);
    values.refreshAfter = formatDuration(age.refreshAfterMs);
    values.refreshIn = formatDuration(age.refreshAfterMs - age.ageMs);
  }
  return template.replace(/\{([A-Za-z][A-Za-z0-9.]*)\}/g, (whole, name: string) => values[name] ?? whole);
}

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z][A-Za-z0-9.]*)\}/g)].map((m) => m[1]!);
}

export interface TokenAge {
  token: number;
  ageMs: number;
  /** The age at which the kubelet's token manager first wants a new token: E − ⌊E·20/100⌋ seconds (less 0–9 s jitter). */
  refreshAfterMs: number;
}

/** The age of the token the kubelet last wrote into a pod's file, and when the kubelet will want to replace it. */
export function tokenAge(snapshot: LessonSnapshot, events: readonly SimEvent[], flow: string, pod: string): TokenAge | undefined {
  let written: number | undefined;
  for (const e of events) {
    if (e.type === 'token.file-written' && e.flow === flow && e.refs.pod === pod) written = e.token;
  }
  if (written === undefined) return undefined;
  const token = snapshot.tokens[written]?.index === written ? snapshot.tokens[written] : snapshot.tokens.find((t) => t.index === written);
  if (!token || token.expirationSec === undefined) return undefined;
  const lifetimeSec = token.expirationSec;
  return { token: written, ageMs: snapshot.nowMs - token.issuedAtMs, refreshAfterMs: (lifetimeSec - Math.floor((lifetimeSec * 20) / 100)) * 1000 };
}

// ---- quizzes -------------------------------------------------------------------------------------------------------

/**
 * choosing → revealed for a plain quiz. A predict-then-play quiz first moves the simulation to its pause point
 * (positioning), asks (predicting), plays from the pause point once the answer is locked in (playing), and stops when
 * the event that proves the answer arrives (revealed).
 */
export type QuizPhase = 'choosing' | 'positioning' | 'predicting' | 'playing' | 'revealed';

export interface QuizState {
  phase: QuizPhase;
  selected?: number;
  /** The answer that was checked (locked in). */
  checked?: number;
  /** The pause-and-seek to the pause point has been sent. */
  positionSent: boolean;
  /** Snapshot version when the answer was locked in: only later snapshots can show the outcome. */
  checkVersion?: number;
  /** The engine reported playing after the answer was locked in. */
  sawPlaying: boolean;
  evidence?: QuizEvidence;
  /** The run ended without the proving event. */
  noEvidence: boolean;
}

export type QuizInput =
  | { kind: 'select'; choice: number }
  | { kind: 'check'; snapshot: LessonSnapshot; loaded: boolean }
  | { kind: 'observe'; snapshot: LessonSnapshot; loaded: boolean };

export interface QuizStep {
  state: QuizState;
  commands: EngineCommand[];
}

/**
 * The order a learner sees a quiz's choices in: display position → index in the lesson file. Seeded by the learner's
 * progress seed and the step id, so each quiz has its own order, and the same one after every reload; answers are
 * kept as file indexes, so a saved answer means the same choice whatever the order.
 */
export function choiceOrder(choiceCount: number, seed: number, stepId: string): number[] {
  let hash = 0x811c9dc5;
  for (let i = 0; i < stepId.length; i++) hash = Math.imul(hash ^ stepId.charCodeAt(i), 0x01000193) >>> 0;
  const prng = seedPrng((seed ^ hash) >>> 0);
  const order = Array.from({ length: choiceCount }, (_, i) => i);
  for (let i = choiceCount - 1; i > 0; i--) {
    const j = nextInt(prng, 0, i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

export function initialQuizState(quiz: Quiz, record?: QuizRecord): QuizState {
  const base: QuizState = { phase: quiz.predict ? 'positioning' : 'choosing', positionSent: false, sawPlaying: false, noEvidence: false };
  if (!record || record.choice < 0 || record.choice >= quiz.choices.length) return base;
  return { ...base, phase: 'revealed', selected: record.choice, checked: record.choice, ...(record.evidence ? { evidence: record.evidence } : {}) };
}

export function isQuizCorrect(quiz: Quiz, state: QuizState): boolean {
  return state.checked === quiz.answerIndex;
}

export function advanceQuiz(quiz: Quiz, state: QuizState, input: QuizInput): QuizStep {
  const same = { state, commands: [] };
  switch (input.kind) {
    case 'select':
      if (state.phase === 'playing' || state.phase === 'revealed') return same;
      if (!Number.isInteger(input.choice) || input.choice < 0 || input.choice >= quiz.choices.length || input.choice === state.selected) return same;
      return { state: { ...state, selected: input.choice }, commands: [] };
    case 'check': {
      if (state.selected === undefined || state.phase === 'playing' || state.phase === 'revealed') return same;
      if (!quiz.predict) return { state: { ...state, phase: 'revealed', checked: state.selected }, commands: [] };
      if (!input.loaded) return same;
      return {
        state: { ...state, phase: 'playing', checked: state.selected, checkVersion: input.snapshot.version, sawPlaying: false },
        // From the pause point again, so what follows is played, not remembered.
        commands: [{ type: 'seek', simMs: quiz.predict.pauseAtMs }, { type: 'play' }],
      };
    }
    case 'observe':
      if (!quiz.predict || !input.loaded) return same;
      if (state.phase === 'positioning') return position(quiz.predict.pauseAtMs, state, input.snapshot);
      if (state.phase === 'playing') return watch(quiz, state, input.snapshot);
      return same;
  }
}

function position(pauseAtMs: number, state: QuizState, snapshot: LessonSnapshot): QuizStep {
  if (snapshot.nowMs === pauseAtMs && !snapshot.playing) return { state: { ...state, phase: 'predicting' }, commands: [] };
  if (state.positionSent) return { state, commands: [] };
  return { state: { ...state, positionSent: true }, commands: [{ type: 'pause' }, { type: 'seek', simMs: pauseAtMs }] };
}

function watch(quiz: Quiz, state: QuizState, snapshot: LessonSnapshot): QuizStep {
  const predict = quiz.predict!;
  if (state.checkVersion !== undefined && snapshot.version <= state.checkVersion) return { state, commands: [] };
  const sawPlaying = state.sawPlaying || snapshot.playing;
  for (const event of snapshot.events) {
    if (event.atMs <= predict.pauseAtMs) continue;
    const proves = eventMatches(predict.evidence, event);
    const refutes = !proves && predict.refutedBy !== undefined && eventMatches(predict.refutedBy, event);
    if (proves || refutes) {
      const evidence: QuizEvidence = { atMs: event.atMs, flow: event.flow, message: event.message, refuted: refutes };
      return { state: { ...state, phase: 'revealed', sawPlaying, evidence }, commands: [{ type: 'pause' }] };
    }
  }
  const durationMs = snapshot.scenario?.durationMs ?? Infinity;
  if (sawPlaying && !snapshot.playing && snapshot.nowMs >= durationMs) {
    return { state: { ...state, phase: 'revealed', sawPlaying, noEvidence: true }, commands: [] };
  }
  return sawPlaying === state.sawPlaying ? { state, commands: [] } : { state: { ...state, sawPlaying }, commands: [] };
}

// ---- progress ------------------------------------------------------------------------------------------------------

export function startingProgress(lesson: Lesson, seed: number): LessonProgress {
  return { stepId: lesson.steps[0]!.id, completed: [], quizzes: {}, seed };
}

/** Where to resume: the saved step, or the first when the saved one is no longer in the lesson. */
export function resumeIndex(lesson: Lesson, progress: LessonProgress | undefined): number {
  const index = progress ? lesson.steps.findIndex((s) => s.id === progress.stepId) : -1;
  return index === -1 ? 0 : index;
}

export function canAdvance(step: LessonStep, view: StepView, progress: LessonProgress, quiz: QuizState | undefined): boolean {
  const outcomeDone = step.waitFor.length === 0 || view.outcomeMet || progress.completed.includes(step.id);
  const quizDone = step.quiz === undefined || quiz?.phase === 'revealed';
  return outcomeDone && quizDone;
}
