/**
 * An in-memory HostServices for renderer tests: settings and lesson progress kept as copies (validated as both real
 * hosts validate them), saved files and clipboard writes recorded. Loads can be held back to test what a component
 * shows while its data is still on the way, and writes can be made to fail. Its menu is played by `menu(action)`; it
 * has an Open dialog only when a test gives it `openScenarioFile`.
 */
import {
  DEFAULT_USER_SETTINGS,
  validateClipboardItem,
  validateSaveFileRequest,
  validateSettingsPatch,
  type IpcResult,
  type MenuAction,
  type OpenScenarioResult,
  type UserSettings,
} from '../../shared/ipc/ipc-contract.ts';
import { validateLessonProgress, type LessonProgress } from '../../shared/ipc/lesson-progress.ts';
import { validateScenarioDraft, type ScenarioDraft } from '../../shared/ipc/scenario-draft.ts';
import type { ClipboardItemRequest, HostServices, SaveFileRequest, SaveFileResult } from '../../renderer/host/host-services.ts';

export class FakeHostServices implements HostServices {
  readonly kind = 'browser' as const;
  settings: UserSettings = { ...DEFAULT_USER_SETTINGS };
  readonly progress = new Map<string, LessonProgress>();
  progressSaves = 0;
  /** The scenario draft the host keeps, and every draft (or null) it was sent. */
  draft: ScenarioDraft | undefined;
  readonly draftSaves: (ScenarioDraft | null)[] = [];
  readonly savedFiles: SaveFileRequest[] = [];
  nextSave: SaveFileResult = { saved: true, where: '/home/me/export.png' };
  readonly clipboard: ClipboardItemRequest[] = [];
  /** When set, settings, progress and clipboard writes fail with this reason. */
  failWrites: string | undefined;
  /** Who listens to the menu now. */
  readonly menuListeners = new Set<(action: MenuAction) => void>();
  openScenarioFile?: () => Promise<IpcResult<OpenScenarioResult>>;
  private held: Promise<void> | undefined;

  constructor(initial?: { lessonId: string; progress: LessonProgress }) {
    if (initial) this.progress.set(initial.lessonId, structuredClone(initial.progress));
  }

  /** Holds every load until the returned function is called. */
  holdLoads(): () => void {
    let release!: () => void;
    this.held = new Promise((resolve) => (release = resolve));
    return () => {
      this.held = undefined;
      release();
    };
  }

  /** What is saved for a lesson, as a copy (the synchronous view tests assert on). */
  saved(lessonId: string): LessonProgress | undefined {
    const progress = this.progress.get(lessonId);
    return progress && structuredClone(progress);
  }

  async loadSettings(): Promise<UserSettings> {
    await this.held;
    return structuredClone(this.settings);
  }

  async saveSettings(patch: Partial<UserSettings>): Promise<UserSettings> {
    const checked = validateSettingsPatch(patch);
    if (!checked.ok) throw new Error(`cannot save the settings: ${checked.error}`);
    if (this.failWrites) throw new Error(`cannot save the settings: ${this.failWrites}`);
    this.settings = { ...this.settings, ...structuredClone(checked.value) };
    return structuredClone(this.settings);
  }

  async loadLessonProgress(lessonId: string): Promise<LessonProgress | undefined> {
    await this.held;
    return this.saved(lessonId);
  }

  async saveLessonProgress(lessonId: string, progress: LessonProgress) {
    this.progressSaves += 1;
    const checked = validateLessonProgress(progress);
    if (!checked.ok) return { ok: false as const, error: checked.error };
    if (this.failWrites) return { ok: false as const, error: this.failWrites };
    this.progress.set(lessonId, structuredClone(checked.value));
    return { ok: true as const };
  }

  async loadScenarioDraft(): Promise<ScenarioDraft | undefined> {
    await this.held;
    return this.draft && structuredClone(this.draft);
  }

  async saveScenarioDraft(draft: ScenarioDraft | null) {
    if (draft !== null) {
      const checked = validateScenarioDraft(draft);
      if (!checked.ok) return { ok: false as const, error: checked.error };
    }
    if (this.failWrites) return { ok: false as const, error: this.failWrites };
    this.draftSaves.push(draft && structuredClone(draft));
    this.draft = draft ? structuredClone(draft) : undefined;
    return { ok: true as const };
  }

  async saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
    const checked = validateSaveFileRequest(request);
    if (!checked.ok) return { saved: false, canceled: false, error: checked.error };
    this.savedFiles.push(checked.value);
    return this.nextSave;
  }

  async copyToClipboard(item: ClipboardItemRequest) {
    const checked = validateClipboardItem(item);
    if (!checked.ok) return { ok: false as const, error: checked.error };
    if (this.failWrites) return { ok: false as const, error: this.failWrites };
    this.clipboard.push(checked.value);
    return { ok: true as const };
  }

  onMenuAction(listener: (action: MenuAction) => void): () => void {
    this.menuListeners.add(listener);
    return () => void this.menuListeners.delete(listener);
  }

  /** Chooses a menu item, as the desktop's menu would. */
  menu(action: MenuAction): void {
    for (const listener of [...this.menuListeners]) listener(action);
  }
}
