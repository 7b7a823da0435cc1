/**
 * Edits of the run-sheet: each goes through the scenario's edit history (so Ctrl/⌘ + Z takes it back like a note) to
 * the engine, which rewrites the scenario's `scenes:` block (comments and unchanged scenes kept as written). A change
 * the scenario format refuses comes back as its message, and nothing changes.
 */
import type { ScenarioScene } from '../../shared/model/scene.ts';
import type { LoadedScenario } from '../../shared/rpc/engine-protocol.ts';
import type { ScenarioEdits } from '../state/scenario-edits.ts';

export type SceneEdits = Pick<ScenarioEdits, 'change'>;

/** Applies the new run-sheet, worked out from `against`'s, as one undoable edit; answers with what is wrong, if anything. */
export function commitScenes(edits: SceneEdits, against: LoadedScenario, next: ScenarioScene[], label: string): Promise<string | undefined> {
  return edits.change(against, { kind: 'scenes', scenes: next }, label);
}

/**
 * Where a new scene goes: just after the scene being presented, so the run-sheet grows in the order the class saw it;
 * with none, among the others by its moment.
 */
export function insertionIndex(scenes: readonly ScenarioScene[], scene: ScenarioScene, current: number | undefined): number {
  if (current !== undefined && current < scenes.length) return current + 1;
  const later = scenes.findIndex((s) => s.atMs > scene.atMs);
  return later < 0 ? scenes.length : later;
}

export function withSceneAt(scenes: readonly ScenarioScene[], scene: ScenarioScene, index: number): ScenarioScene[] {
  return [...scenes.slice(0, index), scene, ...scenes.slice(index)];
}

/** The run-sheet with the scene at `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function moveScene(scenes: readonly ScenarioScene[], index: number, by: -1 | 1): ScenarioScene[] {
  const to = index + by;
  if (to < 0 || to >= scenes.length || index < 0 || index >= scenes.length) return [...scenes];
  const next = [...scenes];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}
