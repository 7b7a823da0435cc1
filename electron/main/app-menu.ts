/**
 * The application menu. Items that drive the simulation send engine commands to the focused window's engine;
 * the items that only the renderer can do (zoom to fit, presentation mode, export, opening and saving a scenario,
 * opening a shared link, the cheat sheet) are pushed to it as menu actions. Opening goes through the renderer so that it asks before
 * unsaved notes are replaced, and takes exported images as well as scenarios, exactly as dropping a file does.
 *
 * Keys the renderer handles itself are only shown here (`registerAccelerator: false`):
 * - Space, "." and Home: the renderer knows when the user is typing in the kubectl console, and registering them
 *   here would steal them from every text field;
 * - F5, F1, Ctrl/Cmd+E, Ctrl/Cmd+O, Ctrl/Cmd+S and Ctrl/Cmd+0: the browser build has no menu, so the renderer listens for them
 *   anyway (Ctrl/Cmd+0 also resets the type size in presentation mode), and
 *   a registered accelerator would fire the action a second time. F5 must also reach the page as a key press: the
 *   Fullscreen API only answers a page that has just had a user gesture, which a menu message is not.
 */
import type { BaseWindow, Menu, MenuItemConstructorOptions } from 'electron';
import { SPEED_PRESETS, type EngineCommand } from '../../shared/rpc/engine-protocol.ts';
import type { MenuAction } from '../../shared/ipc/ipc-contract.ts';

export interface MenuHandlers {
  togglePlay(window: BaseWindow | undefined): void;
  sendEngineCommand(window: BaseWindow | undefined, command: EngineCommand): void;
  sendMenuAction(window: BaseWindow | undefined, action: MenuAction): void;
  showAbout(window: BaseWindow | undefined): void;
}

export interface MenuEnvironment {
  appName: string;
  platform: NodeJS.Platform;
  /** Developer tools and reload only outside a packaged build. */
  isPackaged: boolean;
}

const SPEED_MEANINGS: Record<number, string> = {
  1: 'real time',
  60: 'a minute per second',
  600: 'ten minutes per second',
  3600: 'an hour per second',
  86_400: 'a day per second',
};

export function speedLabel(speed: number): string {
  const meaning = SPEED_MEANINGS[speed];
  return `${speed.toLocaleString('en-US')}×${meaning ? ` (${meaning})` : ''}`;
}

export function buildMenuTemplate(handlers: MenuHandlers, env: MenuEnvironment): MenuItemConstructorOptions[] {
  const isMac = env.platform === 'darwin';
  const engine = (command: EngineCommand): MenuItemConstructorOptions['click'] => (_item, window) =>
    handlers.sendEngineCommand(window, command);
  const action = (id: MenuAction, label: string, accelerator?: string): MenuItemConstructorOptions => ({
    id,
    label,
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
    click: (_item, window) => handlers.sendMenuAction(window, id),
  });

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      action('open-scenario', 'Open Scenario…', 'CmdOrCtrl+O'),
      // A link someone shared, pasted into the app's own prompt: TokenScope registers no protocol handler with the OS.
      action('open-link', 'Open Link…'),
      action('save-scenario', 'Save Scenario…', 'CmdOrCtrl+S'),
      { type: 'separator' },
      action('export', 'Export…', 'CmdOrCtrl+E'),
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      {
        id: 'play-pause',
        label: 'Play / Pause',
        accelerator: 'Space',
        registerAccelerator: false,
        click: (_item, window) => handlers.togglePlay(window),
      },
      { id: 'step', label: 'Step to Next Event', accelerator: '.', registerAccelerator: false, click: engine({ type: 'step' }) },
      { id: 'back-to-start', label: 'Back to Start', accelerator: 'Home', registerAccelerator: false, click: engine({ type: 'seek', simMs: 0 }) },
      {
        id: 'speed',
        label: 'Speed',
        submenu: SPEED_PRESETS.map((speed) => ({ id: `speed-${speed}`, label: speedLabel(speed), click: engine({ type: 'set-speed', speed }) })),
      },
      { type: 'separator' },
      action('zoom-to-fit', 'Zoom to Fit', 'CmdOrCtrl+0'),
      { type: 'separator' },
      action('toggle-presentation', 'Presentation Mode', 'F5'),
      { id: 'toggle-full-screen', role: 'togglefullscreen' },
      ...(env.isPackaged ? [] : ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[])),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      action('cheat-sheet', 'Keyboard Shortcuts', 'F1'),
      { type: 'separator' },
      { id: 'about', label: `About ${env.appName}`, click: (_item, window) => handlers.showAbout(window) },
    ],
  };

  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    file,
    // Without an Edit menu, macOS has no copy and paste in the kubectl console.
    { role: 'editMenu' },
    view,
    ...(isMac ? [{ role: 'windowMenu' } as MenuItemConstructorOptions] : []),
    help,
  ];
}

export function installAppMenu(
  menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>,
  handlers: MenuHandlers,
  env: MenuEnvironment,
): Menu {
  const built = menu.buildFromTemplate(buildMenuTemplate(handlers, env));
  menu.setApplicationMenu(built);
  return built;
}
