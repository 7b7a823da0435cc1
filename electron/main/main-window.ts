/**
 * The app's window: locked down (sandboxed, context-isolated, no Node, no <webview>), loaded from app://, and
 * reopened where the user left it, unless that place is no longer on any screen.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './app-origin.ts';
import type { SettingsStore, WindowState } from './settings-store.ts';

export const DEFAULT_WIDTH = 1440;
export const DEFAULT_HEIGHT = 900;
export const MIN_WIDTH = 960;
export const MIN_HEIGHT = 600;
/** How much of a saved window must still overlap a screen for us to put it back there. */
const MIN_VISIBLE_WIDTH = 120;
const MIN_VISIBLE_HEIGHT = 60;

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Chromium's spellchecker downloads dictionaries from Google's CDN: remote content the app must not fetch.
    spellcheck: false,
  };
}

export interface PlacedBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

function overlap(a: Rectangle, b: PlacedBounds & { x: number; y: number }): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Where to open the window: the saved bounds if enough of them is on a current screen (a monitor may have been
 * unplugged since), otherwise the saved size, shrunk to fit the primary screen, and centred by Electron.
 */
export function restoreBounds(saved: WindowState | null, workAreas: Rectangle[]): PlacedBounds {
  const primary = workAreas[0];
  const fit = (width: number, height: number): PlacedBounds => ({
    width: Math.max(MIN_WIDTH, primary ? Math.min(width, primary.width) : width),
    height: Math.max(MIN_HEIGHT, primary ? Math.min(height, primary.height) : height),
  });
  if (!saved) return fit(DEFAULT_WIDTH, DEFAULT_HEIGHT);
  const { x, y } = saved;
  if (x !== undefined && y !== undefined) {
    const placed = { x, y, width: Math.max(MIN_WIDTH, saved.width), height: Math.max(MIN_HEIGHT, saved.height) };
    const visible = workAreas.some((area) => {
      const o = overlap(area, placed);
      return o.width >= MIN_VISIBLE_WIDTH && o.height >= MIN_VISIBLE_HEIGHT;
    });
    if (visible) return placed;
  }
  return fit(saved.width, saved.height);
}

export function mainWindowOptions(preloadPath: string, bounds: PlacedBounds): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: 'TokenScope',
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#11151c',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

type WindowLike = Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized' | 'isFullScreen'>;

/** Normal (un-maximized) bounds, so un-maximizing next time returns to the size the user chose. */
export function captureWindowState(window: WindowLike): WindowState {
  const bounds = window.getNormalBounds();
  return { ...bounds, maximized: window.isMaximized() || window.isFullScreen() };
}

export interface MainWindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  workAreas: () => Rectangle[];
  settings: Pick<SettingsStore, 'getWindowState' | 'setWindowState'>;
  preloadPath: string;
  log?: (message: string) => void;
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const saved = deps.settings.getWindowState();
  const window = new deps.BrowserWindow(mainWindowOptions(deps.preloadPath, restoreBounds(saved, deps.workAreas())));
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    try {
      deps.settings.setWindowState(captureWindowState(window));
    } catch (error) {
      // Losing the window position is not worth blocking the close for.
      deps.log?.(`cannot save the window position: ${(error as Error).message}`);
    }
  });
  void window.loadURL(APP_ENTRY_URL).catch((error: unknown) => deps.log?.(`cannot load ${APP_ENTRY_URL}: ${String(error)}`));
  return window;
}
