/**
 * The main-process end of every renderer → main channel. Each request is checked twice before any work is done:
 * the sender must be the main frame of one of our windows, currently showing an app:// page, and the payload must
 * pass the contract's validator. A refused or failed request answers `{ ok: false, error }`; nothing a page sends
 * can make a handler throw into Electron, let alone crash the main process.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  INVOKE_VALIDATORS,
  IpcChannel,
  type AppInfo,
  type ClipboardItemRequest,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
  type IpcResult,
  type OpenScenarioResult,
  type SaveFileOutcome,
  type SaveFileRequest,
  type UserSettings,
} from '../../shared/ipc/ipc-contract.ts';
import type { LessonProgress } from '../../shared/ipc/lesson-progress.ts';
import type { ScenarioDraft } from '../../shared/ipc/scenario-draft.ts';
import type { EngineHost } from './engine-host.ts';
import { isInternalUrl } from './security-guards.ts';

type SenderFrame = Pick<NonNullable<IpcMainInvokeEvent['senderFrame']>, 'processId' | 'frameToken' | 'url'>;

/** What a handler needs to know about the window that sent the request. */
export interface WindowContext {
  webContents: Pick<WebContents, 'id'> & { mainFrame: SenderFrame };
  engine: Pick<EngineHost, 'handle'>;
}

/** The parts of an invoke event the checks read; Electron's event, or a fake one in tests. */
export interface InvokeEventLike {
  sender: Pick<WebContents, 'id'>;
  senderFrame: SenderFrame | null;
}

export interface IpcServices {
  /** Our window whose webContents has this id, if any. */
  findWindow(webContentsId: number): WindowContext | undefined;
  openScenarioFile(context: WindowContext): Promise<OpenScenarioResult>;
  settings: { getUser(): UserSettings; updateUser(patch: Partial<UserSettings>): UserSettings };
  lessonProgress: { get(lessonId: string): LessonProgress | null; set(lessonId: string, progress: LessonProgress): void };
  scenarioDraft: { get(): ScenarioDraft | null; set(draft: ScenarioDraft | null): void };
  saveFile(context: WindowContext, request: SaveFileRequest): Promise<SaveFileOutcome>;
  writeClipboard(item: ClipboardItemRequest): Promise<void>;
  appInfo(): AppInfo;
  log?: (message: string) => void;
}

/** Why this event may not be served, or null when it comes from our window's main frame at an app:// URL. */
export function senderProblem(event: InvokeEventLike, context: WindowContext | undefined): string | null {
  if (!context) return 'the sender is not a TokenScope window';
  const frame = event.senderFrame;
  // Null when the frame navigated away or was destroyed after sending: whatever sent it is no longer our page.
  if (!frame) return 'the sending frame no longer exists';
  const main = context.webContents.mainFrame;
  if (frame.processId !== main.processId || frame.frameToken !== main.frameToken) return 'the sender is not the main frame';
  if (!isInternalUrl(frame.url)) return `the sender is not an app:// page (${JSON.stringify(frame.url.slice(0, 200))})`;
  return null;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type Handler<C extends InvokeChannel> = (request: InvokeRequest<C>, context: WindowContext) => InvokeResponse<C> | Promise<InvokeResponse<C>>;

/** Registers every handler; returns a function that removes them again (tests, and a clean quit). */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, services: IpcServices): () => void {
  const log = services.log ?? ((message: string) => console.warn(`[ipc] ${message}`));
  const channels: InvokeChannel[] = [];

  function serve<C extends InvokeChannel>(channel: C, handler: Handler<C>): void {
    channels.push(channel);
    ipcMain.handle(channel, async (event: InvokeEventLike, ...args: unknown[]): Promise<IpcResult<InvokeResponse<C>>> => {
      try {
        const context = services.findWindow(event.sender.id);
        const problem = senderProblem(event, context);
        if (problem !== null || !context) {
          log(`refused ${channel}: ${problem}`);
          return { ok: false, error: `refused: ${problem}` };
        }
        const request = INVOKE_VALIDATORS[channel](args);
        if (!request.ok) {
          log(`rejected ${channel}: ${request.error}`);
          return { ok: false, error: `invalid request: ${request.error}` };
        }
        return { ok: true, value: await handler(request.value, context) };
      } catch (error) {
        log(`${channel} failed: ${errorText(error)}`);
        return { ok: false, error: errorText(error) };
      }
    });
  }

  serve(IpcChannel.EngineCommand, async (command, context) => {
    await context.engine.handle(command);
    return null;
  });
  serve(IpcChannel.OpenScenarioFile, (_request, context) => services.openScenarioFile(context));
  serve(IpcChannel.SettingsGet, () => services.settings.getUser());
  serve(IpcChannel.SettingsSet, (patch) => services.settings.updateUser(patch));
  serve(IpcChannel.AppInfo, () => services.appInfo());
  serve(IpcChannel.LessonProgressGet, (lessonId) => services.lessonProgress.get(lessonId));
  serve(IpcChannel.LessonProgressSet, ({ lessonId, progress }) => {
    services.lessonProgress.set(lessonId, progress);
    return null;
  });
  serve(IpcChannel.ScenarioDraftGet, () => services.scenarioDraft.get());
  serve(IpcChannel.ScenarioDraftSet, (draft) => {
    services.scenarioDraft.set(draft);
    return null;
  });
  serve(IpcChannel.SaveFile, (request, context) => services.saveFile(context, request));
  serve(IpcChannel.ClipboardWrite, async (item) => {
    await services.writeClipboard(item);
    return null;
  });

  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
