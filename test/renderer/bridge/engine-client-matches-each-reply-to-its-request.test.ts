/** `EngineClient.request`: the client numbers the requests, and each promise settles with its own reply alone. */
import { describe, expect, it } from 'vitest';
import { EngineRequestError, withRequests } from '../../../renderer/bridge/engine-client.ts';
import type { EngineCommand, EngineMessage } from '../../../shared/rpc/engine-protocol.ts';

function fakeTransport() {
  const sent: EngineCommand[] = [];
  const listeners = new Set<(message: EngineMessage) => void>();
  const client = withRequests({
    send: (command) => sent.push(command),
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  const emit = (message: EngineMessage) => listeners.forEach((listener) => listener(message));
  return { client, sent, emit };
}

const idOf = (command: EngineCommand | undefined): number => (command && 'requestId' in command ? command.requestId : Number.NaN);

describe('EngineClient.request', () => {
  it('gives every request its own id, whichever panel asks', () => {
    const { client, sent } = fakeTransport();
    void client.request({ type: 'kubectl', flow: 'a', line: 'get pods' });
    void client.request({ type: 'apply', flow: 'a', manifest: 'kind: Pod' });
    void client.request({ type: 'inspect-token', token: 3 });
    expect(new Set(sent.map(idOf)).size).toBe(3);
  });

  it('resolves with the reply of its own type and id, ignoring the rest', async () => {
    const { client, sent, emit } = fakeTransport();
    const asked = client.request({ type: 'apply', flow: 'a', manifest: 'kind: Pod' });
    const id = idOf(sent[0]);
    emit({ type: 'apply-result', requestId: id + 1, flow: 'a', ok: false, output: 'someone else', errors: [] });
    emit({ type: 'kubectl-result', requestId: id, flow: 'a', line: 'x', stdout: 'wrong kind', stderr: '', exitCode: 0 });
    emit({ type: 'apply-result', requestId: id, flow: 'a', ok: true, output: 'pod/x created', errors: [] });
    await expect(asked).resolves.toMatchObject({ output: 'pod/x created' });
  });

  it("rejects with the engine's words when the engine refuses that request", async () => {
    const { client, sent, emit } = fakeTransport();
    const asked = client.request({ type: 'kubectl', flow: 'a', line: 'get pods' });
    emit({ type: 'error', message: 'rejected command: line too long', command: 'kubectl', requestId: idOf(sent[0]) });
    await expect(asked).rejects.toThrow(new EngineRequestError('rejected command: line too long'));
  });
});
