/**
 * EngineClient over the preload bridge (the desktop build). The engine runs in the main process; commands go out
 * through `window.tokenscope`, messages come back through it. A command the main process refuses comes back as an
 * engine 'error' message, the same way the Web Worker host reports one, so the UI handles both hosts alike.
 */
import type { EngineCommand, EngineMessage } from '../../shared/rpc/engine-protocol.ts';
import type { TokenScopeBridge } from '../../shared/ipc/ipc-contract.ts';
import { createListenerSet, withRequests, type EngineClient } from './engine-client.ts';

declare global {
  interface Window {
    /** Defined by electron/preload/preload.ts; absent in the browser build. */
    tokenscope?: TokenScopeBridge;
  }
}

/** The command and request an error is about, so the console (say) stops waiting for its answer at once. */
function about(command: EngineCommand): { command: string; requestId?: number } {
  return { command: command.type, ...('requestId' in command ? { requestId: command.requestId } : {}) };
}

/** `bridge` defaults to the preload's global; tests (and any host without a window) pass one in. */
export function createDesktopEngineClient(bridge: TokenScopeBridge | undefined = globalThis.window?.tokenscope): EngineClient {
  if (!bridge) throw new Error('window.tokenscope is missing: the desktop engine client needs the Electron preload');
  const listeners = createListenerSet<EngineMessage>();
  // One bridge subscription for all listeners: each subscription is an IPC listener in the preload.
  bridge.onEngineMessage((message) => listeners.emit(message));
  return withRequests({
    send: (command) => {
      bridge.sendEngineCommand(command).then(
        (result) => {
          if (!result.ok) listeners.emit({ type: 'error', message: `rejected command: ${result.error}`, ...about(command) });
        },
        (error: unknown) => listeners.emit({ type: 'error', message: `cannot reach the engine: ${String(error)}`, ...about(command) }),
      );
    },
    onMessage: (listener) => listeners.add(listener),
  });
}
