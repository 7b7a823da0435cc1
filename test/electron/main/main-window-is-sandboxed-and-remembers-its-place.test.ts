import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../fakes/electron.ts'));

import { BrowserWindow, resetFakeElectron } from '../../fakes/electron.ts';
import {
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  MIN_HEIGHT,
  MIN_WIDTH,
  createMainWindow,
  mainWindowOptions,
  restoreBounds,
  secureWebPreferences,
} from '../../../electron/main/main-window.ts';
import type { WindowState } from '../../../electron/main/settings-store.ts';

beforeEach(() => resetFakeElectron());

const SCREEN = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT_SCREEN = { x: 1920, y: 0, width: 2560, height: 1400 };

function memorySettings(saved: WindowState | null = null) {
  const state = { saved, writes: [] as WindowState[] };
  return {
    state,
    getWindowState: () => state.saved,
    setWindowState: (window: WindowState) => {
      state.writes.push(window);
      state.saved = window;
    },
  };
}

describe('the window’s web preferences', () => {
  it('are sandboxed, context-isolated, without Node or <webview>', () => {
    const prefs = secureWebPreferences('/app/dist/electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
  });

  it('turn off the spellchecker, which would download dictionaries', () => {
    expect(secureWebPreferences('/p').spellcheck).toBe(false);
  });

  it('enable no Blink features and no extra privileges', () => {
    const prefs = secureWebPreferences('/p') as Record<string, unknown>;
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.additionalArguments).toBeUndefined();
  });

  it('are the ones the window is created with, and the window starts hidden until painted', () => {
    const options = mainWindowOptions('/p', { width: 1200, height: 800 });
    expect(options.webPreferences).toEqual(secureWebPreferences('/p'));
    expect(options.show).toBe(false);
    expect(options.minWidth).toBe(MIN_WIDTH);
  });
});

describe('restoreBounds', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(restoreBounds(null, [SCREEN])).toEqual({ width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT });
  });

  it('puts the window back where it was when that place is on a screen', () => {
    const saved = { x: 2100, y: 80, width: 1600, height: 1000, maximized: false };
    expect(restoreBounds(saved, [SCREEN, RIGHT_SCREEN])).toEqual({ x: 2100, y: 80, width: 1600, height: 1000 });
  });

  it('centres the window, keeping its size, when its screen has been unplugged', () => {
    const saved = { x: 2100, y: 80, width: 1600, height: 1000, maximized: false };
    expect(restoreBounds(saved, [SCREEN])).toEqual({ width: 1600, height: 1000 });
  });

  it('centres a window that only peeks onto the screen by a few pixels', () => {
    const saved = { x: 1900, y: 100, width: 1200, height: 800, maximized: false };
    expect(restoreBounds(saved, [SCREEN])).toEqual({ width: 1200, height: 800 });
  });

  it('shrinks a window larger than the primary screen, but not below the minimum size', () => {
    expect(restoreBounds({ width: 5000, height: 3000, maximized: false }, [SCREEN])).toEqual({ width: 1920, height: 1040 });
    expect(restoreBounds({ width: 300, height: 200, maximized: false }, [SCREEN])).toEqual({ width: MIN_WIDTH, height: MIN_HEIGHT });
  });
});

describe('createMainWindow', () => {
  it('loads the app from app://bundle/index.html with the secure preferences', () => {
    const settings = memorySettings();
    const window = createMainWindow({ BrowserWindow: BrowserWindow as never, workAreas: () => [SCREEN], settings, preloadPath: '/p/preload.cjs' });
    const fake = window as unknown as InstanceType<typeof BrowserWindow>;
    expect(fake.webContents.getURL()).toBe('app://bundle/index.html');
    expect(fake.options.webPreferences).toEqual(secureWebPreferences('/p/preload.cjs'));
  });

  it('shows the window only once it is ready to show', () => {
    const window = createMainWindow({ BrowserWindow: BrowserWindow as never, workAreas: () => [SCREEN], settings: memorySettings(), preloadPath: '/p' });
    const fake = window as unknown as InstanceType<typeof BrowserWindow>;
    expect(fake.isVisible()).toBe(false);
    fake.fakeReadyToShow();
    expect(fake.isVisible()).toBe(true);
  });

  it('saves its size, position and maximized state when closed, and reopens there', () => {
    const settings = memorySettings();
    const first = createMainWindow({ BrowserWindow: BrowserWindow as never, workAreas: () => [SCREEN, RIGHT_SCREEN], settings, preloadPath: '/p' });
    const fakeFirst = first as unknown as InstanceType<typeof BrowserWindow>;
    fakeFirst.setBounds({ x: 2000, y: 50, width: 1700, height: 1100 });
    fakeFirst.maximize();
    fakeFirst.close();
    expect(settings.state.writes).toEqual([{ x: 2000, y: 50, width: 1700, height: 1100, maximized: true }]);

    const second = createMainWindow({ BrowserWindow: BrowserWindow as never, workAreas: () => [SCREEN, RIGHT_SCREEN], settings, preloadPath: '/p' });
    const fakeSecond = second as unknown as InstanceType<typeof BrowserWindow>;
    expect(fakeSecond.getBounds()).toEqual({ x: 2000, y: 50, width: 1700, height: 1100 });
    expect(fakeSecond.isMaximized()).toBe(true);
  });

  it('still closes when the position cannot be saved', () => {
    const log: string[] = [];
    const settings = { getWindowState: () => null, setWindowState: () => { throw new Error('EROFS: read-only file system'); } };
    const window = createMainWindow({ BrowserWindow: BrowserWindow as never, workAreas: () => [SCREEN], settings, preloadPath: '/p', log: (m) => log.push(m) });
    const fake = window as unknown as InstanceType<typeof BrowserWindow>;
    fake.close();
    expect(fake.isDestroyed()).toBe(true);
    expect(log.join('\n')).toContain('EROFS');
  });
});
