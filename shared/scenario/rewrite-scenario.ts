/**
 * Edits a scenario's YAML in place: one change to the document, the rest (comments, key order, block scalars) left
 * as the author wrote it, then the result parsed again so an edit the format refuses comes back as that error
 * rather than as a file that no longer loads. Notes (scenario-annotations.ts) and the flow version picker
 * (scenario-flow-version.ts) save through it.
 */
import { isMap, parseDocument, type Document } from 'yaml';
import type { ParseResult, Scenario } from './scenario-types.ts';
import { parseScenario } from './parse-scenario.ts';
import { YAML_PARSE_OPTIONS } from '../manifest/yaml-source.ts';

export interface RewrittenScenario {
  text: string;
  scenario: Scenario;
}

/** `edit` changes the document, or says why it cannot. */
export function rewriteScenario(scenarioText: string, what: string, edit: (doc: Document) => string | undefined): ParseResult<RewrittenScenario> {
  // Keys are checked for duplicates by parseScenario below, in one pass (yaml's own check is quadratic).
  const doc = parseDocument(scenarioText, YAML_PARSE_OPTIONS);
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    return { ok: false, errors: [{ message: `the scenario does not parse, so its ${what} cannot be rewritten; fix the file first` }] };
  }
  const refused = edit(doc);
  if (refused !== undefined) return { ok: false, errors: [{ message: refused }] };
  const text = doc.toString({ lineWidth: 0 });
  const reparsed = parseScenario(text);
  return reparsed.ok ? { ok: true, value: { text, scenario: reparsed.value } } : { ok: false, errors: reparsed.errors };
}
