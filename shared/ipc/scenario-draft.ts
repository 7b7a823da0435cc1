/**
 * A scenario with unsaved edits (its notes), kept as a draft so that a reload, a crash or a closed tab does not lose
 * them: desktop, scenario-draft.json in the user-data folder, written atomically by the main process; browser, local
 * storage. One draft at a time, the scenario on screen. Pure data and two readers, as for lesson progress: strict for
 * what a page sends, lenient (whole or nothing) for what was stored.
 */
import { isRecord, type Checked } from '../validation/checked.ts';

export interface ScenarioDraft {
  /** The name the scenario was loaded under ("builtin:side-by-side", "my-class.yaml"). */
  sourceName: string;
  /** The scenario's title, to name it when the draft is offered back. */
  title: string;
  /** The scenario's text with the unsaved edits. */
  scenarioText: string;
  /** The text as it was loaded or last saved, so a restored draft is still shown as unsaved. */
  baseText: string;
  /** Wall-clock time of the last edit, to say how old the draft is. */
  savedAtEpochMs: number;
}

export const MAX_DRAFT_NAME_CHARS = 500;
/** As large as a scenario the engine loads (2 MB of text); a draft holds two such texts. */
export const MAX_DRAFT_TEXT_CHARS = 2_000_000;
export const MAX_DRAFT_TITLE_CHARS = 500;

const KEYS = ['sourceName', 'title', 'scenarioText', 'baseText', 'savedAtEpochMs'];

/** Strict: a draft a page sends, or null to say there is none any more. Names the first thing wrong. */
export function validateScenarioDraft(value: unknown, path = 'draft'): Checked<ScenarioDraft> {
  if (!isRecord(value)) return { ok: false, error: `${path}: expected an object` };
  const extra = Object.keys(value).find((key) => !KEYS.includes(key));
  if (extra !== undefined) return { ok: false, error: `${path}: unknown field ${JSON.stringify(extra.slice(0, 80))}` };
  const { sourceName, title, scenarioText, baseText, savedAtEpochMs } = value;
  if (typeof sourceName !== 'string' || sourceName.length === 0 || sourceName.length > MAX_DRAFT_NAME_CHARS) {
    return { ok: false, error: `${path}.sourceName: expected a name of 1 to ${MAX_DRAFT_NAME_CHARS} characters` };
  }
  if (typeof title !== 'string' || title.length > MAX_DRAFT_TITLE_CHARS) return { ok: false, error: `${path}.title: expected text of at most ${MAX_DRAFT_TITLE_CHARS} characters` };
  for (const [key, text] of [['scenarioText', scenarioText], ['baseText', baseText]] as const) {
    if (typeof text !== 'string' || text.length > MAX_DRAFT_TEXT_CHARS) return { ok: false, error: `${path}.${key}: expected the scenario's text, at most ${MAX_DRAFT_TEXT_CHARS.toLocaleString('en-US')} characters` };
  }
  if (typeof savedAtEpochMs !== 'number' || !Number.isFinite(savedAtEpochMs) || savedAtEpochMs < 0) return { ok: false, error: `${path}.savedAtEpochMs: expected a time in milliseconds` };
  return { ok: true, value: { sourceName, title, scenarioText: scenarioText as string, baseText: baseText as string, savedAtEpochMs } };
}

/** Lenient: a stored draft is used whole or not at all (half a scenario is no use to anyone). */
export function readStoredDraft(value: unknown): ScenarioDraft | undefined {
  const checked = validateScenarioDraft(value);
  return checked.ok ? checked.value : undefined;
}
