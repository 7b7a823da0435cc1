/**
 * An edit of a scenario's notes or scenes, as the UI sends it to the engine: neither changes the simulation, so the
 * engine session rewrites the scenario's text (comments kept) and re-parses it without running anything again. This
 * file checks the shape of an edit from an untrusted sender; what the scenario format refuses (a note past the end,
 * a play to a scene that is not later) the session's re-parse says, in the format's own words.
 */
import type { ScenarioAnnotation } from '../scenario/scenario-types.ts';
import type { ScenarioScene, SceneSpotlight, SceneThen, SceneWindow } from '../model/scene.ts';
import { SCENARIO_EDIT_FIELD_MAX_CHARS, SCENARIO_MAX_ANNOTATIONS, SCENARIO_MAX_CHARS, SCENARIO_MAX_SCENES } from '../limits/input-budgets.ts';
import { isRecord, type Checked } from '../validation/checked.ts';

export type ScenarioEdit =
  /** The notes, all of them, as they should be (an add, a change, a delete or a reorder). */
  | { kind: 'annotations'; annotations: ScenarioAnnotation[] }
  /** The run-sheet, in its new order. */
  | { kind: 'scenes'; scenes: ScenarioScene[] }
  /** Undo and redo: back to an earlier text of the same scenario, which must run exactly as the current one. */
  | { kind: 'restore'; scenarioText: string };

const ms = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const field = (v: unknown): v is string => typeof v === 'string' && v.length <= SCENARIO_EDIT_FIELD_MAX_CHARS;
const FIELD = `a string of at most ${SCENARIO_EDIT_FIELD_MAX_CHARS} characters`;

function extraKey(value: Record<string, unknown>, allowed: readonly string[]): string | undefined {
  return Object.keys(value).find((key) => !allowed.includes(key));
}

function checkAnnotation(value: unknown, at: string): Checked<ScenarioAnnotation> {
  if (!isRecord(value)) return { ok: false, error: `${at} must be an object` };
  const extra = extraKey(value, ['atMs', 'untilMs', 'flow', 'text']);
  if (extra !== undefined) return { ok: false, error: `${at} has an unknown field ${JSON.stringify(extra)}` };
  if (!ms(value.atMs)) return { ok: false, error: `${at}.atMs must be a non-negative number of milliseconds` };
  if (value.untilMs !== undefined && !ms(value.untilMs)) return { ok: false, error: `${at}.untilMs must be a non-negative number of milliseconds` };
  if (value.flow !== undefined && !field(value.flow)) return { ok: false, error: `${at}.flow must be ${FIELD}` };
  if (!field(value.text)) return { ok: false, error: `${at}.text must be ${FIELD}` };
  return {
    ok: true,
    value: { atMs: value.atMs, ...(value.untilMs === undefined ? {} : { untilMs: value.untilMs }), ...(value.flow === undefined ? {} : { flow: value.flow }), text: value.text },
  };
}

function checkWindow(value: unknown, at: string): Checked<SceneWindow> {
  if (isRecord(value) && value.kind === 'fit') return { ok: true, value: { kind: 'fit' } };
  if (isRecord(value) && value.kind === 'range' && ms(value.fromMs) && ms(value.toMs)) return { ok: true, value: { kind: 'range', fromMs: value.fromMs, toMs: value.toMs } };
  return { ok: false, error: `${at}.window must be { kind: 'fit' } or { kind: 'range', fromMs, toMs }` };
}

function checkSpotlight(value: unknown, at: string): Checked<SceneSpotlight> {
  if (!isRecord(value) || !field(value.lane) || (value.flow !== undefined && !field(value.flow))) {
    return { ok: false, error: `${at}.spotlight must be { lane, flow? }, each ${FIELD}` };
  }
  return { ok: true, value: { lane: value.lane, ...(value.flow === undefined ? {} : { flow: value.flow }) } };
}

function checkThen(value: unknown, at: string): Checked<SceneThen> {
  if (isRecord(value) && value.kind === 'stop') return { ok: true, value: { kind: 'stop' } };
  if (isRecord(value) && value.kind === 'play' && typeof value.speed === 'number' && Number.isFinite(value.speed) && value.speed > 0) {
    return { ok: true, value: { kind: 'play', speed: value.speed } };
  }
  return { ok: false, error: `${at}.then must be { kind: 'stop' } or { kind: 'play', speed } with a positive speed` };
}

function checkScene(value: unknown, at: string): Checked<ScenarioScene> {
  if (!isRecord(value)) return { ok: false, error: `${at} must be an object` };
  const extra = extraKey(value, ['atMs', 'window', 'spotlight', 'note', 'then']);
  if (extra !== undefined) return { ok: false, error: `${at} has an unknown field ${JSON.stringify(extra)}` };
  if (!ms(value.atMs)) return { ok: false, error: `${at}.atMs must be a non-negative number of milliseconds` };
  const window = checkWindow(value.window, at);
  if (!window.ok) return window;
  const spotlight = value.spotlight === undefined ? undefined : checkSpotlight(value.spotlight, at);
  if (spotlight && !spotlight.ok) return spotlight;
  if (value.note !== undefined && !field(value.note)) return { ok: false, error: `${at}.note must be ${FIELD}` };
  const then = checkThen(value.then, at);
  if (!then.ok) return then;
  return {
    ok: true,
    value: { atMs: value.atMs, window: window.value, ...(spotlight ? { spotlight: spotlight.value } : {}), ...(value.note === undefined ? {} : { note: value.note }), then: then.value },
  };
}

function checkList<T>(value: unknown, name: string, max: number, check: (item: unknown, at: string) => Checked<T>): Checked<T[]> {
  if (!Array.isArray(value)) return { ok: false, error: `${name} must be a list` };
  if (value.length > max) return { ok: false, error: `${name} holds ${value.length} entries; a scenario takes at most ${max}` };
  const items: T[] = [];
  for (let i = 0; i < value.length; i++) {
    const item = check(value[i], `${name}[${i}]`);
    if (!item.ok) return item;
    items.push(item.value);
  }
  return { ok: true, value: items };
}

/** Checks an edit from an untrusted sender; says what is wrong and where ("annotations[2].atMs must be …"). */
export function validateScenarioEdit(value: unknown): Checked<ScenarioEdit> {
  if (!isRecord(value)) return { ok: false, error: 'edit must be an object' };
  switch (value.kind) {
    case 'annotations': {
      const annotations = checkList(value.annotations, 'annotations', SCENARIO_MAX_ANNOTATIONS, checkAnnotation);
      return annotations.ok ? { ok: true, value: { kind: 'annotations', annotations: annotations.value } } : annotations;
    }
    case 'scenes': {
      const scenes = checkList(value.scenes, 'scenes', SCENARIO_MAX_SCENES, checkScene);
      return scenes.ok ? { ok: true, value: { kind: 'scenes', scenes: scenes.value } } : scenes;
    }
    case 'restore':
      if (typeof value.scenarioText !== 'string' || value.scenarioText.length > SCENARIO_MAX_CHARS) return { ok: false, error: `scenarioText must be a string of at most ${SCENARIO_MAX_CHARS} characters` };
      return { ok: true, value: { kind: 'restore', scenarioText: value.scenarioText } };
    default:
      return { ok: false, error: `edit.kind must be 'annotations', 'scenes' or 'restore', not ${JSON.stringify(value.kind)}` };
  }
}
