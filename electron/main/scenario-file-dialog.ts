/**
 * File > Open scenario…: the OS file dialog, then the chosen file's text. The renderer never names a path, so a
 * compromised page can read only files the user picked by hand.
 */
import { promises as fsPromises } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';
import { MAX_SCENARIO_CHARS, type OpenScenarioResult } from '../../shared/ipc/ipc-contract.ts';

export interface ScenarioFileDeps {
  dialog: Pick<Dialog, 'showOpenDialog'>;
  /** Where the dialog starts, and where to remember the folder the user went to. */
  settings: { getLastScenarioDirectory(): string | null; setLastScenarioDirectory(directory: string): void };
  stat?: (filePath: string) => Promise<{ size: number; isFile(): boolean }>;
  readText?: (filePath: string) => Promise<string>;
  log?: (message: string) => void;
}

/** Shows the dialog and reads the chosen file; throws, in words, when the file cannot be used. */
export async function openScenarioFile(window: BrowserWindow | undefined, deps: ScenarioFileDeps): Promise<OpenScenarioResult> {
  const lastDirectory = deps.settings.getLastScenarioDirectory();
  const options: OpenDialogOptions = {
    title: 'Open scenario',
    properties: ['openFile'],
    filters: [
      { name: 'TokenScope scenarios', extensions: ['yaml', 'yml'] },
      { name: 'All files', extensions: ['*'] },
    ],
    ...(lastDirectory ? { defaultPath: lastDirectory } : {}),
  };
  const choice = window ? await deps.dialog.showOpenDialog(window, options) : await deps.dialog.showOpenDialog(options);
  const filePath = choice.filePaths[0];
  if (choice.canceled || filePath === undefined) return { canceled: true };

  const sourceName = path.basename(filePath);
  const stat = deps.stat ?? ((p: string) => fsPromises.stat(p));
  const readText = deps.readText ?? ((p: string) => fsPromises.readFile(p, 'utf8'));
  const info = await stat(filePath);
  if (!info.isFile()) throw new Error(`${sourceName} is not a file`);
  // Bytes bound characters from above in UTF-8, so this also keeps the text within the engine's 'load' limit.
  if (info.size > MAX_SCENARIO_CHARS) throw new Error(`${sourceName} is larger than 2 MB; a scenario is a short YAML file`);
  const scenarioText = await readText(filePath);

  try {
    deps.settings.setLastScenarioDirectory(path.dirname(filePath));
  } catch (error) {
    deps.log?.(`cannot remember the scenario folder: ${(error as Error).message}`);
  }
  return { canceled: false, sourceName, scenarioText };
}
