/**
 * The one interface the renderer talks to. On the desktop it is the preload bridge to the main process; in the
 * browser build it is a Web Worker. The renderer never knows which.
 */
import type { EngineCommand, EngineMessage } from '../../shared/rpc/engine-protocol.ts';

/** How messages cross to the engine and back: what each host provides. */
export interface EngineTransport {
  send(command: EngineCommand): void;
  /** Subscribes to engine messages; returns the unsubscribe function. */
  onMessage(listener: (message: EngineMessage) => void): () => void;
}

/** The commands that get one reply of their own, and the reply each gets. */
type RequestCommand = Extract<EngineCommand, { requestId: number }>;
type RequestType = RequestCommand['type'];
interface ReplyTypes {
  'inspect-token': 'token-details';
  kubectl: 'kubectl-result';
  apply: 'apply-result';
  'edit-scenario': 'edit-result';
}
const REPLY_TYPE: { readonly [T in RequestType]: ReplyTypes[T] } = { 'inspect-token': 'token-details', kubectl: 'kubectl-result', apply: 'apply-result', 'edit-scenario': 'edit-result' };

export type EngineRequest<T extends RequestType> = Omit<Extract<RequestCommand, { type: T }>, 'requestId'> & { type: T };
export type EngineReply<T extends RequestType> = Extract<EngineMessage, { type: ReplyTypes[T] }>;

/** The engine refused or failed a request; the message says why, in the engine's words. */
export class EngineRequestError extends Error {}

export interface EngineClient extends EngineTransport {
  /**
   * Sends a command that has a reply and resolves with that reply alone (the client numbers the requests, so no
   * panel counts its own); rejects with the engine's error when it refused or failed the command.
   */
  request<T extends RequestType>(command: EngineRequest<T>): Promise<EngineReply<T>>;
}

/** An EngineClient over a host's transport: one request counter and one subscription for every panel. */
export function withRequests(transport: EngineTransport): EngineClient {
  let lastRequestId = 0;
  const waiting = new Map<number, { replyType: string; resolve(reply: EngineMessage): void; reject(error: Error): void }>();
  transport.onMessage((message) => {
    if (!('requestId' in message) || message.requestId === undefined) return;
    const asker = waiting.get(message.requestId);
    if (asker === undefined) return;
    if (message.type === 'error') {
      waiting.delete(message.requestId);
      asker.reject(new EngineRequestError(message.message));
    } else if (message.type === asker.replyType) {
      waiting.delete(message.requestId);
      asker.resolve(message);
    }
  });
  return {
    send: (command) => transport.send(command),
    onMessage: (listener) => transport.onMessage(listener),
    request<T extends RequestType>(command: EngineRequest<T>): Promise<EngineReply<T>> {
      lastRequestId += 1;
      const requestId = lastRequestId;
      return new Promise<EngineReply<T>>((resolve, reject) => {
        waiting.set(requestId, { replyType: REPLY_TYPE[command.type], resolve: resolve as (reply: EngineMessage) => void, reject });
        transport.send({ ...command, requestId } as unknown as EngineCommand);
      });
    },
  };
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
