/**
 * The parsed, validated form of a lesson file (assets/lessons/*.yaml). `parse-lesson.ts` produces it; the lesson
 * model and panel consume it. Times are simulated milliseconds since the scenario's start; choice indexes are
 * 0-based here even though lesson files and the UI count choices from 1.
 */
import type { SimEventType } from '../../../shared/model/events.ts';

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  /** Simulated seconds per wall second for steps that do not set their own. */
  speed: number;
  /** Every scenario a step refers to, by the name the lesson uses. */
  scenarios: Record<string, LessonScenario>;
  steps: LessonStep[];
}

export interface LessonScenario {
  /** The name steps use: a key of the lesson's `scenarios:` map, or a file name in assets/scenarios without `.yaml`. */
  key: string;
  origin: 'inline' | 'file';
  title: string;
  text: string;
  durationMs: number;
  flows: string[];
  /** The moments of the scenario's scenes, in run-sheet order (a step may open the scenario at one). */
  sceneAtMs: number[];
}

/** What a field of an event must be for the event to count. Every listed test must hold. */
export interface FieldTest {
  equals?: string | number | boolean;
  startsWith?: string;
  contains?: string;
  notContains?: string;
  atLeast?: number;
  atMost?: number;
  oneOf?: (string | number | boolean)[];
}

export interface FieldMatch {
  /** Dotted path into the event, such as `exitCode` or `refs.serviceAccount`. */
  path: string;
  test: FieldTest;
}

/** "At least `count` events of this type, on this flow, at or after `afterMs`, whose fields pass these tests." */
export interface EventCondition {
  description: string;
  event: SimEventType;
  flow?: string;
  where: FieldMatch[];
  afterMs?: number;
  count: number;
}

/** When a hint shows; every given part must hold. */
export interface HintWhen {
  beforeMs?: number;
  afterMs?: number;
  seen?: EventCondition;
  notSeen?: EventCondition;
  /** While the token in this pod's file has not reached its refresh age yet. */
  tokenAge?: { flow: string; pod: string };
}

export interface LessonHint {
  when: HintWhen;
  /** May hold {now}, {age}, {refreshAfter}, {refreshIn} (tokenAge hints) and {event.FIELD} (seen hints). */
  text: string;
}

export interface SuggestedCommand {
  flow: string;
  /** A kubectl line without the leading `kubectl`, as scenario steps write it. */
  line: string;
}

export interface PredictSpec {
  /** The simulation is paused here while the learner predicts. */
  pauseAtMs: number;
  /** The event that proves the answer; only events after `pauseAtMs` count. */
  evidence: EventCondition;
  /** An event that would prove a different answer; it must not come before the evidence. */
  refutedBy?: EventCondition;
}

export interface Quiz {
  question: string;
  choices: string[];
  answerIndex: number;
  explanation: string;
  predict?: PredictSpec;
}

export interface LessonStep {
  id: string;
  title: string;
  body: string;
  /** The scenario this step loads, if it introduces one. */
  scenario?: string;
  /** The scenario the step runs in: its own, or the last one an earlier step loaded. */
  activeScenario?: string;
  /** Where the simulation is moved forward to when the step starts (0 when not given; the scene's moment with `scene`). */
  startAtMs: number;
  /** The scene (0-based here, 1-based in the file) the step opens its scenario at: its moment, window and spotlight. */
  sceneIndex?: number;
  /** Simulated seconds per wall second while on this step (inherited from the step before when not set). */
  speed: number;
  command?: SuggestedCommand;
  /** All of these must have happened for the step's outcome to be met. */
  waitFor: EventCondition[];
  hints: LessonHint[];
  quiz?: Quiz;
  /** 1-based line of the step in the lesson file. */
  line: number;
}
