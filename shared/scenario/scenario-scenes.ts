/**
 * Writes a run-sheet back into a scenario's YAML. Only the top-level `scenes:` list changes; a scene that is still
 * there unchanged keeps its own YAML node (its comments, its quoting, `fit: true` or not), so reordering or editing
 * one scene in class leaves the rest of the list, and the rest of the file, as the author wrote it.
 */
import { isMap, isSeq, YAMLSeq, type Document, type Node } from 'yaml';
import { formatScenarioDuration } from '../time/duration.ts';
import { sameScene, type ScenarioScene } from '../model/scene.ts';
import { parseScenario } from './parse-scenario.ts';
import type { ParseResult } from './scenario-types.ts';
import { rewriteScenario, type RewrittenScenario } from './rewrite-scenario.ts';

function sceneNode(scene: ScenarioScene): Record<string, unknown> {
  const node: Record<string, unknown> = { at: formatScenarioDuration(scene.atMs) };
  if (scene.window.kind === 'range') {
    node.from = formatScenarioDuration(scene.window.fromMs);
    node.to = formatScenarioDuration(scene.window.toMs);
  }
  if (scene.spotlight !== undefined) node.spotlight = scene.spotlight.flow === undefined ? scene.spotlight.lane : { lane: scene.spotlight.lane, flow: scene.spotlight.flow };
  if (scene.note !== undefined && scene.note !== '') node.note = scene.note;
  node.then = scene.then.kind;
  if (scene.then.kind === 'play') node.speed = scene.then.speed;
  return node;
}

/** The YAML item of each scene as the file has it now, paired with what it parses to. */
function existingItems(doc: Document, scenarioText: string): { scene: ScenarioScene; node: Node }[] {
  const parsed = parseScenario(scenarioText);
  const list: unknown = isMap(doc.contents) ? doc.contents.get('scenes', true) : undefined;
  if (!parsed.ok || !isSeq(list) || list.items.length !== parsed.value.scenes.length) return [];
  return parsed.value.scenes.map((scene, i) => ({ scene, node: list.items[i] as Node }));
}

/**
 * The scenario text with its scenes replaced by `scenes`, in that order (the block removed when none are left). A
 * scene the format refuses (past the end, a window the wrong way round, a play to a scene that is not later) comes
 * back as that error, and nothing is written.
 */
export function setScenarioScenes(scenarioText: string, scenes: readonly ScenarioScene[]): ParseResult<RewrittenScenario> {
  return rewriteScenario(scenarioText, 'scenes', (doc) => {
    if (scenes.length === 0) {
      doc.delete('scenes');
      return undefined;
    }
    const unused = existingItems(doc, scenarioText);
    const items = scenes.map((scene) => {
      const kept = unused.findIndex((item) => sameScene(item.scene, scene));
      if (kept < 0) return doc.createNode(sceneNode(scene));
      const [item] = unused.splice(kept, 1);
      return item!.node;
    });
    const existing: unknown = isMap(doc.contents) ? doc.contents.get('scenes', true) : undefined;
    // The list node itself is kept when there is one, with any comment before its first item.
    const list = isSeq(existing) ? existing : new YAMLSeq(doc.schema);
    list.items = items;
    if (list !== existing) doc.set('scenes', list);
    return undefined;
  });
}
