/**
 * From process start to quit: one instance only, the app:// scheme and the sandbox before 'ready', then (once
 * ready) settings, protocol, guards, IPC, menu and the window with its engine; quit when the last window closes
 * (except on macOS, where apps stay in the dock).
 */
import path from 'node:path';
import { app, BrowserWindow, clipboard, ClipboardItem, dialog, ipcMain, Menu, nativeImage, protocol, screen, session, shell, type BaseWindow, type WebContents } from 'electron';
import type { AppInfo } from '../../shared/ipc/ipc-contract.ts';
import { IpcChannel } from '../../shared/ipc/ipc-contract.ts';
import type { EngineCommand } from '../../shared/rpc/engine-protocol.ts';
import { installAppMenu, type MenuHandlers } from './app-menu.ts';
import { registerAppScheme, serveAppProtocol } from './app-protocol.ts';
import { writeToClipboard } from './clipboard-writer.ts';
import { EngineHost } from './engine-host.ts';
import { registerIpcHandlers, type WindowContext } from './ipc-handlers.ts';
import { LESSON_PROGRESS_FILE_NAME, LessonProgressStore } from './lesson-progress-store.ts';
import { SCENARIO_DRAFT_FILE_NAME, ScenarioDraftStore } from './scenario-draft-store.ts';
import { guardUnsavedChanges, UNSAVED_CHANGES_BOX } from './unsaved-changes-guard.ts';
import { createMainWindow } from './main-window.ts';
import { saveFileWithDialog } from './save-file-dialog.ts';
import { openScenarioFile } from './scenario-file-dialog.ts';
import { installSecurityGuards } from './security-guards.ts';
import { loadNotice, SETTINGS_FILE_NAME, SettingsStore } from './settings-store.ts';

export interface AppPaths {
  /** The built renderer served at app://bundle/. */
  rendererRoot: string;
  preloadPath: string;
  settingsFile: string;
  lessonProgressFile: string;
  scenarioDraftFile: string;
}

/** Paths inside the app folder (the project in development, resources/app.asar when packaged). */
export function defaultPaths(appPath: string, userDataPath: string): AppPaths {
  return {
    rendererRoot: path.join(appPath, 'dist', 'renderer'),
    preloadPath: path.join(appPath, 'dist', 'electron', 'preload.cjs'),
    settingsFile: path.join(userDataPath, SETTINGS_FILE_NAME),
    lessonProgressFile: path.join(userDataPath, LESSON_PROGRESS_FILE_NAME),
    scenarioDraftFile: path.join(userDataPath, SCENARIO_DRAFT_FILE_NAME),
  };
}

interface OpenWindow extends WindowContext {
  window: BrowserWindow;
  webContents: WebContents;
  engine: EngineHost;
}

/** The open windows, found by the id of their window (menu clicks) or of their webContents (IPC senders). */
export class WindowRegistry {
  private readonly windows: OpenWindow[] = [];

  add(entry: OpenWindow): void {
    this.windows.push(entry);
  }

  remove(entry: OpenWindow): void {
    const index = this.windows.indexOf(entry);
    if (index >= 0) this.windows.splice(index, 1);
  }

  byWebContentsId(id: number): OpenWindow | undefined {
    return this.windows.find((entry) => entry.webContents.id === id);
  }

  /** The clicked-in window, or the first one when a menu is used with no window focused (macOS). */
  forMenu(window: BaseWindow | undefined): OpenWindow | undefined {
    return (window && this.windows.find((entry) => entry.window.id === window.id)) ?? this.windows[0];
  }

  get size(): number {
    return this.windows.length;
  }

  first(): OpenWindow | undefined {
    return this.windows[0];
  }
}

export interface StartOptions {
  platform?: NodeJS.Platform;
  paths?: Partial<AppPaths>;
  log?: (message: string) => void;
}

export interface StartedApp {
  registry: WindowRegistry;
  /** Settles once the first window exists, or once a failed start has been reported and the app told to quit. */
  ready: Promise<void>;
}

/** Returns null when another instance already runs: that one is focused instead and this one quits. */
export function startApp(options: StartOptions = {}): StartedApp | null {
  const platform = options.platform ?? process.platform;
  const log = options.log ?? ((message: string) => console.warn(`[tokenscope] ${message}`));

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  // Every renderer sandboxed, even one created by accident; and the scheme table is fixed before 'ready'.
  app.enableSandbox();
  registerAppScheme(protocol);

  const registry = new WindowRegistry();
  let openWindow: (() => OpenWindow) | undefined;

  app.on('second-instance', () => {
    const entry = registry.first();
    if (!entry) return void openWindow?.();
    if (entry.window.isMinimized()) entry.window.restore();
    entry.window.focus();
  });
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (registry.size === 0) openWindow?.();
  });

  const onReady = () => {
    const paths = { ...defaultPaths(app.getAppPath(), app.getPath('userData')), ...options.paths };
    const settings = new SettingsStore(paths.settingsFile, { log });
    const lessonProgress = new LessonProgressStore(paths.lessonProgressFile, { log });
    // Said once, to the first window, as soon as it shows: a file that was set aside or cut down is never silent.
    let notices = [loadNotice('settings', settings.load()), loadNotice('lesson progress', lessonProgress.load())].flatMap((n) => (n ? [n] : []));
    const scenarioDraft = new ScenarioDraftStore(paths.scenarioDraftFile, { log });
    scenarioDraft.load();

    serveAppProtocol(protocol, paths.rendererRoot);
    installSecurityGuards(app, session.defaultSession, (url) => void shell.openExternal(url));

    const appInfo = (): AppInfo => ({
      name: app.getName(),
      version: app.getVersion(),
      electron: process.versions.electron ?? '',
      chrome: process.versions.chrome ?? '',
      node: process.versions.node,
      platform: process.platform,
    });
    const scenarioDeps = { dialog, settings, log };
    const saveDeps = { dialog, settings, defaultDirectory: app.getPath('documents'), log };
    const clipboardDeps = {
      write: (items: ClipboardItem[]) => clipboard.write(items),
      createItem: (items: Record<string, string | Blob>) => new ClipboardItem(items),
      decodesAsImage: (bytes: Uint8Array) => !nativeImage.createFromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).isEmpty(),
    };

    registerIpcHandlers(ipcMain, {
      findWindow: (id) => registry.byWebContentsId(id),
      openScenarioFile: (context) => openScenarioFile((context as OpenWindow).window, scenarioDeps),
      settings,
      lessonProgress,
      scenarioDraft,
      saveFile: (context, request) => saveFileWithDialog((context as OpenWindow).window, request, saveDeps),
      writeClipboard: (item) => writeToClipboard(item, clipboardDeps),
      appInfo,
      log,
    });

    const handlers: MenuHandlers = {
      togglePlay: (window) => void registry.forMenu(window)?.engine.togglePlay(),
      sendEngineCommand: (window, command: EngineCommand) => void registry.forMenu(window)?.engine.handle(command),
      sendMenuAction: (window, action) => {
        const entry = registry.forMenu(window);
        if (entry && !entry.webContents.isDestroyed()) entry.webContents.send(IpcChannel.MenuAction, action);
      },
      showAbout: (window) => {
        const info = appInfo();
        const entry = registry.forMenu(window);
        const box = {
          type: 'info' as const,
          title: `About ${info.name}`,
          message: `${info.name} ${info.version}`,
          detail:
            'See how Kubernetes ServiceAccount tokens are issued, expire and rotate, on a simulated, deterministic clock.\n\n' +
            `Electron ${info.electron} · Chromium ${info.chrome} · Node ${info.node} · ${info.platform}`,
          buttons: ['OK'],
        };
        void (entry ? dialog.showMessageBox(entry.window, box) : dialog.showMessageBox(box));
      },
    };
    installAppMenu(Menu, handlers, { appName: app.getName(), platform, isPackaged: app.isPackaged });

    openWindow = () => {
      const primary = screen.getPrimaryDisplay();
      const window = createMainWindow({
        BrowserWindow,
        // Primary first: restoreBounds shrinks an off-screen window to fit the first work area.
        workAreas: () => [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea),
        settings,
        preloadPath: paths.preloadPath,
        log,
      });
      const webContents = window.webContents;
      const entry: OpenWindow = { window, webContents, engine: new EngineHost(webContents) };
      guardUnsavedChanges(webContents, () => dialog.showMessageBoxSync(window, UNSAVED_CHANGES_BOX) === 0);
      registry.add(entry);
      const pending = notices;
      notices = [];
      if (pending.length > 0) {
        const tell = () => {
          for (const notice of pending) void dialog.showMessageBox(window, { type: 'warning', title: 'TokenScope', buttons: ['OK'], ...notice });
        };
        // Over the window once it shows (it is created hidden until its page has painted).
        if (window.isVisible()) tell();
        else window.once('ready-to-show', tell);
      }
      // A new document (first load, reload) starts with an empty store. Reset when the navigation starts, not when it
      // commits: by then the new page's first command may already be on its way.
      webContents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) entry.engine.reset();
      });
      webContents.on('render-process-gone', (_event, details) => {
        log(`renderer gone (${details.reason}); engine stopped`);
        entry.engine.reset();
      });
      window.on('closed', () => {
        entry.engine.dispose();
        registry.remove(entry);
      });
      return entry;
    };
    openWindow();
  };

  const ready = app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      log(`startup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      dialog.showErrorBox('TokenScope cannot start', String(error));
      app.quit();
    });

  return { registry, ready };
}
