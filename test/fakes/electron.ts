/**
 * A fake `electron` module for tests that run in plain Node, where the real one cannot load (no Electron binary).
 * Inject it with `vi.mock('electron', () => import('../../fakes/electron.ts'))`.
 *
 * It covers what the main process and the preload use: app, BrowserWindow (with webContents, frames and
 * navigation), ipcMain/ipcRenderer (wired to each other, so a preload call reaches the registered main handler),
 * contextBridge, protocol, session, Menu, dialog, screen, shell, net, clipboard (with ClipboardItem) and nativeImage. Objects are singletons mutated in place by
 * `resetFakeElectron()`, so module-level imports stay valid between tests.
 * Helpers that tests call but Electron has not are prefixed `fake`.
 */
import { EventEmitter } from 'node:events';

// ---------------------------------------------------------------------------------------------------------------
// Events

/** The object Electron passes to cancellable events (`event.preventDefault()`), with the event's details merged in. */
export function fakeEvent<T extends object>(details: T = {} as T): T & { defaultPrevented: boolean; preventDefault(): void } {
  const event = {
    ...details,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

// ---------------------------------------------------------------------------------------------------------------
// Frames, webContents, windows

let nextProcessId = 100;
let nextFrameToken = 1;

export class FakeWebFrameMain {
  readonly frameToken = `frame-${nextFrameToken++}`;
  readonly routingId = nextFrameToken;
  parent: FakeWebFrameMain | null = null;
  readonly frames: FakeWebFrameMain[] = [];
  detached = false;

  constructor(
    public url: string,
    public readonly processId: number = nextProcessId++,
  ) {}

  get origin(): string {
    try {
      return new URL(this.url).origin;
    } catch {
      return 'null';
    }
  }

  /** A child frame (an <iframe>) of this one. */
  fakeAddChild(url: string): FakeWebFrameMain {
    const child = new FakeWebFrameMain(url, this.processId);
    child.parent = this;
    this.frames.push(child);
    return child;
  }

  isDestroyed(): boolean {
    return this.detached;
  }
}

type WindowOpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => { action: 'allow' | 'deny' };

let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  mainFrame = new FakeWebFrameMain('about:blank');
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: WindowOpenHandler | undefined;
  destroyed = false;
  devToolsOpened = false;
  readonly session = session.defaultSession;

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
    // The page whose preload runs in this test (ipcRenderer.sender) hears what main sends to it.
    if (ipcRenderer.sender === this) ipcRenderer.fakeReceive(channel, ...args);
  }

  /** Payloads pushed on one channel, in order. */
  fakeSentOn(channel: string): unknown[] {
    return this.sent.filter((m) => m.channel === channel).map((m) => m.args[0]);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  async loadURL(url: string): Promise<void> {
    this.emit('did-start-navigation', fakeEvent({ url, isSameDocument: false, isMainFrame: true, frame: this.mainFrame }), url);
    this.mainFrame = new FakeWebFrameMain(url);
    this.emit('did-navigate', fakeEvent(), url);
    this.emit('did-finish-load');
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** What the page's `window.open(url)` would get: the handler's answer ('allow' when none is set, as in Electron). */
  fakeWindowOpen(url: string): 'allow' | 'deny' {
    return this.windowOpenHandler?.({ url, frameName: '', features: '', disposition: 'new-window' }).action ?? 'allow';
  }

  /** A navigation the page starts; returns true when a guard prevented it. */
  fakeNavigate(url: string, eventName: 'will-navigate' | 'will-frame-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const event = fakeEvent({ url, isSameDocument: false, isMainFrame: true, frame: this.mainFrame });
    this.emit(eventName, event, url);
    if (!event.defaultPrevented && eventName !== 'will-redirect') this.mainFrame.url = url;
    return event.defaultPrevented;
  }

  /** A <webview> the page tries to attach; returns true when a guard prevented it. */
  fakeAttachWebview(src: string): boolean {
    const event = fakeEvent();
    this.emit('will-attach-webview', event, { nodeIntegration: false }, { src });
    return event.defaultPrevented;
  }

  reload(): void {
    void this.loadURL(this.mainFrame.url);
  }

  openDevTools(): void {
    this.devToolsOpened = true;
  }

  toggleDevTools(): void {
    this.devToolsOpened = !this.devToolsOpened;
  }

  fakeDestroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export interface FakeBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

let nextWindowId = 1;

export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];

  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }

  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.getAllWindows().find((w) => w.focused) ?? null;
  }

  static fromWebContents(contents: FakeWebContents): FakeBrowserWindow | null {
    return FakeBrowserWindow.getAllWindows().find((w) => w.webContents === contents) ?? null;
  }

  static fromId(id: number): FakeBrowserWindow | null {
    return FakeBrowserWindow.getAllWindows().find((w) => w.id === id) ?? null;
  }

  readonly id = nextWindowId++;
  readonly webContents = new FakeWebContents();
  readonly options: Record<string, unknown>;
  bounds: FakeBounds;
  maximized = false;
  minimized = false;
  fullScreen = false;
  visible = false;
  focused = false;
  destroyed = false;

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    this.bounds = {
      x: typeof options.x === 'number' ? options.x : 100,
      y: typeof options.y === 'number' ? options.y : 100,
      width: typeof options.width === 'number' ? options.width : 800,
      height: typeof options.height === 'number' ? options.height : 600,
    };
    this.visible = options.show !== false;
    FakeBrowserWindow.instances.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
    app.emit('browser-window-created', fakeEvent(), this);
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  show(): void {
    this.visible = true;
    this.focused = true;
  }

  isVisible(): boolean {
    return this.visible;
  }

  focus(): void {
    this.focused = true;
  }

  isFocused(): boolean {
    return this.focused;
  }

  minimize(): void {
    this.minimized = true;
  }

  restore(): void {
    this.minimized = false;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  maximize(): void {
    this.maximized = true;
  }

  unmaximize(): void {
    this.maximized = false;
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  setFullScreen(flag: boolean): void {
    this.fullScreen = flag;
  }

  isFullScreen(): boolean {
    return this.fullScreen;
  }

  getBounds(): FakeBounds {
    return { ...this.bounds };
  }

  getNormalBounds(): FakeBounds {
    return { ...this.bounds };
  }

  setBounds(bounds: Partial<FakeBounds>): void {
    this.bounds = { ...this.bounds, ...bounds };
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Closes as Electron does: 'close' (cancellable), then 'closed', then the window is gone. */
  close(): void {
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.fakeDestroy();
    this.emit('closed');
    if (FakeBrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
  }

  /** Makes the window 'ready-to-show' as if the page had painted. */
  fakeReadyToShow(): void {
    this.emit('ready-to-show');
  }
}

// ---------------------------------------------------------------------------------------------------------------
// IPC

type InvokeListener = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  handleOnce(channel: string, listener: InvokeListener): void {
    this.handle(channel, (event, ...args) => {
      this.handlers.delete(channel);
      return listener(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** Calls the handler as Electron would for `ipcRenderer.invoke` from `event`'s frame; a thrown error rejects. */
  async fakeInvoke(channel: string, event: FakeInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

export interface FakeInvokeEvent {
  sender: FakeWebContents;
  senderFrame: FakeWebFrameMain | null;
  processId: number;
  frameId: number;
  type: 'frame';
}

/** The invoke event Electron would build for a message from `frame` (by default the window's main frame). */
export function fakeInvokeEvent(sender: FakeWebContents, frame: FakeWebFrameMain | null = sender.mainFrame): FakeInvokeEvent {
  return { sender, senderFrame: frame, processId: frame?.processId ?? -1, frameId: frame?.routingId ?? -1, type: 'frame' };
}

class FakeIpcRenderer extends EventEmitter {
  readonly invocations: { channel: string; args: unknown[] }[] = [];
  /** The page this renderer belongs to; invokes reach ipcMain as if sent from its main frame. */
  sender: FakeWebContents | undefined;

  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    // Electron structured-clones arguments; cloning here catches payloads that could not cross for real.
    const cloned = structuredClone(args);
    const sender = this.sender ?? new FakeWebContents();
    return ipcMain.fakeInvoke(channel, fakeInvokeEvent(sender), ...cloned);
  }

  send(channel: string, ...args: unknown[]): void {
    this.invocations.push({ channel, args });
    ipcMain.emit(channel, fakeInvokeEvent(this.sender ?? new FakeWebContents()), ...structuredClone(args));
  }

  /** A push from the main process: listeners get (event, payload) as in Electron. */
  fakeReceive(channel: string, ...args: unknown[]): void {
    this.emit(channel, { sender: this, senderId: 0, ports: [] }, ...structuredClone(args));
  }
}

class FakeContextBridge {
  readonly exposed = new Map<string, unknown>();

  exposeInMainWorld(apiKey: string, api: unknown): void {
    if (this.exposed.has(apiKey)) throw new Error(`Cannot bind an API on top of an existing property on the window object`);
    this.exposed.set(apiKey, api);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Protocol, session, net

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

class FakeProtocol {
  readonly privilegedSchemes: { scheme: string; privileges?: Record<string, boolean> }[] = [];
  readonly handlers = new Map<string, ProtocolHandler>();

  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]): void {
    if (app.fakeIsReady) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    this.privilegedSchemes.push(...schemes);
  }

  handle(scheme: string, handler: ProtocolHandler): void {
    if (this.handlers.has(scheme)) throw new Error(`The scheme has been registered: ${scheme}`);
    this.handlers.set(scheme, handler);
  }

  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }

  /** A request the page makes for `url`, answered by the registered handler. */
  async fakeRequest(url: string, init?: RequestInit): Promise<Response> {
    const scheme = url.slice(0, url.indexOf(':'));
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME ${url}`);
    return handler(new Request(url, init));
  }
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

class FakeWebRequest {
  readonly beforeRequest: { filter: { urls: string[] } | undefined; listener: BeforeRequestListener }[] = [];

  onBeforeRequest(filterOrListener: { urls: string[] } | BeforeRequestListener | null, maybeListener?: BeforeRequestListener): void {
    if (typeof filterOrListener === 'function') this.beforeRequest.push({ filter: undefined, listener: filterOrListener });
    else if (maybeListener) this.beforeRequest.push({ filter: filterOrListener ?? undefined, listener: maybeListener });
  }

  /** Whether a request for `url` is cancelled by a listener whose filter matches it (match patterns, simplified). */
  fakeIsCancelled(url: string): boolean {
    for (const { filter, listener } of this.beforeRequest) {
      if (filter && !filter.urls.some((pattern) => matchPattern(pattern, url))) continue;
      let cancelled = false;
      listener({ url }, (response) => (cancelled = response.cancel === true));
      if (cancelled) return true;
    }
    return false;
  }
}

function matchPattern(pattern: string, url: string): boolean {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`).test(url);
}

class FakeSession extends EventEmitter {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  displayMediaRequestHandler: ((request: unknown, callback: (streams: unknown) => void) => void) | null = null;
  webRequest = new FakeWebRequest();
  readonly protocol = protocol;
  spellCheckerEnabled = true;

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: FakeSession['devicePermissionHandler']): void {
    this.devicePermissionHandler = handler;
  }

  setDisplayMediaRequestHandler(handler: FakeSession['displayMediaRequestHandler']): void {
    this.displayMediaRequestHandler = handler;
  }

  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellCheckerEnabled = enabled;
  }

  /** What a page asking for `permission` gets. Electron grants everything when no handler is set. */
  fakeRequestPermission(permission: string, contents: unknown = null): boolean {
    if (!this.permissionRequestHandler) return true;
    let granted: boolean | undefined;
    this.permissionRequestHandler(contents, permission, (answer) => (granted = answer), { requestingUrl: 'app://bundle/' });
    if (granted === undefined) throw new Error(`permission handler never answered for ${permission}`);
    return granted;
  }

  fakeCheckPermission(permission: string, origin = 'app://bundle'): boolean {
    return this.permissionCheckHandler ? this.permissionCheckHandler(null, permission, origin, {}) : true;
  }

  fakeResetState(): void {
    this.permissionRequestHandler = null;
    this.permissionCheckHandler = null;
    this.devicePermissionHandler = null;
    this.displayMediaRequestHandler = null;
    this.webRequest = new FakeWebRequest();
    this.spellCheckerEnabled = true;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// App

class FakeApp extends EventEmitter {
  fakeIsReady = false;
  isPackaged = false;
  name = 'TokenScope';
  version = '0.1.0';
  appPath = '/fake/app';
  /** Whether this process gets the single-instance lock (false: another instance holds it). */
  fakeLockAvailable = true;
  quitCount = 0;
  sandboxEnabled = false;
  readonly paths = new Map<string, string>([
    ['userData', '/fake/user-data'],
    ['home', '/fake/home'],
    ['temp', '/tmp'],
    ['documents', '/fake/home/Documents'],
  ]);
  private readyWaiters: (() => void)[] = [];

  requestSingleInstanceLock(): boolean {
    return this.fakeLockAvailable;
  }

  hasSingleInstanceLock(): boolean {
    return this.fakeLockAvailable;
  }

  quit(): void {
    this.quitCount++;
    this.emit('before-quit', fakeEvent());
  }

  exit(): void {
    this.quitCount++;
  }

  enableSandbox(): void {
    if (this.fakeIsReady) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.sandboxEnabled = true;
  }

  isReady(): boolean {
    return this.fakeIsReady;
  }

  whenReady(): Promise<void> {
    return this.fakeIsReady ? Promise.resolve() : new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Emits 'ready' and resolves whenReady(), then lets the promise callbacks run. */
  async fakeReady(): Promise<void> {
    this.fakeIsReady = true;
    this.emit('ready', fakeEvent(), {});
    for (const resolve of this.readyWaiters.splice(0)) resolve();
    await new Promise((resolve) => setImmediate(resolve));
  }

  getName(): string {
    return this.name;
  }

  getVersion(): string {
    return this.version;
  }

  getAppPath(): string {
    return this.appPath;
  }

  getPath(name: string): string {
    const value = this.paths.get(name);
    if (value === undefined) throw new Error(`Failed to get '${name}' path`);
    return value;
  }

  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }

  setAboutPanelOptions(): void {}

  showAboutPanel(): void {}

  fakeResetState(): void {
    this.removeAllListeners();
    this.fakeIsReady = false;
    this.isPackaged = false;
    this.fakeLockAvailable = true;
    this.quitCount = 0;
    this.sandboxEnabled = false;
    this.readyWaiters = [];
    this.appPath = '/fake/app';
    this.paths.set('userData', '/fake/user-data');
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Menu, dialog, screen, shell, net

export interface FakeMenuItemOptions {
  id?: string;
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  registerAccelerator?: boolean;
  click?: (item: unknown, window: unknown, event: unknown) => void;
  submenu?: FakeMenuItemOptions[] | FakeMenu;
}

export class FakeMenu {
  constructor(readonly items: FakeMenuItemOptions[] = []) {}

  /** Depth-first search by id, through submenus. */
  getMenuItemById(id: string): FakeMenuItemOptions | null {
    const visit = (items: FakeMenuItemOptions[]): FakeMenuItemOptions | null => {
      for (const item of items) {
        if (item.id === id) return item;
        const sub = item.submenu instanceof FakeMenu ? item.submenu.items : item.submenu;
        const found = sub ? visit(sub) : null;
        if (found) return found;
      }
      return null;
    };
    return visit(this.items);
  }
}

const menu = {
  applicationMenu: null as FakeMenu | null,
  buildFromTemplate(template: FakeMenuItemOptions[]): FakeMenu {
    return new FakeMenu(template);
  },
  setApplicationMenu(value: FakeMenu | null): void {
    menu.applicationMenu = value;
  },
  getApplicationMenu(): FakeMenu | null {
    return menu.applicationMenu;
  },
};

interface OpenDialogAnswer {
  canceled: boolean;
  filePaths: string[];
}

interface SaveDialogAnswer {
  canceled: boolean;
  filePath: string;
}

const dialogState = {
  openAnswers: [] as OpenDialogAnswer[],
  openCalls: [] as { window: unknown; options: Record<string, unknown> }[],
  saveAnswers: [] as SaveDialogAnswer[],
  saveCalls: [] as { window: unknown; options: Record<string, unknown> }[],
  messageBoxes: [] as Record<string, unknown>[],
  /** What the next showMessageBoxSync answers (the button index; 0 when the queue is empty). */
  syncAnswers: [] as number[],
  errorBoxes: [] as { title: string; content: string }[],
};

export const dialog = {
  /** Queue what the next showOpenDialog answers (canceled when the queue is empty). */
  fakeAnswerOpen(answer: OpenDialogAnswer): void {
    dialogState.openAnswers.push(answer);
  },
  get fakeOpenCalls() {
    return dialogState.openCalls;
  },
  /** Queue what the next showSaveDialog answers (canceled when the queue is empty). */
  fakeAnswerSave(answer: SaveDialogAnswer): void {
    dialogState.saveAnswers.push(answer);
  },
  get fakeSaveCalls() {
    return dialogState.saveCalls;
  },
  get fakeMessageBoxes() {
    return dialogState.messageBoxes;
  },
  get fakeErrorBoxes() {
    return dialogState.errorBoxes;
  },
  async showOpenDialog(windowOrOptions: unknown, maybeOptions?: Record<string, unknown>): Promise<OpenDialogAnswer> {
    const options = (maybeOptions ?? windowOrOptions) as Record<string, unknown>;
    dialogState.openCalls.push({ window: maybeOptions ? windowOrOptions : undefined, options });
    return dialogState.openAnswers.shift() ?? { canceled: true, filePaths: [] };
  },
  async showSaveDialog(windowOrOptions: unknown, maybeOptions?: Record<string, unknown>): Promise<SaveDialogAnswer> {
    const options = (maybeOptions ?? windowOrOptions) as Record<string, unknown>;
    dialogState.saveCalls.push({ window: maybeOptions ? windowOrOptions : undefined, options });
    return dialogState.saveAnswers.shift() ?? { canceled: true, filePath: '' };
  },
  async showMessageBox(windowOrOptions: unknown, maybeOptions?: Record<string, unknown>) {
    dialogState.messageBoxes.push((maybeOptions ?? windowOrOptions) as Record<string, unknown>);
    return { response: 0, checkboxChecked: false };
  },
  /** Queue the button the next showMessageBoxSync answers with. */
  fakeAnswerMessageBox(button: number): void {
    dialogState.syncAnswers.push(button);
  },
  showMessageBoxSync(windowOrOptions: unknown, maybeOptions?: Record<string, unknown>): number {
    dialogState.messageBoxes.push((maybeOptions ?? windowOrOptions) as Record<string, unknown>);
    return dialogState.syncAnswers.shift() ?? 0;
  },
  showErrorBox(title: string, content: string): void {
    dialogState.errorBoxes.push({ title, content });
  },
};

const screenState = {
  displays: [] as { id: number; bounds: FakeBounds; workArea: FakeBounds; scaleFactor: number }[],
};

function defaultDisplays() {
  return [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, scaleFactor: 1 }];
}

export const screen = {
  fakeSetDisplays(displays: typeof screenState.displays): void {
    screenState.displays = displays;
  },
  getAllDisplays() {
    if (!app.fakeIsReady) throw new Error("The 'screen' module can't be used before the app 'ready' event");
    return screenState.displays;
  },
  getPrimaryDisplay() {
    return screen.getAllDisplays()[0]!;
  },
};

export const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> {
    shell.opened.push(url);
  },
  async openPath(): Promise<string> {
    return '';
  },
};

export const net = {
  /** The app is offline by design: any real fetch from main in a test is a bug. */
  async fetch(url: string): Promise<Response> {
    throw new Error(`net.fetch(${url}) is not available in tests`);
  },
};

/** Electron's W3C-style clipboard entry: MIME type → string or Blob. */
export class FakeClipboardItem {
  constructor(readonly items: Record<string, string | Blob>) {}

  get types(): string[] {
    return Object.keys(this.items);
  }

  async getType(type: string): Promise<Blob> {
    const value = this.items[type];
    if (value === undefined) throw new Error(`NotFoundError: ${type}`);
    return typeof value === 'string' ? new Blob([value], { type }) : value;
  }
}

export const clipboard = {
  /** What the system clipboard holds after the last write. */
  fakeContents: [] as FakeClipboardItem[],
  /** When set, the next writes reject with this error, as a clipboard owned by another app might. */
  fakeFailure: undefined as Error | undefined,
  async write(items: FakeClipboardItem[]): Promise<void> {
    if (clipboard.fakeFailure) throw clipboard.fakeFailure;
    clipboard.fakeContents = [...items];
  },
  async writeText(text: string): Promise<void> {
    await clipboard.write([new FakeClipboardItem({ 'text/plain': text })]);
  },
  async readText(): Promise<string> {
    const item = clipboard.fakeContents.find((i) => typeof i.items['text/plain'] === 'string');
    return (item?.items['text/plain'] as string | undefined) ?? '';
  },
};

/** Does not really decode: an image is empty unless its bytes start with the PNG signature and go on past it. */
export const nativeImage = {
  createFromBuffer(buffer: Uint8Array) {
    const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    const looksLikePng = buffer.byteLength > signature.length && signature.every((b, i) => buffer[i] === b);
    return { isEmpty: () => !looksLikePng, getSize: () => (looksLikePng ? { width: 1, height: 1 } : { width: 0, height: 0 }) };
  },
};

export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: true, themeSource: 'system' });

// ---------------------------------------------------------------------------------------------------------------
// Singletons and reset

export const app = new FakeApp();
export const protocol = new FakeProtocol();
export const session = { defaultSession: undefined as unknown as FakeSession, fromPartition: (_partition: string) => session.defaultSession };
session.defaultSession = new FakeSession();
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const contextBridge = new FakeContextBridge();
export const BrowserWindow = FakeBrowserWindow;
export const BaseWindow = FakeBrowserWindow;
export const Menu = menu;
export const ClipboardItem = FakeClipboardItem;
export const MenuItem = class {
  constructor(readonly options: FakeMenuItemOptions) {}
};
export const webContents = {
  getAllWebContents: () => FakeBrowserWindow.instances.map((w) => w.webContents),
  fromId: (id: number) => FakeBrowserWindow.instances.map((w) => w.webContents).find((c) => c.id === id),
};

/** Puts every fake back to its start state (call in beforeEach). */
export function resetFakeElectron(): void {
  app.fakeResetState();
  protocol.privilegedSchemes.length = 0;
  protocol.handlers.clear();
  session.defaultSession.fakeResetState();
  session.defaultSession.removeAllListeners();
  ipcMain.handlers.clear();
  ipcMain.removeAllListeners();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invocations.length = 0;
  ipcRenderer.sender = undefined;
  contextBridge.exposed.clear();
  FakeBrowserWindow.instances.length = 0;
  menu.applicationMenu = null;
  dialogState.openAnswers.length = 0;
  dialogState.openCalls.length = 0;
  dialogState.saveAnswers.length = 0;
  dialogState.saveCalls.length = 0;
  clipboard.fakeContents = [];
  clipboard.fakeFailure = undefined;
  dialogState.messageBoxes.length = 0;
  dialogState.syncAnswers.length = 0;
  dialogState.errorBoxes.length = 0;
  screenState.displays = defaultDisplays();
  shell.opened.length = 0;
}

resetFakeElectron();

export default {
  app,
  BaseWindow,
  BrowserWindow,
  clipboard,
  ClipboardItem,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  MenuItem,
  nativeImage,
  nativeTheme,
  net,
  protocol,
  screen,
  session,
  shell,
  webContents,
};
