/**
 * The one contract between the desktop renderer and Electron's main process. Channel names appear here and nowhere
 * else: the preload, the main-process handlers and the tests all import them. Everything the renderer sends is
 * untrusted until one of the validators below has accepted it.
 *
 * Pure TypeScript (no DOM, no Node): the preload, the main process and the renderer's type-checker all compile it.
 */
import { validateExportMemory, type ExportMemory } from '../export/export-types.ts';
import {
  MAX_SPEED,
  validateCommand,
  type EngineCommand,
  type EngineMessage,
} from '../rpc/engine-protocol.ts';
import { isLessonId, validateLessonProgress, type LessonProgress } from './lesson-progress.ts';
import { DROPPED_FILE_MAX_BYTES, SCENARIO_MAX_CHARS } from '../limits/input-budgets.ts';
import { validateScenarioDraft, type ScenarioDraft } from './scenario-draft.ts';
import { MAX_FONT_SCALE_PERCENT, MIN_FONT_SCALE_PERCENT } from '../figure/scale-theme.ts';
import { describeValue, isRecord, type Checked } from '../validation/checked.ts';

export const IpcChannel = {
  /** renderer → main (invoke): one engine command for this window's engine. */
  EngineCommand: 'tokenscope:engine-command',
  /** main → renderer (push): the engine's messages, batched by the engine session. */
  EngineMessage: 'tokenscope:engine-message',
  /** renderer → main (invoke): the OS file dialog, then the chosen scenario's text or exported image's bytes. */
  OpenScenarioFile: 'tokenscope:open-scenario-file',
  /** renderer → main (invoke): the persisted user settings. */
  SettingsGet: 'tokenscope:settings-get',
  /** renderer → main (invoke): a partial update of the user settings; answers with the full settings. */
  SettingsSet: 'tokenscope:settings-set',
  /** renderer → main (invoke): names and versions for the About box and bug reports. */
  AppInfo: 'tokenscope:app-info',
  /** renderer → main (invoke): the saved progress of one lesson, or null. */
  LessonProgressGet: 'tokenscope:lesson-progress-get',
  /** renderer → main (invoke): replaces the saved progress of one lesson. */
  LessonProgressSet: 'tokenscope:lesson-progress-set',
  /** renderer → main (invoke): the draft of a scenario with unsaved edits, or null. */
  ScenarioDraftGet: 'tokenscope:scenario-draft-get',
  /** renderer → main (invoke): replaces the draft (written atomically), or removes it when given null. */
  ScenarioDraftSet: 'tokenscope:scenario-draft-set',
  /** renderer → main (invoke): the OS save dialog, then the given bytes or text written to the chosen file. */
  SaveFile: 'tokenscope:save-file',
  /** renderer → main (invoke): puts a PNG image or a text (SVG, plain) on the system clipboard. */
  ClipboardWrite: 'tokenscope:clipboard-write',
  /** main → renderer (push): a menu item whose work happens in the renderer (the view, not the engine). */
  MenuAction: 'tokenscope:menu-action',
} as const;
export type IpcChannel = (typeof IpcChannel)[keyof typeof IpcChannel];

/** Scenario files above this size are refused before they are read; matches validateCommand's limit on 'load'. */
export const MAX_SCENARIO_CHARS = SCENARIO_MAX_CHARS;
/** Exported images opened to reopen their moment, and files saved through the save dialog (input-budgets.ts says why). */
export const MAX_FILE_BYTES = DROPPED_FILE_MAX_BYTES;
/** File names the save dialog is offered: a name, never a path. */
export const MAX_FILE_NAME_CHARS = 255;

export type Theme = 'system' | 'light' | 'dark' | 'projector';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark', 'projector'];

/** How much the screen-reader live region says: nothing, the milestones (issue, rotation, expiry, leaks), or every event. */
export type AnnounceVerbosity = 'off' | 'milestones' | 'every-event';
export const ANNOUNCE_VERBOSITIES: readonly AnnounceVerbosity[] = ['off', 'milestones', 'every-event'];

/** What the renderer may read and change. Window geometry is main-process state and never crosses. */
export interface UserSettings {
  theme: Theme;
  /** Simulated seconds per wall second the user last chose. */
  speed: number;
  /** The built-in scenario shown at start, or null for the default. */
  lastScenarioId: string | null;
  /** Presentation type size, an integer percentage from 100 to 250. */
  fontScalePercent: number;
  announceVerbosity: AnnounceVerbosity;
  /** The export dialog's last settings and the user's own presets; null until the first export. */
  exportMemory: ExportMemory | null;
  /** The bottom panel's height in CSS px the user chose by window size ("1366x768"), the most recent last. */
  bottomPanelPx: Record<string, number>;
  /** Scenarios whose introduction card the user closed ("builtin:side-by-side", a file's name and title). */
  dismissedIntros: string[];
}

export const DEFAULT_USER_SETTINGS: Readonly<UserSettings> = Object.freeze({
  theme: 'system',
  speed: 3600,
  lastScenarioId: null,
  fontScalePercent: 100,
  announceVerbosity: 'milestones',
  exportMemory: null,
  bottomPanelPx: {},
  dismissedIntros: [],
});

/** Window sizes whose bottom-panel height is remembered (older ones are forgotten first). */
export const MAX_REMEMBERED_PANEL_SIZES = 24;
export const MAX_PANEL_PX = 10_000;
const WINDOW_SIZE_KEY = /^\d{2,5}x\d{2,5}$/;
/** Introductions remembered as dismissed, and the length of one scenario's key. */
export const MAX_DISMISSED_INTROS = 200;
export const MAX_INTRO_KEY_CHARS = 300;

/**
 * A YAML scenario comes back as text. An exported .png or .svg comes back as bytes: the renderer reads the moment
 * embedded in it (the scenario text, playhead and view), so the main process never parses image formats.
 */
export type OpenScenarioResult =
  | { canceled: true }
  | { canceled: false; sourceName: string; scenarioText: string }
  | { canceled: false; sourceName: string; imageBytes: Uint8Array };

/** The kinds of file the renderer may save, each with the extensions its name may end in (the first is the default). */
export const SAVE_FILE_TYPES = {
  'image/png': { label: 'PNG image', extensions: ['png'] },
  'image/svg+xml': { label: 'SVG image', extensions: ['svg'] },
  'application/pdf': { label: 'PDF document', extensions: ['pdf'] },
  'application/zip': { label: 'ZIP archive', extensions: ['zip'] },
  'image/gif': { label: 'Animated GIF', extensions: ['gif'] },
  'image/apng': { label: 'Animated PNG', extensions: ['apng', 'png'] },
  'video/webm': { label: 'WebM video', extensions: ['webm'] },
  'video/mp4': { label: 'MP4 video', extensions: ['mp4'] },
  'text/csv': { label: 'CSV table', extensions: ['csv'] },
  'application/json': { label: 'JSON', extensions: ['json'] },
  'application/yaml': { label: 'TokenScope scenario', extensions: ['yaml', 'yml'] },
  'text/plain': { label: 'Text', extensions: ['txt'] },
} as const satisfies Record<string, { label: string; extensions: readonly string[] }>;
export type SaveFileMimeType = keyof typeof SAVE_FILE_TYPES;

export interface SaveFileRequest {
  /** A file name without any folder, ending in an extension of its mime type. */
  suggestedName: string;
  mimeType: SaveFileMimeType;
  /** Bytes as they are, or text written as UTF-8. */
  data: Uint8Array | string;
}

/** A failed write is an IpcResult error; `where` is the path the user chose. */
export type SaveFileOutcome = { saved: true; where: string } | { saved: false; canceled: true };

export type ClipboardItemRequest = { mimeType: 'image/png'; data: Uint8Array } | { mimeType: 'image/svg+xml' | 'text/plain'; data: string };

export interface LessonProgressUpdate {
  lessonId: string;
  progress: LessonProgress;
}

export interface AppInfo {
  name: string;
  version: string;
  electron: string;
  chrome: string;
  node: string;
  platform: string;
}

export type MenuAction = 'zoom-to-fit' | 'toggle-presentation' | 'export' | 'save-scenario' | 'open-scenario' | 'open-link' | 'cheat-sheet';
export const MENU_ACTIONS: readonly MenuAction[] = ['zoom-to-fit', 'toggle-presentation', 'export', 'save-scenario', 'open-scenario', 'open-link', 'cheat-sheet'];

/**
 * Every invoke answers with a result rather than a rejected promise: an error thrown across the context bridge loses
 * its type and message prefix, and a refused request is an expected outcome, not an exception.
 */
export type IpcResult<T> = Checked<T>;

/** Request (the one payload argument, or none) and response of each renderer → main channel. */
export interface InvokeContract {
  [IpcChannel.EngineCommand]: { request: EngineCommand; response: null };
  [IpcChannel.OpenScenarioFile]: { request: void; response: OpenScenarioResult };
  [IpcChannel.SettingsGet]: { request: void; response: UserSettings };
  [IpcChannel.SettingsSet]: { request: Partial<UserSettings>; response: UserSettings };
  [IpcChannel.AppInfo]: { request: void; response: AppInfo };
  [IpcChannel.LessonProgressGet]: { request: string; response: LessonProgress | null };
  [IpcChannel.LessonProgressSet]: { request: LessonProgressUpdate; response: null };
  [IpcChannel.ScenarioDraftGet]: { request: void; response: ScenarioDraft | null };
  [IpcChannel.ScenarioDraftSet]: { request: ScenarioDraft | null; response: null };
  [IpcChannel.SaveFile]: { request: SaveFileRequest; response: SaveFileOutcome };
  [IpcChannel.ClipboardWrite]: { request: ClipboardItemRequest; response: null };
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
  getLessonProgress(lessonId: string): Promise<IpcResult<LessonProgress | null>>;
  setLessonProgress(lessonId: string, progress: LessonProgress): Promise<IpcResult<null>>;
  getScenarioDraft(): Promise<IpcResult<ScenarioDraft | null>>;
  setScenarioDraft(draft: ScenarioDraft | null): Promise<IpcResult<null>>;
  saveFile(request: SaveFileRequest): Promise<IpcResult<SaveFileOutcome>>;
  writeClipboard(item: ClipboardItemRequest): Promise<IpcResult<null>>;
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
  getLessonProgress: IpcChannel.LessonProgressGet,
  setLessonProgress: IpcChannel.LessonProgressSet,
  getScenarioDraft: IpcChannel.ScenarioDraftGet,
  setScenarioDraft: IpcChannel.ScenarioDraftSet,
  saveFile: IpcChannel.SaveFile,
  writeClipboard: IpcChannel.ClipboardWrite,
} as const satisfies Record<keyof TokenScopeBridge, IpcChannel>;

/** The name of the global the preload defines in the renderer's main world. */
export const BRIDGE_GLOBAL = 'tokenscope';

// ---------------------------------------------------------------------------------------------------------------
// Validators. Each takes the raw arguments that followed the IPC event and says, in words, what is wrong.

function noPayload(args: readonly unknown[]): Checked<void> {
  // A page that passes arguments to a no-argument channel is not our renderer; refuse rather than ignore.
  return args.length === 0 ? { ok: true, value: undefined } : { ok: false, error: `expected no arguments, got ${args.length}` };
}

function onePayload(args: readonly unknown[]): Checked<unknown> {
  return args.length === 1 ? { ok: true, value: args[0] } : { ok: false, error: `expected exactly one argument, got ${args.length}` };
}

export function validateEngineCommandArgs(args: readonly unknown[]): Checked<EngineCommand> {
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
export function validateSettingsField<K extends keyof UserSettings>(key: K, value: unknown): Checked<UserSettings[K]> {
  const ok = (v: unknown) => ({ ok: true as const, value: v as UserSettings[K] });
  switch (key) {
    case 'theme':
      return THEMES.includes(value as Theme) ? ok(value) : { ok: false, error: `theme must be one of ${THEMES.join(', ')}, got ${describeValue(value)}` };
    case 'speed':
      return isValidSpeed(value) ? ok(value) : { ok: false, error: `speed must be a number in (0, ${MAX_SPEED}], got ${describeValue(value)}` };
    case 'lastScenarioId':
      return value === null || (typeof value === 'string' && SCENARIO_ID.test(value))
        ? ok(value)
        : { ok: false, error: `lastScenarioId must be null or a scenario id (lowercase letters, digits, dashes), got ${describeValue(value)}` };
    case 'fontScalePercent':
      return typeof value === 'number' && Number.isInteger(value) && value >= MIN_FONT_SCALE_PERCENT && value <= MAX_FONT_SCALE_PERCENT
        ? ok(value)
        : { ok: false, error: `fontScalePercent must be an integer from ${MIN_FONT_SCALE_PERCENT} to ${MAX_FONT_SCALE_PERCENT}, got ${describeValue(value)}` };
    case 'announceVerbosity':
      return ANNOUNCE_VERBOSITIES.includes(value as AnnounceVerbosity)
        ? ok(value)
        : { ok: false, error: `announceVerbosity must be one of ${ANNOUNCE_VERBOSITIES.join(', ')}, got ${describeValue(value)}` };
    case 'exportMemory': {
      if (value === null) return ok(null);
      const memory = validateExportMemory(value);
      return memory.ok ? ok(memory.value) : memory;
    }
    case 'bottomPanelPx': {
      const problem = panelSizesProblem(value);
      return problem === undefined ? ok(Object.fromEntries(Object.entries(value as Record<string, unknown>))) : { ok: false, error: problem };
    }
    case 'dismissedIntros': {
      if (!Array.isArray(value) || value.length > MAX_DISMISSED_INTROS) {
        const given = Array.isArray(value) ? `${value.length} of them` : describeValue(value);
        return { ok: false, error: `dismissedIntros must be a list of at most ${MAX_DISMISSED_INTROS} scenario keys, got ${given}` };
      }
      const bad = value.findIndex((key) => typeof key !== 'string' || key.length === 0 || key.length > MAX_INTRO_KEY_CHARS);
      if (bad !== -1) {
        const key: unknown = value[bad];
        const given = typeof key === 'string' && key.length > 0 ? `${key.length} characters` : describeValue(key);
        return { ok: false, error: `dismissedIntros[${bad}] must be a scenario key of 1 to ${MAX_INTRO_KEY_CHARS} characters, got ${given}` };
      }
      return ok([...(value as unknown[])]);
    }
    default:
      return { ok: false, error: `unknown setting ${JSON.stringify(key)}` };
  }
}

/** What is wrong with a remembered panel-height map, naming the entry; undefined when nothing is. */
function panelSizesProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return `bottomPanelPx must map window sizes ("1366x768") to pixels, got ${describeValue(value)}`;
  const entries = Object.entries(value);
  if (entries.length > MAX_REMEMBERED_PANEL_SIZES) return `bottomPanelPx holds ${entries.length} window sizes, more than the ${MAX_REMEMBERED_PANEL_SIZES} it may`;
  for (const [size, px] of entries) {
    if (!WINDOW_SIZE_KEY.test(size)) return `bottomPanelPx: ${JSON.stringify(size.length > 40 ? `${size.slice(0, 40)}…` : size)} is not a window size written like "1366x768"`;
    if (!(typeof px === 'number' && Number.isInteger(px) && px >= 0 && px <= MAX_PANEL_PX)) {
      return `bottomPanelPx[${JSON.stringify(size)}] must be whole pixels from 0 to ${MAX_PANEL_PX}, got ${describeValue(px)}`;
    }
  }
  return undefined;
}

const SETTINGS_KEYS = Object.keys(DEFAULT_USER_SETTINGS) as (keyof UserSettings)[];

export function validateSettingsPatch(value: unknown): Checked<Partial<UserSettings>> {
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

export function validateSettingsSetArgs(args: readonly unknown[]): Checked<Partial<UserSettings>> {
  const one = onePayload(args);
  return one.ok ? validateSettingsPatch(one.value) : one;
}

export function isMenuAction(value: unknown): value is MenuAction {
  return MENU_ACTIONS.includes(value as MenuAction);
}

export function validateLessonProgressGetArgs(args: readonly unknown[]): Checked<string> {
  const one = onePayload(args);
  if (!one.ok) return one;
  return isLessonId(one.value) ? { ok: true, value: one.value } : { ok: false, error: 'lessonId must be a lesson id (lowercase letters, digits, dashes; at most 64)' };
}

export function validateLessonProgressSetArgs(args: readonly unknown[]): Checked<LessonProgressUpdate> {
  const one = onePayload(args);
  if (!one.ok) return one;
  const value = one.value;
  if (!isRecord(value)) return { ok: false, error: 'expected { lessonId, progress }' };
  const extra = Object.keys(value).find((key) => key !== 'lessonId' && key !== 'progress');
  if (extra !== undefined) return { ok: false, error: `unknown field ${JSON.stringify(extra)}` };
  if (!isLessonId(value.lessonId)) return { ok: false, error: 'lessonId must be a lesson id (lowercase letters, digits, dashes; at most 64)' };
  const progress = validateLessonProgress(value.progress);
  return progress.ok ? { ok: true, value: { lessonId: value.lessonId, progress: progress.value } } : progress;
}

export function validateScenarioDraftSetArgs(args: readonly unknown[]): Checked<ScenarioDraft | null> {
  const one = onePayload(args);
  if (!one.ok) return one;
  return one.value === null ? { ok: true, value: null } : validateScenarioDraft(one.value);
}

/** Uint8Array from any realm (the preload's, the page's, the main process's), but not other typed arrays or Buffers posing as one. */
export function isByteArray(value: unknown): value is Uint8Array {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]';
}

const MB = 1024 * 1024;

/**
 * A name, not a path: no folder separators, no NUL or control characters, no '..', and a Windows-safe character set.
 * The save dialog only suggests it (the user picks the folder and may rename), but a hostile suggestion must not
 * steer the dialog elsewhere.
 */
export function fileNameProblem(name: unknown): string | null {
  if (typeof name !== 'string') return 'the file name must be a string';
  if (name.length === 0) return 'the file name is empty';
  if (name.length > MAX_FILE_NAME_CHARS) return `the file name is longer than ${MAX_FILE_NAME_CHARS} characters`;
  if (/[/\\]/.test(name)) return `the file name ${JSON.stringify(name.slice(0, 80))} contains a path separator; give a name without a folder`;
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'the file name contains control characters';
  if (/[<>:"|?*]/.test(name)) return `the file name ${JSON.stringify(name.slice(0, 80))} contains a character Windows forbids (< > : " | ? *)`;
  if (name.startsWith('.')) return `the file name ${JSON.stringify(name.slice(0, 80))} must not start with a dot`;
  return null;
}

/** The extension of a file name, lower-cased, without the dot ('' when there is none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function validateSaveFileRequest(value: unknown): Checked<SaveFileRequest> {
  if (!isRecord(value)) return { ok: false, error: 'expected { suggestedName, mimeType, data }' };
  const extra = Object.keys(value).find((key) => key !== 'suggestedName' && key !== 'mimeType' && key !== 'data');
  if (extra !== undefined) return { ok: false, error: `unknown field ${JSON.stringify(extra)}` };
  const nameProblem = fileNameProblem(value.suggestedName);
  if (nameProblem !== null) return { ok: false, error: nameProblem };
  const name = value.suggestedName as string;
  const mimeType = value.mimeType;
  if (typeof mimeType !== 'string' || !Object.hasOwn(SAVE_FILE_TYPES, mimeType)) {
    return { ok: false, error: `mimeType must be one of ${Object.keys(SAVE_FILE_TYPES).join(', ')}` };
  }
  const type = SAVE_FILE_TYPES[mimeType as SaveFileMimeType];
  const extensions: readonly string[] = type.extensions;
  if (!extensions.includes(extensionOf(name))) {
    return { ok: false, error: `${JSON.stringify(name)} must end in ${extensions.map((e) => `.${e}`).join(' or ')} for ${mimeType}` };
  }
  const data = value.data;
  if (typeof data === 'string') {
    // UTF-16 units here; the main process checks the UTF-8 bytes again once it has encoded them.
    if (data.length > MAX_FILE_BYTES) return { ok: false, error: `the text is larger than ${MAX_FILE_BYTES / MB} MB` };
  } else if (isByteArray(data)) {
    if (data.byteLength > MAX_FILE_BYTES) return { ok: false, error: `the file is larger than ${MAX_FILE_BYTES / MB} MB` };
  } else {
    return { ok: false, error: 'data must be a Uint8Array or a string' };
  }
  return { ok: true, value: { suggestedName: name, mimeType: mimeType as SaveFileMimeType, data } };
}

export function validateSaveFileArgs(args: readonly unknown[]): Checked<SaveFileRequest> {
  const one = onePayload(args);
  return one.ok ? validateSaveFileRequest(one.value) : one;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function isPngBytes(bytes: Uint8Array): boolean {
  return bytes.byteLength >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

export function validateClipboardItem(value: unknown): Checked<ClipboardItemRequest> {
  if (!isRecord(value)) return { ok: false, error: 'expected { mimeType, data }' };
  const extra = Object.keys(value).find((key) => key !== 'mimeType' && key !== 'data');
  if (extra !== undefined) return { ok: false, error: `unknown field ${JSON.stringify(extra)}` };
  const { mimeType, data } = value;
  if (mimeType === 'image/png') {
    if (!isByteArray(data)) return { ok: false, error: 'a PNG must be given as a Uint8Array' };
    if (data.byteLength > MAX_FILE_BYTES) return { ok: false, error: `the image is larger than ${MAX_FILE_BYTES / MB} MB` };
    if (!isPngBytes(data)) return { ok: false, error: 'the data is not a PNG image (no PNG signature)' };
    return { ok: true, value: { mimeType, data } };
  }
  if (mimeType === 'image/svg+xml' || mimeType === 'text/plain') {
    if (typeof data !== 'string') return { ok: false, error: `${mimeType} must be given as a string` };
    if (data.length > MAX_FILE_BYTES) return { ok: false, error: `the text is larger than ${MAX_FILE_BYTES / MB} MB` };
    return { ok: true, value: { mimeType, data } };
  }
  return { ok: false, error: 'mimeType must be one of image/png, image/svg+xml, text/plain' };
}

export function validateClipboardArgs(args: readonly unknown[]): Checked<ClipboardItemRequest> {
  const one = onePayload(args);
  return one.ok ? validateClipboardItem(one.value) : one;
}

/** One validator per renderer → main channel, so a handler cannot be registered without one. */
export const INVOKE_VALIDATORS: { [C in InvokeChannel]: (args: readonly unknown[]) => Checked<InvokeRequest<C>> } = {
  [IpcChannel.EngineCommand]: validateEngineCommandArgs,
  [IpcChannel.OpenScenarioFile]: noPayload,
  [IpcChannel.SettingsGet]: noPayload,
  [IpcChannel.SettingsSet]: validateSettingsSetArgs,
  [IpcChannel.AppInfo]: noPayload,
  [IpcChannel.LessonProgressGet]: validateLessonProgressGetArgs,
  [IpcChannel.LessonProgressSet]: validateLessonProgressSetArgs,
  [IpcChannel.ScenarioDraftGet]: noPayload,
  [IpcChannel.ScenarioDraftSet]: validateScenarioDraftSetArgs,
  [IpcChannel.SaveFile]: validateSaveFileArgs,
  [IpcChannel.ClipboardWrite]: validateClipboardArgs,
};
