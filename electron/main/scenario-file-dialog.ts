/**
 * Open scenario…: the OS file dialog, then the chosen file's text, or, for an image exported by TokenScope (.png,
 * .svg), its bytes, from which the renderer reads the embedded moment. The renderer never names a path, so a
 * compromised page can read only files the user picked by hand.
 */
import { promises as fsPromises } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';
import { extensionOf, MAX_FILE_BYTES, MAX_SCENARIO_CHARS, type OpenScenarioResult } from '../../shared/ipc/ipc-contract.ts';
import { decodeScenarioFile } from '../../shared/export/decode-scenario-file.ts';
import { exportedFileKind } from '../../shared/export/embedded-moment.ts';

export interface ScenarioFileDeps {
  dialog: Pick<Dialog, 'showOpenDialog'>;
  /** Where the dialog starts, and where to remember the folder the user went to. */
  settings: { getLastScenarioDirectory(): string | null; setLastScenarioDirectory(directory: string): void };
  stat?: (filePath: string) => Promise<{ size: number; isFile(): boolean }>;
  readBytes?: (filePath: string) => Promise<Uint8Array>;
  log?: (message: string) => void;
}

/** Images and animations TokenScope exports: each carries the moment it was made from. */
const IMAGE_EXTENSIONS = ['png', 'svg', 'gif', 'apng', 'webm', 'mp4'];

export interface OpenScenarioOptions {
  /**
   * Whether exported images may be picked. The renderer's Open can apply an image's moment (playhead and view);
   * the menu's Open, which loads straight into the engine, cannot, and offers scenarios only.
   */
  images: boolean;
}

/** Shows the dialog and reads the chosen file; throws, in words, when the file cannot be used. */
export async function openScenarioFile(
  window: BrowserWindow | undefined,
  deps: ScenarioFileDeps,
  options: OpenScenarioOptions = { images: true },
): Promise<OpenScenarioResult> {
  const lastDirectory = deps.settings.getLastScenarioDirectory();
  const dialogOptions: OpenDialogOptions = {
    title: 'Open scenario',
    properties: ['openFile'],
    filters: [
      ...(options.images
        ? [
            { name: 'Scenarios and TokenScope images', extensions: ['yaml', 'yml', ...IMAGE_EXTENSIONS] },
            { name: 'TokenScope scenarios', extensions: ['yaml', 'yml'] },
            { name: 'Images and animations exported by TokenScope', extensions: IMAGE_EXTENSIONS },
          ]
        : [{ name: 'TokenScope scenarios', extensions: ['yaml', 'yml'] }]),
      { name: 'All files', extensions: ['*'] },
    ],
    ...(lastDirectory ? { defaultPath: lastDirectory } : {}),
  };
  const choice = window ? await deps.dialog.showOpenDialog(window, dialogOptions) : await deps.dialog.showOpenDialog(dialogOptions);
  const filePath = choice.filePaths[0];
  if (choice.canceled || filePath === undefined) return { canceled: true };

  const sourceName = path.basename(filePath);
  const stat = deps.stat ?? ((p: string) => fsPromises.stat(p));
  const readBytes = deps.readBytes ?? ((p: string) => fsPromises.readFile(p));
  const info = await stat(filePath);
  if (!info.isFile()) throw new Error(`${sourceName} is not a file`);
  const isImage = IMAGE_EXTENSIONS.includes(extensionOf(sourceName));
  if (isImage && !options.images) {
    throw new Error(`${sourceName} is an exported image: open it with the Open button or drop it on the window to reopen its moment`);
  }
  let result: OpenScenarioResult;
  if (isImage) {
    if (info.size > MAX_FILE_BYTES) throw new Error(`${sourceName} is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB; it is not an image TokenScope exported`);
    result = { canceled: false, sourceName, imageBytes: await readBytes(filePath) };
  } else {
    // Bytes bound characters from above in UTF-8, so this also keeps the text within the engine's 'load' limit.
    if (info.size > MAX_SCENARIO_CHARS) throw new Error(`${sourceName} is larger than 2 MB; a scenario is a short YAML file`);
    const bytes = await readBytes(filePath);
    // Told by content, as a dropped file is: an exported image renamed .yaml still reopens its moment.
    const kind = exportedFileKind(bytes);
    if (options.images && kind !== undefined && kind !== 'a PDF') {
      result = { canceled: false, sourceName, imageBytes: bytes };
    } else {
      // Strict UTF-8: a lenient decode would turn stray bytes into U+FFFD and load a scenario that differs from the file.
      const text = decodeScenarioFile(bytes, sourceName, 'open it with the Open button or drop it on the window to reopen its moment');
      if (!text.ok) throw new Error(text.error);
      result = { canceled: false, sourceName, scenarioText: text.value };
    }
  }

  try {
    deps.settings.setLastScenarioDirectory(path.dirname(filePath));
  } catch (error) {
    deps.log?.(`cannot remember the scenario folder: ${(error as Error).message}`);
  }
  return result;
}
