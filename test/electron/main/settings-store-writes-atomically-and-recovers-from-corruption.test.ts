/**
 * The settings file is written atomically and recovers from corruption; and no setting is lost without a copy, and the
 * user is told (a preset from a newer version, a one-off read error, a corrupt or oversized file).
 */
import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_SETTINGS, type ExportMemory } from '../../../shared/export/export-types.ts';
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

const quiet = { log: () => {} };

/** The real fs, with every call recorded and chosen calls made to fail, as a crash or a full disk would. */
function recordingFs(failOn?: { call: keyof SettingsFs; error: string; when?: (args: unknown[]) => boolean }) {
  const calls: string[] = [];
  const wrapped = {} as Record<string, unknown>;
  for (const name of ['readFileSync', 'openSync', 'writeSync', 'fsyncSync', 'closeSync', 'renameSync', 'unlinkSync', 'mkdirSync'] as const) {
    wrapped[name] = (...args: unknown[]) => {
      const first = typeof args[0] === 'string' ? path.basename(args[0]) || args[0] : 'fd';
      const second = typeof args[1] === 'string' && name === 'renameSync' ? ` -> ${path.basename(args[1])}` : '';
      calls.push(`${name} ${first}${second}`);
      if (failOn?.call === name && (failOn.when?.(args) ?? true)) throw Object.assign(new Error(failOn.error), { code: failOn.error.split(':')[0] });
      return (fs[name] as (...a: unknown[]) => unknown)(...args);
    };
  }
  return { fs: wrapped as unknown as SettingsFs, calls };
}

describe('SettingsStore', () => {
  it('starts with the defaults when there is no file yet', () => {
    const store = new SettingsStore(file, quiet);
    expect(store.load()).toEqual({ kind: 'missing' });
    expect(store.getUser()).toEqual(DEFAULT_USER_SETTINGS);
    expect(store.getWindowState()).toBeNull();
  });

  it('reads back what it wrote, after a restart', () => {
    const first = new SettingsStore(file, quiet);
    first.load();
    first.updateUser({ theme: 'dark', speed: 86_400 });
    first.setWindowState({ x: 10, y: 20, width: 1300, height: 850, maximized: false });
    first.setLastScenarioDirectory('/home/me/scenarios');
    first.setLastSaveDirectory('/home/me/slides');

    const second = new SettingsStore(file, quiet);
    expect(second.load()).toEqual({ kind: 'loaded' });
    expect(second.getUser()).toEqual({ ...DEFAULT_USER_SETTINGS, theme: 'dark', speed: 86_400 });
    expect(second.getWindowState()).toEqual({ x: 10, y: 20, width: 1300, height: 850, maximized: false });
    expect(second.getLastScenarioDirectory()).toBe('/home/me/scenarios');
    expect(second.getLastSaveDirectory()).toBe('/home/me/slides');
  });

  it('remembers the projector theme, the font scale, the announcement verbosity and the export memory', () => {
    const memory: ExportMemory = { last: { ...DEFAULT_EXPORT_SETTINGS, hiddenLanes: [], format: 'svg', theme: 'projector' }, presets: [] };
    const first = new SettingsStore(file, quiet);
    first.updateUser({ theme: 'projector', fontScalePercent: 175, announceVerbosity: 'every-event', exportMemory: memory });
    const second = new SettingsStore(file, quiet);
    second.load();
    expect(second.getUser()).toEqual({ ...DEFAULT_USER_SETTINGS, theme: 'projector', fontScalePercent: 175, announceVerbosity: 'every-event', exportMemory: memory });
  });

  it('falls back field by field: a bad font scale, verbosity or export memory loses only itself', () => {
    const good: ExportMemory = { last: { ...DEFAULT_EXPORT_SETTINGS, hiddenLanes: [] }, presets: [] };
    writeFileSync(file, JSON.stringify({ version: 1, user: { theme: 'projector', fontScalePercent: 900, announceVerbosity: 'shout', exportMemory: { last: { format: 'gif' } } } }));
    const store = new SettingsStore(file, quiet);
    store.load();
    expect(store.getUser()).toEqual({ ...DEFAULT_USER_SETTINGS, theme: 'projector' });

    writeFileSync(file, JSON.stringify({ version: 1, user: { fontScalePercent: 'big', announceVerbosity: 'off', exportMemory: good } }));
    store.load();
    expect(store.getUser()).toEqual({ ...DEFAULT_USER_SETTINGS, announceVerbosity: 'off', exportMemory: good });
  });

  it('writes a temp file, fsyncs it, closes it and only then renames it over the settings file', () => {
    const { fs: recorded, calls } = recordingFs();
    const store = new SettingsStore(file, { ...quiet, fs: recorded });
    store.updateUser({ theme: 'light' });
    const write = calls.slice(calls.indexOf('openSync settings.json.tmp'));
    expect(write.slice(0, 5)).toEqual([
      'openSync settings.json.tmp',
      'writeSync fd',
      'fsyncSync fd',
      'closeSync fd',
      'renameSync settings.json.tmp -> settings.json',
    ]);
    // …then the folder is fsynced so the rename itself survives a power cut.
    expect(write.slice(5, 7)).toEqual([`openSync ${path.basename(dir)}`, 'fsyncSync fd']);
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('keeps the previous file intact when the write fails half-way (a crash before the rename)', () => {
    const good = new SettingsStore(file, quiet);
    good.updateUser({ theme: 'dark', speed: 600 });
    const before = readFileSync(file, 'utf8');

    const { fs: failing } = recordingFs({ call: 'fsyncSync', error: 'EIO: i/o error' });
    const store = new SettingsStore(file, { ...quiet, fs: failing });
    store.load();
    expect(() => store.updateUser({ theme: 'light' })).toThrow(/EIO/);

    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual(['settings.json']);
    // What the app reports stays what is on disk.
    expect(store.getUser().theme).toBe('dark');
  });

  it('keeps the previous file intact when the disk is full', () => {
    const good = new SettingsStore(file, quiet);
    good.updateUser({ speed: 60 });
    const before = readFileSync(file, 'utf8');
    const { fs: full } = recordingFs({ call: 'writeSync', error: 'ENOSPC: no space left on device' });
    const store = new SettingsStore(file, { ...quiet, fs: full });
    store.load();
    expect(() => store.updateUser({ speed: 3600 })).toThrow(/ENOSPC/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('ignores a temp file left behind by a crash, and replaces it on the next write', () => {
    const good = new SettingsStore(file, quiet);
    good.updateUser({ theme: 'dark' });
    writeFileSync(`${file}.tmp`, '{"user": {"theme": "li');
    const store = new SettingsStore(file, quiet);
    expect(store.load()).toEqual({ kind: 'loaded' });
    expect(store.getUser().theme).toBe('dark');
    store.updateUser({ theme: 'light' });
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('falls back to the defaults on a corrupt file and keeps the corrupt copy aside, byte for byte', () => {
    const corrupt = '{"version":1,"user":{"theme":"dark"';
    writeFileSync(file, corrupt);
    const logged: string[] = [];
    const store = new SettingsStore(file, { now: () => 1_700_000_000_000, log: (m) => logged.push(m) });
    const outcome = store.load();

    expect(outcome.kind).toBe('corrupt');
    expect(store.getUser()).toEqual(DEFAULT_USER_SETTINGS);
    const keptAs = path.join(dir, 'settings.corrupt-1700000000000.json');
    expect(outcome).toMatchObject({ keptAs });
    expect(readFileSync(keptAs, 'utf8')).toBe(corrupt);
    expect(logged.join('\n')).toContain('corrupt');

    store.updateUser({ speed: 60 });
    expect(readFileSync(keptAs, 'utf8')).toBe(corrupt);
  });

  it.each([
    ['an empty file', ''],
    ['a JSON array', '[1, 2, 3]'],
    ['a JSON string', '"settings"'],
    ['binary garbage', '\u0000\u0001\u0002\uFFFD'],
  ])('treats %s as corrupt', (_name, text) => {
    writeFileSync(file, text);
    const store = new SettingsStore(file, { ...quiet, now: () => 1 });
    expect(store.load().kind).toBe('corrupt');
    expect(store.getUser()).toEqual(DEFAULT_USER_SETTINGS);
    expect(readdirSync(dir)).toContain('settings.corrupt-1.json');
  });

  it('keeps the valid fields of a file whose other fields are wrong or unknown', () => {
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        user: { theme: 'dark', speed: -5, lastScenarioId: '../../x', future: true },
        window: { x: 0, y: 0, width: 1e9, height: 800 },
      }),
    );
    const store = new SettingsStore(file, { ...quiet, now: () => 7 });
    expect(store.load()).toEqual({ kind: 'loaded', dropped: ['the setting "speed"', 'the setting "lastScenarioId"', 'the setting "future"'], keptAs: path.join(dir, 'settings.backup-7.json') });
    expect(store.getUser()).toEqual({ ...DEFAULT_USER_SETTINGS, theme: 'dark' });
    expect(store.getWindowState()).toBeNull();
  });
});

// ---- no setting is lost without a copy, and the user is told --------------------------------------------------
// A preset written by a newer version once wiped every export preset; a one-off read error once let the next write
// replace an intact file with defaults; a corrupt file was moved aside without a word; and a page could grow
// settings.json to tens of MB through exportMemory.

const quietAt42 = { log: () => {}, now: () => 42 };
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
    }),
  };
}

describe('a preset from a newer version', () => {
  it('costs only itself; the file as it was is copied aside before anything is written, and the user is told', () => {
    const original = JSON.stringify({
      version: 1,
      user: { theme: 'dark', exportMemory: { last: { ...DEFAULT_EXPORT_SETTINGS, hiddenLanes: [] }, presets: [preset('Slides'), preset('Poster', { dpi: 600 }), preset('Docs')] } },
    });
    writeFileSync(file, original);
    const store = new SettingsStore(file, quietAt42);
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
    const store = new SettingsStore(file, { ...quietAt42, fs: flakyFs(1) });
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
    const stuck = new SettingsStore(file, { ...quietAt42, fs: flakyFs(99, true) });
    stuck.load();
    expect(() => stuck.updateUser({ speed: 60 })).toThrow(/cannot be read \(EIO: i\/o error, read\) nor moved aside .* nothing was saved/);
    expect(readFileSync(file, 'utf8')).toBe(original);
    const store = new SettingsStore(file, { ...quietAt42, fs: flakyFs(2) });
    store.load();
    store.updateUser({ speed: 60 });
    expect(readFileSync(path.join(dir, 'settings.unreadable-42.json'), 'utf8')).toBe(original);
    expect(JSON.parse(readFileSync(file, 'utf8')).user.speed).toBe(60);
  });
});

describe('size', () => {
  it('a settings file over the budget is set aside as corrupt, saying why', () => {
    writeFileSync(file, JSON.stringify({ version: 1, user: { theme: 'dark' }, padding: 'x'.repeat(SETTINGS_FILE_MAX_BYTES) }));
    const outcome = new SettingsStore(file, quietAt42).load();
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
