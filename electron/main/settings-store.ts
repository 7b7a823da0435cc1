/**
 * Settings persisted as one small JSON file in the user-data folder, written atomically (see atomic-file.ts). A file
 * that cannot be parsed is moved aside, not overwritten, so the user's old settings can still be recovered; a file
 * that parses keeps every field that is still valid, and only the others fall back to their defaults.
 */
import * as nodeFs from 'node:fs';
import { DEFAULT_USER_SETTINGS, validateSettingsField, type UserSettings } from '../../shared/ipc/ipc-contract.ts';
import { readJsonObjectFile, writeFileAtomicallySync, type AtomicFs } from './atomic-file.ts';

export const SETTINGS_FILE_NAME = 'settings.json';
const FORMAT_VERSION = 1;

export interface WindowState {
  /** Absent when the window should be centred on the primary display. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

interface StoredSettings {
  user: UserSettings;
  window: WindowState | null;
  lastScenarioDirectory: string | null;
  /** Where the save dialog opened last, so the next export lands beside the previous one. */
  lastSaveDirectory: string | null;
}

export type SettingsFs = AtomicFs;

export interface SettingsStoreOptions {
  fs?: SettingsFs;
  /** Wall clock for naming the set-aside copy of a corrupt file. */
  now?: () => number;
  log?: (message: string) => void;
}

export type LoadOutcome =
  | { kind: 'missing' }
  | { kind: 'loaded' }
  | { kind: 'corrupt'; reason: string; keptAs: string | null }
  | { kind: 'unreadable'; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A window size no screen has is not a preference but a corrupt value: reject it rather than open a 1e9 px window. */
export function sanitizeWindowState(value: unknown): WindowState | null {
  if (!isRecord(value)) return null;
  const { x, y, width, height, maximized } = value;
  if (!finite(width) || !finite(height) || width < 200 || height < 150 || width > 32_768 || height > 32_768) return null;
  const state: WindowState = { width: Math.round(width), height: Math.round(height), maximized: maximized === true };
  if (finite(x) && finite(y) && Math.abs(x) <= 100_000 && Math.abs(y) <= 100_000) {
    state.x = Math.round(x);
    state.y = Math.round(y);
  }
  return state;
}

/** Keeps every field that is still valid (a file from an older or newer version loses only what it cannot use). */
function sanitize(raw: Record<string, unknown>): StoredSettings {
  const user: UserSettings = { ...DEFAULT_USER_SETTINGS };
  const rawUser = isRecord(raw.user) ? raw.user : {};
  for (const key of Object.keys(DEFAULT_USER_SETTINGS) as (keyof UserSettings)[]) {
    if (!(key in rawUser)) continue;
    const field = validateSettingsField(key, rawUser[key]);
    if (field.ok) (user as unknown as Record<string, unknown>)[key] = field.value;
  }
  return {
    user,
    window: sanitizeWindowState(raw.window),
    lastScenarioDirectory: directoryOrNull(raw.lastScenarioDirectory),
    lastSaveDirectory: directoryOrNull(raw.lastSaveDirectory),
  };
}

function directoryOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length < 4096 ? value : null;
}

function defaults(): StoredSettings {
  return { user: { ...DEFAULT_USER_SETTINGS }, window: null, lastScenarioDirectory: null, lastSaveDirectory: null };
}

export class SettingsStore {
  private state: StoredSettings = defaults();
  private readonly fs: SettingsFs;
  private readonly now: () => number;
  private readonly log: (message: string) => void;

  constructor(
    readonly filePath: string,
    options: SettingsStoreOptions = {},
  ) {
    this.fs = options.fs ?? nodeFs;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((message) => console.warn(`[settings] ${message}`));
  }

  /** Reads the file once at startup. Never throws: the app must start even when its settings are broken. */
  load(): LoadOutcome {
    const read = readJsonObjectFile(this.fs, this.filePath, this.now, this.log);
    this.state = read.kind === 'loaded' ? sanitize(read.value) : defaults();
    switch (read.kind) {
      case 'missing':
        return { kind: 'missing' };
      case 'loaded':
        return { kind: 'loaded' };
      case 'unreadable':
        this.log(`cannot read ${this.filePath}: ${read.reason}; using defaults`);
        return read;
      case 'corrupt':
        this.log(`${this.filePath} is corrupt (${read.reason}); using defaults${read.keptAs ? `, the old file is kept as ${read.keptAs}` : ''}`);
        return read;
    }
  }

  getUser(): UserSettings {
    return { ...this.state.user };
  }

  /** Applies an already validated patch and persists it; throws if the file cannot be written (the caller reports). */
  updateUser(patch: Partial<UserSettings>): UserSettings {
    const next = { ...this.state.user, ...patch };
    this.commit({ ...this.state, user: next });
    return { ...next };
  }

  getWindowState(): WindowState | null {
    return this.state.window ? { ...this.state.window } : null;
  }

  setWindowState(window: WindowState): void {
    const clean = sanitizeWindowState(window);
    if (clean) this.commit({ ...this.state, window: clean });
  }

  getLastScenarioDirectory(): string | null {
    return this.state.lastScenarioDirectory;
  }

  setLastScenarioDirectory(directory: string): void {
    this.commit({ ...this.state, lastScenarioDirectory: directory });
  }

  getLastSaveDirectory(): string | null {
    return this.state.lastSaveDirectory;
  }

  setLastSaveDirectory(directory: string): void {
    this.commit({ ...this.state, lastSaveDirectory: directory });
  }

  /** Memory changes only after the file is safely on disk, so what the app reports is always what a restart reads. */
  private commit(next: StoredSettings): void {
    writeFileAtomicallySync(this.fs, this.filePath, Buffer.from(JSON.stringify({ version: FORMAT_VERSION, ...next }, null, 2) + '\n', 'utf8'));
    this.state = next;
  }
}
