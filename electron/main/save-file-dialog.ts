/**
 * Saving an export: the OS save dialog (filtered by the file's type, starting in the folder the user saved to last),
 * then an atomic write to the path the user chose. The renderer offers a name and the bytes, never a path, so a
 * compromised page can write only where the user pointed the dialog.
 */
import path from 'node:path';
import type { BrowserWindow, Dialog, SaveDialogOptions } from 'electron';
import { MAX_FILE_BYTES, SAVE_FILE_TYPES, type SaveFileOutcome, type SaveFileRequest } from '../../shared/ipc/ipc-contract.ts';
import { writeFileAtomically } from './atomic-file.ts';

export interface SaveFileDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  /** Where the dialog starts, and where to remember the folder the user went to. */
  settings: { getLastSaveDirectory(): string | null; setLastSaveDirectory(directory: string): void };
  /** The folder of the first save (the user's Documents). */
  defaultDirectory: string;
  write?: (filePath: string, data: Uint8Array) => Promise<void>;
  log?: (message: string) => void;
}

export function saveDialogOptions(request: SaveFileRequest, directory: string): SaveDialogOptions {
  const type = SAVE_FILE_TYPES[request.mimeType];
  return {
    title: 'Save',
    defaultPath: path.join(directory, request.suggestedName),
    filters: [
      { name: type.label, extensions: [...type.extensions] },
      { name: 'All files', extensions: ['*'] },
    ],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** Shows the dialog and writes the file; throws, in words, when it cannot be written. */
export async function saveFileWithDialog(window: BrowserWindow | undefined, request: SaveFileRequest, deps: SaveFileDeps): Promise<SaveFileOutcome> {
  const data = typeof request.data === 'string' ? Buffer.from(request.data, 'utf8') : request.data;
  // The contract counted UTF-16 units; a text of mostly non-Latin characters can be up to three times that in UTF-8.
  if (data.byteLength > MAX_FILE_BYTES) throw new Error(`${request.suggestedName} is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB`);

  const options = saveDialogOptions(request, deps.settings.getLastSaveDirectory() ?? deps.defaultDirectory);
  const choice = window ? await deps.dialog.showSaveDialog(window, options) : await deps.dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { saved: false, canceled: true };

  // Exactly the path the user chose: adding a missing extension here could replace a file the dialog never asked about.
  const target = choice.filePath;
  const write = deps.write ?? ((filePath: string, bytes: Uint8Array) => writeFileAtomically(filePath, bytes));
  try {
    await write(target, data);
  } catch (error) {
    throw new Error(`cannot save ${path.basename(target)}: ${(error as Error).message}`);
  }
  try {
    deps.settings.setLastSaveDirectory(path.dirname(target));
  } catch (error) {
    deps.log?.(`cannot remember the save folder: ${(error as Error).message}`);
  }
  return { saved: true, where: target };
}
