import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../fakes/electron.ts'));

import { dialog, resetFakeElectron } from '../../fakes/electron.ts';
import { saveDialogOptions, saveFileWithDialog, type SaveFileDeps } from '../../../electron/main/save-file-dialog.ts';
import { MAX_FILE_BYTES, type SaveFileRequest } from '../../../shared/ipc/ipc-contract.ts';

let dir: string;
beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(path.join(tmpdir(), 'tokenscope-save-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function memory(lastDirectory: string | null = null) {
  const state = { lastDirectory };
  return {
    state,
    getLastSaveDirectory: () => state.lastDirectory,
    setLastSaveDirectory: (d: string) => void (state.lastDirectory = d),
  };
}

function deps(overrides: Partial<SaveFileDeps> = {}): SaveFileDeps {
  return { dialog: dialog as never, settings: memory(), defaultDirectory: '/home/me/Documents', ...overrides };
}

const PNG: SaveFileRequest = { suggestedName: 'rotation at 48 m.png', mimeType: 'image/png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) };

describe('saveFileWithDialog', () => {
  it('offers the suggested name in Documents the first time, filtered by its type', async () => {
    await saveFileWithDialog(undefined, PNG, deps());
    expect(dialog.fakeSaveCalls[0]?.options).toEqual({
      title: 'Save',
      defaultPath: path.join('/home/me/Documents', 'rotation at 48 m.png'),
      filters: [
        { name: 'PNG image', extensions: ['png'] },
        { name: 'All files', extensions: ['*'] },
      ],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
  });

  it('offers both YAML extensions for a scenario', () => {
    expect(saveDialogOptions({ suggestedName: 'mine.yaml', mimeType: 'application/yaml', data: '' }, '/x').filters?.[0]).toEqual({
      name: 'TokenScope scenario',
      extensions: ['yaml', 'yml'],
    });
  });

  it('answers canceled, and writes nothing, when the user closes the dialog', async () => {
    const write = vi.fn();
    expect(await saveFileWithDialog(undefined, PNG, deps({ write }))).toEqual({ saved: false, canceled: true });
    expect(write).not.toHaveBeenCalled();
  });

  it('writes the bytes to the chosen path, answers it, and starts there next time', async () => {
    const target = path.join(dir, 'slide.png');
    dialog.fakeAnswerSave({ canceled: false, filePath: target });
    const settings = memory();
    expect(await saveFileWithDialog(undefined, PNG, deps({ settings }))).toEqual({ saved: true, where: target });
    expect([...readFileSync(target)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(readdirSync(dir)).toEqual(['slide.png']);
    expect(settings.state.lastDirectory).toBe(dir);

    await saveFileWithDialog(undefined, { suggestedName: 'events.csv', mimeType: 'text/csv', data: 'a\n' }, deps({ settings }));
    expect(dialog.fakeSaveCalls[1]?.options.defaultPath).toBe(path.join(dir, 'events.csv'));
  });

  it('writes text as UTF-8, and replaces an existing file the user agreed to overwrite', async () => {
    const target = path.join(dir, 'figure.svg');
    writeFileSync(target, 'old');
    dialog.fakeAnswerSave({ canceled: false, filePath: target });
    await saveFileWithDialog(undefined, { suggestedName: 'figure.svg', mimeType: 'image/svg+xml', data: '<svg><title>∞ → ✓</title></svg>' }, deps());
    expect(readFileSync(target, 'utf8')).toBe('<svg><title>∞ → ✓</title></svg>');
  });

  it('saves under exactly the name the user typed, even without an extension', async () => {
    const target = path.join(dir, 'no-extension');
    dialog.fakeAnswerSave({ canceled: false, filePath: target });
    expect(await saveFileWithDialog(undefined, PNG, deps())).toEqual({ saved: true, where: target });
    expect(readdirSync(dir)).toEqual(['no-extension']);
  });

  it('fails with the file name and the system’s reason when the write fails', async () => {
    dialog.fakeAnswerSave({ canceled: false, filePath: path.join(dir, 'missing-folder', 'slide.png') });
    const settings = memory('/before');
    await expect(saveFileWithDialog(undefined, PNG, deps({ settings }))).rejects.toThrow(/^cannot save slide\.png: ENOENT/);
    expect(settings.state.lastDirectory).toBe('/before');
  });

  it('refuses text that is larger than 64 MB once encoded, before showing the dialog', async () => {
    const text = '€'.repeat(Math.ceil(MAX_FILE_BYTES / 3) + 1);
    await expect(saveFileWithDialog(undefined, { suggestedName: 'big.txt', mimeType: 'text/plain', data: text }, deps())).rejects.toThrow('big.txt is larger than 64 MB');
    expect(dialog.fakeSaveCalls).toEqual([]);
  });

  it('still saves when the folder cannot be remembered', async () => {
    dialog.fakeAnswerSave({ canceled: false, filePath: path.join(dir, 'a.json') });
    const log = vi.fn();
    const settings = {
      getLastSaveDirectory: () => null,
      setLastSaveDirectory: () => {
        throw new Error('EACCES');
      },
    };
    expect(await saveFileWithDialog(undefined, { suggestedName: 'a.json', mimeType: 'application/json', data: '{}' }, deps({ settings, log }))).toMatchObject({ saved: true });
    expect(log).toHaveBeenCalledWith('cannot remember the save folder: EACCES');
  });
});
