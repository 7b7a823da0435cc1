/**
 * A scenario file's bytes as text, decoded strictly and held to the scenario budget, the one way both the CLI and the
 * app's drop and Open read them: a file that is not a scenario is named for what it is (an image TokenScope exported,
 * UTF-16 text, a binary file) rather than refused as "not UTF-8" with a fix that would not help.
 */
import type { Checked } from '../validation/checked.ts';
import { utf8Decode } from '../text/utf8.ts';
import { exportedFileKind } from './embedded-moment.ts';
import { formatLimit, overBudget, SCENARIO_MAX_CHARS } from '../limits/input-budgets.ts';

/** The refusal of a scenario over its budget; `unit` says what `length` counts (bytes or characters). */
export function scenarioTooLong(fileName: string, length: number, unit: 'bytes' | 'characters'): { ok: false; error: string } {
  return {
    ok: false,
    error: `${fileName}: ${overBudget('the scenario', `${formatLimit(length)} ${unit}`, `${formatLimit(SCENARIO_MAX_CHARS)} characters`, 'a scenario is a short YAML file; split it or remove steps')}`,
  };
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * `reopenHint`: what to do with an image or video TokenScope exported, which carries a moment (the app reopens it; the
 * CLI cannot).
 */
export function decodeScenarioFile(bytes: Uint8Array, fileName: string, reopenHint?: string): Checked<string> {
  const kind = exportedFileKind(bytes);
  if (kind !== undefined) return { ok: false, error: `${fileName}: ${kind}, not a scenario (YAML text)${kind === 'a PDF' || reopenHint === undefined ? '' : `; ${reopenHint}`}` };
  // UTF-8 takes at least one byte per UTF-16 unit: past this many bytes, the text cannot fit either.
  if (bytes.length > SCENARIO_MAX_CHARS * 3) return scenarioTooLong(fileName, bytes.length, 'bytes');
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return { ok: false, error: `${fileName}: UTF-16 text, not UTF-8; save it as UTF-8` };
  const decoded = utf8Decode(bytes);
  if (!decoded.ok) return { ok: false, error: `${fileName}: not UTF-8 text (it stops being UTF-8 at byte ${formatLimit(decoded.byteIndex + 1)}); save it as UTF-8` };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, error: `${fileName}: a binary file, not a scenario (YAML text): it holds a NUL byte at byte ${formatLimit(nul + 1)}` };
  const text = decoded.text.startsWith('\ufeff') ? decoded.text.slice(1) : decoded.text;
  return text.length > SCENARIO_MAX_CHARS ? scenarioTooLong(fileName, text.length, 'characters') : { ok: true, value: text };
}
