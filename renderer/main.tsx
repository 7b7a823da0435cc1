/** Renderer entry: picks the engine client for the host (desktop bridge or Web Worker) and mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { TimelineStore } from './state/timeline-store.ts';
import { createWorkerEngineClient } from './bridge/worker-engine-client.ts';
import type { EngineClient } from './bridge/engine-client.ts';
import './theme/app.css';

async function chooseClient(): Promise<EngineClient> {
  if ('tokenscope' in window) {
    const { createDesktopEngineClient } = await import('./bridge/desktop-engine-client.ts');
    return createDesktopEngineClient();
  }
  return createWorkerEngineClient();
}

const store = new TimelineStore();
const client = await chooseClient();
client.onMessage((message) => store.apply(message));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} client={client} />
  </StrictMode>,
);
