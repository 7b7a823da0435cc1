/**
 * HostServices in a plain browser tab (the browser build): settings and lesson progress in local storage, checked
 * field by field when read back (a hand-edited or older entry loses only what is broken); files saved as downloads;
 * the clipboard through the asynchronous Clipboard API; no menu, and files are chosen with the page's file input.
 * Requests are checked by the same validators the desktop's main process uses, so a request one host accepts the
 * other accepts too.
 */
import {
  DEFAULT_USER_SETTINGS,
  validateClipboardItem,
  validateSaveFileRequest,
  validateSettingsField,
  validateSettingsPatch,
  type UserSettings,
} from '../../shared/ipc/ipc-contract.ts';
import { isLessonId, sanitizeLessonProgress, validateLessonProgress, type LessonProgress } from '../../shared/ipc/lesson-progress.ts';
import { readStoredDraft, validateScenarioDraft } from '../../shared/ipc/scenario-draft.ts';
import type { HostServices } from './host-services.ts';
import { isRecord } from '../../shared/validation/checked.ts';

export const SETTINGS_KEY = 'tokenscope.settings';
/** The key the lesson panel has always used, so learners keep their place across this change. */
export const LESSON_KEY_PREFIX = 'tokenscope.lesson.';
/** The draft of the scenario with unsaved notes (see shared/ipc/scenario-draft.ts). */
export const DRAFT_KEY = 'tokenscope.scenario-draft';
/** Long enough for the browser to have started the download from the object URL before it is revoked. */
const REVOKE_AFTER_MS = 60_000;

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The parts of `window` the browser host uses; tests pass their own. */
export interface BrowserEnvironment {
  /** Reading it may throw (storage blocked by the user or the browser). */
  readonly localStorage: KeyValueStorage;
  readonly navigator: { readonly clipboard?: Pick<Clipboard, 'write' | 'writeText'> };
  readonly document: { createElement(tag: 'a'): Pick<HTMLAnchorElement, 'href' | 'download' | 'click' | 'remove'>; readonly body: Pick<HTMLElement, 'append'> };
  readonly URL: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>;
  readonly ClipboardItem?: new (items: Record<string, Blob | string>) => ClipboardItem;
  setTimeout(callback: () => void, delayMs: number): unknown;
}

export interface BrowserHostOptions {
  log?: (message: string) => void;
}

function reason(error: unknown): string {
  return error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
}

/** Local storage when the page may use it; otherwise a map that lasts as long as the tab. */
function openStorage(env: BrowserEnvironment, log: (message: string) => void): KeyValueStorage {
  try {
    const storage = env.localStorage;
    if (storage) return storage;
  } catch (error) {
    log(`local storage is not available (${reason(error)}); settings and lesson progress last until the tab closes`);
  }
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
}

/** Settings read back from storage: each valid field kept, every other one at its default. */
export function readStoredSettings(text: string | null): UserSettings {
  const settings: UserSettings = { ...DEFAULT_USER_SETTINGS };
  if (text === null) return settings;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return settings;
  }
  if (!isRecord(raw)) return settings;
  for (const key of Object.keys(DEFAULT_USER_SETTINGS) as (keyof UserSettings)[]) {
    if (!Object.hasOwn(raw, key)) continue;
    const field = validateSettingsField(key, raw[key]);
    if (field.ok) (settings as unknown as Record<string, unknown>)[key] = field.value;
  }
  return settings;
}

export function createBrowserHost(env: BrowserEnvironment, options: BrowserHostOptions = {}): HostServices {
  const log = options.log ?? ((message: string) => console.warn(`[host] ${message}`));
  const storage = openStorage(env, log);
  // The settings of this tab. Storage is written through, but a tab whose storage refuses writes keeps working.
  let settings: UserSettings | undefined;
  let warnedUnsaved = false;

  const current = (): UserSettings => {
    if (!settings) {
      try {
        settings = readStoredSettings(storage.getItem(SETTINGS_KEY));
      } catch (error) {
        log(`cannot read the settings: ${reason(error)}`);
        settings = { ...DEFAULT_USER_SETTINGS };
      }
    }
    return settings;
  };

  return {
    kind: 'browser',

    async loadSettings() {
      return structuredClone(current());
    },

    async saveSettings(patch) {
      const checked = validateSettingsPatch(patch);
      if (!checked.ok) throw new Error(`cannot save the settings: ${checked.error}`);
      const next = { ...current(), ...checked.value };
      settings = next;
      try {
        storage.setItem(SETTINGS_KEY, JSON.stringify(next));
      } catch (error) {
        // Private windows and full storage: the choice still holds for this tab, it is only not remembered.
        if (!warnedUnsaved) log(`settings will not be remembered after this tab closes: ${reason(error)}`);
        warnedUnsaved = true;
      }
      return structuredClone(next);
    },

    async loadLessonProgress(lessonId) {
      if (!isLessonId(lessonId)) return undefined;
      try {
        const text = storage.getItem(LESSON_KEY_PREFIX + lessonId);
        return text === null ? undefined : sanitizeLessonProgress(JSON.parse(text));
      } catch {
        // Unreadable storage or a hand-edited entry: the lesson starts from the top.
        return undefined;
      }
    },

    async saveLessonProgress(lessonId, progress: LessonProgress) {
      if (!isLessonId(lessonId)) return { ok: false, error: 'lessonId must be a lesson id (lowercase letters, digits, dashes; at most 64)' };
      const checked = validateLessonProgress(progress);
      if (!checked.ok) return { ok: false, error: checked.error };
      try {
        storage.setItem(LESSON_KEY_PREFIX + lessonId, JSON.stringify(checked.value));
        return { ok: true };
      } catch (error) {
        return { ok: false, error: `the browser refused to store the lesson progress: ${reason(error)}` };
      }
    },

    async loadScenarioDraft() {
      try {
        const text = storage.getItem(DRAFT_KEY);
        return text === null ? undefined : readStoredDraft(JSON.parse(text));
      } catch {
        // Unreadable storage or a hand-edited entry: there is no draft to offer.
        return undefined;
      }
    },

    async saveScenarioDraft(draft) {
      if (draft !== null) {
        const checked = validateScenarioDraft(draft);
        if (!checked.ok) return { ok: false, error: checked.error };
      }
      try {
        if (draft === null) storage.removeItem(DRAFT_KEY);
        else storage.setItem(DRAFT_KEY, JSON.stringify(draft));
        return { ok: true };
      } catch (error) {
        return { ok: false, error: `the browser refused to keep a draft of your notes: ${reason(error)}` };
      }
    },

    async saveFile(request) {
      const checked = validateSaveFileRequest(request);
      if (!checked.ok) return { saved: false, canceled: false, error: checked.error };
      const { suggestedName, mimeType, data } = checked.value;
      try {
        const blob = new Blob([data as Uint8Array<ArrayBuffer> | string], { type: mimeType });
        const url = env.URL.createObjectURL(blob);
        const link = env.document.createElement('a');
        link.href = url;
        link.download = suggestedName;
        env.document.body.append(link as HTMLAnchorElement);
        link.click();
        link.remove();
        env.setTimeout(() => env.URL.revokeObjectURL(url), REVOKE_AFTER_MS);
      } catch (error) {
        return { saved: false, canceled: false, error: `the browser could not start the download: ${reason(error)}` };
      }
      // A download cannot be watched: the browser saves it (or asks where) on its own, so "saved" means "handed over".
      return { saved: true, where: suggestedName };
    },

    async copyToClipboard(item) {
      const checked = validateClipboardItem(item);
      if (!checked.ok) return { ok: false, error: checked.error };
      const clipboard = env.navigator.clipboard;
      if (!clipboard) return { ok: false, error: 'this browser gives the page no clipboard (it needs https or localhost); save the file instead' };
      try {
        const value = checked.value;
        if (value.mimeType === 'image/png') {
          if (!env.ClipboardItem || typeof clipboard.write !== 'function') {
            return { ok: false, error: 'this browser cannot put images on the clipboard; save the PNG instead' };
          }
          await clipboard.write([new env.ClipboardItem({ 'image/png': new Blob([value.data as Uint8Array<ArrayBuffer>], { type: 'image/png' }) })]);
        } else {
          await clipboard.writeText(value.data);
        }
        return { ok: true };
      } catch (error) {
        const refused = error instanceof Error && error.name === 'NotAllowedError';
        return {
          ok: false,
          error: refused ? `the browser refused clipboard access (the page must be focused and allowed to write): ${reason(error)}` : `cannot copy: ${reason(error)}`,
        };
      }
    },

    // A browser tab has no menu of its own, and no openScenarioFile: the page's file input chooses files.
    onMenuAction: () => () => undefined,
  };
}
