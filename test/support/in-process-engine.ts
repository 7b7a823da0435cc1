/**
 * The engine as the app talks to it, in one process: a real EngineSession behind a real EngineClient, and a real
 * TimelineStore that takes every message, as the desktop and browser entries wire them. The wall clock is frozen and
 * timers never fire, so a load or seek finishes within the command that asked for it.
 */
import { EngineSession } from '../../shared/host/engine-session.ts';
import type { EngineCommand, EngineMessage } from '../../shared/rpc/engine-protocol.ts';
import { createListenerSet, withRequests, type EngineClient } from '../../renderer/bridge/engine-client.ts';
import { TimelineStore } from '../../renderer/state/timeline-store.ts';

export interface InProcessEngine {
  store: TimelineStore;
  session: EngineSession;
  client: EngineClient;
  /** Every message the engine sent, in order. */
  sent: EngineMessage[];
}

export function inProcessEngine(): InProcessEngine {
  const listeners = createListenerSet<EngineMessage>();
  const sent: EngineMessage[] = [];
  const session = new EngineSession({
    wallNowMs: () => 0,
    setTimer: () => 0,
    clearTimer: () => undefined,
    send: (message) => {
      sent.push(message);
      listeners.emit(message);
    },
  });
  const client = withRequests({ send: (command: EngineCommand) => void session.handle(command), onMessage: listeners.add });
  const store = new TimelineStore();
  client.onMessage((message) => store.apply(message));
  return { store, session, client, sent };
}

/** An engine with `scenarioText` loaded (the store holds it), for a test that starts from a loaded scenario. */
export async function loadedEngine(scenarioText: string, sourceName = 'test.yaml'): Promise<InProcessEngine> {
  const engine = inProcessEngine();
  await engine.session.handle({ type: 'load', scenarioText, sourceName });
  if (!engine.store.getSnapshot().scenario) throw new Error(`the scenario did not load: ${JSON.stringify(engine.store.getSnapshot().loadErrors)}`);
  return engine;
}
