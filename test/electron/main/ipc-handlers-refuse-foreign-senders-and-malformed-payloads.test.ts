import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../fakes/electron.ts'));

import { BrowserWindow, fakeInvokeEvent, FakeWebContents, FakeWebFrameMain, ipcMain, resetFakeElectron } from '../../fakes/electron.ts';
import { registerIpcHandlers, senderProblem, type IpcServices, type WindowContext } from '../../../electron/main/ipc-handlers.ts';
import { DEFAULT_USER_SETTINGS, IpcChannel, MAX_FILE_BYTES, type ClipboardItemRequest, type SaveFileRequest, type UserSettings } from '../../../shared/ipc/ipc-contract.ts';
import type { LessonProgress } from '../../../shared/ipc/lesson-progress.ts';
import type { ScenarioDraft } from '../../../shared/ipc/scenario-draft.ts';
import type { EngineCommand } from '../../../shared/rpc/engine-protocol.ts';

interface Harness {
  window: InstanceType<typeof BrowserWindow>;
  commands: EngineCommand[];
  progress: Map<string, LessonProgress>;
  drafts: (ScenarioDraft | null)[];
  saves: SaveFileRequest[];
  copied: ClipboardItemRequest[];
  logs: string[];
  services: IpcServices;
  unregister(): void;
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  invokeFrom(frame: FakeWebFrameMain | null, channel: string, ...args: unknown[]): Promise<unknown>;
}

async function harness(overrides: Partial<IpcServices> = {}): Promise<Harness> {
  const window = new BrowserWindow();
  await window.loadURL('app://bundle/index.html');
  const commands: EngineCommand[] = [];
  const logs: string[] = [];
  const progress = new Map<string, LessonProgress>();
  const drafts: (ScenarioDraft | null)[] = [];
  const saves: SaveFileRequest[] = [];
  const copied: ClipboardItemRequest[] = [];
  let settings: UserSettings = { ...DEFAULT_USER_SETTINGS };
  const context: WindowContext = {
    webContents: window.webContents,
    engine: { handle: async (command) => void commands.push(command) },
  };
  const services: IpcServices = {
    findWindow: (id) => (id === window.webContents.id ? context : undefined),
    openScenarioFile: async () => ({ canceled: false, sourceName: 'a.yaml', scenarioText: 'name: a' }),
    settings: {
      getUser: () => settings,
      updateUser: (patch) => (settings = { ...settings, ...patch }),
    },
    lessonProgress: {
      get: (lessonId) => progress.get(lessonId) ?? null,
      set: (lessonId, value) => void progress.set(lessonId, value),
    },
    scenarioDraft: {
      get: () => drafts[drafts.length - 1] ?? null,
      set: (draft) => void drafts.push(draft),
    },
    saveFile: async (_context, request) => {
      saves.push(request);
      return { saved: true, where: `/home/me/${request.suggestedName}` };
    },
    writeClipboard: async (item) => void copied.push(item),
    appInfo: () => ({ name: 'TokenScope', version: '0.1.0', electron: '45.5.0', chrome: '140', node: '22', platform: 'linux' }),
    log: (message) => logs.push(message),
    ...overrides,
  };
  const unregister = registerIpcHandlers(ipcMain as never, services);
  return {
    window,
    unregister,
    commands,
    progress,
    drafts,
    saves,
    copied,
    logs,
    services,
    invoke: (channel, ...args) => ipcMain.fakeInvoke(channel, fakeInvokeEvent(window.webContents), ...args),
    invokeFrom: (frame, channel, ...args) => ipcMain.fakeInvoke(channel, fakeInvokeEvent(window.webContents, frame), ...args),
  };
}

beforeEach(() => resetFakeElectron());

describe('IPC handlers serve our window’s main frame', () => {
  it('registers a handler for every renderer → main channel', async () => {
    await harness();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      [
        IpcChannel.EngineCommand,
        IpcChannel.OpenScenarioFile,
        IpcChannel.SettingsGet,
        IpcChannel.SettingsSet,
        IpcChannel.AppInfo,
        IpcChannel.LessonProgressGet,
        IpcChannel.LessonProgressSet,
        IpcChannel.ScenarioDraftGet,
        IpcChannel.ScenarioDraftSet,
        IpcChannel.SaveFile,
        IpcChannel.ClipboardWrite,
      ].sort(),
    );
  });

  it('saves and reads back a lesson’s progress, and answers null for a lesson never saved', async () => {
    const h = await harness();
    const progress: LessonProgress = { stepId: 'rotation', completed: ['welcome'], quizzes: { 'quiz-why-safer': { choice: 1, correct: true } } };
    expect(await h.invoke(IpcChannel.LessonProgressGet, 'projected-tokens')).toEqual({ ok: true, value: null });
    expect(await h.invoke(IpcChannel.LessonProgressSet, { lessonId: 'projected-tokens', progress })).toEqual({ ok: true, value: null });
    expect(await h.invoke(IpcChannel.LessonProgressGet, 'projected-tokens')).toEqual({ ok: true, value: progress });
  });

  it('keeps and returns a scenario draft, and removes it when sent null', async () => {
    const h = await harness();
    const draft: ScenarioDraft = { sourceName: 'builtin:side-by-side', title: 'One app', scenarioText: 'name: a\n', baseText: 'name: b\n', savedAtEpochMs: 1_700_000_000_000 };
    expect(await h.invoke(IpcChannel.ScenarioDraftGet)).toEqual({ ok: true, value: null });
    expect(await h.invoke(IpcChannel.ScenarioDraftSet, draft)).toEqual({ ok: true, value: null });
    expect(await h.invoke(IpcChannel.ScenarioDraftGet)).toEqual({ ok: true, value: draft });
    expect(await h.invoke(IpcChannel.ScenarioDraftSet, null)).toEqual({ ok: true, value: null });
    expect(h.drafts).toEqual([draft, null]);
  });

  it.each<[string, unknown[]]>([
    ['no draft', []],
    ['a draft with a field too many', [{ sourceName: 'a', title: '', scenarioText: '', baseText: '', savedAtEpochMs: 0, path: '/etc' }]],
    ['a draft without its base text', [{ sourceName: 'a', title: '', scenarioText: '', savedAtEpochMs: 0 }]],
    ['a 3 MB scenario text', [{ sourceName: 'a', title: '', scenarioText: 'x'.repeat(3_000_000), baseText: '', savedAtEpochMs: 0 }]],
    ['an empty source name', [{ sourceName: '', title: '', scenarioText: '', baseText: '', savedAtEpochMs: 0 }]],
    ['a time that is not a number', [{ sourceName: 'a', title: '', scenarioText: '', baseText: '', savedAtEpochMs: 'now' }]],
  ])('refuses a scenario draft: %s', async (_name, args) => {
    const h = await harness();
    const answer = (await h.invoke(IpcChannel.ScenarioDraftSet, ...args)) as { ok: boolean; error: string };
    expect(answer).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid request: /) });
    expect(h.drafts).toEqual([]);
  });

  it('saves a file through the service and answers where it went', async () => {
    const h = await harness();
    const request = { suggestedName: 'rotation.svg', mimeType: 'image/svg+xml', data: '<svg/>' };
    expect(await h.invoke(IpcChannel.SaveFile, request)).toEqual({ ok: true, value: { saved: true, where: '/home/me/rotation.svg' } });
    expect(h.saves).toEqual([request]);
  });

  it('copies a PNG and a text to the clipboard', async () => {
    const h = await harness();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]);
    expect(await h.invoke(IpcChannel.ClipboardWrite, { mimeType: 'image/png', data: png })).toEqual({ ok: true, value: null });
    expect(await h.invoke(IpcChannel.ClipboardWrite, { mimeType: 'text/plain', data: 'caption' })).toEqual({ ok: true, value: null });
    expect(h.copied).toEqual([
      { mimeType: 'image/png', data: png },
      { mimeType: 'text/plain', data: 'caption' },
    ]);
  });

  it('passes a valid engine command to the window’s engine', async () => {
    const h = await harness();
    await expect(h.invoke(IpcChannel.EngineCommand, { type: 'set-speed', speed: 600 })).resolves.toEqual({ ok: true, value: null });
    expect(h.commands).toEqual([{ type: 'set-speed', speed: 600 }]);
  });

  it('answers settings, a settings update, the app info and an opened file', async () => {
    const h = await harness();
    expect(await h.invoke(IpcChannel.SettingsGet)).toEqual({ ok: true, value: DEFAULT_USER_SETTINGS });
    expect(await h.invoke(IpcChannel.SettingsSet, { theme: 'dark' })).toEqual({ ok: true, value: { ...DEFAULT_USER_SETTINGS, theme: 'dark' } });
    expect(await h.invoke(IpcChannel.AppInfo)).toMatchObject({ ok: true, value: { name: 'TokenScope' } });
    expect(await h.invoke(IpcChannel.OpenScenarioFile)).toEqual({ ok: true, value: { canceled: false, sourceName: 'a.yaml', scenarioText: 'name: a' } });
  });
});

describe('IPC handlers refuse a sender that is not our window’s main frame, with an error', () => {
  it('refuses an <iframe> inside our window', async () => {
    const h = await harness();
    const iframe = h.window.webContents.mainFrame.fakeAddChild('app://bundle/frame.html');
    const answer = await h.invokeFrom(iframe, IpcChannel.EngineCommand, { type: 'play' });
    expect(answer).toEqual({ ok: false, error: 'refused: the sender is not the main frame' });
    expect(h.commands).toEqual([]);
  });

  it('refuses our main frame once it shows a page that is not app://', async () => {
    const h = await harness();
    h.window.webContents.mainFrame.url = 'https://evil.example/';
    const answer = (await h.invoke(IpcChannel.SettingsGet)) as { ok: boolean; error: string };
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatch(/not an app:\/\/ page/);
  });

  it('refuses a frame that navigated away or was destroyed before the handler ran', async () => {
    const h = await harness();
    expect(await h.invokeFrom(null, IpcChannel.AppInfo)).toEqual({ ok: false, error: 'refused: the sending frame no longer exists' });
  });

  it('refuses a webContents that is not one of our windows', async () => {
    const h = await harness();
    const stranger = new FakeWebContents();
    await stranger.loadURL('app://bundle/index.html');
    const answer = await ipcMain.fakeInvoke(IpcChannel.EngineCommand, fakeInvokeEvent(stranger), { type: 'play' });
    expect(answer).toEqual({ ok: false, error: 'refused: the sender is not a TokenScope window' });
    expect(h.commands).toEqual([]);
  });

  it('refuses a frame from another process that claims our window', async () => {
    const h = await harness();
    const impostor = new FakeWebFrameMain('app://bundle/index.html');
    expect(await h.invokeFrom(impostor, IpcChannel.SettingsSet, { theme: 'dark' })).toMatchObject({ ok: false });
    expect(h.services.settings.getUser().theme).toBe('system');
  });

  it.each<[string, unknown[]]>([
    [IpcChannel.LessonProgressGet, ['projected-tokens']],
    [IpcChannel.LessonProgressSet, [{ lessonId: 'projected-tokens', progress: { stepId: 'welcome', completed: [], quizzes: {} } }]],
    [IpcChannel.SaveFile, [{ suggestedName: 'a.csv', mimeType: 'text/csv', data: 'a' }]],
    [IpcChannel.ClipboardWrite, [{ mimeType: 'text/plain', data: 'a' }]],
  ])('refuses %s from an <iframe>, before doing anything', async (channel, args) => {
    const h = await harness();
    const iframe = h.window.webContents.mainFrame.fakeAddChild('app://bundle/frame.html');
    expect(await h.invokeFrom(iframe, channel, ...args)).toEqual({ ok: false, error: 'refused: the sender is not the main frame' });
    expect([h.progress.size, h.saves.length, h.copied.length]).toEqual([0, 0, 0]);
  });

  it('logs every refusal', async () => {
    const h = await harness();
    await h.invokeFrom(null, IpcChannel.AppInfo);
    expect(h.logs).toEqual([`refused ${IpcChannel.AppInfo}: the sending frame no longer exists`]);
  });
});

describe('IPC handlers reject malformed payloads with an error, never a throw', () => {
  it.each<[string, unknown[]]>([
    ['no command', []],
    ['two commands', [{ type: 'play' }, { type: 'pause' }]],
    ['null', [null]],
    ['a string', ['play']],
    ['an array', [[{ type: 'play' }]]],
    ['an unknown command', [{ type: 'rm -rf' }]],
    ['a NaN speed', [{ type: 'set-speed', speed: Number.NaN }]],
    ['a negative speed', [{ type: 'set-speed', speed: -1 }]],
    ['a speed as text', [{ type: 'set-speed', speed: '3600' }]],
    ['a negative seek', [{ type: 'seek', simMs: -1 }]],
    ['an infinite seek', [{ type: 'seek', simMs: Number.POSITIVE_INFINITY }]],
    ['a load without text', [{ type: 'load', sourceName: 'a.yaml' }]],
    ['a 3 MB scenario', [{ type: 'load', scenarioText: 'x'.repeat(3_000_000), sourceName: 'big.yaml' }]],
    ['a fractional token index', [{ type: 'inspect-token', token: 1.5, requestId: 1 }]],
  ])('engine command: %s', async (_name, args) => {
    const h = await harness();
    const answer = (await h.invoke(IpcChannel.EngineCommand, ...args)) as { ok: boolean; error: string };
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatch(/^invalid request: /);
    expect(h.commands).toEqual([]);
  });

  it.each<[string, unknown[]]>([
    ['no patch', []],
    ['a string', ['dark']],
    ['an unknown key', [{ theme: 'dark', devTools: true }]],
    ['a prototype-polluting key', [JSON.parse('{"__proto__": {"polluted": true}}')]],
    ['an unknown theme', [{ theme: 'hot-pink' }]],
    ['a zero speed', [{ speed: 0 }]],
    ['a path as scenario id', [{ lastScenarioId: '../../etc/passwd' }]],
  ])('settings update: %s', async (_name, args) => {
    const h = await harness();
    const answer = (await h.invoke(IpcChannel.SettingsSet, ...args)) as { ok: boolean };
    expect(answer.ok).toBe(false);
    expect(h.services.settings.getUser()).toEqual(DEFAULT_USER_SETTINGS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each<[string, unknown[]]>([
    ['a path as lesson id', ['../../settings']],
    ['no lesson id', []],
    ['a number as lesson id', [7]],
  ])('lesson progress read: %s', async (_name, args) => {
    const h = await harness();
    const answer = (await h.invoke(IpcChannel.LessonProgressGet, ...args)) as { ok: boolean; error: string };
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatch(/^invalid request: /);
  });

  it.each<[string, unknown]>([
    ['a string', 'welcome'],
    ['no lesson id', { progress: { stepId: 'welcome', completed: [], quizzes: {} } }],
    ['progress with a bad step id', { lessonId: 'projected-tokens', progress: { stepId: '../x', completed: [], quizzes: {} } }],
    ['progress with a thousand completed steps', { lessonId: 'projected-tokens', progress: { stepId: 'a', completed: Array(1000).fill('a'), quizzes: {} } }],
    ['an extra field', { lessonId: 'projected-tokens', progress: { stepId: 'a', completed: [], quizzes: {} }, path: '/etc/passwd' }],
  ])('lesson progress write: %s', async (_name, payload) => {
    const h = await harness();
    const answer = (await h.invoke(IpcChannel.LessonProgressSet, payload)) as { ok: boolean; error: string };
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatch(/^invalid request: /);
    expect(h.progress.size).toBe(0);
  });

  it.each<[string, unknown]>([
    ['a name with a folder', { suggestedName: '../../../home/me/.bashrc', mimeType: 'text/plain', data: 'x' }],
    ['a Windows path', { suggestedName: '..\\startup.txt', mimeType: 'text/plain', data: 'x' }],
    ['an unknown type', { suggestedName: 'x.exe', mimeType: 'application/x-msdownload', data: 'MZ' }],
    ['an extension that is not its type’s', { suggestedName: 'x.sh', mimeType: 'text/plain', data: 'x' }],
    ['data as an array of numbers', { suggestedName: 'x.png', mimeType: 'image/png', data: [137, 80, 78, 71] }],
    ['65 MB of bytes', { suggestedName: 'x.png', mimeType: 'image/png', data: new Uint8Array(MAX_FILE_BYTES + 1) }],
    ['no data', { suggestedName: 'x.png', mimeType: 'image/png' }],
  ])('save file: %s', async (_name, payload) => {
    const h = await harness();
    const answer = (await h.invoke(IpcChannel.SaveFile, payload)) as { ok: boolean; error: string };
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatch(/^invalid request: /);
    expect(h.saves).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['bytes that are not a PNG', { mimeType: 'image/png', data: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]) }],
    ['a PNG as text', { mimeType: 'image/png', data: 'not bytes' }],
    ['HTML', { mimeType: 'text/html', data: '<img src=x onerror=alert(1)>' }],
    ['a number', { mimeType: 'text/plain', data: 42 }],
    ['null', null],
  ])('clipboard: %s', async (_name, payload) => {
    const h = await harness();
    const answer = (await h.invoke(IpcChannel.ClipboardWrite, payload)) as { ok: boolean; error: string };
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatch(/^invalid request: /);
    expect(h.copied).toEqual([]);
  });

  it.each([IpcChannel.SettingsGet, IpcChannel.AppInfo, IpcChannel.OpenScenarioFile])('%s with an unexpected argument', async (channel) => {
    const h = await harness();
    expect(await h.invoke(channel, '/etc/passwd')).toEqual({ ok: false, error: 'invalid request: expected no arguments, got 1' });
  });
});

describe('IPC handlers turn failures into errors', () => {
  it('answers with the error when the settings file cannot be written', async () => {
    const h = await harness({
      settings: {
        getUser: () => ({ ...DEFAULT_USER_SETTINGS }),
        updateUser: () => {
          throw new Error('EACCES: permission denied');
        },
      },
    });
    expect(await h.invoke(IpcChannel.SettingsSet, { theme: 'dark' })).toEqual({ ok: false, error: 'EACCES: permission denied' });
  });

  it('answers with the error when the progress file cannot be written', async () => {
    const h = await harness({
      lessonProgress: {
        get: () => null,
        set: () => {
          throw new Error('ENOSPC: no space left on device');
        },
      },
    });
    const progress = { stepId: 'welcome', completed: [], quizzes: {} };
    expect(await h.invoke(IpcChannel.LessonProgressSet, { lessonId: 'projected-tokens', progress })).toEqual({ ok: false, error: 'ENOSPC: no space left on device' });
  });

  it('answers with the error when a save or a clipboard write fails', async () => {
    const h = await harness({
      saveFile: async () => Promise.reject(new Error('cannot save x.png: EROFS: read-only file system')),
      writeClipboard: async () => Promise.reject(new Error('the PNG image could not be decoded, so nothing was copied')),
    });
    expect(await h.invoke(IpcChannel.SaveFile, { suggestedName: 'x.png', mimeType: 'image/png', data: new Uint8Array(1) })).toEqual({
      ok: false,
      error: 'cannot save x.png: EROFS: read-only file system',
    });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(await h.invoke(IpcChannel.ClipboardWrite, { mimeType: 'image/png', data: png })).toEqual({
      ok: false,
      error: 'the PNG image could not be decoded, so nothing was copied',
    });
  });

  it('answers with the error when the file dialog fails', async () => {
    const h = await harness({ openScenarioFile: async () => Promise.reject(new Error('big.yaml is larger than 2 MB')) });
    expect(await h.invoke(IpcChannel.OpenScenarioFile)).toEqual({ ok: false, error: 'big.yaml is larger than 2 MB' });
  });

  it('survives a window lookup that throws', async () => {
    const h = await harness({
      findWindow: () => {
        throw new Error('registry broken');
      },
    });
    expect(await h.invoke(IpcChannel.AppInfo)).toEqual({ ok: false, error: 'registry broken' });
  });

  it('can be removed again', async () => {
    const h = await harness();
    h.unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('senderProblem', () => {
  it('accepts the main frame of our window at an app:// URL', async () => {
    const h = await harness();
    const context = h.services.findWindow(h.window.webContents.id);
    expect(senderProblem(fakeInvokeEvent(h.window.webContents), context)).toBeNull();
  });
});
