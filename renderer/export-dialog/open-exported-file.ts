/**
 * What a dropped or opened file asks the app to do: a scenario (.yaml, .yml) is loaded as it is; an image or an
 * animation TokenScope exported (.png, .svg, .gif, .apng, .webm, .mp4) reopens the moment embedded in it; anything
 * else is refused with a sentence saying why, and nothing on screen changes.
 */
import { exportedFileKind, readEmbeddedMoment } from '../../shared/export/embedded-moment.ts';
import { decodeScenarioFile } from '../../shared/export/decode-scenario-file.ts';
import type { ExportMoment } from '../../shared/export/export-types.ts';
import type { OpenScenarioResult } from '../../shared/ipc/ipc-contract.ts';
import { DROPPED_FILE_MAX_BYTES, formatBytes, overBudget } from '../../shared/limits/input-budgets.ts';

export type OpenRequest =
  | { kind: 'scenario'; sourceName: string; scenarioText: string }
  | { kind: 'moment'; fileName: string; moment: ExportMoment }
  | { kind: 'refused'; error: string };

const SCENARIO_NAME = /\.ya?ml$/i;

/**
 * The request for a file's bytes. An image or video TokenScope exports is told by its content, whatever its name; a
 * scenario by its name (.yaml, .yml), since YAML has no signature.
 */
export function openRequestFor(fileName: string, bytes: Uint8Array): OpenRequest {
  try {
    const kind = exportedFileKind(bytes);
    if (SCENARIO_NAME.test(fileName) && (kind === undefined || kind === 'a PDF')) {
      const text = decodeScenarioFile(bytes, fileName);
      return text.ok ? { kind: 'scenario', sourceName: fileName, scenarioText: text.value } : { kind: 'refused', error: text.error };
    }
    const moment = readEmbeddedMoment(bytes, fileName);
    if (moment.ok) return { kind: 'moment', fileName, moment: moment.value };
    // Text that is no image: most likely a scenario saved under another name.
    if (kind === undefined && bytes.length > 0 && decodeScenarioFile(bytes, fileName).ok) {
      return { kind: 'refused', error: `${fileName}: not an image TokenScope exports, and a scenario's name ends in .yaml or .yml; if this text is a scenario, rename it` };
    }
    return { kind: 'refused', error: moment.error };
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
