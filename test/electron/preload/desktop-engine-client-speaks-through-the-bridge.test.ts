import { describe, expect, it, vi } from 'vitest';
import { createDesktopEngineClient } from '../../../renderer/bridge/desktop-engine-client.ts';
import type { EngineMessage } from '../../../shared/rpc/engine-protocol.ts';
import { createFakeDesktopBridge } from '../../fakes/desktop-bridge.ts';

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('the desktop EngineClient', () => {
  it('sends commands through the bridge', async () => {
    const fake = createFakeDesktopBridge();
    const client = createDesktopEngineClient(fake.bridge);
    client.send({ type: 'set-speed', speed: 60 });
    client.send({ type: 'play' });
    expect(fake.commands).toEqual([{ type: 'set-speed', speed: 60 }, { type: 'play' }]);
  });

  it('delivers engine messages to every listener until it unsubscribes, over one bridge subscription', () => {
    const fake = createFakeDesktopBridge();
    const client = createDesktopEngineClient(fake.bridge);
    const a = vi.fn();
    const b = vi.fn();
    const stopA = client.onMessage(a);
    client.onMessage(b);
    const message: EngineMessage = { type: 'error', message: 'x' };
    fake.pushEngineMessage(message);
    stopA();
    fake.pushEngineMessage(message);
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
    expect(fake.engineListenerCount()).toBe(1);
  });

  it('reports a command the main process refuses as an engine error message, like the worker host', async () => {
    const fake = createFakeDesktopBridge();
    const client = createDesktopEngineClient(fake.bridge);
    const listener = vi.fn();
    client.onMessage(listener);
    client.send({ type: 'set-speed', speed: -1 });
    await flush();
    expect(listener).toHaveBeenCalledWith({ type: 'error', command: 'set-speed', message: expect.stringMatching(/^rejected command: invalid request: set-speed: speed must be/) });
  });

  it('names the request a refused console line belonged to, so the console answers at once', async () => {
    const fake = createFakeDesktopBridge();
    const client = createDesktopEngineClient(fake.bridge);
    const listener = vi.fn();
    client.onMessage(listener);
    client.send({ type: 'kubectl', flow: 'f', line: 'x'.repeat(10_001), requestId: 41 });
    await flush();
    expect(listener).toHaveBeenCalledWith({ type: 'error', command: 'kubectl', requestId: 41, message: expect.stringContaining("this line is 10,001 characters, over TokenScope's limit") });
  });

  it('reports a broken bridge as an engine error message instead of an unhandled rejection', async () => {
    const fake = createFakeDesktopBridge({ onCommand: () => Promise.reject(new Error('IPC channel closed')) });
    const client = createDesktopEngineClient(fake.bridge);
    const listener = vi.fn();
    client.onMessage(listener);
    client.send({ type: 'play' });
    await flush();
    expect(listener).toHaveBeenCalledWith({ type: 'error', command: 'play', message: 'cannot reach the engine: Error: IPC channel closed' });
  });

  it('refuses to start without the preload’s bridge', () => {
    expect(() => createDesktopEngineClient(undefined)).toThrow(/needs the Electron preload/);
  });
});
