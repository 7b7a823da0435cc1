import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../fakes/electron.ts'));

import { dialog, resetFakeElectron } from '../../fakes/electron.ts';
import { openScenarioFile } from '../../../electron/main/scenario-file-dialog.ts';

let dir: string;
beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(path.join(tmpdir(), 'tokenscope-open-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function memory(lastDirectory: string | null = null) {
  const state = { lastDirectory };
  return {
    state,
    getLastScenarioDirectory: () => state.lastDirectory,
    setLastScenarioDirectory: (d: string) => void (state.lastDirectory = d),
  };
}

describe('openScenarioFile', () => {
  it('answers canceled when the user closes the dialog', async () => {
    expect(await openScenarioFile(undefined, { dialog: dialog as never, settings: memory() })).toEqual({ canceled: true });
  });

  it('returns the picked file’s name and text, and remembers its folder for next time', async () => {
    const file = path.join(dir, 'my-scenario.yaml');
    writeFileSync(file, 'name: mine\n');
    dialog.fakeAnswerOpen({ canceled: false, filePaths: [file] });
    const settings = memory('/home/me');

    expect(await openScenarioFile(undefined, { dialog: dialog as never, settings })).toEqual({
      canceled: false,
      sourceName: 'my-scenario.yaml',
      scenarioText: 'name: mine\n',
    });
    expect(dialog.fakeOpenCalls[0]?.options).toMatchObject({ defaultPath: '/home/me', properties: ['openFile'] });
    expect(settings.state.lastDirectory).toBe(dir);
  });

  it('refuses a scenario that is not UTF-8 rather than loading it with replacement characters', async () => {
    const file = path.join(dir, 'latin1.yaml');
    writeFileSync(file, Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
    dialog.fakeAnswerOpen({ canceled: false, filePaths: [file] });
    await expect(openScenarioFile(undefined, { dialog: dialog as never, settings: memory() })).rejects.toThrow('latin1.yaml: not UTF-8 text (it stops being UTF-8 at byte 8); save it as UTF-8');
  });

  it('tells a file by its content: an exported PNG renamed .yaml reopens its moment, and UTF-16 text is named', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1]);
    const renamed = path.join(dir, 'moment.yaml');
    writeFileSync(renamed, png);
    dialog.fakeAnswerOpen({ canceled: false, filePaths: [renamed] });
    const result = await openScenarioFile(undefined, { dialog: dialog as never, settings: memory() });
    expect('imageBytes' in result && [...result.imageBytes]).toEqual([...png]);

    // The menu's Open loads scenarios only: the same file is named for what it is, with where to open it.
    dialog.fakeAnswerOpen({ canceled: false, filePaths: [renamed] });
    await expect(openScenarioFile(undefined, { dialog: dialog as never, settings: memory() }, { images: false })).rejects.toThrow(
      'moment.yaml: a PNG image, not a scenario (YAML text); open it with the Open button or drop it on the window to reopen its moment',
    );

    const utf16 = path.join(dir, 'utf16.yaml');
    writeFileSync(utf16, Buffer.from('\ufeffname: x\n', 'utf16le'));
    dialog.fakeAnswerOpen({ canceled: false, filePaths: [utf16] });
    await expect(openScenarioFile(undefined, { dialog: dialog as never, settings: memory() })).rejects.toThrow('utf16.yaml: UTF-16 text, not UTF-8; save it as UTF-8');
  });

  it('refuses a file larger than the engine accepts, without reading it', async () => {
    const file = path.join(dir, 'huge.yaml');
    writeFileSync(file, 'x'.repeat(2_000_001));
    dialog.fakeAnswerOpen({ canceled: false, filePaths: [file] });
    const readBytes = vi.fn();
    await expect(openScenarioFile(undefined, { dialog: dialog as never, settings: memory(), readBytes })).rejects.toThrow('huge.yaml is larger than 2 MB');
    expect(readBytes).not.toHaveBeenCalled();
  });

  it('offers scenarios and exported images and animations together, and each on its own', async () => {
    await openScenarioFile(undefined, { dialog: dialog as never, settings: memory() });
    expect(dialog.fakeOpenCalls[0]?.options.filters).toEqual([
      { name: 'Scenarios and TokenScope images', extensions: ['yaml', 'yml', 'png', 'svg', 'gif', 'apng', 'webm', 'mp4'] },
      { name: 'TokenScope scenarios', extensions: ['yaml', 'yml'] },
      { name: 'Images and animations exported by TokenScope', extensions: ['png', 'svg', 'gif', 'apng', 'webm', 'mp4'] },
      { name: 'All files', extensions: ['*'] },
    ]);
  });

  it.each(['moment.png', 'moment.SVG', 'rotation.gif', 'rotation.webm'])('returns the bytes of an exported image (%s), for the renderer to read its moment', async (name) => {
    const file = path.join(dir, name);
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    writeFileSync(file, bytes);
    dialog.fakeAnswerOpen({ canceled: false, filePaths: [file] });
    const result = await openScenarioFile(undefined, { dialog: dialog as never, settings: memory() });
    expect(result).toMatchObject({ canceled: false, sourceName: name });
    expect('imageBytes' in result && [...result.imageBytes]).toEqual([...bytes]);
    expect('scenarioText' in result).toBe(false);
  });

  it('refuses an image larger than 64 MB without reading it', async () => {
    const file = path.join(dir, 'huge.png');
    writeFileSync(file, '');
    dialog.fakeAnswerOpen({ canceled: false, filePaths: [file] });
    const readBytes = vi.fn();
    const stat = async () => ({ size: 64 * 1024 * 1024 + 1, isFile: () => true });
    await expect(openScenarioFile(undefined, { dialog: dialog as never, settings: memory(), stat, readBytes })).rejects.toThrow('huge.png is larger than 64 MB');
    expect(readBytes).not.toHaveBeenCalled();
  });

  it('offers only scenarios when images cannot be applied (the menu), and says where to open an image instead', async () => {
    await openScenarioFile(undefined, { dialog: dialog as never, settings: memory() }, { images: false });
    expect(dialog.fakeOpenCalls[0]?.options.filters).toEqual([
      { name: 'TokenScope scenarios', extensions: ['yaml', 'yml'] },
      { name: 'All files', extensions: ['*'] },
    ]);
    const file = path.join(dir, 'moment.png');
    writeFileSync(file, 'png');
    dialog.fakeAnswerOpen({ canceled: false, filePaths: [file] });
    await expect(openScenarioFile(undefined, { dialog: dialog as never, settings: memory() }, { images: false })).rejects.toThrow(
      'moment.png is an exported image: open it with the Open button or drop it on the window to reopen its moment',
    );
  });

  it('refuses a folder', async () => {
    dialog.fakeAnswerOpen({ canceled: false, filePaths: [dir] });
    await expect(openScenarioFile(undefined, { dialog: dialog as never, settings: memory() })).rejects.toThrow('is not a file');
  });
});
