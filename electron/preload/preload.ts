/**
 * The only code with both a foot in the page and a line to the main process. It exposes one function per contract
 * channel and nothing else: no ipcRenderer, no generic send, no IPC events (an event carries `sender`, which is
 * ipcRenderer itself). Sandboxed, so it can require only 'electron'; esbuild inlines the contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_GLOBAL,
  IpcChannel,
  isMenuAction,
  type PushChannel,
  type PushContract,
  type TokenScopeBridge,
} from '../../shared/ipc/ipc-contract.ts';

function subscribe<C extends PushChannel>(
  channel: C,
  listener: (payload: PushContract[C]) => void,
  accept: (payload: unknown) => boolean = () => true,
): () => void {
  const forward = (_event: unknown, payload: unknown) => {
    if (accept(payload)) listener(payload as PushContract[C]);
  };
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

const api = {
  sendEngineCommand: (command) => ipcRenderer.invoke(IpcChannel.EngineCommand, command),
  // Engine messages come from our own main process at up to 20 batches a second; re-validating them here would cost
  // more than it protects.
  onEngineMessage: (listener) => subscribe(IpcChannel.EngineMessage, listener),
  openScenarioFile: () => ipcRenderer.invoke(IpcChannel.OpenScenarioFile),
  getSettings: () => ipcRenderer.invoke(IpcChannel.SettingsGet),
  setSettings: (patch) => ipcRenderer.invoke(IpcChannel.SettingsSet, patch),
  getAppInfo: () => ipcRenderer.invoke(IpcChannel.AppInfo),
  onMenuAction: (listener) => subscribe(IpcChannel.MenuAction, listener, isMenuAction),
  getLessonProgress: (lessonId) => ipcRenderer.invoke(IpcChannel.LessonProgressGet, lessonId),
  // One payload per channel, as the contract's validators expect; the bridge keeps the two-argument call for callers.
  setLessonProgress: (lessonId, progress) => ipcRenderer.invoke(IpcChannel.LessonProgressSet, { lessonId, progress }),
  getScenarioDraft: () => ipcRenderer.invoke(IpcChannel.ScenarioDraftGet),
  setScenarioDraft: (draft) => ipcRenderer.invoke(IpcChannel.ScenarioDraftSet, draft),
  saveFile: (request) => ipcRenderer.invoke(IpcChannel.SaveFile, request),
  writeClipboard: (item) => ipcRenderer.invoke(IpcChannel.ClipboardWrite, item),
} satisfies TokenScopeBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, api);
