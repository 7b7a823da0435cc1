/**
 * The one interface the renderer talks to. On the desktop it is the preload bridge to the main process; in the
 * browser build it is a Web Worker. The renderer never knows which.
 */
import type { EngineCommand, EngineMessage } from '../../shared/rpc/engine-protocol.ts';

export interface EngineClient {
  send(command: EngineCommand): void;
  /** Subscribes to engine messages; returns the unsubscribe function. */
  onMessage(listener: (message: EngineMessage) => void): () => void;
}

export function createListenerSet<T>() {
  const listeners = new Set<(value: T) => void>();
  return {
    add(listener: (value: T) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(value: T): void {
      for (const listener of listeners) listener(value);
    },
  };
}
