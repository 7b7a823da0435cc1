/**
 * No setting is lost without a copy, and the user is told. A preset written by a newer version once wiped every
 * export preset; a one-off read error once let the next write replace an intact file with defaults; a corrupt file
 * was moved aside without a word; and a page could grow settings.json to tens of MB through exportMemory.
 */
import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_SETTINGS } from '../../../shared/export/export-types.ts';
import { DEFAULT_USER_SETTINGS, validateSettingsPatch } from '../../../shared/ipc/ipc-contract.ts';
import { EXPORT_MAX_FLOWS, SETTINGS_FILE_MAX_BYTES } from '../../../shared/limits/input-budgets.ts';
import { loadNotice, SettingsStore, type SettingsFs } from '../../../electron/main/settings-store.ts';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tokenscope-settings-'));
  file = path.join(dir, 'settings.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const quiet = { log: () => {}, now: () => 42 };
const preset = (name: string, extra: Record<string, unknown> = {}) => ({ name, settings: { ...DEFAULT_EXPORT_SETTINGS, hiddenLanes: [], ...extra } });

/** The real fs, with readFileSync failing `times` times with EIO (and renameSync too, when asked). */
function flakyFs(times: number, renameFails = false): SettingsFs {
  let failures = times;
  return {
    ...fs,
    readFileSync: ((...args: Parameters<typeof fs.readFileSync>) => {
      if (failures-- > 0) throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
      return fs.readFileSync(...args);
    }) as typeof fs.readFileSync,
    renameSync: ((from: fs.PathLike, to: fs.PathLike) => {
      if (renameFails && String(from) === file) throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
      fs.renameSync(from, to);
    }) as typeof fs.renameSync,
  };
}

describe('a preset from a newer version', () => {
  it('costs only itself; the file as it was is copied aside before anything is written, and the user is told', () => {
    const original = JSON.stringify({
      version: 1,
      user: { theme: 'dark', exportMemory: { last: { ...DEFAULT_EXPORT_SETTINGS, hiddenLanes: [] }, presets: [preset('Slides'), preset('Poster', { dpi: 600 }), preset('Docs')] } },
    });
    writeFileSync(file, original);
    const store = new SettingsStore(file, quiet);
    const outcome = store.load();
    expect(outcome).toEqual({ kind: 'loaded', dropped: ['export preset "Poster"'], keptAs: path.join(dir, 'settings.backup-42.json') });
    expect(store.getUser().exportMemory?.presets.map((p) => p.name)).toEqual(['Slides', 'Docs']);
    expect(store.getUser().theme).toBe('dark');
    store.updateUser({ speed: 60 });
    expect(readFileSync(path.join(dir, 'settings.backup-42.json'), 'utf8')).toBe(original);
    expect(loadNotice('settings', outcome)).toEqual({
      message: 'Some of your settings could not be used',
      detail: expect.stringContaining(`could not use export preset "Poster", probably written by a newer version; the rest was kept. A copy of the file as it was is kept as ${path.join(dir, 'settings.backup-42.json')}.`),
    });
  });
});

describe('a read error at startup', () => {
  it('once: the next write reads the file again and changes only what was asked', () => {
    writeFileSync(file, JSON.stringify({ version: 1, user: { theme: 'projector', speed: 600 }, lastSaveDirectory: '/home/me/slides' }));
    const store = new SettingsStore(file, { ...quiet, fs: flakyFs(1) });
    const outcome = store.load();
    expect(outcome).toEqual({ kind: 'unreadable', reason: 'EIO: i/o error, read' });
    expect(store.getUser()).toEqual(DEFAULT_USER_SETTINGS);
    expect(loadNotice('settings', outcome)?.detail).toContain('It was left as it is');
    store.updateUser({ fontScalePercent: 150 });
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.user).toEqual({ ...DEFAULT_USER_SETTINGS, theme: 'projector', speed: 600, fontScalePercent: 150 });
    expect(saved.lastSaveDirectory).toBe('/home/me/slides');
  });

  it('for good: the unreadable file is moved aside, never overwritten; if it cannot be moved, nothing is written', () => {
    const original = JSON.stringify({ version: 1, user: { theme: 'dark' } });
    writeFileSync(file, original);
    const stuck = new SettingsStore(file, { ...quiet, fs: flakyFs(99, true) });
    stuck.load();
    expect(() => stuck.updateUser({ speed: 60 })).toThrow(/cannot be read \(EIO: i\/o error, read\) nor moved aside .* nothing was saved/);
    expect(readFileSync(file, 'utf8')).toBe(original);
    const store = new SettingsStore(file, { ...quiet, fs: flakyFs(2) });
    store.load();
    store.updateUser({ speed: 60 });
    expect(readFileSync(path.join(dir, 'settings.unreadable-42.json'), 'utf8')).toBe(original);
    expect(JSON.parse(readFileSync(file, 'utf8')).user.speed).toBe(60);
  });
});

describe('size', () => {
  it('a settings file over the budget is set aside as corrupt, saying why', () => {
    writeFileSync(file, JSON.stringify({ version: 1, user: { theme: 'dark' }, padding: 'x'.repeat(SETTINGS_FILE_MAX_BYTES) }));
    const outcome = new SettingsStore(file, quiet).load();
    expect(outcome).toMatchObject({ kind: 'corrupt', reason: 'it is 1 MB, over the 1 MB such a file can be', keptAs: path.join(dir, 'settings.corrupt-42.json') });
    expect(loadNotice('settings', outcome)?.message).toBe('Your settings could not be read, so TokenScope started without them');
    expect(readdirSync(dir)).toEqual(['settings.corrupt-42.json']);
  });

  it('a page cannot grow the export memory: flows are capped in the patch it sends', () => {
    const flows = Array.from({ length: EXPORT_MAX_FLOWS + 1 }, (_, i) => `f${i}`);
    const patch = { exportMemory: { last: { ...DEFAULT_EXPORT_SETTINGS, hiddenLanes: [], flows }, presets: [] } };
    expect(validateSettingsPatch(patch)).toEqual({ ok: false, error: expect.stringMatching(/^exportMemory\.last\.flows: expected a list of at most 10 flow ids, got \["f0",/) });
    expect(validateSettingsPatch(patch).ok === false && (validateSettingsPatch(patch) as { error: string }).error.length).toBeLessThan(200);
  });
});
