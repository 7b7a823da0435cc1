/**
 * Bundles the main process and the preload with esbuild: `npm run build:electron` (tsx runs this file).
 *
 * Both come out as CommonJS (.cjs, because package.json says "type": "module"): a sandboxed preload cannot be an ES
 * module, and one format for both keeps the packaged app simple. Everything except 'electron' is inlined (the engine,
 * jose, yaml), so the packaged app needs no node_modules at all.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';

export interface ElectronBuildOptions {
  /** The project folder (where package.json is). */
  projectRoot: string;
  /** Defaults to <projectRoot>/dist/electron, next to the renderer in dist/renderer. */
  outDir?: string;
  minify?: boolean;
}

export const MAIN_BUNDLE = 'main.cjs';
export const PRELOAD_BUNDLE = 'preload.cjs';

export function electronBuildConfigs(options: ElectronBuildOptions): { main: BuildOptions; preload: BuildOptions } {
  const outDir = options.outDir ?? path.join(options.projectRoot, 'dist', 'electron');
  const common: BuildOptions = {
    bundle: true,
    format: 'cjs',
    external: ['electron'],
    sourcemap: 'linked',
    minify: options.minify ?? false,
    legalComments: 'linked',
    logLevel: 'warning',
    metafile: true,
    absWorkingDir: options.projectRoot,
  };
  return {
    main: {
      ...common,
      entryPoints: [path.join(options.projectRoot, 'electron', 'main', 'main.ts')],
      outfile: path.join(outDir, MAIN_BUNDLE),
      platform: 'node',
      // Electron 45's Node; newer syntax would be passed through untranspiled and fail only at startup.
      target: 'node22',
    },
    preload: {
      ...common,
      entryPoints: [path.join(options.projectRoot, 'electron', 'preload', 'preload.ts')],
      outfile: path.join(outDir, PRELOAD_BUNDLE),
      // The preload runs in the renderer process: Chromium's JavaScript, no Node built-ins beyond 'electron'.
      platform: 'browser',
      target: 'chrome130',
    },
  };
}

export async function buildElectron(options: ElectronBuildOptions): Promise<{ main: Metafile; preload: Metafile }> {
  const configs = electronBuildConfigs(options);
  const [main, preload] = await Promise.all([build(configs.main), build(configs.preload)]);
  return { main: main.metafile!, preload: preload.metafile! };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  buildElectron({ projectRoot, minify: process.argv.includes('--minify') }).then(
    () => console.log(`built dist/electron/${MAIN_BUNDLE} and dist/electron/${PRELOAD_BUNDLE}`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
