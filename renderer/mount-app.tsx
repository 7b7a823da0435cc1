/**
 * Mounts the app once the entry (main.tsx) has started the engine: picks the host services (the desktop bridge, or the
 * browser's own storage, downloads and clipboard) and, on the desktop, the engine client over the bridge.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import type { TimelineStore } from './state/timeline-store.ts';
import type { EngineClient } from './bridge/engine-client.ts';
import type { HostServices } from './host/host-services.ts';
import { createBrowserHost } from './host/browser-host.ts';
import './theme/app.css';

async function chooseHost(browserClient: EngineClient | undefined): Promise<{ client: EngineClient; host: HostServices; loadSent: boolean }> {
  const bridge = window.tokenscope;
  if (!bridge) {
    if (!browserClient) throw new Error('the browser build starts its engine in the entry');
    return { client: browserClient, host: createBrowserHost(window), loadSent: true };
  }
  const [{ createDesktopEngineClient }, { createDesktopHost }] = await Promise.all([
    import('./bridge/desktop-engine-client.ts'),
    import('./host/desktop-host.ts'),
  ]);
  const client = createDesktopEngineClient(bridge);
  return { client, host: createDesktopHost(bridge), loadSent: false };
}

/**
 * `browserClient` is the Worker's client the entry started, already feeding `store` and already asked for the default
 * scenario; absent on the desktop, whose engine runs in the main process.
 */
export async function mountApp(store: TimelineStore, browserClient: EngineClient | undefined): Promise<void> {
  const { client, host, loadSent } = await chooseHost(browserClient);
  if (!browserClient) client.onMessage((message) => store.apply(message));
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App store={store} client={client} host={host} defaultScenarioSent={loadSent} />
    </StrictMode>,
  );
}
