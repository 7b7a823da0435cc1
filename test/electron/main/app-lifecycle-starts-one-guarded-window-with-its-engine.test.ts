import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../fakes/electron.ts'));

import {
  app,
  BrowserWindow,
  clipboard,
  contextBridge,
  dialog,
  fakeEvent,
  ipcMain,
  ipcRenderer,
  Menu,
  protocol,
  resetFakeElectron,
  session,
} from '../../fakes/electron.ts';
import { startApp } from '../../../electron/main/app-lifecycle.ts';
import { IpcChannel, type TokenScopeBridge } from '../../../shared/ipc/ipc-contract.ts';
import type { EngineMessage } from '../../../shared/rpc/engine-protocol.ts';

const SCENARIO_FILE = path.join(import.meta.dirname, '../../../assets/scenarios/side-by-side.yaml');

let appDir: string;
let userData: string;

beforeEach(() => {
  resetFakeElectron();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  appDir = mkdtempSync(path.join(tmpdir(), 'tokenscope-app-'));
  userData = mkdtempSync(path.join(tmpdir(), 'tokenscope-user-'));
  mkdirSync(path.join(appDir, 'dist', 'renderer'), { recursive: true });
  writeFileSync(path.join(appDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>TokenScope</title>');
  app.appPath = appDir;
  app.setPath('userData', userData);
});

afterEach(() => {
  for (const window of BrowserWindow.getAllWindows()) window.close();
  vi.useRealTimers();
  rmSync(appDir, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
});

const quiet = { log: () => {} };

async function started(platform: NodeJS.Platform = 'linux') {
  const started = startApp({ platform, ...quiet });
  if (!started) throw new Error('expected the lock');
  await app.fakeReady();
  await started.ready;
  const window = BrowserWindow.getAllWindows()[0]!;
  return { ...started, window };
}

describe('before the app is ready', () => {
  it('quits at once when another instance holds the single-instance lock', () => {
    app.fakeLockAvailable = false;
    expect(startApp(quiet)).toBeNull();
    expect(app.quitCount).toBe(1);
    expect(protocol.privilegedSchemes).toEqual([]);
  });

  it('sandboxes every renderer and registers app:// as a privileged scheme', () => {
    startApp(quiet);
    expect(app.sandboxEnabled).toBe(true);
    expect(protocol.privilegedSchemes.map((s) => s.scheme)).toEqual(['app']);
    expect(BrowserWindow.getAllWindows()).toEqual([]);
  });
});

describe('once ready', () => {
  it('opens one window on app://bundle/index.html with the bundled preload', async () => {
    const { window } = await started();
    expect(BrowserWindow.getAllWindows()).toHaveLength(1);
    expect(window.webContents.getURL()).toBe('app://bundle/index.html');
    expect((window.options.webPreferences as { preload: string }).preload).toBe(path.join(appDir, 'dist', 'electron', 'preload.cjs'));
  });

  it('serves dist/renderer over app:// with the CSP header', async () => {
    await started();
    const response = await protocol.fakeRequest('app://bundle/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval';");
  });

  it('guards the session and the window', async () => {
    const { window } = await started();
    expect(session.defaultSession.fakeRequestPermission('media')).toBe(false);
    expect(window.webContents.fakeNavigate('https://example.com/')).toBe(true);
    expect(window.webContents.fakeWindowOpen('https://example.com/')).toBe('deny');
  });

  it('registers the IPC handlers and the menu', async () => {
    await started();
    expect(ipcMain.handlers.has(IpcChannel.EngineCommand)).toBe(true);
    expect(Menu.getApplicationMenu()?.getMenuItemById('open-scenario')).not.toBeNull();
  });
});

describe('windows and instances', () => {
  it('quits when the last window closes on Linux and Windows', async () => {
    const { window } = await started('linux');
    window.close();
    expect(app.quitCount).toBe(1);
  });

  it('stays running when the last window closes on macOS, and reopens a window on activate', async () => {
    const { window } = await started('darwin');
    window.close();
    expect(app.quitCount).toBe(0);
    app.emit('activate');
    expect(BrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('restores and focuses the existing window when a second instance starts', async () => {
    const { window } = await started();
    window.minimize();
    window.focused = false;
    app.emit('second-instance', {}, ['tokenscope'], '/');
    expect(window.isMinimized()).toBe(false);
    expect(window.isFocused()).toBe(true);
  });

  it('remembers the window’s place in the settings file when it closes', async () => {
    const { window } = await started();
    window.setBounds({ x: 40, y: 30, width: 1280, height: 800 });
    window.close();
    const saved = JSON.parse(readFileSync(path.join(userData, 'settings.json'), 'utf8'));
    expect(saved.window).toEqual({ x: 40, y: 30, width: 1280, height: 800, maximized: false });
  });

  it('stops the window’s engine when the window closes', async () => {
    const { window } = await started();
    ipcRenderer.sender = window.webContents;
    await ipcRenderer.invoke(IpcChannel.EngineCommand, { type: 'load', scenarioText: readFileSync(SCENARIO_FILE, 'utf8'), sourceName: 's.yaml' });
    await ipcRenderer.invoke(IpcChannel.EngineCommand, { type: 'play' });
    window.close();
    await vi.advanceTimersByTimeAsync(1000);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('from the preload to the engine and back', () => {
  // The preload runs once per page load; module caching means once per test file here, so keep what it exposed.
  let exposed: TokenScopeBridge | undefined;

  async function withBridge() {
    const result = await started();
    ipcRenderer.sender = result.window.webContents;
    if (!exposed) {
      await import('../../../electron/preload/preload.ts');
      exposed = contextBridge.exposed.get('tokenscope') as TokenScopeBridge;
    }
    const bridge = exposed;
    const received: EngineMessage[] = [];
    bridge.onEngineMessage((message) => received.push(message));
    return { ...result, bridge, received };
  }

  it('loads and plays a scenario sent through the bridge, and the progress comes back through it', async () => {
    const { bridge, received } = await withBridge();
    const text = readFileSync(SCENARIO_FILE, 'utf8');
    expect(await bridge.sendEngineCommand({ type: 'load', scenarioText: text, sourceName: 'side-by-side.yaml' })).toEqual({ ok: true, value: null });
    expect(await bridge.sendEngineCommand({ type: 'play' })).toEqual({ ok: true, value: null });
    await vi.advanceTimersByTimeAsync(500);

    expect(received[0]).toMatchObject({ type: 'loaded', scenario: { name: 'side-by-side' } });
    const progress = received.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.at(-1)).toMatchObject({ playing: true });
  });

  it('toggles play from the View menu in the same engine', async () => {
    const { window, bridge, received } = await withBridge();
    await bridge.sendEngineCommand({ type: 'load', scenarioText: readFileSync(SCENARIO_FILE, 'utf8'), sourceName: 's.yaml' });
    const play = Menu.getApplicationMenu()!.getMenuItemById('play-pause')!;
    play.click!({}, window, {});
    await vi.advanceTimersByTimeAsync(200);
    expect(received.filter((m) => m.type === 'progress').at(-1)).toMatchObject({ playing: true });
    play.click!({}, window, {});
    await vi.advanceTimersByTimeAsync(200);
    expect(received.filter((m) => m.type === 'progress').at(-1)).toMatchObject({ playing: false });
  });

  it('hands File > Open to the page, which opens files as a drop does and asks first about unsaved notes', async () => {
    const { window, bridge } = await withBridge();
    const actions: string[] = [];
    bridge.onMenuAction((action) => actions.push(action));
    Menu.getApplicationMenu()!.getMenuItemById('open-scenario')!.click!({}, window, {});
    expect(actions).toEqual(['open-scenario']);
    expect(dialog.fakeOpenCalls).toEqual([]);
  });

  it('asks before a window whose page has unsaved notes closes or reloads, and lets it go only on Leave', async () => {
    const { window } = await started();
    dialog.fakeAnswerMessageBox(1);
    const stay = fakeEvent();
    window.webContents.emit('will-prevent-unload', stay);
    expect(stay.defaultPrevented).toBe(false);
    dialog.fakeAnswerMessageBox(0);
    const leave = fakeEvent();
    window.webContents.emit('will-prevent-unload', leave);
    expect(leave.defaultPrevented).toBe(true);
    expect(dialog.fakeMessageBoxes.map((box) => box.buttons)).toEqual([
      ['Leave without saving', 'Stay'],
      ['Leave without saving', 'Stay'],
    ]);
    expect(dialog.fakeMessageBoxes[0]).toMatchObject({ defaultId: 1, cancelId: 1, message: 'This scenario has notes you have not saved.' });
  });

  it('starts a fresh engine when the page reloads', async () => {
    const { window, bridge, received } = await withBridge();
    await bridge.sendEngineCommand({ type: 'load', scenarioText: readFileSync(SCENARIO_FILE, 'utf8'), sourceName: 's.yaml' });
    window.webContents.reload();
    await vi.advanceTimersByTimeAsync(100);
    const before = received.length;
    await bridge.sendEngineCommand({ type: 'play' });
    await vi.advanceTimersByTimeAsync(500);
    expect(received.length).toBe(before);
  });

  it('sends Zoom to Fit to the renderer as a menu action', async () => {
    const { window, bridge } = await withBridge();
    const actions: string[] = [];
    bridge.onMenuAction((action) => actions.push(action));
    Menu.getApplicationMenu()!.getMenuItemById('zoom-to-fit')!.click!({}, window, {});
    expect(actions).toEqual(['zoom-to-fit']);
  });

  it('keeps lesson progress in lesson-progress.json in the user-data folder, across a restart', async () => {
    const { bridge } = await withBridge();
    const progress = { stepId: 'rotation', completed: ['welcome'], quizzes: {} };
    expect(await bridge.setLessonProgress('projected-tokens', progress)).toEqual({ ok: true, value: null });
    expect(JSON.parse(readFileSync(path.join(userData, 'lesson-progress.json'), 'utf8')).lessons).toEqual({ 'projected-tokens': progress });
    expect(await bridge.getLessonProgress('projected-tokens')).toEqual({ ok: true, value: progress });
  });

  it('saves a file where the user chose in the save dialog, and copies a caption to the clipboard', async () => {
    const { bridge } = await withBridge();
    const target = path.join(userData, 'figure.svg');
    dialog.fakeAnswerSave({ canceled: false, filePath: target });
    expect(await bridge.saveFile({ suggestedName: 'figure.svg', mimeType: 'image/svg+xml', data: '<svg/>' })).toEqual({ ok: true, value: { saved: true, where: target } });
    expect(readFileSync(target, 'utf8')).toBe('<svg/>');
    expect(dialog.fakeSaveCalls[0]?.options.defaultPath).toBe(path.join('/fake/home/Documents', 'figure.svg'));

    expect(await bridge.writeClipboard({ mimeType: 'text/plain', data: 'Projected token rotated at 48 m' })).toEqual({ ok: true, value: null });
    expect(await clipboard.readText()).toBe('Projected token rotated at 48 m');
  });

  it('sends the presentation, export, save and cheat-sheet menu items to the renderer', async () => {
    const { window, bridge } = await withBridge();
    const actions: string[] = [];
    bridge.onMenuAction((action) => actions.push(action));
    for (const id of ['toggle-presentation', 'export', 'save-scenario', 'cheat-sheet']) Menu.getApplicationMenu()!.getMenuItemById(id)!.click!({}, window, {});
    expect(actions).toEqual(['toggle-presentation', 'export', 'save-scenario', 'cheat-sheet']);
  });

  it('shows About with the app’s name and version', async () => {
    const { window } = await withBridge();
    Menu.getApplicationMenu()!.getMenuItemById('about')!.click!({}, window, {});
    expect(dialog.fakeMessageBoxes[0]).toMatchObject({ title: 'About TokenScope', message: 'TokenScope 0.1.0' });
  });
});

describe('settings that could not be read', () => {
  it('are not set aside in silence: the first window tells the user where the old file went', async () => {
    writeFileSync(path.join(userData, 'settings.json'), '{"version":1,"user":{"theme":"dark"');
    const { window } = await started();
    expect(dialog.fakeMessageBoxes).toEqual([]);
    window.fakeReadyToShow();
    expect(dialog.fakeMessageBoxes).toHaveLength(1);
    expect(dialog.fakeMessageBoxes[0]).toMatchObject({
      type: 'warning',
      message: 'Your settings could not be read, so TokenScope started without them',
      detail: expect.stringMatching(/^The file is damaged \(.+\)\. It was moved aside, not deleted: .*settings\.corrupt-\d+\.json\.$/),
    });
  });

  it('say nothing when they loaded whole', async () => {
    const { window } = await started();
    window.fakeReadyToShow();
    expect(dialog.fakeMessageBoxes).toEqual([]);
  });
});
