/**
 * Settings persisted as one small JSON file in the user-data folder, written atomically (see atomic-file.ts). No
 * setting is lost without a copy: a file that cannot be parsed is moved aside; a file that parses keeps every field
 * (and every export preset) that is still valid, and when anything had to be dropped (a preset from a newer version,
 * say) the file is copied aside before it is next written; a file that could not be read at all (a one-off I/O
 * error) is read again before the first write, and moved aside rather than overwritten if it still cannot be. The
 * outcome says which happened, so the app can tell the user.
 */
import * as nodeFs from 'node:fs';
import { DEFAULT_USER_SETTINGS, validateSettingsField, type UserSettings } from '../../shared/ipc/ipc-contract.ts';
import { salvageExportMemory } from '../../shared/export/export-types.ts';
import { formatBytes, SETTINGS_FILE_MAX_BYTES } from '../../shared/limits/input-budgets.ts';
import { asideName, readJsonObjectFile, writeFileAtomicallySync, type AtomicFs } from './atomic-file.ts';
import { isRecord } from '../../shared/validation/checked.ts';

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
  /** `dropped`: what could not be used (and `keptAs`: the copy of the file as it was), when anything. */
  | { kind: 'loaded'; dropped?: string[]; keptAs?: string | null }
  | { kind: 'corrupt'; reason: string; keptAs: string | null }
  | { kind: 'unreadable'; reason: string };

/**
 * What to tell the user about a settings or progress file at startup, or undefined when it loaded whole (or did not
 * exist yet). `what` names the file's contents ("settings", "lesson progress").
 */
export function loadNotice(what: string, outcome: LoadOutcome): { message: string; detail: string } | undefined {
  switch (outcome.kind) {
    case 'missing':
      return undefined;
    case 'loaded':
      if (!outcome.dropped?.length) return undefined;
      return {
        message: `Some of your ${what} could not be used`,
        detail: `This version of TokenScope could not use ${outcome.dropped.join(', ')}, probably written by a newer version; the rest was kept.${outcome.keptAs ? ` A copy of the file as it was is kept as ${outcome.keptAs}.` : ''}`,
      };
    case 'corrupt':
      return {
        message: `Your ${what} could not be read, so TokenScope started without them`,
        detail: `The file is damaged (${outcome.reason}).${outcome.keptAs ? ` It was moved aside, not deleted: ${outcome.keptAs}.` : ''}`,
      };
    case 'unreadable':
      return {
        message: `Your ${what} could not be read, so TokenScope started without them`,
        detail: `Reading the file failed (${outcome.reason}). It was left as it is: it will be read again before anything is saved, and moved aside rather than overwritten if it still cannot be.`,
      };
  }
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

/**
 * Keeps every field that is still valid (a file from an older or newer version loses only what it cannot use), and
 * lists what it could not keep.
 */
function sanitize(raw: Record<string, unknown>): { state: StoredSettings; dropped: string[] } {
  const user: UserSettings = { ...DEFAULT_USER_SETTINGS };
  const dropped: string[] = [];
  const rawUser = isRecord(raw.user) ? raw.user : {};
  for (const [key, value] of Object.entries(rawUser)) {
    if (!Object.hasOwn(DEFAULT_USER_SETTINGS, key)) {
      dropped.push(`the setting "${key.slice(0, 60)}"`);
      continue;
    }
    if (key === 'exportMemory' && value !== null) {
      const salvaged = salvageExportMemory(value);
      user.exportMemory = salvaged.memory;
      dropped.push(...salvaged.dropped);
      continue;
    }
    const field = validateSettingsField(key as keyof UserSettings, value);
    if (field.ok) (user as unknown as Record<string, unknown>)[key] = field.value;
    else dropped.push(`the setting "${key}"`);
  }
  return {
    state: {
      user,
      window: sanitizeWindowState(raw.window),
      lastScenarioDirectory: directoryOrNull(raw.lastScenarioDirectory),
      lastSaveDirectory: directoryOrNull(raw.lastSaveDirectory),
    },
    dropped,
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
  /** The file exists but could not be read at startup: it must not be overwritten with defaults unseen. */
  private unreadable = false;
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
    const read = readJsonObjectFile(this.fs, this.filePath, this.now, this.log, SETTINGS_FILE_MAX_BYTES);
    this.unreadable = read.kind === 'unreadable';
    if (read.kind !== 'loaded') this.state = defaults();
    switch (read.kind) {
      case 'missing':
        return { kind: 'missing' };
      case 'loaded': {
        const { state, dropped } = sanitize(read.value);
        this.state = state;
        if (dropped.length === 0) return { kind: 'loaded' };
        // Kept before the next write replaces what this version could not use.
        const keptAs = this.copyAside('backup', read.text);
        this.log(`${this.filePath}: could not use ${dropped.join(', ')}${keptAs ? `; the file as it was is kept as ${keptAs}` : ''}`);
        return { kind: 'loaded', dropped, keptAs };
      }
      case 'unreadable':
        this.log(`cannot read ${this.filePath}: ${read.reason}; using defaults, and the file is left as it is`);
        return read;
      case 'corrupt':
        this.log(`${this.filePath} is corrupt (${read.reason}); using defaults${read.keptAs ? `, the old file is kept as ${read.keptAs}` : ''}`);
        return read;
    }
  }

  private copyAside(what: string, text: string): string | null {
    const keptAs = asideName(this.filePath, what, this.now);
    try {
      writeFileAtomicallySync(this.fs, keptAs, Buffer.from(text, 'utf8'));
      return keptAs;
    } catch (error) {
      this.log(`cannot keep a copy of ${this.filePath}: ${(error as Error).message}`);
      return null;
    }
  }

  getUser(): UserSettings {
    return { ...this.state.user };
  }

  /** Applies an already validated patch and persists it; throws if the file cannot be written (the caller reports). */
  updateUser(patch: Partial<UserSettings>): UserSettings {
    return { ...this.commit((state) => ({ ...state, user: { ...state.user, ...patch } })).user };
  }

  getWindowState(): WindowState | null {
    return this.state.window ? { ...this.state.window } : null;
  }

  setWindowState(window: WindowState): void {
    const clean = sanitizeWindowState(window);
    if (clean) this.commit((state) => ({ ...state, window: clean }));
  }

  getLastScenarioDirectory(): string | null {
    return this.state.lastScenarioDirectory;
  }

  setLastScenarioDirectory(directory: string): void {
    this.commit((state) => ({ ...state, lastScenarioDirectory: directory }));
  }

  getLastSaveDirectory(): string | null {
    return this.state.lastSaveDirectory;
  }

  setLastSaveDirectory(directory: string): void {
    this.commit((state) => ({ ...state, lastSaveDirectory: directory }));
  }

  /**
   * Applies `change` and writes the result; memory changes only after the file is safely on disk, so what the app
   * reports is always what a restart reads. A file that could not be read at startup is read again first: the change
   * then applies to what it holds; if it still cannot be read it is moved aside, and if it cannot even be moved,
   * nothing is written (the error says so).
   */
  private commit(change: (state: StoredSettings) => StoredSettings): StoredSettings {
    if (this.unreadable) this.recoverUnreadable();
    const next = change(this.state);
    const bytes = Buffer.from(JSON.stringify({ version: FORMAT_VERSION, ...next }, null, 2) + '\n', 'utf8');
    if (bytes.length > SETTINGS_FILE_MAX_BYTES) throw new Error(`the settings would take ${formatBytes(bytes.length)}, over the ${formatBytes(SETTINGS_FILE_MAX_BYTES)} they may; nothing was saved`);
    writeFileAtomicallySync(this.fs, this.filePath, bytes);
    this.state = next;
    return next;
  }

  private recoverUnreadable(): void {
    const outcome = this.load();
    if (outcome.kind !== 'unreadable') return;
    const keptAs = asideName(this.filePath, 'unreadable', this.now);
    try {
      this.fs.renameSync(this.filePath, keptAs);
    } catch (error) {
      throw new Error(`the settings file cannot be read (${outcome.reason}) nor moved aside (${(error as Error).message}); it was left as it is and nothing was saved`);
    }
    this.log(`${this.filePath} still cannot be read (${outcome.reason}); it is kept as ${keptAs}`);
    this.unreadable = false;
  }
}
