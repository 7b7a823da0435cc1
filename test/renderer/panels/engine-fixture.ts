/**
 * A real TimelineStore fed by a real EngineSession (the same pair the app runs), driven by hand: load a scenario, seek
 * to a simulated time, answer inspect-token commands. Nothing is mocked but the wall clock.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineSession } from '../../../shared/host/engine-session.ts';
import type { EngineCommand } from '../../../shared/rpc/engine-protocol.ts';
import { withRequests, type EngineClient } from '../../../renderer/bridge/engine-client.ts';
import { TimelineStore } from '../../../renderer/state/timeline-store.ts';
import { REPO_ROOT } from './cli-tokens.ts';

export interface EngineFixture {
  store: TimelineStore;
  session: EngineSession;
  /** Records every command the component sends; `answer()` runs the recorded ones through the engine. */
  client: EngineClient & { sent: EngineCommand[]; answer(): Promise<void> };
}

export async function loadScenario(file: string, atMs: number): Promise<EngineFixture> {
  const store = new TimelineStore();
  const session = new EngineSession({
    wallNowMs: () => 0,
    setTimer: () => 0,
    clearTimer: () => undefined,
    send: (message) => store.apply(message),
  });
  await session.handle({ type: 'load', scenarioText: readFileSync(join(REPO_ROOT, file), 'utf8'), sourceName: file });
  await session.handle({ type: 'seek', simMs: atMs });
  let answered = 0;
  const sent: EngineCommand[] = [];
  const transport = {
    send(command: EngineCommand) {
      sent.push(command);
    },
    onMessage: () => () => undefined,
  };
  const client = {
    ...withRequests(transport),
    sent,
    async answer() {
      while (answered < sent.length) {
        const command = sent[answered++];
        if (command) await session.handle(command);
      }
    },
  };
  return { store, session, client };
}
