/**
 * What a dropped or opened file asks the app to do: a scenario (.yaml, .yml) is loaded as it is; an image TokenScope
 * exported (.png, .svg) reopens the moment embedded in it; anything else is refused with a sentence saying why, and
 * nothing on screen changes.
 */
import { readEmbeddedMoment } from '../../shared/export/embedded-moment.ts';
import type { ExportMoment } from '../../shared/export/export-types.ts';
import type { OpenScenarioResult } from '../../shared/ipc/ipc-contract.ts';

export type OpenRequest =
  | { kind: 'scenario'; sourceName: string; scenarioText: string }
  | { kind: 'moment'; fileName: string; moment: ExportMoment }
  | { kind: 'refused'; error: string };

const SCENARIO_NAME = /\.ya?ml$/i;

/** The file types the drop target and the file picker take. */
export const OPENABLE_FILE_TYPES = '.png,.svg,.yaml,.yml,image/png,image/svg+xml';

function decodeText(bytes: Uint8Array, fileName: string): { ok: true; text: string } | { ok: false; error: string } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, error: `${fileName}: not a scenario (the file is not UTF-8 text)` };
  }
}

/** The request for a file's bytes, told apart by the file's name for scenarios and by its content for images. */
export function openRequestFor(fileName: string, bytes: Uint8Array): OpenRequest {
  if (SCENARIO_NAME.test(fileName)) {
    const text = decodeText(bytes, fileName);
    return text.ok ? { kind: 'scenario', sourceName: fileName, scenarioText: text.text.replace(/^\ufeff/, '') } : { kind: 'refused', error: text.error };
  }
  const moment = readEmbeddedMoment(bytes, fileName);
  return moment.ok ? { kind: 'moment', fileName, moment: moment.value } : { kind: 'refused', error: moment.error };
}

/** What the desktop's Open dialog answered (undefined: the user canceled it). */
export function openRequestForDialogResult(result: OpenScenarioResult): OpenRequest | undefined {
  if (result.canceled) return undefined;
  if ('scenarioText' in result) return { kind: 'scenario', sourceName: result.sourceName, scenarioText: result.scenarioText };
  const moment = readEmbeddedMoment(result.imageBytes, result.sourceName);
  return moment.ok ? { kind: 'moment', fileName: result.sourceName, moment: moment.value } : { kind: 'refused', error: moment.error };
}

/** A dropped or picked file (the DOM's File, or anything with its name and bytes). */
export interface OpenableFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export async function openRequestForFile(file: OpenableFile): Promise<OpenRequest> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return { kind: 'refused', error: `${file.name}: the file could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
  return openRequestFor(file.name, bytes);
}
