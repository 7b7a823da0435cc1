/**
 * What the renderer needs from its host beyond the engine: remembered settings, lesson progress, the draft of a
 * scenario with unsaved notes, saving a file, the clipboard, the menu and opening a file. The desktop host goes
 * through the preload bridge to the main process (atomic files in the user-data folder, the OS save and open dialogs,
 * Electron's clipboard, the app menu); the browser host uses local storage, a download, the asynchronous Clipboard
 * API and the page's file input, and has no menu. Components receive one of these and never ask which host they run
 * in.
 */
import type { ClipboardItemRequest, IpcResult, MenuAction, OpenScenarioResult, SaveFileRequest, UserSettings } from '../../shared/ipc/ipc-contract.ts';
import type { LessonProgress } from '../../shared/ipc/lesson-progress.ts';
import type { ScenarioDraft } from '../../shared/ipc/scenario-draft.ts';

/** The same shapes the desktop bridge validates, so both hosts accept exactly the same requests. */
export type { ClipboardItemRequest, SaveFileRequest };

/** `where` is the chosen path on the desktop, the download's file name in the browser. */
export type SaveFileResult = { saved: true; where: string } | { saved: false; canceled: true } | { saved: false; canceled: false; error: string };

export type HostResult = { ok: true } | { ok: false; error: string };

export interface HostServices {
  readonly kind: 'desktop' | 'browser';
  /** Never rejects: a host that cannot read its settings answers the defaults. */
  loadSettings(): Promise<UserSettings>;
  /**
   * Merges the patch into the stored settings and answers with the whole, validated result. Rejects, with the
   * reason in words, when the patch is invalid or cannot be stored.
   */
  saveSettings(patch: Partial<UserSettings>): Promise<UserSettings>;
  /** Never rejects: progress that cannot be read is no progress (the lesson starts from the top). */
  loadLessonProgress(lessonId: string): Promise<LessonProgress | undefined>;
  saveLessonProgress(lessonId: string, progress: LessonProgress): Promise<HostResult>;
  /** Never rejects: a draft that cannot be read is no draft. */
  loadScenarioDraft(): Promise<ScenarioDraft | undefined>;
  /** Keeps the draft of the scenario with unsaved edits, or removes it (null) once they are saved or discarded. */
  saveScenarioDraft(draft: ScenarioDraft | null): Promise<HostResult>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  copyToClipboard(item: ClipboardItemRequest): Promise<HostResult>;
  /** Calls the listener with each item chosen in the host's own menu (the desktop's); answers the unsubscribe. */
  onMenuAction(listener: (action: MenuAction) => void): () => void;
  /**
   * The host's own Open dialog (the desktop's native one); never rejects. Absent where the page's file input is the
   * way to choose a file (the browser).
   */
  openScenarioFile?(): Promise<IpcResult<OpenScenarioResult>>;
}
