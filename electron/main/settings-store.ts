/**
 * Settings persisted as one small JSON file in the user-data folder. Writes are atomic (temp file, fsync, rename,
 * fsync the folder), so a crash or power cut mid-write leaves either the old file or the new one, never half of each.
 * A file that cannot be parsed is moved aside, not overwritten, so the user's old settings can still be recovered.
 */
import * as nodeFs from 'node:fs';
import path from 'node:path';
import { DEFAULT_USER_SETTINGS, validateSettingsField, type UserSettings } from '../../shared/ipc/ipc-contract.ts';

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
}

export type SettingsFs = Pick<
  typeof nodeFs,
  'readFileSync' | 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync' | 'mkdirSync'
>;

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
  const dir = raw.lastScenarioDirectory;
  return {
    user,
    window: sanitizeWindowState(raw.window),
    lastScenarioDirectory: typeof dir === 'string' && dir.length > 0 && dir.length < 4096 ? dir : null,
  };
}

function defaults(): StoredSettings {
  return { user: { ...DEFAULT_USER_SETTINGS }, window: null, lastScenarioDirectory: null };
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
    let text: string;
    try {
      text = this.fs.readFileSync(this.filePath, 'utf8');
    } catch (error) {
      this.state = defaults();
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      const reason = (error as Error).message;
      this.log(`cannot read ${this.filePath}: ${reason}; using defaults`);
      return { kind: 'unreadable', reason };
    }
    let parsed: unknown;
    let reason: string | undefined;
    try {
      parsed = JSON.parse(text);
      if (!isRecord(parsed)) reason = 'the file does not hold a JSON object';
    } catch (error) {
      reason = (error as Error).message;
    }
    if (reason !== undefined || !isRecord(parsed)) {
      this.state = defaults();
      const keptAs = this.setAside();
      this.log(`${this.filePath} is corrupt (${reason}); using defaults${keptAs ? `, the old file is kept as ${keptAs}` : ''}`);
      return { kind: 'corrupt', reason: reason ?? 'not an object', keptAs };
    }
    this.state = sanitize(parsed);
    return { kind: 'loaded' };
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

  /** Memory changes only after the file is safely on disk, so what the app reports is always what a restart reads. */
  private commit(next: StoredSettings): void {
    this.writeAtomically(JSON.stringify({ version: FORMAT_VERSION, ...next }, null, 2) + '\n');
    this.state = next;
  }

  private writeAtomically(text: string): void {
    const fs = this.fs;
    const dir = path.dirname(this.filePath);
    // One writer (the single-instance lock), so a fixed temp name is safe and a crash leaves at most one stray file.
    const tempPath = `${this.filePath}.tmp`;
    fs.mkdirSync(dir, { recursive: true });
    try {
      const fd = fs.openSync(tempPath, 'w', 0o600);
      try {
        const bytes = Buffer.from(text, 'utf8');
        let offset = 0;
        while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
        // Without this, rename can reach the disk before the data and a crash leaves an empty settings file.
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tempPath, this.filePath);
    } catch (error) {
      try {
        fs.unlinkSync(tempPath);
      } catch {
        // Already gone, or never created.
      }
      throw error;
    }
    this.syncDirectory(dir);
  }

  /** Makes the rename itself durable on POSIX; Windows cannot open a folder for fsync and does not need to. */
  private syncDirectory(dir: string): void {
    try {
      const fd = this.fs.openSync(dir, 'r');
      try {
        this.fs.fsyncSync(fd);
      } finally {
        this.fs.closeSync(fd);
      }
    } catch {
      // Best effort: the data itself is already synced.
    }
  }

  private setAside(): string | null {
    const keptAs = path.join(
      path.dirname(this.filePath),
      `${path.basename(this.filePath, '.json')}.corrupt-${this.now()}.json`,
    );
    try {
      this.fs.renameSync(this.filePath, keptAs);
      return keptAs;
    } catch (error) {
      this.log(`cannot move the corrupt settings file aside: ${(error as Error).message}`);
      return null;
    }
  }
}
