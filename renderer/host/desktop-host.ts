/**
 * HostServices over the preload bridge (the desktop build): settings, lesson progress and the scenario draft live
 * in atomic files in the user-data folder, files are saved and opened through the OS dialogs, the clipboard is
 * Electron's, and the menu is the app's. Every bridge call answers an IpcResult; this turns refusals into the
 * HostServices outcomes, with the main process's words.
 */
import { DEFAULT_USER_SETTINGS, type TokenScopeBridge, type UserSettings } from '../../shared/ipc/ipc-contract.ts';
import type { HostServices } from './host-services.ts';

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface DesktopHostOptions {
  /** Where failures that the interface answers with a fallback (defaults, no progress) are reported. */
  log?: (message: string) => void;
}

export function createDesktopHost(bridge: TokenScopeBridge, options: DesktopHostOptions = {}): HostServices {
  const log = options.log ?? ((message: string) => console.warn(`[host] ${message}`));
  return {
    kind: 'desktop',

    async loadSettings(): Promise<UserSettings> {
      try {
        const result = await bridge.getSettings();
        if (result.ok) return result.value;
        log(`cannot load the settings: ${result.error}`);
      } catch (error) {
        log(`cannot load the settings: ${reason(error)}`);
      }
      return { ...DEFAULT_USER_SETTINGS };
    },

    async saveSettings(patch) {
      const result = await bridge.setSettings(patch);
      if (!result.ok) throw new Error(`cannot save the settings: ${result.error}`);
      return result.value;
    },

    async loadLessonProgress(lessonId) {
      try {
        const result = await bridge.getLessonProgress(lessonId);
        if (result.ok) return result.value ?? undefined;
        log(`cannot load the progress of ${lessonId}: ${result.error}`);
      } catch (error) {
        log(`cannot load the progress of ${lessonId}: ${reason(error)}`);
      }
      return undefined;
    },

    async saveLessonProgress(lessonId, progress) {
      try {
        const result = await bridge.setLessonProgress(lessonId, progress);
        return result.ok ? { ok: true } : { ok: false, error: result.error };
      } catch (error) {
        return { ok: false, error: reason(error) };
      }
    },

    async loadScenarioDraft() {
      try {
        const result = await bridge.getScenarioDraft();
        if (result.ok) return result.value ?? undefined;
        log(`cannot load the scenario draft: ${result.error}`);
      } catch (error) {
        log(`cannot load the scenario draft: ${reason(error)}`);
      }
      return undefined;
    },

    async saveScenarioDraft(draft) {
      try {
        const result = await bridge.setScenarioDraft(draft);
        return result.ok ? { ok: true } : { ok: false, error: result.error };
      } catch (error) {
        return { ok: false, error: reason(error) };
      }
    },

    async saveFile(request) {
      try {
        const result = await bridge.saveFile(request);
        if (!result.ok) return { saved: false, canceled: false, error: result.error };
        return result.value;
      } catch (error) {
        return { saved: false, canceled: false, error: reason(error) };
      }
    },

    async copyToClipboard(item) {
      try {
        const result = await bridge.writeClipboard(item);
        return result.ok ? { ok: true } : { ok: false, error: result.error };
      } catch (error) {
        return { ok: false, error: reason(error) };
      }
    },

    onMenuAction: (listener) => bridge.onMenuAction(listener),

    async openScenarioFile() {
      try {
        return await bridge.openScenarioFile();
      } catch (error) {
        return { ok: false, error: reason(error) };
      }
    },
  };
}
