/**
 * The browser build's engine runs in a Web Worker. The session inside reports what the engine throws; what is left
 * (the worker's script failing, a message that cannot be cloned) once vanished without a word. Now the client turns
 * both into engine error messages, and the UI shows them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorkerEngineClient } from '../../../renderer/bridge/worker-engine-client.ts';
import type { EngineMessage } from '../../../shared/rpc/engine-protocol.ts';

class FakeWorker extends EventTarget {
  static last: FakeWorker | undefined;
  readonly posted: unknown[] = [];
  constructor() {
    super();
    FakeWorker.last = this;
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
}

afterEach(() => vi.unstubAllGlobals());

function clientWithFakeWorker() {
  vi.stubGlobal('Worker', FakeWorker);
  const client = createWorkerEngineClient();
  const messages: EngineMessage[] = [];
  client.onMessage((message) => messages.push(message));
  return { client, messages, worker: FakeWorker.last! };
}

describe('the worker engine client', () => {
  it('reports the worker failing as an error message, and keeps the error from going unhandled', () => {
    const { messages, worker } = clientWithFakeWorker();
    const failure = Object.assign(new Event('error', { cancelable: true }), { message: 'Uncaught SyntaxError: bad chunk' });
    worker.dispatchEvent(failure);
    expect(messages).toEqual([{ type: 'error', message: 'the simulator stopped working: Uncaught SyntaxError: bad chunk' }]);
    expect(failure.defaultPrevented).toBe(true);
  });

  it('reports a message that cannot be read', () => {
    const { messages, worker } = clientWithFakeWorker();
    worker.dispatchEvent(new Event('messageerror'));
    expect(messages).toEqual([{ type: 'error', message: 'a message from the simulator could not be read' }]);
  });

  it('passes engine messages and commands through unchanged', () => {
    const { client, messages, worker } = clientWithFakeWorker();
    client.send({ type: 'play' });
    expect(worker.posted).toEqual([{ type: 'play' }]);
    worker.dispatchEvent(Object.assign(new Event('message'), { data: { type: 'halted', atMs: 5, message: 'stopped' } }));
    expect(messages).toEqual([{ type: 'halted', atMs: 5, message: 'stopped' }]);
  });
});
