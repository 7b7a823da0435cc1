/**
 * Whether two scenarios run alike: everything but their notes, their scenes and where in the file things are written.
 * Undo and redo of a note or a scene bring back an earlier text of the scenario; the engine takes it in place of the
 * current one, without running anything again, only when it would run exactly the same.
 */
import type { Scenario } from './scenario-types.ts';

/** Where a flow, step or manifest sits in the file: an edit above it moves it without changing what it does. */
const POSITION_KEYS: ReadonlySet<string> = new Set(['line', 'manifestLine', 'manifestColumn']);

function runOf(scenario: Scenario): string {
  return JSON.stringify({ ...scenario, annotations: [], scenes: [] }, (key, value: unknown) => (POSITION_KEYS.has(key) ? undefined : value));
}

export function sameRun(a: Scenario, b: Scenario): boolean {
  return runOf(a) === runOf(b);
}
