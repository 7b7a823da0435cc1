/**
 * A fake `window.tokenscope` for renderer-side tests: what the preload would expose, with no Electron and no main
 * process. Commands are recorded (and answered by `onCommand`, if given); tests push engine messages and menu
 * actions as the main process would. Requests are validated as the main process validates them, and cross a
 * structured clone as they would over IPC.
 */
import {
  DEFAULT_USER_SETTINGS,
  validateClipboardItem,
  validateLessonProgressGetArgs,
  validateLessonProgressSetArgs,
  validateSaveFileRequest,
  validateScenarioDraftSetArgs,
  validateSettingsPatch,
  type AppInfo,
  type ClipboardItemRequest,
  type IpcResult,
  type MenuAction,
  type OpenScenarioResult,
  type SaveFileOutcome,
  type SaveFileRequest,
  type TokenScopeBridge,
  type UserSettings,
} from '../../shared/ipc/ipc-contract.ts';
import type { LessonProgress } from '../../shared/ipc/lesson-progress.ts';
import type { ScenarioDraft } from '../../shared/ipc/scenario-draft.ts';
import { validateCommand, type EngineCommand, type EngineMessage } from '../../shared/rpc/engine-protocol.ts';

export interface FakeDesktopBridge {
  bridge: TokenScopeBridge;
  commands: EngineCommand[];
  settings: UserSettings;
  /** A message from the engine, as the main process would push it. */
  pushEngineMessage(message: EngineMessage): void;
  pushMenuAction(action: MenuAction): void;
  /** What the next openScenarioFile() answers. */
  nextOpen: OpenScenarioResult;
  engineListenerCount(): number;
  lessonProgress: Map<string, LessonProgress>;
  /** The scenario draft the main process holds. */
  draft: ScenarioDraft | null;
  /** Every save request that passed validation, and what the save dialog answers (an IpcResult, as main would). */
  saves: SaveFileRequest[];
  nextSave: IpcResult<SaveFileOutcome>;
  clipboard: ClipboardItemRequest[];
  /** When set, the main process answers every settings, progress and clipboard write with this error. */
  failWrites: string | undefined;
}

export interface FakeDesktopBridgeOptions {
  /** Decides the answer to a command (default: validate it like the main process does). */
  onCommand?: (command: EngineCommand) => IpcResult<null> | Promise<IpcResult<null>>;
}

export function createFakeDesktopBridge(options: FakeDesktopBridgeOptions = {}): FakeDesktopBridge {
  const engineListeners = new Set<(message: EngineMessage) => void>();
  const menuListeners = new Set<(action: MenuAction) => void>();
  const fake: FakeDesktopBridge = {
    commands: [],
    settings: { ...DEFAULT_USER_SETTINGS },
    nextOpen: { canceled: true },
    lessonProgress: new Map(),
    draft: null,
    saves: [],
    nextSave: { ok: true, value: { saved: false, canceled: true } },
    clipboard: [],
    failWrites: undefined,
    pushEngineMessage: (message) => engineListeners.forEach((listener) => listener(structuredClone(message))),
    pushMenuAction: (action) => menuListeners.forEach((listener) => listener(action)),
    engineListenerCount: () => engineListeners.size,
    bridge: {
      async sendEngineCommand(command) {
        // The real bridge structured-clones the command; so does this one, to catch payloads that cannot cross.
        const cloned = structuredClone(command);
        fake.commands.push(cloned);
        if (options.onCommand) return options.onCommand(cloned);
        const checked = validateCommand(cloned);
        return checked.ok ? { ok: true, value: null } : { ok: false, error: `invalid request: ${checked.error}` };
      },
      onEngineMessage(listener) {
        engineListeners.add(listener);
        return () => void engineListeners.delete(listener);
      },
      async openScenarioFile() {
        return { ok: true, value: fake.nextOpen };
      },
      async getSettings() {
        return { ok: true, value: { ...fake.settings } };
      },
      async setSettings(patch) {
        const checked = validateSettingsPatch(structuredClone(patch));
        if (!checked.ok) return { ok: false, error: `invalid request: ${checked.error}` };
        if (fake.failWrites) return { ok: false, error: fake.failWrites };
        fake.settings = { ...fake.settings, ...checked.value };
        return { ok: true, value: { ...fake.settings } };
      },
      async getAppInfo(): Promise<IpcResult<AppInfo>> {
        return { ok: true, value: { name: 'TokenScope', version: '0.0.0-test', electron: '45.5.0', chrome: '140.0.0.0', node: '22.0.0', platform: 'linux' } };
      },
      onMenuAction(listener) {
        menuListeners.add(listener);
        return () => void menuListeners.delete(listener);
      },
      async getLessonProgress(lessonId) {
        const checked = validateLessonProgressGetArgs([structuredClone(lessonId)]);
        if (!checked.ok) return { ok: false, error: `invalid request: ${checked.error}` };
        const saved = fake.lessonProgress.get(checked.value);
        return { ok: true, value: saved ? structuredClone(saved) : null };
      },
      async getScenarioDraft() {
        return { ok: true, value: fake.draft ? structuredClone(fake.draft) : null };
      },
      async setScenarioDraft(draft) {
        const checked = validateScenarioDraftSetArgs([structuredClone(draft)]);
        if (!checked.ok) return { ok: false, error: `invalid request: ${checked.error}` };
        if (fake.failWrites) return { ok: false, error: fake.failWrites };
        fake.draft = checked.value;
        return { ok: true, value: null };
      },
      async setLessonProgress(lessonId, progress) {
        const checked = validateLessonProgressSetArgs([structuredClone({ lessonId, progress })]);
        if (!checked.ok) return { ok: false, error: `invalid request: ${checked.error}` };
        if (fake.failWrites) return { ok: false, error: fake.failWrites };
        fake.lessonProgress.set(checked.value.lessonId, checked.value.progress);
        return { ok: true, value: null };
      },
      async saveFile(request) {
        const checked = validateSaveFileRequest(structuredClone(request));
        if (!checked.ok) return { ok: false, error: `invalid request: ${checked.error}` };
        fake.saves.push(checked.value);
        return fake.nextSave;
      },
      async writeClipboard(item) {
        const checked = validateClipboardItem(structuredClone(item));
        if (!checked.ok) return { ok: false, error: `invalid request: ${checked.error}` };
        if (fake.failWrites) return { ok: false, error: fake.failWrites };
        fake.clipboard.push(checked.value);
        return { ok: true, value: null };
      },
    },
  };
  return fake;
}
