/**
 * The one contract between the desktop renderer and Electron's main process. Channel names appear here and nowhere
 * else: the preload, the main-process handlers and the tests all import them. Everything the renderer sends is
 * untrusted until one of the validators below has accepted it.
 *
 * Pure TypeScript (no DOM, no Node): the preload, the main process and the renderer's type-checker all compile it.
 */
import {
  MAX_SPEED,
  validateCommand,
  type EngineCommand,
  type EngineMessage,
} from '../rpc/engine-protocol.ts';

export const IpcChannel = {
  /** renderer → main (invoke): one engine command for this window's engine. */
  EngineCommand: 'tokenscope:engine-command',
  /** main → renderer (push): the engine's messages, batched by the engine session. */
  EngineMessage: 'tokenscope:engine-message',
  /** renderer → main (invoke): the OS file dialog, then the chosen scenario's text. */
  OpenScenarioFile: 'tokenscope:open-scenario-file',
  /** renderer → main (invoke): the persisted user settings. */
  SettingsGet: 'tokenscope:settings-get',
  /** renderer → main (invoke): a partial update of the user settings; answers with the full settings. */
  SettingsSet: 'tokenscope:settings-set',
  /** renderer → main (invoke): names and versions for the About box and bug reports. */
  AppInfo: 'tokenscope:app-info',
  /** main → renderer (push): a menu item whose work happens in the renderer (the view, not the engine). */
  MenuAction: 'tokenscope:menu-action',
} as const;
export type IpcChannel = (typeof IpcChannel)[keyof typeof IpcChannel];

/** Scenario files above this size are refused before they are read; matches validateCommand's limit on 'load'. */
export const MAX_SCENARIO_CHARS = 2_000_000;

export type Theme = 'system' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

/** What the renderer may read and change. Window geometry is main-process state and never crosses. */
export interface UserSettings {
  theme: Theme;
  /** Simulated seconds per wall second the user last chose. */
  speed: number;
  /** The built-in scenario shown at start, or null for the default. */
  lastScenarioId: string | null;
}

export const DEFAULT_USER_SETTINGS: Readonly<UserSettings> = Object.freeze({
  theme: 'system',
  speed: 3600,
  lastScenarioId: null,
});

export type OpenScenarioResult =
  | { canceled: true }
  | { canceled: false; sourceName: string; scenarioText: string };

export interface AppInfo {
  name: string;
  version: string;
  electron: string;
  chrome: string;
  node: string;
  platform: string;
}

export type MenuAction = 'zoom-to-fit';
export const MENU_ACTIONS: readonly MenuAction[] = ['zoom-to-fit'];

/**
 * Every invoke answers with a result rather than a rejected promise: an error thrown across the context bridge loses
 * its type and message prefix, and a refused request is an expected outcome, not an exception.
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Request (the one payload argument, or none) and response of each renderer → main channel. */
export interface InvokeContract {
  [IpcChannel.EngineCommand]: { request: EngineCommand; response: null };
  [IpcChannel.OpenScenarioFile]: { request: void; response: OpenScenarioResult };
  [IpcChannel.SettingsGet]: { request: void; response: UserSettings };
  [IpcChannel.SettingsSet]: { request: Partial<UserSettings>; response: UserSettings };
  [IpcChannel.AppInfo]: { request: void; response: AppInfo };
}
export type InvokeChannel = keyof InvokeContract;
export type InvokeRequest<C extends InvokeChannel> = InvokeContract[C]['request'];
export type InvokeResponse<C extends InvokeChannel> = InvokeContract[C]['response'];

/** Payload of each main → renderer channel. */
export interface PushContract {
  [IpcChannel.EngineMessage]: EngineMessage;
  [IpcChannel.MenuAction]: MenuAction;
}
export type PushChannel = keyof PushContract;

/**
 * What the preload exposes as `window.tokenscope`: one function per channel. Listeners receive the payload only,
 * never the IPC event (which would hand the page `event.sender`, i.e. ipcRenderer itself).
 */
export interface TokenScopeBridge {
  sendEngineCommand(command: EngineCommand): Promise<IpcResult<null>>;
  onEngineMessage(listener: (message: EngineMessage) => void): () => void;
  openScenarioFile(): Promise<IpcResult<OpenScenarioResult>>;
  getSettings(): Promise<IpcResult<UserSettings>>;
  setSettings(patch: Partial<UserSettings>): Promise<IpcResult<UserSettings>>;
  getAppInfo(): Promise<IpcResult<AppInfo>>;
  onMenuAction(listener: (action: MenuAction) => void): () => void;
}

/** The channel behind each bridge function: the preload test checks the bridge exposes exactly these. */
export const BRIDGE_CHANNELS = {
  sendEngineCommand: IpcChannel.EngineCommand,
  onEngineMessage: IpcChannel.EngineMessage,
  openScenarioFile: IpcChannel.OpenScenarioFile,
  getSettings: IpcChannel.SettingsGet,
  setSettings: IpcChannel.SettingsSet,
  getAppInfo: IpcChannel.AppInfo,
  onMenuAction: IpcChannel.MenuAction,
} as const satisfies Record<keyof TokenScopeBridge, IpcChannel>;

/** The name of the global the preload defines in the renderer's main world. */
export const BRIDGE_GLOBAL = 'tokenscope';

// ---------------------------------------------------------------------------------------------------------------
// Validators. Each takes the raw arguments that followed the IPC event and says, in words, what is wrong.

export type Validated<T> = { ok: true; value: T } | { ok: false; error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function noPayload(args: readonly unknown[]): Validated<void> {
  // A page that passes arguments to a no-argument channel is not our renderer; refuse rather than ignore.
  return args.length === 0 ? { ok: true, value: undefined } : { ok: false, error: `expected no arguments, got ${args.length}` };
}

function onePayload(args: readonly unknown[]): Validated<unknown> {
  return args.length === 1 ? { ok: true, value: args[0] } : { ok: false, error: `expected exactly one argument, got ${args.length}` };
}

export function validateEngineCommandArgs(args: readonly unknown[]): Validated<EngineCommand> {
  const one = onePayload(args);
  if (!one.ok) return one;
  const checked = validateCommand(one.value);
  return checked.ok ? { ok: true, value: checked.command } : { ok: false, error: checked.error };
}

export function isValidSpeed(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_SPEED;
}

const SCENARIO_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** Checks one settings field; shared by the IPC validator and the settings file loader. */
export function validateSettingsField<K extends keyof UserSettings>(key: K, value: unknown): Validated<UserSettings[K]> {
  const ok = (v: unknown) => ({ ok: true as const, value: v as UserSettings[K] });
  switch (key) {
    case 'theme':
      return THEMES.includes(value as Theme) ? ok(value) : { ok: false, error: `theme must be one of ${THEMES.join(', ')}` };
    case 'speed':
      return isValidSpeed(value) ? ok(value) : { ok: false, error: `speed must be a number in (0, ${MAX_SPEED}]` };
    case 'lastScenarioId':
      return value === null || (typeof value === 'string' && SCENARIO_ID.test(value))
        ? ok(value)
        : { ok: false, error: 'lastScenarioId must be null or a scenario id (lowercase letters, digits, dashes)' };
    default:
      return { ok: false, error: `unknown setting ${JSON.stringify(key)}` };
  }
}

const SETTINGS_KEYS = Object.keys(DEFAULT_USER_SETTINGS) as (keyof UserSettings)[];

export function validateSettingsPatch(value: unknown): Validated<Partial<UserSettings>> {
  if (!isRecord(value)) return { ok: false, error: 'settings patch must be an object' };
  const patch: Partial<UserSettings> = {};
  for (const [key, fieldValue] of Object.entries(value)) {
    if (!SETTINGS_KEYS.includes(key as keyof UserSettings)) return { ok: false, error: `unknown setting ${JSON.stringify(key)}` };
    const field = validateSettingsField(key as keyof UserSettings, fieldValue);
    if (!field.ok) return field;
    (patch as Record<string, unknown>)[key] = field.value;
  }
  return { ok: true, value: patch };
}

export function validateSettingsSetArgs(args: readonly unknown[]): Validated<Partial<UserSettings>> {
  const one = onePayload(args);
  return one.ok ? validateSettingsPatch(one.value) : one;
}

export function isMenuAction(value: unknown): value is MenuAction {
  return MENU_ACTIONS.includes(value as MenuAction);
}

/** One validator per renderer → main channel, so a handler cannot be registered without one. */
export const INVOKE_VALIDATORS: { [C in InvokeChannel]: (args: readonly unknown[]) => Validated<InvokeRequest<C>> } = {
  [IpcChannel.EngineCommand]: validateEngineCommandArgs,
  [IpcChannel.OpenScenarioFile]: noPayload,
  [IpcChannel.SettingsGet]: noPayload,
  [IpcChannel.SettingsSet]: validateSettingsSetArgs,
  [IpcChannel.AppInfo]: noPayload,
};
