/**
 * What a dropped or opened file asks the app to do: a scenario (.yaml, .yml) is loaded as it is; an image or an
 * animation TokenScope exported (.png, .svg, .gif, .apng, .webm, .mp4) reopens the moment embedded in it; anything
 * else is refused with a sentence saying why, and nothing on screen changes.
 */
import { readEmbeddedMoment } from '../../shared/export/embedded-moment.ts';
import type { ExportMoment } from '../../shared/export/export-types.ts';
import type { OpenScenarioResult } from '../../shared/ipc/ipc-contract.ts';
import { DROPPED_FILE_MAX_BYTES, formatBytes, formatLimit, overBudget, SCENARIO_MAX_CHARS } from '../../shared/limits/input-budgets.ts';

export type OpenRequest =
  | { kind: 'scenario'; sourceName: string; scenarioText: string }
  | { kind: 'moment'; fileName: string; moment: ExportMoment }
  | { kind: 'refused'; error: string };

const SCENARIO_NAME = /\.ya?ml$/i;

function decodeText(bytes: Uint8Array, fileName: string): { ok: true; text: string } | { ok: false; error: string } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, error: `${fileName}: not a scenario (the file is not UTF-8 text)` };
  }
}

function tooLargeScenario(fileName: string, chars: number): OpenRequest {
  return { kind: 'refused', error: `${fileName}: ${overBudget('the scenario', `${formatLimit(chars)} characters`, `${formatLimit(SCENARIO_MAX_CHARS)} characters`, 'a scenario is a short YAML file; split it or remove steps')}` };
}

/** The request for a file's bytes, told apart by the file's name for scenarios and by its content for images. */
export function openRequestFor(fileName: string, bytes: Uint8Array): OpenRequest {
  try {
    if (SCENARIO_NAME.test(fileName)) {
      // UTF-8 never takes fewer bytes than UTF-16 units, so past this many bytes the text would be too long too.
      if (bytes.length > SCENARIO_MAX_CHARS * 3) return tooLargeScenario(fileName, bytes.length);
      const text = decodeText(bytes, fileName);
      if (!text.ok) return { kind: 'refused', error: text.error };
      const scenarioText = text.text.replace(/^\ufeff/, '');
      return scenarioText.length > SCENARIO_MAX_CHARS ? tooLargeScenario(fileName, scenarioText.length) : { kind: 'scenario', sourceName: fileName, scenarioText };
    }
    const moment = readEmbeddedMoment(bytes, fileName);
    return moment.ok ? { kind: 'moment', fileName, moment: moment.value } : { kind: 'refused', error: moment.error };
  } catch (error) {
    // Last line of defence: whatever a file holds, the user gets a sentence, never a silent failure.
    return { kind: 'refused', error: `${fileName}: the file could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** What the desktop's Open dialog answered (undefined: the user canceled it). */
export function openRequestForDialogResult(result: OpenScenarioResult): OpenRequest | undefined {
  if (result.canceled) return undefined;
  if ('scenarioText' in result) return { kind: 'scenario', sourceName: result.sourceName, scenarioText: result.scenarioText };
  const moment = readEmbeddedMoment(result.imageBytes, result.sourceName);
  return moment.ok ? { kind: 'moment', fileName: result.sourceName, moment: moment.value } : { kind: 'refused', error: moment.error };
}

/** A dropped or picked file (the DOM's File, or anything with its name, size and bytes). */
export interface OpenableFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export async function openRequestForFile(file: OpenableFile): Promise<OpenRequest> {
  // Checked before a single byte is read: a huge file would otherwise be read whole, then decoded, on the UI thread.
  if (file.size > DROPPED_FILE_MAX_BYTES) {
    return { kind: 'refused', error: `${file.name}: ${overBudget('the file', formatBytes(file.size), formatBytes(DROPPED_FILE_MAX_BYTES), 'drop a scenario (.yaml), or an image or animation TokenScope exported (.png, .svg, .gif, .apng, .webm, .mp4)')}` };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return { kind: 'refused', error: `${file.name}: the file could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
  return openRequestFor(file.name, bytes);
}
