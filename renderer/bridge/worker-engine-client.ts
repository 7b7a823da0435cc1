/** EngineClient over a Web Worker (the browser build). */
import type { EngineMessage } from '../../shared/rpc/engine-protocol.ts';
import { createListenerSet, type EngineClient } from './engine-client.ts';

export function createWorkerEngineClient(): EngineClient {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  const listeners = createListenerSet<EngineMessage>();
  worker.addEventListener('message', (event: MessageEvent<EngineMessage>) => listeners.emit(event.data));
  return {
    send: (command) => worker.postMessage(command),
    onMessage: (listener) => listeners.add(listener),
  };
}
