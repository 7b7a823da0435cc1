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

  it('refuses a file larger than the engine accepts, without reading it', async () => {
    const file = path.join(dir, 'huge.yaml');
    writeFileSync(file, 'x'.repeat(2_000_001));
    dialog.fakeAnswerOpen({ canceled: false, filePaths: [file] });
    const readText = vi.fn();
    await expect(openScenarioFile(undefined, { dialog: dialog as never, settings: memory(), readText })).rejects.toThrow('huge.yaml is larger than 2 MB');
    expect(readText).not.toHaveBeenCalled();
  });

  it('refuses a folder', async () => {
    dialog.fakeAnswerOpen({ canceled: false, filePaths: [dir] });
    await expect(openScenarioFile(undefined, { dialog: dialog as never, settings: memory() })).rejects.toThrow('is not a file');
  });
});
