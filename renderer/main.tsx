/**
 * Renderer entry, kept to what starts the engine. In the browser the engine is a Web Worker that must fetch, compile and
 * simulate before the first timeline can be drawn, so it is created and asked for the default scenario here, before
 * React and the app are even fetched (mount-app.tsx, a chunk of its own): both load at the same time. On the desktop the
 * engine runs in the main process and the app asks for the scenario itself.
 */
import { createWorkerEngineClient } from './bridge/worker-engine-client.ts';
import { TimelineStore } from './state/timeline-store.ts';
import { defaultScenarioLoad } from './content/builtin-scenarios.ts';

const store = new TimelineStore();
const browserClient = window.tokenscope ? undefined : createWorkerEngineClient();
if (browserClient) {
  browserClient.onMessage((message) => store.apply(message));
  browserClient.send(defaultScenarioLoad());
}
// Not awaited at the top level: the app's chunk imports modules of this one, which must finish evaluating first.
void import('./mount-app.tsx').then(({ mountApp }) => mountApp(store, browserClient));
