import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The entry (main.tsx) starts the engine Worker and then imports the app (mount-app.tsx), a chunk of its own so that
 * nothing delays the Worker. Fetching the app only once the entry has run would cost a round trip on the way to the
 * first timeline, so index.html preloads it, with the chunks and styles it imports, alongside the entry.
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'tokenscope:preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).flatMap((output) => (output.type === 'chunk' ? [output] : []));
        const app = chunks.find((chunk) => chunk.moduleIds.some((id) => id.endsWith('/renderer/mount-app.tsx')));
        if (!app) throw new Error('the build has no mount-app chunk to preload');
        const already = new Set([...html.matchAll(/(?:src|href)="\.\/([^"]+\.js)"/g)].map((m) => m[1]));
        // The app chunk and every chunk it imports statically, however deep.
        const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const closure = new Set<string>();
        const visit = (file: string) => {
          if (closure.has(file)) return;
          closure.add(file);
          for (const imported of byFile.get(file)?.imports ?? []) visit(imported);
        };
        visit(app.fileName);
        const files = [...closure].filter((file) => !already.has(file));
        const styles = [...closure].flatMap((file) => [...(byFile.get(file)?.viteMetadata?.importedCss ?? [])]);
        return [
          ...files.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
          // Preloaded, not linked: a stylesheet link would hold the entry script back until it loaded.
          ...[...new Set(styles)].map((file) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

/**
 * What the first timeline needs, in two chunks rather than the dozens of small shared chunks the lazy panels would
 * otherwise split it into (each one a request): the entry's own imports ('boot', light, so the Worker starts at once)
 * and everything the app imports statically ('app').
 */
const firstLoad = new Map<string, 'boot' | 'app'>();
function collectFirstLoad(): Plugin {
  return {
    name: 'tokenscope:collect-first-load',
    apply: 'build',
    buildEnd() {
      const visit = (id: string, group: 'boot' | 'app') => {
        if (firstLoad.has(id)) return;
        firstLoad.set(id, group);
        for (const imported of this.getModuleInfo(id)?.importedIds ?? []) visit(imported, group);
      };
      const ids = [...this.getModuleIds()];
      for (const id of ids) if (id.endsWith('/renderer/main.tsx')) visit(id, 'boot');
      for (const id of ids) if (id.endsWith('/renderer/mount-app.tsx')) visit(id, 'app');
    },
  };
}

// One renderer for both hosts: the desktop app loads dist/renderer over app://, the browser build serves it locally.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), collectFirstLoad(), preloadAppChunk()],
  worker: { format: 'es' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'boot', test: (id: string) => firstLoad.get(id) === 'boot', priority: 2 },
            { name: 'app', test: (id: string) => firstLoad.get(id) === 'app', priority: 1 },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
});
