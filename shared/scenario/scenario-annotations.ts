/**
 * Writes an instructor's annotations back into a scenario's YAML. Only the top-level `annotations:` list is replaced;
 * the rest of the file (comments, key order, block scalars) is left as the author wrote it, so annotating a lesson's
 * scenario in class and saving it produces a file that still reads like the original.
 */
import { formatScenarioDuration } from '../time/duration.ts';
import type { ParseResult, ScenarioAnnotation } from './scenario-types.ts';
import { rewriteScenario, type RewrittenScenario } from './rewrite-scenario.ts';

function annotationNode(annotation: ScenarioAnnotation): Record<string, string> {
  const node: Record<string, string> = { at: formatScenarioDuration(annotation.atMs) };
  if (annotation.untilMs !== undefined && annotation.untilMs > annotation.atMs) node.until = formatScenarioDuration(annotation.untilMs);
  if (annotation.flow !== undefined) node.flow = annotation.flow;
  node.text = annotation.text;
  return node;
}

/**
 * The scenario text with its annotations replaced by `annotations` (removed when the list is empty), and what it parses
 * to. A note the scenario format refuses (too long, past the end, an unknown flow) comes back as that error.
 */
export function setScenarioAnnotations(scenarioText: string, annotations: readonly ScenarioAnnotation[]): ParseResult<RewrittenScenario> {
  return rewriteScenario(scenarioText, 'annotations', (doc) => {
    const sorted = [...annotations].sort((a, b) => a.atMs - b.atMs);
    if (sorted.length === 0) doc.delete('annotations');
    else doc.set('annotations', doc.createNode(sorted.map(annotationNode)));
    return undefined;
  });
}
