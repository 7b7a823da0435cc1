/** EngineClient over a Web Worker (the browser build). */
import type { EngineMessage } from '../../shared/rpc/engine-protocol.ts';
import { createListenerSet, withRequests, type EngineClient } from './engine-client.ts';

export function createWorkerEngineClient(): EngineClient {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  const listeners = createListenerSet<EngineMessage>();
  worker.addEventListener('message', (event: MessageEvent<EngineMessage>) => listeners.emit(event.data));
  // The session catches what the engine throws; these are what is left: the worker's own script failing, or a message
  // that cannot be cloned across. Either way the UI says so rather than waiting in silence.
  worker.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault();
    listeners.emit({ type: 'error', message: `the simulator stopped working: ${event.message || 'the engine worker failed to start'}` });
  });
  worker.addEventListener('messageerror', () => listeners.emit({ type: 'error', message: 'a message from the simulator could not be read' }));
  return withRequests({
    send: (command) => worker.postMessage(command),
    onMessage: (listener) => listeners.add(listener),
  });
}
