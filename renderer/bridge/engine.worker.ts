/** The browser build's engine host: the same EngineSession as the desktop, in a Web Worker. */
import { EngineSession } from '../../shared/host/engine-session.ts';
import { validateCommand } from '../../shared/rpc/engine-protocol.ts';

const session = new EngineSession({
  wallNowMs: () => performance.now(),
  setTimer: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  send: (message) => postMessage(message),
});

addEventListener('message', (event: MessageEvent) => {
  const checked = validateCommand(event.data);
  if (!checked.ok) {
    postMessage({ type: 'error', message: `rejected command: ${checked.error}` });
    return;
  }
  session.handle(checked.command).catch((error: unknown) => postMessage({ type: 'error', message: String(error) }));
});
