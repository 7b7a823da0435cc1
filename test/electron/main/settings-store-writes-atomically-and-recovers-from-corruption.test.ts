import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_SETTINGS, type ExportMemory } from '../../../shared/export/export-types.ts';
import { DEFAULT_USER_SETTINGS } from '../../../shared/ipc/ipc-contract.ts';
import { SettingsStore, type SettingsFs } from '../../../electron/main/settings-store.ts';

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
      const first = typeof args[0] === 'string' ? path.basename(args[0] as string) || args[0] : 'fd';
      const second = typeof args[1] === 'string' && name === 'renameSync' ? ` -> ${path.basename(args[1] as string)}` : '';
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
