import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../fakes/electron.ts'));

import { contextBridge, ipcMain, ipcRenderer, resetFakeElectron } from '../../fakes/electron.ts';
import { BRIDGE_CHANNELS, BRIDGE_GLOBAL, IpcChannel, type TokenScopeBridge } from '../../../shared/ipc/ipc-contract.ts';

// The preload runs once, as it does per page load; what it exposed is kept for every test.
let exposed: Map<string, unknown>;
let bridge: TokenScopeBridge;

beforeAll(async () => {
  resetFakeElectron();
  await import('../../../electron/preload/preload.ts');
  exposed = new Map(contextBridge.exposed);
  bridge = exposed.get(BRIDGE_GLOBAL) as TokenScopeBridge;
});

beforeEach(() => {
  ipcRenderer.removeAllListeners();
  ipcRenderer.invocations.length = 0;
  ipcMain.handlers.clear();
  // Every channel answers with what it was asked, so the test sees exactly what crossed.
  for (const channel of Object.values(IpcChannel)) ipcMain.handle(channel, (_event, ...args) => ({ ok: true, value: { channel, args } }));
});

describe('the preload', () => {
  it('exposes one global, window.tokenscope, and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['tokenscope']);
  });

  it('exposes exactly one function per contract channel', () => {
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(BRIDGE_CHANNELS).sort());
    for (const [name, value] of Object.entries(bridge)) expect(typeof value, name).toBe('function');
  });

  it('offers no generic send, invoke or ipcRenderer', () => {
    const api = bridge as unknown as Record<string, unknown>;
    for (const name of ['send', 'invoke', 'on', 'ipcRenderer', 'sendSync', 'postMessage']) expect(api[name]).toBeUndefined();
  });

  it.each<[keyof TokenScopeBridge, (b: TokenScopeBridge) => Promise<unknown>, unknown[]]>([
    ['sendEngineCommand', (b) => b.sendEngineCommand({ type: 'seek', simMs: 5 }), [{ type: 'seek', simMs: 5 }]],
    ['openScenarioFile', (b) => b.openScenarioFile(), []],
    ['getSettings', (b) => b.getSettings(), []],
    ['setSettings', (b) => b.setSettings({ theme: 'dark' }), [{ theme: 'dark' }]],
    ['getAppInfo', (b) => b.getAppInfo(), []],
    ['getLessonProgress', (b) => b.getLessonProgress('projected-tokens'), ['projected-tokens']],
    [
      'setLessonProgress',
      (b) => b.setLessonProgress('projected-tokens', { stepId: 'rotation', completed: [], quizzes: {} }),
      [{ lessonId: 'projected-tokens', progress: { stepId: 'rotation', completed: [], quizzes: {} } }],
    ],
    [
      'saveFile',
      (b) => b.saveFile({ suggestedName: 'a.png', mimeType: 'image/png', data: new Uint8Array([1, 2]) }),
      [{ suggestedName: 'a.png', mimeType: 'image/png', data: new Uint8Array([1, 2]) }],
    ],
    ['writeClipboard', (b) => b.writeClipboard({ mimeType: 'text/plain', data: 'x' }), [{ mimeType: 'text/plain', data: 'x' }]],
  ])('%s invokes its own channel with exactly its payload', async (name, call, args) => {
    const answer = await call(bridge);
    expect(ipcRenderer.invocations).toEqual([{ channel: BRIDGE_CHANNELS[name], args }]);
    expect(answer).toEqual({ ok: true, value: { channel: BRIDGE_CHANNELS[name], args } });
  });

  it('hands engine-message listeners the payload only, never the IPC event', () => {
    const listener = vi.fn();
    bridge.onEngineMessage(listener);
    ipcRenderer.fakeReceive(IpcChannel.EngineMessage, { type: 'error', message: 'boom' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ type: 'error', message: 'boom' }]);
  });

  it('hands menu-action listeners the action only, and drops actions the contract does not know', () => {
    const listener = vi.fn();
    bridge.onMenuAction(listener);
    ipcRenderer.fakeReceive(IpcChannel.MenuAction, 'zoom-to-fit');
    ipcRenderer.fakeReceive(IpcChannel.MenuAction, 'format-disk');
    ipcRenderer.fakeReceive(IpcChannel.MenuAction, 'toggle-presentation');
    ipcRenderer.fakeReceive(IpcChannel.MenuAction, 'export');
    ipcRenderer.fakeReceive(IpcChannel.MenuAction, 'open-link');
    expect(listener.mock.calls).toEqual([['zoom-to-fit'], ['toggle-presentation'], ['export'], ['open-link']]);
  });

  it('unsubscribes: the listener stops hearing and the IPC listener is removed', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onEngineMessage(listener);
    expect(ipcRenderer.listenerCount(IpcChannel.EngineMessage)).toBe(1);
    unsubscribe();
    ipcRenderer.fakeReceive(IpcChannel.EngineMessage, { type: 'error', message: 'late' });
    expect(listener).not.toHaveBeenCalled();
    expect(ipcRenderer.listenerCount(IpcChannel.EngineMessage)).toBe(0);
  });

  it('keeps listeners on one channel apart from the other', () => {
    const engine = vi.fn();
    const menu = vi.fn();
    bridge.onEngineMessage(engine);
    bridge.onMenuAction(menu);
    ipcRenderer.fakeReceive(IpcChannel.MenuAction, 'zoom-to-fit');
    expect(engine).not.toHaveBeenCalled();
    expect(menu).toHaveBeenCalledOnce();
  });
});
