/**
 * A ConsoleHost's `request` for tests: records each command with the id an EngineClient would give it, and `answer`
 * delivers an engine message in the same turn, matched the way `EngineClient.request` matches (the reply type for that
 * id, or an error naming that id), so a test reads the terminal right after answering.
 */
import type { EngineCommand, EngineMessage } from '../../../../shared/rpc/engine-protocol.ts';
import type { ConsoleReply, ConsoleRequest, PendingReply } from '../../../../renderer/panels/console/console-controller.ts';

export function sameTurnRequests() {
  const sent: EngineCommand[] = [];
  const waiting = new Map<number, { replyType: string; onReply(reply: ConsoleReply): void; onError(error: Error): void }>();
  let lastRequestId = 0;
  const request = (command: ConsoleRequest): PendingReply => {
    const requestId = ++lastRequestId;
    sent.push({ ...command, requestId });
    return {
      then(onReply, onError) {
        waiting.set(requestId, { replyType: command.type === 'apply' ? 'apply-result' : 'kubectl-result', onReply, onError });
      },
    };
  };
  const answer = (message: EngineMessage): void => {
    if (!('requestId' in message) || message.requestId === undefined) return;
    const asker = waiting.get(message.requestId);
    if (asker === undefined) return;
    if (message.type === 'error') {
      waiting.delete(message.requestId);
      asker.onError(new Error(message.message));
    } else if (message.type === asker.replyType) {
      waiting.delete(message.requestId);
      asker.onReply(message as ConsoleReply);
    }
  };
  return { sent, request, answer };
}
