import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../fakes/electron.ts'));

import { Menu, resetFakeElectron } from '../../fakes/electron.ts';
import { buildMenuTemplate, installAppMenu, speedLabel, type MenuHandlers } from '../../../electron/main/app-menu.ts';
import { SPEED_PRESETS } from '../../../shared/rpc/engine-protocol.ts';

beforeEach(() => resetFakeElectron());

function recorder() {
  const calls: unknown[][] = [];
  const handlers: MenuHandlers = {
    togglePlay: (w) => calls.push(['togglePlay', w]),
    sendEngineCommand: (w, command) => calls.push(['engine', w, command]),
    sendMenuAction: (w, action) => calls.push(['action', w, action]),
    showAbout: (w) => calls.push(['about', w]),
  };
  return { calls, handlers };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function byId(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const found = items(template).find((item) => item.id === id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
}

const WINDOW = { id: 7 } as BaseWindow;
const click = (item: MenuItemConstructorOptions) => item.click!({} as never, WINDOW, {});
const linux = { appName: 'TokenScope', platform: 'linux' as const, isPackaged: true };

describe('the application menu', () => {
  it('has File, Edit, View and Help on Linux and Windows, plus the app and Window menus on macOS', () => {
    const { handlers } = recorder();
    const labels = (t: MenuItemConstructorOptions[]) => t.map((i) => i.label ?? i.role);
    expect(labels(buildMenuTemplate(handlers, linux))).toEqual(['&File', 'editMenu', '&View', 'help']);
    expect(labels(buildMenuTemplate(handlers, { ...linux, platform: 'darwin' }))).toEqual(['appMenu', '&File', 'editMenu', '&View', 'windowMenu', 'help']);
  });

  it('opens a scenario with Ctrl/Cmd+O through the page, which asks before unsaved notes are replaced', () => {
    const { calls, handlers } = recorder();
    const open = byId(buildMenuTemplate(handlers, linux), 'open-scenario');
    expect(open).toMatchObject({ accelerator: 'CmdOrCtrl+O', registerAccelerator: false });
    click(open);
    expect(calls).toEqual([['action', WINDOW, 'open-scenario']]);
  });

  it('opens a shared link with File → Open Link…, through the page’s own prompt', () => {
    const { calls, handlers } = recorder();
    const template = buildMenuTemplate(handlers, linux);
    const openLink = byId(template, 'open-link');
    expect(openLink.label).toBe('Open Link…');
    // No accelerator: Ctrl/⌘+V on the timeline is the quick way, and the page handles it.
    expect(openLink.accelerator).toBeUndefined();
    const file = items(template.find((m) => m.label === '&File')!.submenu as MenuItemConstructorOptions[]).map((i) => i.id);
    expect(file.indexOf('open-link')).toBe(file.indexOf('open-scenario') + 1);
    click(openLink);
    expect(calls).toEqual([['action', WINDOW, 'open-link']]);
  });

  it('registers no system-wide handler for links: a link opens only where the user pastes it', () => {
    const dir = path.join(import.meta.dirname, '../../../electron/main');
    for (const name of readdirSync(dir)) {
      const source = readFileSync(path.join(dir, name), 'utf8');
      expect(source, name).not.toMatch(/setAsDefaultProtocolClient|['"]open-url['"]/);
    }
  });

  it('toggles play in the clicked window, showing Space without taking it from text fields', () => {
    const { calls, handlers } = recorder();
    const play = byId(buildMenuTemplate(handlers, linux), 'play-pause');
    expect(play).toMatchObject({ accelerator: 'Space', registerAccelerator: false });
    click(play);
    expect(calls).toEqual([['togglePlay', WINDOW]]);
  });

  it('steps and goes back to the start with engine commands', () => {
    const { calls, handlers } = recorder();
    const template = buildMenuTemplate(handlers, linux);
    click(byId(template, 'step'));
    click(byId(template, 'back-to-start'));
    expect(calls).toEqual([
      ['engine', WINDOW, { type: 'step' }],
      ['engine', WINDOW, { type: 'seek', simMs: 0 }],
    ]);
  });

  it('offers every speed preset, each setting that speed', () => {
    const { calls, handlers } = recorder();
    const template = buildMenuTemplate(handlers, linux);
    for (const speed of SPEED_PRESETS) click(byId(template, `speed-${speed}`));
    expect(calls).toEqual(SPEED_PRESETS.map((speed) => ['engine', WINDOW, { type: 'set-speed', speed }]));
    expect(speedLabel(86_400)).toBe('86,400× (a day per second)');
    expect(speedLabel(1)).toBe('1× (real time)');
  });

  it('asks the renderer to zoom to fit', () => {
    const { calls, handlers } = recorder();
    click(byId(buildMenuTemplate(handlers, linux), 'zoom-to-fit'));
    expect(calls).toEqual([['action', WINDOW, 'zoom-to-fit']]);
  });

  it('toggles full screen with Electron’s role', () => {
    const { handlers } = recorder();
    expect(byId(buildMenuTemplate(handlers, linux), 'toggle-full-screen').role).toBe('togglefullscreen');
  });

  it('shows About from Help', () => {
    const { calls, handlers } = recorder();
    const about = byId(buildMenuTemplate(handlers, linux), 'about');
    expect(about.label).toBe('About TokenScope');
    click(about);
    expect(calls).toEqual([['about', WINDOW]]);
  });

  it('registers no accelerator without a modifier (they would steal keys from the kubectl console)', () => {
    const { handlers } = recorder();
    for (const item of items(buildMenuTemplate(handlers, linux))) {
      if (item.accelerator && item.registerAccelerator !== false) expect(item.accelerator, item.id).toMatch(/CmdOrCtrl\+/);
    }
  });

  it.each([
    ['toggle-presentation', 'Presentation Mode', 'F5'],
    ['export', 'Export…', 'CmdOrCtrl+E'],
    ['save-scenario', 'Save Scenario…', 'CmdOrCtrl+S'],
    ['cheat-sheet', 'Keyboard Shortcuts', 'F1'],
  ] as const)('sends %s to the renderer, showing %s with %s but leaving the key to the page', (id, label, accelerator) => {
    const { calls, handlers } = recorder();
    const item = byId(buildMenuTemplate(handlers, linux), id);
    // The renderer handles these keys in both builds; registering them too would run the action twice.
    expect(item).toMatchObject({ label, accelerator, registerAccelerator: false });
    click(item);
    expect(calls).toEqual([['action', WINDOW, id]]);
  });

  it('puts Save and Export in File, Presentation Mode in View and the shortcuts in Help', () => {
    const { handlers } = recorder();
    const template = buildMenuTemplate(handlers, linux);
    const ids = (label: string) => items((template.find((m) => (m.label ?? m.role) === label)!.submenu as MenuItemConstructorOptions[]) ?? []).map((i) => i.id);
    expect(ids('&File')).toEqual(expect.arrayContaining(['open-scenario', 'save-scenario', 'export']));
    expect(ids('&View')).toContain('toggle-presentation');
    expect(ids('help')).toEqual(expect.arrayContaining(['cheat-sheet', 'about']));
  });

  it('has developer tools and reload only in an unpackaged build', () => {
    const { handlers } = recorder();
    const roles = (isPackaged: boolean) => items(buildMenuTemplate(handlers, { ...linux, isPackaged })).map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('becomes the application menu', () => {
    const { handlers } = recorder();
    installAppMenu(Menu as never, handlers, linux);
    expect(Menu.getApplicationMenu()?.getMenuItemById('open-scenario')?.label).toBe('Open Scenario…');
  });
});
