/**
 * The objects of each apply step's manifest, as the scenario reader parsed them when it checked the file: the engine
 * applies them to every flow, and again on every replay, without parsing the YAML each time (a thousand pods on two
 * flows were two thousand parses per run). Where a field is in the text is only needed for an API error, and then
 * the manifest is parsed for it (apply-manifest.ts).
 */
import type { ManifestDocument } from '../manifest/parse-manifest.ts';
import type { ApplyStep } from '../scenario/scenario-types.ts';

/** A document of the manifest, without where its fields are (each kind keeps its own object type). */
export type StepDocument = ManifestDocument extends infer D ? (D extends ManifestDocument ? Pick<D, 'kind' | 'object' | 'line'> : never) : never;

const documentsByStep = new WeakMap<ApplyStep, readonly StepDocument[]>();

/** Keeps `documents` for `step`, frozen: every flow and every replay applies these very objects. */
export function rememberStepManifest(step: ApplyStep, documents: readonly ManifestDocument[]): void {
  documentsByStep.set(step, documents.map((doc) => ({ kind: doc.kind, object: deepFreeze(doc.object), line: doc.line }) as StepDocument));
}

/** The documents the scenario reader kept for `step`, or undefined for a step it did not read (a test's literal). */
export function stepManifest(step: ApplyStep): readonly StepDocument[] | undefined {
  return documentsByStep.get(step);
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}
