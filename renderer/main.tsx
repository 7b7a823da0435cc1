/**
 * Renderer entry: picks the engine client and the host services for the host (the desktop bridge, or a Web Worker
 * and the browser's own storage, downloads and clipboard) and mounts the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { TimelineStore } from './state/timeline-store.ts';
import { createWorkerEngineClient } from './bridge/worker-engine-client.ts';
import type { EngineClient } from './bridge/engine-client.ts';
import type { HostServices } from './host/host-services.ts';
import { createBrowserHost } from './host/browser-host.ts';
import './theme/app.css';

/**
 * In the browser the Worker is created first thing: it must fetch and start the engine before the first timeline can
 * be drawn, and nothing else here needs to wait for it.
 */
async function chooseHost(): Promise<{ client: EngineClient; host: HostServices }> {
  const bridge = window.tokenscope;
  if (!bridge) return { client: createWorkerEngineClient(), host: createBrowserHost(window) };
  const [{ createDesktopEngineClient }, { createDesktopHost }] = await Promise.all([
    import('./bridge/desktop-engine-client.ts'),
    import('./host/desktop-host.ts'),
  ]);
  return { client: createDesktopEngineClient(bridge), host: createDesktopHost(bridge) };
}

const store = new TimelineStore();
const { client, host } = await chooseHost();
client.onMessage((message) => store.apply(message));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} client={client} host={host} />
  </StrictMode>,
);
