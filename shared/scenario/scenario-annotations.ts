/**
 * Writes an instructor's annotations back into a scenario's YAML. Only the top-level `annotations:` list is replaced;
 * the rest of the file (comments, key order, block scalars) is left as the author wrote it, so annotating a lesson's
 * scenario in class and saving it produces a file that still reads like the original.
 */
import { isMap, parseDocument } from 'yaml';
import { formatScenarioDuration } from '../time/duration.ts';
import type { ParseResult, ScenarioAnnotation } from './scenario-types.ts';
import { parseScenario } from './parse-scenario.ts';
import { YAML_PARSE_OPTIONS } from '../manifest/yaml-source.ts';

function annotationNode(annotation: ScenarioAnnotation): Record<string, string> {
  const node: Record<string, string> = { at: formatScenarioDuration(annotation.atMs) };
  if (annotation.untilMs !== undefined && annotation.untilMs > annotation.atMs) node.until = formatScenarioDuration(annotation.untilMs);
  if (annotation.flow !== undefined) node.flow = annotation.flow;
  node.text = annotation.text;
  return node;
}

/**
 * The scenario text with its annotations replaced by `annotations` (removed when the list is empty). The result is
 * parsed again before it is returned, so a note the scenario format refuses (too long, past the end, an unknown flow)
 * comes back as that error rather than as a file that no longer loads.
 */
export function setScenarioAnnotations(scenarioText: string, annotations: readonly ScenarioAnnotation[]): ParseResult<string> {
  // The text was loaded, so it is within the budgets; its keys are checked again by parseScenario below.
  const doc = parseDocument(scenarioText, YAML_PARSE_OPTIONS);
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    return { ok: false, errors: [{ message: 'the scenario does not parse, so its annotations cannot be rewritten; fix the file first' }] };
  }
  const sorted = [...annotations].sort((a, b) => a.atMs - b.atMs);
  if (sorted.length === 0) doc.delete('annotations');
  else doc.set('annotations', doc.createNode(sorted.map(annotationNode)));
  const text = doc.toString({ lineWidth: 0 });
  const reparsed = parseScenario(text);
  return reparsed.ok ? { ok: true, value: text } : { ok: false, errors: reparsed.errors };
}
