/**
 * The browser build's engine host: the same EngineSession as the desktop, in a Web Worker, batching its progress the
 * same way (shared/host/progress-batcher.ts).
 */
import { EngineSession } from '../../shared/host/engine-session.ts';
import { ProgressBatcher, type Clock } from '../../shared/host/progress-batcher.ts';
import { validateCommand } from '../../shared/rpc/engine-protocol.ts';

const clock: Clock = {
  wallNowMs: () => performance.now(),
  setTimer: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
const batcher = new ProgressBatcher(clock, (message) => postMessage(message));
const session = new EngineSession({ ...clock, send: (message) => batcher.deliver(message) });

addEventListener('message', (event: MessageEvent) => {
  const checked = validateCommand(event.data);
  if (!checked.ok) {
    // Name the command (and its request) so whoever sent it, the console say, stops waiting for it at once.
    const data = event.data as { type?: unknown; requestId?: unknown } | null;
    const requestId = Number.isInteger(data?.requestId) ? { requestId: data!.requestId as number } : {};
    batcher.deliver({ type: 'error', message: `rejected command: ${checked.error}`, ...(typeof data?.type === 'string' ? { command: data.type } : {}), ...requestId });
    return;
  }
  // The session never rejects (it reports engine exceptions itself); this is the last line of defence.
  session.handle(checked.command).catch((error: unknown) => batcher.deliver({ type: 'error', message: String(error), command: checked.command.type }));
});
